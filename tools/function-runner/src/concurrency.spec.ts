import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFunctionRunner, type FunctionRunner } from './function-runner';
import { fixtureBundles, logCollector, type FixtureBundles } from './test-support/fixture-bundles';

/** Logs when each invocation starts and ends, so ordering shows whether invocations overlapped. */
const STEPS = `exports.handler = async (event) => {
  console.log('start ' + event.n);
  await new Promise((r) => setTimeout(r, 40));
  console.log('end ' + event.n);
  return event.n;
};`;

/**
 * Invocations with `parties` wait until that many have arrived (marker files in a shared
 * directory), so they can only all succeed if they really run at the same time.
 */
const BARRIER = `const fs = require('node:fs'); const path = require('node:path');
exports.handler = async (event) => {
  console.log('start ' + event.n);
  if (event.parties) {
    fs.writeFileSync(path.join(event.dir, String(event.n)), '');
    const giveUp = Date.now() + 5000;
    while (fs.readdirSync(event.dir).length < event.parties) {
      if (Date.now() > giveUp) throw new Error('never met the others');
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  console.log('end ' + event.n);
  return event.n;
};`;

describe('reserved concurrency', () => {
  let bundles: FixtureBundles;
  let runner: FunctionRunner | undefined;

  beforeEach(() => {
    bundles = fixtureBundles();
  });

  afterEach(async () => {
    await runner?.close();
    runner = undefined;
    bundles.remove();
  });

  it('with reserved concurrency 1, later invocations wait in a FIFO queue and never overlap', async () => {
    // Prepare
    const logs = logCollector();
    runner = createFunctionRunner({ functions: [bundles.add('single', STEPS, { reservedConcurrency: 1 })], onLog: logs.onLog });

    // Act
    const pending = [1, 2, 3].map((n) => runner!.invoke('single', { n }, { mode: 'async' }));
    const whileQueued = runner.stats()['single'];
    const outcomes = await Promise.all(pending);

    // Assess
    expect(whileQueued).toMatchObject({ queueDepth: 2, busyWorkers: 1 });
    expect(logs.of('single')).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
    expect(outcomes.map((o) => o.ok && o.coldStart)).toEqual([true, false, false]);
    expect(runner.stats()['single']).toMatchObject({ queueDepth: 0, busyWorkers: 0, workers: 1, invocations: 3 });
  });

  it('runs up to the limit in parallel, each in its own environment', async () => {
    // Prepare
    const logs = logCollector();
    const dir = mkdtempSync(path.join(tmpdir(), 'barrier-'));
    runner = createFunctionRunner({ functions: [bundles.add('pair', BARRIER, { reservedConcurrency: 2 })], onLog: logs.onLog });

    // Act
    const pending = [1, 2].map((n) => runner!.invoke('pair', { n, dir, parties: 2 }, { mode: 'async' }));
    pending.push(runner.invoke('pair', { n: 3 }, { mode: 'async' }));
    const whileQueued = runner.stats()['pair'];
    const outcomes = await Promise.all(pending).finally(() => rmSync(dir, { recursive: true, force: true }));

    // Assess
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, true]);
    expect(whileQueued).toMatchObject({ queueDepth: 1, busyWorkers: 2 });
    const order = logs.of('pair');
    expect(order.indexOf('start 3')).toBeGreaterThan(Math.min(order.indexOf('end 1'), order.indexOf('end 2')));
    expect(outcomes.filter((o) => o.ok && o.coldStart)).toHaveLength(2);
    expect(runner.stats()['pair']).toMatchObject({ workers: 2, coldStarts: 2 });
  });

  it('uses the default concurrency for functions without a reservation', async () => {
    // Prepare
    runner = createFunctionRunner({ functions: [bundles.add('open', STEPS)], onLog: () => undefined, defaultConcurrency: 3 });

    // Act
    const pending = [1, 2, 3, 4, 5].map((n) => runner!.invoke('open', { n }, { mode: 'async' }));
    const whileQueued = runner.stats()['open'];
    await Promise.all(pending);

    // Assess
    expect(whileQueued).toMatchObject({ queueDepth: 2, busyWorkers: 3 });
  });

  it('throttles every invocation of a function with reserved concurrency 0', async () => {
    // Prepare
    runner = createFunctionRunner({ functions: [bundles.add('off', STEPS, { reservedConcurrency: 0 })], onLog: () => undefined });

    // Act
    const outcome = await runner.invoke('off', { n: 1 }, { mode: 'async' });

    // Assess
    expect(outcome).toMatchObject({ ok: false, errorType: 'TooManyRequestsException' });
    expect(runner.stats()['off']).toMatchObject({ workers: 0, errors: 1 });
  });
});
