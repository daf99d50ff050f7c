import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { run } from './main';
import { createServer, type Server } from 'node:net';
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

  it('start names the flag that moves a server whose port is taken, before starting anything', async () => {
    // Prepare
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const taken = String((busy.address() as { port: number }).port);
    const free = ['--dashboard-port', '--bus-port', '--sqs-port', '--dynamodb-port', '--kinesis-port', '--s3-port'].flatMap((flag) => [flag, '0']);
    const output = captureOutput();

    // Act
    const code = await run(['node', 'pulse', 'start', '--no-build', '--no-sim', '--api-port', taken, ...free]);
    output.restore();
    busy.close();

    // Assess
    expect(code).toBe(1);
    expect(output.chunks.stderr).toContain(`port ${taken} (api) is in use`);
    expect(output.chunks.stderr).toContain('--api-port');
  });

  it('start rejects a malformed flag by name', async () => {
    const output = captureOutput();
    const code = await run(['node', 'pulse', 'start', '--time-scale', 'fast']);
    output.restore();
    expect(code).not.toBe(0);
    expect(output.chunks.stderr).toMatch(/--time-scale <n>.*a number > 0/);
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
