import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { LocalEndpoints } from '../local-contract';
import { asSensor, call, eventually, readingAt, registerDevice, storedReadings } from './e2e-client';

const ROOT = resolve(__dirname, '../../../..');
const DEVICES = ['crash-1', 'crash-2', 'crash-3'];

let state: string;
const children: ChildProcess[] = [];

beforeAll(() => {
  state = mkdtempSync(join(tmpdir(), 'pulse-runtime-crash-'));
});

afterAll(async () => {
  for (const child of children) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    child.kill('SIGKILL');
    await once(child, 'exit');
  }
  rmSync(state, { recursive: true, force: true });
});

async function startRuntimeProcess(): Promise<{ child: ChildProcess; endpoints: LocalEndpoints; stderr: () => string }> {
  // `node --import tsx` rather than the tsx CLI, which would run the runtime in a grandchild the SIGKILL misses.
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'runtime-process.ts'), state, '1'], {
    cwd: ROOT,
    env: { ...process.env, TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.base.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const firstLine = await Promise.race([
    once(createInterface({ input: child.stdout! }), 'line').then(([line]) => line as string),
    once(child, 'exit').then(() => {
      throw new Error(`the runtime exited before it was ready:\n${stderr}`);
    }),
  ]);
  return { child, endpoints: JSON.parse(firstLine) as LocalEndpoints, stderr: () => stderr };
}

describe('a runtime killed mid-stream', () => {
  it('stores every acknowledged reading exactly once after a restart', async () => {
    // Prepare
    const first = await startRuntimeProcess();
    for (const deviceId of DEVICES) expect((await registerDevice(first.endpoints, deviceId, 'old-town')).status).toBe(201);
    const acknowledged = new Set<string>();
    let sending = true;
    let sent = 0;
    const base = Date.now() - 120_000;
    const sender = (async () => {
      for (let batch = 0; sending; batch++) {
        // Each device's readings a millisecond apart: every readingId (device@time) is new.
        const readings = DEVICES.flatMap((deviceId) => Array.from({ length: 5 }, (_, i) => readingAt(deviceId, base + batch * 5 + i)));
        sent += readings.length;
        const response = await call<{ readingIds?: string[] }>(first.endpoints, '/v1/readings', { method: 'POST', headers: asSensor(first.endpoints), body: JSON.stringify({ readings }) }).catch(
          () => undefined,
        );
        if (response?.status === 202) for (const id of response.body.readingIds ?? []) acknowledged.add(id);
      }
    })();

    // Act: kill it while readings are flowing through every hop, then start again on the same state
    await eventually('a few hundred acknowledged readings', async () => (acknowledged.size >= 300 ? true : undefined), 60_000, 20);
    first.child.kill('SIGKILL');
    await once(first.child, 'exit');
    sending = false;
    await sender;
    const second = await startRuntimeProcess();

    // Assess
    const token = second.endpoints.operatorToken;
    const stored = await eventually(
      `all ${acknowledged.size} acknowledged readings stored after the restart`,
      async () => {
        const items = (await Promise.all(DEVICES.map((deviceId) => storedReadings(second.endpoints, token, deviceId)))).flat();
        const ids = new Set(items.map((item) => item.readingId));
        return [...acknowledged].every((id) => ids.has(id)) ? items : undefined;
      },
      90_000,
      500,
    );
    const counts = new Map<string, number>();
    for (const item of stored) counts.set(item.readingId, (counts.get(item.readingId) ?? 0) + 1);
    expect([...acknowledged].filter((id) => counts.get(id) !== 1)).toEqual([]);
    expect(sent).toBeGreaterThan(acknowledged.size - 1);
    second.child.kill('SIGTERM');
    await once(second.child, 'exit');
  }, 180_000);
});
