const UNITS: Readonly<Record<string, number>> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * `--since` for reconcile: an ISO-8601 date-time (`2026-11-22T14:00:00Z`), epoch milliseconds,
 * or a duration back from `nowMs` (`90s`, `30m`, `2h`, `7d`). Throws RangeError saying what is accepted.
 */
export function parseSince(text: string, nowMs: number): Date {
  const trimmed = text.trim();
  const relative = /^(\d+(?:\.\d+)?)([smhd])$/.exec(trimmed);
  if (relative) return new Date(nowMs - Number(relative[1]) * UNITS[relative[2]]);
  if (/^\d+$/.test(trimmed)) return new Date(Number(trimmed));
  // A date alone (2026-11-22) is UTC midnight; a date-time needs its zone, or it would depend on the machine's.
  if (/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/.test(trimmed)) {
    const date = new Date(trimmed);
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw new RangeError(`--since '${text}': expected an ISO-8601 date-time with its zone (2026-11-22T14:00:00Z), epoch milliseconds, or a duration such as 30m, 2h, 7d`);
}
