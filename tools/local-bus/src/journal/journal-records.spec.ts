import { delivery } from '../delivery/__fixtures__/deliveries';
import { pendingEntries, recordLine, recordsFor, type JournalRecord } from './journal-records';

const line = (record: JournalRecord) => JSON.stringify(record);

describe('journal records', () => {
  it('keeps deliveries without an ack, carries dead-letter decisions and skips a torn last line', () => {
    // Prepare
    const lines = [
      line({ op: 'enqueue', key: 'k1', acceptedAt: 1, delivery: delivery('e1') }),
      line({ op: 'enqueue', key: 'k2', acceptedAt: 2, delivery: delivery('e2') }),
      line({ op: 'enqueue', key: 'k3', acceptedAt: 3, delivery: delivery('e3') }),
      line({ op: 'ack', key: 'k1', outcome: 'delivered' }),
      line({ op: 'dead', key: 'k2', attributes: { ERROR_CODE: 'TIMEOUT' } }),
      '{"op":"ack","key":"k3","outc',
    ];

    // Act
    const pending = pendingEntries(lines);

    // Assess
    expect(pending.map((e) => [e.key, e.delivery.event.id, e.deadLetter])).toEqual([
      ['k2', 'e2', { ERROR_CODE: 'TIMEOUT' }],
      ['k3', 'e3', undefined],
    ]);
  });

  it('writes compacted records that fold back into the same entries', () => {
    // Prepare
    const entries = [
      { key: 'k1', acceptedAt: 1, delivery: delivery('e1') },
      { key: 'k2', acceptedAt: 2, delivery: delivery('e2'), deadLetter: { ERROR_CODE: 'NO_RESOURCE' } },
    ];

    // Act
    const roundTrip = pendingEntries(recordsFor(entries).map(line));

    // Assess
    expect(roundTrip).toEqual(entries);
  });

  it.each<JournalRecord>([
    { op: 'enqueue', key: 'k1', acceptedAt: 1_800_000_000_000, delivery: delivery('e1', { deadLetterQueue: 'dlq' }) },
    { op: 'dead', key: 'k2', attributes: { ERROR_CODE: 'TIMEOUT', ERROR_MESSAGE: 'a "quoted"\nmessage' } },
    { op: 'ack', key: 'k3', outcome: 'delivered' },
  ])('writes a $op line that reads back as the record itself', (record) => {
    // Act
    const line = recordLine(record);

    // Assess
    expect(JSON.parse(line)).toEqual(JSON.parse(JSON.stringify(record)));
    expect(line).not.toContain('\n');
  });
});
