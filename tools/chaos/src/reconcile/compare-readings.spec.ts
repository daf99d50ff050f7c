import { compareReadings, generalised, type ReadingLedgers } from './compare-readings';
import type { DeadLetter } from './dead-letters';

function letter(overrides: Partial<DeadLetter>): DeadLetter {
  return {
    queue: 'transform-dlq',
    messageId: 'm1',
    ruleName: 'transform-readings-received',
    errorCode: 'ERROR_FROM_TARGET',
    errorMessage: 'boom',
    exhausted: 'MaximumRetryAttempts',
    retryAttempts: 4,
    detailType: 'ReadingsReceived',
    fleetId: 'f',
    readingIds: [],
    body: '{}',
    attributes: {},
    ...overrides,
  };
}

function ledgers(overrides: Partial<ReadingLedgers>): ReadingLedgers {
  return {
    since: new Date(0),
    acknowledged: new Map(),
    storedKeys: new Map(),
    deadLetters: [],
    storagePath: new Set(['transform-readings-received', 'persist-readings-enriched']),
    ...overrides,
  };
}

describe('compareReadings', () => {
  it('balances when every acknowledged reading is stored once', () => {
    const report = compareReadings(ledgers({ acknowledged: new Map([['d@1', 'f'], ['d@2', 'f']]), storedKeys: new Map([['d@1', ['f#d|1']], ['d@2', ['f#d|2']], ['d@0', ['f#d|0']]]) }));

    expect(report).toMatchObject({ acknowledged: 2, stored: 2, deadLettered: 0, missing: 0, duplicated: 0, ok: true, reasons: [] });
  });

  it('counts a reading neither stored nor dead-lettered as missing', () => {
    const report = compareReadings(ledgers({ acknowledged: new Map([['d@1', 'f'], ['d@2', 'f']]), storedKeys: new Map([['d@1', ['f#d|1']]]) }));

    expect(report).toMatchObject({ missing: 1, ok: false, samples: { missing: ['d@2'] } });
  });

  it('counts a reading in a storage-path DLQ as dead-lettered, not missing', () => {
    const report = compareReadings(ledgers({ acknowledged: new Map([['d@1', 'f']]), deadLetters: [letter({ readingIds: ['d@1'] })] }));

    expect(report).toMatchObject({ deadLettered: 1, missing: 0, duplicated: 0, ok: true });
  });

  it('does not let a DLQ off the storage path explain a missing reading', () => {
    const report = compareReadings(ledgers({ acknowledged: new Map([['d@1', 'f']]), deadLetters: [letter({ queue: 'alert-dlq', ruleName: 'alert-readings-enriched', readingIds: ['d@1'] })] }));

    expect(report).toMatchObject({ deadLettered: 0, missing: 1, duplicated: 0 });
    expect(report.reasons).toEqual([expect.objectContaining({ queue: 'alert-dlq', onStoragePath: false, readings: 1 })]);
  });

  it('counts stored under two keys and stored-and-dead-lettered as duplicates, once each', () => {
    const report = compareReadings(
      ledgers({
        acknowledged: new Map([['d@1', 'f'], ['d@2', 'f'], ['d@3', 'f']]),
        storedKeys: new Map([['d@1', ['f#d|1', 'g#d|1']], ['d@2', ['f#d|2']], ['d@3', ['f#d|3', 'g#d|3']]]),
        deadLetters: [letter({ readingIds: ['d@2', 'd@3'] }), letter({ messageId: 'm2', queue: 'persist-dlq', ruleName: 'persist-readings-enriched', readingIds: ['d@2'] })],
      }),
    );

    expect(report).toMatchObject({ duplicated: 3, storedTwice: 2, storedAndDeadLettered: 2, missing: 0, ok: false });
    expect(report.samples.storedAndDeadLettered).toEqual([
      { readingId: 'd@2', queues: ['transform-dlq', 'persist-dlq'] },
      { readingId: 'd@3', queues: ['transform-dlq'] },
    ]);
  });

  it('groups dead letters by queue, code and message, with request ids blanked', () => {
    const report = compareReadings(
      ledgers({
        deadLetters: [
          letter({ errorCode: 'TIMEOUT', errorMessage: 'RequestId: 0b6f7e5e-3c1d-4f2a-9d8e-1a2b3c4d5e6f Error: Task timed out after 30.00 seconds', readingIds: ['a', 'b'] }),
          letter({ messageId: 'm2', errorCode: 'TIMEOUT', errorMessage: 'RequestId: 7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6 Error: Task timed out after 30.00 seconds', readingIds: ['c'] }),
          letter({ messageId: 'm3', errorMessage: 'boom', readingIds: ['d'] }),
        ],
      }),
    );

    expect(report.reasons).toEqual([
      expect.objectContaining({ errorCode: 'TIMEOUT', errorMessage: 'RequestId: <id> Error: Task timed out after 30.00 seconds', messages: 2, readings: 3 }),
      expect.objectContaining({ errorCode: 'ERROR_FROM_TARGET', errorMessage: 'boom', messages: 1, readings: 1 }),
    ]);
    expect(report.deadLetterMessages).toBe(3);
  });

  it('keeps at most sampleSize examples', () => {
    const acknowledged = new Map(Array.from({ length: 50 }, (_, i) => [`d@${i}`, 'f'] as const));

    const report = compareReadings(ledgers({ acknowledged }), 3);

    expect(report.missing).toBe(50);
    expect(report.samples.missing).toEqual(['d@0', 'd@1', 'd@2']);
  });

  it('blanks ids and long numbers but keeps the words of a message', () => {
    expect(generalised(' event 12345678 failed for 0b6f7e5e-3c1d-4f2a-9d8e-1a2b3c4d5e6f after 4 tries ')).toBe('event <n> failed for <id> after 4 tries');
  });
});
