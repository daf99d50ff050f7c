import { createFunctionRunner, type FunctionRunner } from './function-runner';
import { fixtureBundles, logCollector, type FixtureBundles } from './test-support/fixture-bundles';

describe('invoke: results and errors', () => {
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
    const logs = logCollector();
    runner = createFunctionRunner({ functions: specs.map((args) => bundles.add(...args)), onLog: logs.onLog });
    return runner;
  }

  it('returns the handler result, JSON round-tripped, for a synchronous invocation', async () => {
    // Prepare
    const run = start(['echo', `exports.handler = async (event) => ({ got: event, at: new Date(0), fn: () => 1 });`]);

    // Act
    const outcome = await run.invoke('echo', { a: [1, 2] }, { mode: 'sync' });

    // Assess
    expect(outcome).toEqual({ ok: true, result: { got: { a: [1, 2] }, at: '1970-01-01T00:00:00.000Z' }, durationMs: expect.any(Number), coldStart: true });
  });

  it('hands back no result for an asynchronous invocation, and null for undefined', async () => {
    // Prepare
    const run = start(['value', `exports.handler = async () => 42;`], ['nothing', `exports.handler = async () => undefined;`]);

    // Act
    const asyncOutcome = await run.invoke('value', {}, { mode: 'async' });
    const undefinedOutcome = await run.invoke('nothing', {}, { mode: 'sync' });

    // Assess
    expect(asyncOutcome).toMatchObject({ ok: true, result: null });
    expect(undefinedOutcome).toMatchObject({ ok: true, result: null });
  });

  it('reports a thrown error with its name and message, without rejecting', async () => {
    // Prepare
    const run = start([
      'fails',
      `class ValidationError extends Error { constructor(m) { super(m); this.name = 'ValidationError'; } }
       exports.handler = async (event) => { throw new ValidationError('bad reading ' + event.id); };`,
    ]);

    // Act
    const outcome = await run.invoke('fails', { id: 'r1' }, { mode: 'async' });

    // Assess
    expect(outcome).toEqual({ ok: false, errorType: 'ValidationError', errorMessage: 'bad reading r1', durationMs: expect.any(Number) });
  });

  it('supports callback handlers, for results and for errors', async () => {
    // Prepare
    const run = start(
      ['cb-ok', `exports.handler = (event, context, callback) => { setTimeout(() => callback(null, { doubled: event.n * 2 }), 5); };`],
      ['cb-fail', `exports.handler = (event, context, callback) => callback('plain string failure');`],
    );

    // Act
    const ok = await run.invoke('cb-ok', { n: 21 }, { mode: 'sync' });
    const failed = await run.invoke('cb-fail', {}, { mode: 'sync' });

    // Assess
    expect(ok).toMatchObject({ ok: true, result: { doubled: 42 } });
    expect(failed).toMatchObject({ ok: false, errorType: 'string', errorMessage: 'plain string failure' });
  });

  it('fails an invocation whose result cannot be serialised, as Lambda does', async () => {
    // Prepare
    const run = start(['circular', `exports.handler = async () => { const o = {}; o.self = o; return o; };`]);

    // Act
    const outcome = await run.invoke('circular', {}, { mode: 'sync' });

    // Assess
    expect(outcome).toMatchObject({ ok: false, errorType: 'Runtime.MarshalError' });
  });

  it('fails a synchronous invocation whose result is over 6 MB', async () => {
    // Prepare
    const run = start(['huge', `exports.handler = async (event) => 'x'.repeat(event.size);`]);

    // Act
    const tooLarge = await run.invoke('huge', { size: 6 * 1024 * 1024 + 1 }, { mode: 'sync' });
    const atLimit = await run.invoke('huge', { size: 6 * 1024 * 1024 - 2 }, { mode: 'sync' });

    // Assess
    expect(tooLarge).toMatchObject({ ok: false, errorType: 'Function.ResponseSizeTooLarge' });
    expect(atLimit).toMatchObject({ ok: true });
  });

  it('reports init failures: a missing export, a missing bundle, a module that throws', async () => {
    // Prepare
    const run = start(['no-export', `exports.other = async () => 1;`], ['throws-at-init', `throw new RangeError('config missing');`]);
    const missing = createFunctionRunner({
      functions: [{ ...bundles.add('gone', ''), name: 'gone', bundlePath: '/nonexistent/gone/index.js' }],
      onLog: () => undefined,
    });

    // Act
    const noExport = await run.invoke('no-export', {}, { mode: 'sync' });
    const throwsAtInit = await run.invoke('throws-at-init', {}, { mode: 'sync' });
    const gone = await missing.invoke('gone', {}, { mode: 'sync' }).finally(() => missing.close());

    // Assess
    expect(noExport).toMatchObject({ ok: false, errorType: 'Runtime.HandlerNotFound', errorMessage: 'index.handler is undefined or not exported' });
    expect(throwsAtInit).toMatchObject({ ok: false, errorType: 'RangeError', errorMessage: 'config missing' });
    expect(gone).toMatchObject({ ok: false, errorType: 'Runtime.ImportModuleError' });
    expect(run.stats()['no-export']).toMatchObject({ invocations: 1, errors: 1, workers: 0 });
  });

  it('addresses a function by name or by ARN, and throws for an unknown function', async () => {
    // Prepare
    const run = start(['named', `exports.handler = async () => 'hi';`]);

    // Act
    const byArn = await run.invoke('arn:aws:lambda:us-east-1:000000000000:function:named', {}, { mode: 'sync' });
    const unknown: unknown = await run.invoke('nobody', {}, { mode: 'async' }).catch((error: unknown) => error);

    // Assess
    expect(byArn).toMatchObject({ ok: true, result: 'hi' });
    expect(unknown).toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('rejects an asynchronous payload over 256 KB before invoking', async () => {
    // Prepare
    const run = start(['big', `exports.handler = async (event) => event.blob.length;`]);
    const blob = 'x'.repeat(300 * 1024);

    // Act
    const asyncError: unknown = await run.invoke('big', { blob }, { mode: 'async' }).catch((error: unknown) => error);
    const syncOutcome = await run.invoke('big', { blob }, { mode: 'sync' });

    // Assess
    expect(asyncError).toMatchObject({ name: 'RequestEntityTooLargeException' });
    expect(syncOutcome).toMatchObject({ ok: true, result: blob.length });
    expect(run.stats()['big'].invocations).toBe(1);
  });
});
