import { csvHeaderIssues, csvRowToReading } from './csv-reading';

describe('CSV rows', () => {
  it('turns a row into a reading: empty cells absent, digit timestamps as epoch ms', () => {
    expect(csvRowToReading({ deviceId: 's1', timestamp: '1767225600000', pm25: '12.5', pm10: '', humidity: '40' })).toEqual({
      deviceId: 's1',
      timestamp: 1767225600000,
      measurements: { pm25: 12.5, humidity: 40 },
    });
  });

  it('keeps a non-numeric cell as text so validation names it', () => {
    expect(csvRowToReading({ deviceId: 's1', timestamp: '2026-01-01T00:00:00Z', o3: 'n/a' })).toMatchObject({ measurements: { o3: 'n/a' } });
  });

  it('accepts any subset of the columns with deviceId and timestamp, and names unknown or missing ones', () => {
    expect(csvHeaderIssues(['timestamp', 'deviceId', 'co'])).toEqual([]);
    expect(csvHeaderIssues(['deviceId', 'pm1']).map((i) => `${i.path}:${i.rule}`)).toEqual(['pm1:additionalProperties', 'timestamp:required']);
  });
});
