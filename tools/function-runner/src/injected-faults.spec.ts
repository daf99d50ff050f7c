import { createFunctionRunner, type FunctionRunner, type FunctionRunnerOptions } from './function-runner';
import type { FaultRule } from './fault-rules';
import { fixtureBundles, logCollector, type FixtureBundles } from './test-support/fixture-bundles';

/** Logs each time the handler really runs, so a test sees whether a fault replaced it. */
const COUNTING = `let runs = 0; exports.handler = async () => { runs += 1; console.log('ran ' + runs); return { runs }; };`;

/** Hands out the given draws in order, then 0.99 (no fault for any rule below 0.99). */
function draws(...values: number[]): () => number {
  return () => values.shift() ?? 0.99;
}

describe('injected faults', () => {
  let bundles: FixtureBundles;
  let runner: FunctionRunner | undefined;
  let logs: ReturnType<typeof logCollector>;

  beforeEach(() => {
    bundles = fixtureBundles();
    logs = logCollector();
  });

  afterEach(async () => {
    await runner?.close();
    runner = undefined;
    bundles.remove();
  });

  function start(faults: readonly FaultRule[], extra: Partial<FunctionRunnerOptions> = {}) {
    runner = createFunctionRunner({
      functions: [
        bundles.add('normalize', COUNTING, { service: 'transform', timeoutSeconds: 0.3 }),
        bundles.add('store', COUNTING, { service: 'persist' }),
        bundles.add('real-error', `exports.handler = async () => { throw new Error('boom'); };`, { service: 'other' }),
      ],
      onLog: logs.onLog,
      faults,
      ...extra,
    });
    return runner;
  }

  it('throws in place of the handler: the same shape as a real thrown Error, and the environment stays warm', async () => {
    // Prepare
    const run = start([{ target: 'normalize', probability: 1, kind: 'error' }], { faultRandom: draws(0) });
    const real = await run.invoke('real-error', {}, { mode: 'async' });

    // Act
    const injected = await run.invoke('normalize', {}, { mode: 'async' });
    run.setFaults([]);
    const after = await run.invoke('normalize', {}, { mode: 'sync' });

    // Assess
    expect(Object.keys(injected).sort()).toEqual(Object.keys(real).sort());
    expect(injected).toEqual({ ok: false, errorType: 'Error', errorMessage: 'Injected fault (PULSE_FAULTS): normalize failed', durationMs: expect.any(Number) });
    expect(after).toMatchObject({ ok: true, coldStart: false, result: { runs: 1 } });
    expect(logs.of('normalize')).toEqual(['ran 1']);
    expect(run.stats()['normalize']).toMatchObject({ invocations: 2, errors: 1, injectedFaults: 1, injectedByKind: { error: 1, timeout: 0, throttle: 0 }, coldStarts: 1, timeouts: 0 });
  });

  it('runs past the declared timeout: Sandbox.Timedout as Lambda words it, then a cold start', async () => {
    // Prepare
    const run = start([{ target: 'transform', probability: 1, kind: 'timeout' }], { faultRandom: draws(0.5) });

    // Act
    const timedOut = await run.invoke('normalize', {}, { mode: 'sync' });
    run.setFaults([]);
    const after = await run.invoke('normalize', {}, { mode: 'sync' });

    // Assess
    expect(timedOut).toMatchObject({ ok: false, errorType: 'Sandbox.Timedout' });
    expect(!timedOut.ok && timedOut.errorMessage).toMatch(/^RequestId: [0-9a-f-]{36} Error: Task timed out after 0\.30 seconds$/);
    expect(timedOut.durationMs).toBeGreaterThanOrEqual(290);
    expect(after).toMatchObject({ ok: true, coldStart: true, result: { runs: 1 } });
    expect(logs.of('normalize').some((line) => / Task timed out after 0\.30 seconds$/.test(line))).toBe(true);
    expect(run.stats()['normalize']).toMatchObject({ invocations: 2, errors: 1, timeouts: 1, injectedFaults: 1, injectedByKind: { error: 0, timeout: 1, throttle: 0 }, coldStarts: 2 });
  });

  it('answers TooManyRequestsException at once, as a function at its concurrency limit, and runs nothing', async () => {
    // Prepare
    const run = start([{ target: 'persist', probability: 1, kind: 'throttle' }], { faultRandom: draws(0) });

    // Act
    const throttled = await run.invoke('store', {}, { mode: 'async' });

    // Assess
    expect(throttled).toEqual({ ok: false, errorType: 'TooManyRequestsException', errorMessage: 'Rate Exceeded.', durationMs: 0 });
    expect(run.stats()['store']).toMatchObject({ invocations: 1, errors: 1, injectedFaults: 1, injectedByKind: { error: 0, timeout: 0, throttle: 1 }, workers: 0, coldStarts: 0 });
    expect(logs.of('store')).toEqual([]);
  });

  it('shares one draw among the kinds of a target: their probabilities stack into bands', async () => {
    // Prepare: error below 0.1, throttle from 0.1 to 0.3, nothing above
    const run = start(
      [
        { target: 'store', probability: 0.1, kind: 'error' },
        { target: 'store', probability: 0.2, kind: 'throttle' },
      ],
      { faultRandom: draws(0.05, 0.15, 0.29, 0.31, 0.9) },
    );

    // Act
    const outcomes = [];
    for (let i = 0; i < 5; i += 1) outcomes.push(await run.invoke('store', {}, { mode: 'async' }));

    // Assess
    expect(outcomes.map((o) => (o.ok ? 'ok' : o.errorType))).toEqual(['Error', 'TooManyRequestsException', 'TooManyRequestsException', 'ok', 'ok']);
  });

  it('lets the most specific target win: function name, then service, then *', async () => {
    // Prepare: every function always fails, except persist's (never) and normalize (throttled)
    const run = start(
      [
        { target: '*', probability: 1, kind: 'error' },
        { target: 'persist', probability: 0, kind: 'error' },
        { target: 'normalize', probability: 1, kind: 'throttle' },
      ],
      { faultRandom: () => 0.5 },
    );

    // Act
    const [normalize, store, other] = await Promise.all(['normalize', 'store', 'real-error'].map((name) => run.invoke(name, {}, { mode: 'async' })));

    // Assess
    expect(normalize).toMatchObject({ ok: false, errorType: 'TooManyRequestsException' });
    expect(store).toMatchObject({ ok: true });
    expect(other).toMatchObject({ ok: false, errorType: 'Error', errorMessage: 'Injected fault (PULSE_FAULTS): real-error failed' });
  });

  it('injects about the configured share of invocations with the default random draw', async () => {
    // Prepare
    const run = start([{ target: 'store', probability: 0.2, kind: 'throttle' }]);

    // Act
    const outcomes = await Promise.all(Array.from({ length: 2_000 }, () => run.invoke('store', {}, { mode: 'async' })));

    // Assess: 400 expected; 6 standard deviations either side
    const throttled = outcomes.filter((o) => !o.ok).length;
    expect(throttled).toBeGreaterThan(290);
    expect(throttled).toBeLessThan(510);
    expect(run.stats()['store'].injectedFaults).toBe(throttled);
  });

  it('refuses a target that names no function or service, listing the known ones', () => {
    expect(() => start([{ target: 'transfrom', probability: 0.2, kind: 'error' }])).toThrow(
      "PULSE_FAULTS: 'transfrom' is neither a function nor a service here; known: normalize, other, persist, real-error, store, transform",
    );
  });

  it('keeps the previous rules when setFaults is given invalid ones', async () => {
    // Prepare
    const run = start([{ target: 'store', probability: 1, kind: 'throttle' }], { faultRandom: () => 0 });

    // Act
    const attempt = () => run.setFaults([{ target: 'store', probability: 2, kind: 'error' }]);

    // Assess
    expect(attempt).toThrow(/between 0 and 1/);
    expect(run.faults()).toEqual([{ target: 'store', probability: 1, kind: 'throttle' }]);
    expect(await run.invoke('store', {}, { mode: 'async' })).toMatchObject({ ok: false, errorType: 'TooManyRequestsException' });
  });
});
