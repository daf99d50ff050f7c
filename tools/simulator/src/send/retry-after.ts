/** Retry-After in ms: delta-seconds or an HTTP date; `fallbackMs` when absent or unreadable. */
export function retryAfterMs(header: string | null, nowMs: number, fallbackMs = 1000): number {
  if (header === null || header.trim() === '') return fallbackMs;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? fallbackMs : Math.max(0, at - nowMs);
}
