import type { InvokeResult } from '@pulse/function-runner';
import { batchOutcome } from './kinesis-batch-outcome';

const ok = (result: unknown): InvokeResult => ({ ok: true, result, durationMs: 1, coldStart: false });
const sequences = ['100', '200', '300'];

describe('batchOutcome (how Lambda reads a Kinesis function’s answer)', () => {
  it.each([null, undefined, {}, { batchItemFailures: [] }, { batchItemFailures: null }, 'done'])('is a success for %p', (result) => {
    expect(batchOutcome(ok(result), sequences, true)).toEqual({ kind: 'success' });
  });

  it('checkpoints before the lowest reported sequence number, whatever the order of the list', () => {
    const outcome = batchOutcome(ok({ batchItemFailures: [{ itemIdentifier: '300' }, { itemIdentifier: '200' }] }), sequences, true);
    expect(outcome).toMatchObject({ kind: 'partial', firstFailed: 1 });
  });

  it.each([
    ['an empty itemIdentifier', { batchItemFailures: [{ itemIdentifier: '' }] }],
    ['a null itemIdentifier', { batchItemFailures: [{ itemIdentifier: null }] }],
    ['a misspelt key', { batchItemFailures: [{ itemIdentifer: '200' }] }],
    ['a sequence number not in the batch', { batchItemFailures: [{ itemIdentifier: '999' }] }],
    ['a list that is not a list', { batchItemFailures: 'all' }],
  ])('fails the whole batch for %s, without calling it a function error', (_why, result) => {
    expect(batchOutcome(ok(result), sequences, true)).toMatchObject({ kind: 'failed', functionError: false });
  });

  it('ignores batchItemFailures when the mapping does not report them', () => {
    expect(batchOutcome(ok({ batchItemFailures: [{ itemIdentifier: '200' }] }), sequences, false)).toEqual({ kind: 'success' });
  });

  it('treats an error as a function error, and throttling as no invocation at all', () => {
    const failed = batchOutcome({ ok: false, errorType: 'TypeError', errorMessage: 'x', durationMs: 1 }, sequences, true);
    expect(failed).toEqual({
      kind: 'failed',
      functionError: true,
      response: { statusCode: 200, functionError: 'Unhandled', errorType: 'TypeError', errorMessage: 'x' },
    });
    const throttled = batchOutcome({ ok: false, errorType: 'TooManyRequestsException', errorMessage: 'Rate Exceeded.', durationMs: 0 }, sequences, true);
    expect(throttled.kind).toBe('notInvoked');
  });
});
