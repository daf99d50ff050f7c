import { checkTimestampWindow, TIMESTAMP_WINDOW } from './timestamp-window';
import { timestampToEpochMs } from './timestamp';

const NOW = Date.parse('2024-05-01T12:00:00Z');
const MINUTE = 60_000;
const DAY = 86_400_000;

describe('checkTimestampWindow (fixed clock)', () => {
  it('exports the documented default window: 5 minutes ahead, 7 days old', () => {
    // Prepare / Act
    const window = TIMESTAMP_WINDOW;

    // Assess
    expect(window).toEqual({ maxFutureMs: 5 * MINUTE, maxAgeMs: 7 * DAY });
  });

  it.each([
    ['now', NOW],
    ['exactly 5 minutes ahead', NOW + 5 * MINUTE],
    ['exactly 7 days old', NOW - 7 * DAY],
    ['an ISO string with an offset, same instant as now', '2024-05-01T14:00:00+02:00'],
  ])('accepts %s', (_label, timestamp) => {
    // Act
    const issue = checkTimestampWindow(timestamp, NOW);

    // Assess
    expect(issue).toBeUndefined();
  });

  it('rejects a reading 1 ms beyond the future limit, saying how far ahead it is', () => {
    // Prepare
    const timestamp = NOW + 5 * MINUTE + 1;

    // Act
    const issue = checkTimestampWindow(timestamp, NOW);

    // Assess
    expect(issue).toEqual({ path: 'timestamp', rule: 'timestampWindow', message: expect.stringContaining('in the future') });
  });

  it('rejects a reading 1 ms older than 7 days, in ISO form too', () => {
    // Prepare
    const timestamps = [NOW - 7 * DAY - 1, '2024-04-24T11:59:59.999Z'];

    // Act
    const issues = timestamps.map((t) => checkTimestampWindow(t, NOW));

    // Assess
    for (const issue of issues) expect(issue).toMatchObject({ path: 'timestamp', rule: 'timestampWindow', message: expect.stringContaining('7 days old') });
  });

  it('honours a custom window and path', () => {
    // Prepare
    const window = { maxFutureMs: 0, maxAgeMs: MINUTE };

    // Act
    const issues = [checkTimestampWindow(NOW + 1, NOW, window, 'readings[2].timestamp'), checkTimestampWindow(NOW - 2 * MINUTE, NOW, window)];

    // Assess
    expect(issues.map((i) => [i?.path, i?.rule])).toEqual([
      ['readings[2].timestamp', 'timestampWindow'],
      ['timestamp', 'timestampWindow'],
    ]);
  });

  it('reports an unparseable timestamp as a format issue rather than throwing', () => {
    // Act
    const issue = checkTimestampWindow('2024-13-01T00:00:00Z', NOW);

    // Assess
    expect(issue?.rule).toBe('format');
  });
});

describe('timestampToEpochMs', () => {
  it.each([
    ['2024-05-01T12:00:00Z', NOW],
    ['2024-05-01T12:00:00.5Z', NOW + 500],
    ['2024-05-01T12:00:00.123456789Z', NOW + 123],
    ['2024-05-01T07:30:00-04:30', NOW],
    [NOW, NOW],
  ])('converts %s', (input, expected) => {
    // Act
    const epochMs = timestampToEpochMs(input);

    // Assess
    expect(epochMs).toBe(expected);
  });

  it.each(['2023-02-29T00:00:00Z', '2024-05-01T12:00:00', '2024-05-01T12:60:00Z', '2024-05-01T12:00:00+24:00', 1.5, -5])(
    'returns undefined for %s',
    (input) => {
      // Act
      const epochMs = timestampToEpochMs(input);

      // Assess
      expect(epochMs).toBeUndefined();
    },
  );
  it('calls a parsed time before 1970 too old, not malformed', () => {
    // Ingest parses '1969-12-31T23:59:59.998Z' to -2 and checks the window on that number.
    expect(checkTimestampWindow(-2, Date.UTC(2026, 0, 1))).toEqual(expect.objectContaining({ path: 'timestamp', rule: 'timestampWindow' }));
    expect(checkTimestampWindow(1.5, Date.UTC(2026, 0, 1))).toEqual(expect.objectContaining({ rule: 'format' }));
  });
});
