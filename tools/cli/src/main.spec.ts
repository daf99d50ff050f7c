import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { run } from './main';
import { MISSING_FOR_START } from './commands/start';
import { workspaceRoot } from './workspace-root';

function captureOutput() {
  const chunks = { stdout: '', stderr: '' };
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((chunks.stdout += String(chunk)), true));
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((chunks.stderr += String(chunk)), true));
  return { chunks, restore: () => (out.mockRestore(), err.mockRestore()) };
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('pulse CLI', () => {
  it('lists its commands in --help and exits 0', async () => {
    // Prepare
    const output = captureOutput();
    // Act
    const code = await run(['node', 'pulse', '--help']);
    output.restore();
    // Assess
    expect(code).toBe(0);
    expect(output.chunks.stdout).toMatch(/Usage: pulse/);
    expect(output.chunks.stdout).toMatch(/start/);
    expect(output.chunks.stdout).toMatch(/bench/);
  });

  it('start says what is missing and fails until the local runtime exists', async () => {
    const output = captureOutput();
    const code = await run(['node', 'pulse', 'start']);
    output.restore();
    expect(code).not.toBe(0);
    for (const missing of MISSING_FOR_START) expect(output.chunks.stderr).toContain(missing);
  });

  it('rejects an unknown command with a non-zero code and a hint', async () => {
    const output = captureOutput();
    const code = await run(['node', 'pulse', 'frobnicate']);
    output.restore();
    expect(code).not.toBe(0);
    expect(output.chunks.stderr).toMatch(/unknown command 'frobnicate'/);
  });

  it('runs from its bin script as `npx pulse` does, resolving TypeScript in place', () => {
    const result = spawnSync(process.execPath, [join(workspaceRoot, 'tools/cli/bin/pulse.cjs'), 'start', '--help'], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Usage: pulse start/);
  });
});
