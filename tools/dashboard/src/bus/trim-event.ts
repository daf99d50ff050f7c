import type { TrimmedEvent } from '../shared/messages';
import { dataOf, isRecord } from '../trace/reading-ids';

/** How many readingIds of an event the browser gets (to click one), not the whole batch. */
const SHOWN_READING_IDS = 5;

/** The envelope and identifying fields of a bus event, small enough to stream every one. */
export function trimEvent(event: Record<string, unknown>, readingIds: readonly string[]): TrimmedEvent {
  const data = dataOf(event) ?? {};
  const zoneIds = new Set<string>();
  if (Array.isArray(data['zoneIds'])) for (const z of data['zoneIds']) if (typeof z === 'string') zoneIds.add(z);
  if (typeof data['zoneId'] === 'string') zoneIds.add(data['zoneId']);
  if (Array.isArray(data['readings'])) {
    for (const r of data['readings']) if (isRecord(r) && typeof r['zoneId'] === 'string') zoneIds.add(r['zoneId']);
  }
  const alert =
    typeof data['alertId'] === 'string'
      ? {
          alertId: data['alertId'],
          zoneId: typeof data['zoneId'] === 'string' ? data['zoneId'] : null,
          level: String(data['level']),
          aqi: Number(data['aqi']),
        }
      : undefined;
  return {
    id: String(event['id']),
    detailType: String(event['detail-type']),
    source: String(event['source']),
    time: String(event['time']),
    readingCount: readingIds.length,
    readingIds: readingIds.slice(0, SHOWN_READING_IDS),
    zoneIds: [...zoneIds],
    ...(alert ? { alert } : {}),
  };
}
