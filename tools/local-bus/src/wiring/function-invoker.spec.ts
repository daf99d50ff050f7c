import { classifyError } from '../delivery/dead-letter-attributes';
import type { BusEvent } from '../model';
import { invokeAsync, noRunnerError, type FunctionInvoker } from './function-invoker';

const event: BusEvent = { version: '0', id: 'e-1', 'detail-type': 'T', source: 's', account: '0', time: '2026-11-22T12:00:00Z', region: 'us-east-1', resources: [], detail: {} };
const failingWith = (errorType: string, errorMessage: string): FunctionInvoker => ({
  invoke: async () => ({ ok: false, errorType, errorMessage, durationMs: 1 }),
});

describe('invokeAsync: a runner outcome as delivery sees it', () => {
  it('resolves for a successful invocation, asking for the asynchronous mode', async () => {
    // Prepare
    const calls: unknown[] = [];
    const runner: FunctionInvoker = { invoke: async (...args) => (calls.push(args), { ok: true, result: null, durationMs: 1, coldStart: true }) };

    // Act
    await invokeAsync(runner, 'fn', event);

    // Assess
    expect(calls).toEqual([['fn', event, { mode: 'async' }]]);
  });

  it.each([
    ['CalibrationError', 'ERROR_FROM_TARGET'],
    ['TooManyRequestsException', 'THROTTLING'],
    ['Sandbox.Timedout', 'TIMEOUT'],
  ])('rejects with an error named %s, which the DLQ reads as %s', async (errorType, code) => {
    // Act
    const error = await invokeAsync(failingWith(errorType, 'it broke'), 'fn', event).catch((e: unknown) => e as Error);

    // Assess
    expect(error).toMatchObject({ name: errorType, message: 'it broke' });
    expect(classifyError(error)).toEqual({ code, message: 'it broke' });
  });

  it('lets the runner’s own ResourceNotFoundException through, which is not retried', async () => {
    // Prepare
    const runner: FunctionInvoker = { invoke: () => Promise.reject(Object.assign(new Error('Function not found: fn'), { name: 'ResourceNotFoundException' })) };

    // Act
    const error = await invokeAsync(runner, 'fn', event).catch((e: unknown) => e as Error);

    // Assess
    expect(classifyError(error).code).toBe('NO_RESOURCE');
  });

  it('makes a missing runner an ordinary, retried target error', () => {
    // Act
    const classified = classifyError(noRunnerError('fn'));

    // Assess
    expect(classified.code).toBe('ERROR_FROM_TARGET');
    expect(classified.message).toMatch(/--with-functions/);
  });
});
