import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const workspace = join(__dirname, '..', '..', '..');

describe('simulator CLI', () => {
  it('documents every flag of the issue in --help', async () => {
    // Act
    const { stdout } = await run(process.execPath, ['--import', 'tsx', join(__dirname, 'main.ts'), '--help'], { cwd: workspace, timeout: 20_000 });

    // Assess
    for (const flag of ['--endpoint', '--api-key', '--rate', '--devices', '--zones', '--scenario', '--time-scale', '--duration', '--register', '--seed']) {
      expect(stdout).toContain(flag);
    }
    expect(stdout).toContain('http://127.0.0.1:3000');
    expect(stdout).toContain('pulse-local-key');
  }, 25_000);

  it('refuses an unknown scenario with a clear message', async () => {
    // Act
    const failure = await run(process.execPath, ['--import', 'tsx', join(__dirname, 'main.ts'), '--scenario', 'flood'], { cwd: workspace, timeout: 20_000 }).then(
      () => undefined,
      (error: { code?: number; stderr?: string }) => error,
    );

    // Assess
    expect(failure?.code).not.toBe(0);
    expect(failure?.stderr).toContain("'flood' is invalid");
  }, 25_000);
});
