import { createFunctionRunner, type FunctionRunner } from './function-runner';
import { heapLimitsFor } from './heap-limits';
import { fixtureBundles, type FixtureBundles } from './test-support/fixture-bundles';

/** Module-scope state shows which execution environment ran an invocation. */
const COUNTER = `let invocations = 0; const bornAt = Math.random();`;

describe('execution environments: warm reuse, timeouts, crashes', () => {
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

  function start(...specs: Parameters<FixtureBundles['add']>[]) {
    runner = createFunctionRunner({ functions: specs.map((args) => bundles.add(...args)), onLog: () => undefined });
    return runner;
  }

  it('reuses a warm environment: module state survives, only the first invocation is a cold start', async () => {
    // Prepare
    const run = start(['counter', `${COUNTER} exports.handler = async () => ({ count: ++invocations, bornAt });`]);

    // Act
    const outcomes = [];
    for (let i = 0; i < 3; i += 1) outcomes.push(await run.invoke('counter', {}, { mode: 'sync' }));

    // Assess
    expect(outcomes.map((o) => o.ok && o.coldStart)).toEqual([true, false, false]);
    expect(outcomes.map((o) => o.ok && (o.result as { count: number }).count)).toEqual([1, 2, 3]);
    expect(new Set(outcomes.map((o) => o.ok && (o.result as { bornAt: number }).bornAt)).size).toBe(1);
    expect(run.stats()['counter']).toMatchObject({ invocations: 3, coldStarts: 1, errors: 0, workers: 1, busyWorkers: 0 });
  });

  it('prewarm loads one environment per function before any invocation, and the first invocation uses it', async () => {
    // Prepare: module scope records when the bundle was loaded
    const run = start(['early', `const loadedAt = Date.now(); exports.handler = async () => ({ loadedAt, now: Date.now() });`]);

    // Act
    run.prewarm();
    const before = run.stats()['early'];
    await new Promise((resolve) => setTimeout(resolve, 300));
    const invokedAt = Date.now();
    const outcome = await run.invoke('early', {}, { mode: 'sync' });

    // Assess: loaded before the invocation was sent (without prewarm it would load after), and
    // used by it. Not "300 ms before": a busy machine may take a while to start the worker.
    expect(before).toMatchObject({ workers: 1, invocations: 0 });
    expect(run.stats()['early']).toMatchObject({ workers: 1, invocations: 1, coldStarts: 1 });
    const { loadedAt, now } = (outcome.ok ? outcome.result : {}) as { loadedAt: number; now: number };
    expect(loadedAt).toBeLessThan(invokedAt);
    expect(now).toBeGreaterThanOrEqual(invokedAt);
  });

  it("reports each environment's heap in use after its latest invocation, as a module that holds memory grows", async () => {
    // Prepare: every invocation keeps ~8 MB more at module scope
    const run = start(['hoard', `const kept = []; exports.handler = async () => { kept.push(new Array(1_000_000).fill(kept.length)); return kept.length; };`]);

    // Act
    run.prewarm();
    const beforeAny = run.stats()['hoard'].heapUsedBytes;
    await run.invoke('hoard', {}, { mode: 'sync' });
    const afterOne = run.stats()['hoard'].heapUsedBytes ?? 0;
    for (let i = 0; i < 3; i += 1) await run.invoke('hoard', {}, { mode: 'sync' });
    const afterFour = run.stats()['hoard'].heapUsedBytes ?? 0;

    // Assess
    expect(beforeAny).toBe(0);
    expect(afterOne).toBeGreaterThan(8_000_000);
    expect(afterFour - afterOne).toBeGreaterThan(20_000_000);
    expect(run.stats()['hoard'].heapResidentBytes).toBeGreaterThanOrEqual(afterFour);
  });

  it('has the young generation of the function’s declared memory, not of this machine', async () => {
    // Prepare: a 256 MB function. Objects that survive a scavenge or two make V8 grow the new
    // space (two semi-spaces) up to its limit: 32 MB on a large machine.
    const run = start([
      'heap',
      `exports.handler = async () => {
        const ring = new Array(200000);
        for (let i = 0; i < 3000000; i++) ring[i % ring.length] = { i, s: 'x' + i };
        return require('node:v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 1048576;
      };`,
      { memoryMb: 256 },
    ]);

    // Act
    const outcome = await run.invoke('heap', {}, { mode: 'sync' });

    // Assess
    const semiSpaceMb = heapLimitsFor(256).maxYoungGenerationSizeMb / 3;
    expect(outcome.ok && outcome.result).toBeGreaterThan(0);
    expect(outcome.ok && outcome.result).toBeLessThanOrEqual(2 * semiSpaceMb);
  });

  it('retires spare environments idle past the limit, oldest first, and keeps the last one warm', async () => {
    // Prepare: a burst of three starts three environments; then one invocation at a time keeps
    // only the most recently used one busy
    runner = createFunctionRunner({
      functions: [bundles.add('burst', `${COUNTER} exports.handler = async (e) => { await new Promise((r) => setTimeout(r, e.waitMs)); return bornAt; };`)],
      onLog: () => undefined,
      idleRetireMs: 400,
    });
    const run = runner;
    await Promise.all([0, 1, 2].map(() => run.invoke('burst', { waitMs: 100 }, { mode: 'sync' })));
    const afterBurst = run.stats()['burst'].workers;

    // Act: steady single invocations for longer than the idle limit, then silence
    const steady = [];
    const steadyUntil = Date.now() + 900;
    while (Date.now() < steadyUntil) steady.push(await run.invoke('burst', { waitMs: 50 }, { mode: 'sync' }));
    const afterSteady = run.stats()['burst'];
    await new Promise((resolve) => setTimeout(resolve, 900));
    const afterSilence = run.stats()['burst'];
    const next = await run.invoke('burst', { waitMs: 0 }, { mode: 'sync' });

    // Assess: the two spares went, the one in use stayed (same module scope), and silence does
    // not retire the last one
    const usedBy = new Set(steady.map((o) => o.ok && o.result));
    expect(afterBurst).toBe(3);
    expect(usedBy.size).toBe(1);
    expect(afterSteady).toMatchObject({ workers: 1, retiredEnvironments: 2, coldStarts: 3 });
    expect(afterSilence).toMatchObject({ workers: 1, retiredEnvironments: 2 });
    expect(next).toMatchObject({ ok: true, coldStart: false });
    expect(next.ok && usedBy.has(next.result)).toBe(true);
  });

  it('fails an invocation past its timeout as Lambda does, then replaces the environment (cold start)', async () => {
    // Prepare
    const run = start([
      'slow',
      `${COUNTER} exports.handler = async (event) => { invocations += 1;
         if (event.sleepMs) await new Promise((r) => setTimeout(r, event.sleepMs));
         return { count: invocations }; };`,
      { timeoutSeconds: 0.25 },
    ]);
    await run.invoke('slow', {}, { mode: 'sync' });

    // Act
    const timedOut = await run.invoke('slow', { sleepMs: 5_000 }, { mode: 'async' });
    const after = await run.invoke('slow', {}, { mode: 'sync' });

    // Assess
    expect(timedOut).toMatchObject({ ok: false, errorType: 'Sandbox.Timedout' });
    expect(!timedOut.ok && timedOut.errorMessage).toMatch(/^RequestId: [0-9a-f-]{36} Error: Task timed out after 0\.25 seconds$/);
    expect(timedOut.durationMs).toBeGreaterThanOrEqual(240);
    expect(after).toMatchObject({ ok: true, coldStart: true, result: { count: 1 } });
    expect(run.stats()['slow']).toMatchObject({ invocations: 3, timeouts: 1, errors: 1, coldStarts: 2, workers: 1 });
  });

  it('kills a handler stuck in a synchronous loop at its timeout', async () => {
    // Prepare
    const run = start(['spin', `exports.handler = async (event) => { if (event.spin) for (;;) {} return 'free'; };`, { timeoutSeconds: 0.2 }]);

    // Act
    const stuck = await run.invoke('spin', { spin: true }, { mode: 'sync' });
    const next = await run.invoke('spin', {}, { mode: 'sync' });

    // Assess
    expect(stuck).toMatchObject({ ok: false, errorType: 'Sandbox.Timedout' });
    expect(next).toMatchObject({ ok: true, result: 'free', coldStart: true });
  });

  it('counts down getRemainingTimeInMillis from the declared timeout', async () => {
    // Prepare
    const run = start([
      'clock',
      `exports.handler = async (event, context) => { const first = context.getRemainingTimeInMillis();
         await new Promise((r) => setTimeout(r, 60)); return { first, second: context.getRemainingTimeInMillis() }; };`,
      { timeoutSeconds: 2 },
    ]);

    // Act
    const outcome = await run.invoke('clock', {}, { mode: 'sync' });

    // Assess
    const { first, second } = (outcome.ok ? outcome.result : {}) as { first: number; second: number };
    expect(first).toBeLessThanOrEqual(2000);
    expect(first).toBeGreaterThan(1000);
    expect(first - second).toBeGreaterThanOrEqual(50);
  });

  it('replaces an environment whose runtime crashed: process.exit and an uncaught exception', async () => {
    // Prepare
    const run = start(
      ['exits', `${COUNTER} exports.handler = async (event) => { invocations += 1; if (event.exit) process.exit(3); return invocations; };`],
      ['uncaught', `exports.handler = async () => { setTimeout(() => { throw new TypeError('late failure'); }, 0); await new Promise((r) => setTimeout(r, 1000)); };`],
    );
    await run.invoke('exits', {}, { mode: 'sync' });

    // Act
    const exited = await run.invoke('exits', { exit: true }, { mode: 'sync' });
    const afterExit = await run.invoke('exits', {}, { mode: 'sync' });
    const uncaught = await run.invoke('uncaught', {}, { mode: 'sync' });

    // Assess
    expect(exited).toMatchObject({ ok: false, errorType: 'Runtime.ExitError', errorMessage: 'Runtime exited with error: exit status 3' });
    expect(afterExit).toMatchObject({ ok: true, coldStart: true, result: 1 });
    expect(uncaught).toMatchObject({ ok: false, errorType: 'TypeError', errorMessage: 'late failure' });
    expect(run.stats()['uncaught'].workers).toBe(0);
  });

  it('fails waiting invocations when closed, and rejects none', async () => {
    // Prepare
    const run = start(['hang', `exports.handler = () => new Promise(() => undefined);`, { reservedConcurrency: 1 }]);
    const running = run.invoke('hang', {}, { mode: 'async' });
    const waiting = run.invoke('hang', {}, { mode: 'async' });

    // Act
    await run.close();

    // Assess
    await expect(running).resolves.toMatchObject({ ok: false, errorType: 'Runtime.ExitError' });
    await expect(waiting).resolves.toMatchObject({ ok: false, errorType: 'Runtime.Closed' });
  });
});
