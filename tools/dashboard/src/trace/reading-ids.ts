/**
 * The readingIds an event's `detail.data` carries: `readings[].readingId` (ReadingsReceived,
 * Normalized, Enriched) and `readingIds` (ReadingsStored, AlertRaised, AlertResolved). Unique,
 * in order of appearance; [] for any other shape.
 */
export function readingIdsOf(event: unknown): string[] {
  const data = dataOf(event);
  if (data === undefined) return [];
  const ids = new Set<string>();
  if (Array.isArray(data['readings'])) {
    for (const reading of data['readings']) {
      const id = isRecord(reading) ? reading['readingId'] : undefined;
      if (typeof id === 'string') ids.add(id);
    }
  }
  if (Array.isArray(data['readingIds'])) for (const id of data['readingIds']) if (typeof id === 'string') ids.add(id);
  return [...ids];
}

/** `detail.data` when it is an object. */
export function dataOf(event: unknown): Record<string, unknown> | undefined {
  const detail = isRecord(event) ? event['detail'] : undefined;
  const data = isRecord(detail) ? detail['data'] : undefined;
  return isRecord(data) ? data : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
