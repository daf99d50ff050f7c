import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

export const workspaceRoot = join(__dirname, '..', '..', '..');
const fixtureRoot = join(__dirname, '..', '__fixtures__', 'workspace');
/** nx.json's function builds read their esbuild settings from here. */
const LAMBDA_BUNDLE_CONFIG_DIR = 'tools/nx-plugin/esbuild';

export interface FixtureWorkspace {
  root: string;
  run(command: string, args: string[]): { status: number | null; stdout: string; stderr: string };
  dispose(): void;
}

/**
 * Materialises the fixture projects as a separate Nx workspace that uses Pulse's real
 * nx.json, compiler options and ESLint config, so the tests exercise the real rules.
 */
export function createFixtureWorkspace(): FixtureWorkspace {
  const root = mkdtempSync(join(tmpdir(), 'pulse-conventions-'));
  cpSync(fixtureRoot, root, { recursive: true });
  symlinkSync(join(workspaceRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  cpSync(join(workspaceRoot, 'nx.json'), join(root, 'nx.json'));
  cpSync(join(workspaceRoot, LAMBDA_BUNDLE_CONFIG_DIR), join(root, LAMBDA_BUNDLE_CONFIG_DIR), { recursive: true });
  const base = JSON.parse(readFileSync(join(workspaceRoot, 'tsconfig.base.json'), 'utf8'));
  base.compilerOptions.paths = JSON.parse(readFileSync(join(root, 'paths.json'), 'utf8'));
  writeFileSync(join(root, 'tsconfig.base.json'), JSON.stringify(base, null, 2));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'fixture-workspace', private: true }));
  writeFileSync(
    join(root, 'eslint.config.mjs'),
    `export { default } from ${JSON.stringify(join(workspaceRoot, 'eslint.config.mjs'))};\n`,
  );
  const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false', NX_WORKSPACE_ROOT_PATH: root };
  return {
    root,
    run: (command, args) => {
      const result = spawnSync(command, args, { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    },
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

export const nxBin = join(workspaceRoot, 'node_modules', '.bin', 'nx');
export const eslintBin = join(workspaceRoot, 'node_modules', '.bin', 'eslint');
