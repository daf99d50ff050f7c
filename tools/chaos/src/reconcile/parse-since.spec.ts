import { parseSince } from './parse-since';

const NOW = Date.parse('2026-11-22T14:00:00.000Z');

describe('parseSince', () => {
  it.each([
    ['30m', '2026-11-22T13:30:00.000Z'],
    ['2h', '2026-11-22T12:00:00.000Z'],
    ['90s', '2026-11-22T13:58:30.000Z'],
    ['1.5d', '2026-11-21T02:00:00.000Z'],
    ['2026-11-22T10:15:00Z', '2026-11-22T10:15:00.000Z'],
    ['2026-11-22T10:15:00.250+01:00', '2026-11-22T09:15:00.250Z'],
    ['2026-11-20', '2026-11-20T00:00:00.000Z'],
    ['1700000000000', '2023-11-14T22:13:20.000Z'],
  ])('reads %p', (text, iso) => {
    expect(parseSince(text, NOW).toISOString()).toBe(iso);
  });

  it.each(['yesterday', '2026-11-22T10:15:00', '5 minutes', '-1h', '', '2026-13-45'])('refuses %p, saying what it accepts', (text) => {
    expect(() => parseSince(text, NOW)).toThrow(/expected an ISO-8601 date-time with its zone/);
  });
});
