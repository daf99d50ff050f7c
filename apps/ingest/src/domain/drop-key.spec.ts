import { parseDropKey } from './drop-key';

describe('parseDropKey', () => {
  it('takes the fleet from the key and puts the report outside incoming/', () => {
    expect(parseDropKey('incoming/city-lyon/2026/01/day.csv')).toEqual({
      fleetId: 'city-lyon',
      name: '2026/01/day.csv',
      format: 'csv',
      reportKey: 'reports/city-lyon/2026/01/day.csv.json',
    });
    expect(parseDropKey('incoming/city-lyon/batch.ndjson')?.format).toBe('ndjson');
  });

  it.each(['reports/city-lyon/a.json', 'incoming/a.csv', 'incoming/City_Lyon/a.csv', 'incoming/city/', 'incoming//a.csv'])('ignores %s', (key) => {
    expect(parseDropKey(key)).toBeUndefined();
  });
});
