import { formatAge, formatDuration, formatRate, pollutantLabel } from './format';

describe('format', () => {
  it.each([
    [-5_000, 'just now'],
    [999, 'just now'],
    [42_000, '42 s ago'],
    [5 * 60_000 + 1, '5 min ago'],
    [(3 * 60 + 10) * 60_000, '3 h 10 min ago'],
    [3 * 86_400_000, '3 d ago'],
  ])('formatAge(%p) = %p', (ms, text) => {
    expect(formatAge(ms)).toBe(text);
  });

  it('formats durations and rates for people', () => {
    expect([formatDuration(12.4), formatDuration(2_340), formatDuration(39 * 60_000), formatDuration(150 * 60_000)]).toEqual(['12 ms', '2.3 s', '39 min', '2 h 30 min']);
    expect([formatRate(0.25), formatRate(12.6)]).toEqual(['0.3', '13']);
    expect([pollutantLabel('pm25'), pollutantLabel('humidity')]).toEqual(['PM2.5', 'humidity']);
  });
});
