import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { serviceGenerator } from './generator';

const workspaceRoot = join(__dirname, '..', '..', '..', '..', '..');
const bin = (name: string) => join(workspaceRoot, 'node_modules', '.bin', name);
// A new service, not one of the reference five: its declaration, tests and stack must stand alone.
const NAME = 'forecast';

let root: string;
const run = (command: string, args: string[]) => spawnSync(command, args, { cwd: root, encoding: 'utf8', timeout: 120_000 });

// Prepare: a workspace copy with Pulse's real libs and root config but no apps, then the generated service written into it.
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'pulse-generated-service-'));
  for (const entry of ['libs', 'types', 'tsconfig.base.json', 'jest.preset.cjs']) {
    cpSync(join(workspaceRoot, entry), join(root, entry), { recursive: true });
  }
  symlinkSync(join(workspaceRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  // Jest finds a project's root by its package.json: without one it ignores --config.
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'generated-service-workspace', private: true }));
  const tree = createTreeWithEmptyWorkspace();
  tree.write('tsconfig.base.json', readFileSync(join(root, 'tsconfig.base.json'), 'utf-8'));
  serviceGenerator(tree, { name: NAME });
  for (const change of tree.listChanges()) {
    if (change.type === 'DELETE' || !change.content || !(change.path.startsWith('apps/') || change.path === 'tsconfig.base.json')) continue;
    mkdirSync(dirname(join(root, change.path)), { recursive: true });
    writeFileSync(join(root, change.path), change.content);
  }
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a generated service, against the real libs', () => {
  it('typechecks under the strict workspace compiler options', () => {
    // Act
    const result = run(bin('tsc'), ['-p', `apps/${NAME}/tsconfig.json`, '--noEmit']);

    // Assess
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 120_000);

  it('passes its own tests: domain, handler on the golden sample, and the synthesised stack with cdk-nag', () => {
    // Act
    // The report goes to a file: the handler's structured logs are written to stdout too.
    const result = run(bin('jest'), ['--config', `apps/${NAME}/jest.config.cjs`, '--json', `--outputFile=${join(root, 'report.json')}`, '--silent']);

    // Assess
    const report = JSON.parse(readFileSync(join(root, 'report.json'), 'utf-8')) as { numPassedTests: number; numFailedTests: number; numTotalTestSuites: number };
    expect(report).toMatchObject({ numFailedTests: 0, numTotalTestSuites: 3 });
    expect(report.numPassedTests).toBe(7);
    expect(result.status).toBe(0);
  }, 120_000);
});
