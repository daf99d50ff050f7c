import type { TraceHop, TraceResult } from '../shared/messages';
import type { RuleExplainer } from './rule-explainer';
import { dataOf, isRecord } from './reading-ids';
import type { TraceIndex } from './trace-index';

/** The stage timestamps a Pulse event's data may carry (epoch ms). */
const STAMPS = ['receivedAt', 'storedAt', 'raisedAt', 'resolvedAt', 'firstTs', 'lastTs'] as const;

/** Every hop of one reading the index still holds, each with every rule's verdict on it. */
export function buildTrace(readingId: string, index: TraceIndex, explain: RuleExplainer): TraceResult {
  const hops = index.eventsOf(readingId).map((entry): TraceHop => {
    const event = JSON.parse(entry.json) as Record<string, unknown>;
    const detail = isRecord(event['detail']) ? event['detail'] : {};
    const metadata = isRecord(detail['metadata']) ? detail['metadata'] : {};
    const data = dataOf(event) ?? {};
    const stamps: Record<string, number> = {};
    for (const name of STAMPS) if (typeof data[name] === 'number') stamps[name] = data[name];
    return {
      eventId: String(event['id']),
      detailType: String(event['detail-type']),
      source: String(event['source']),
      time: String(event['time']),
      seenAt: entry.seenAt,
      batchId: typeof metadata['batchId'] === 'string' ? metadata['batchId'] : null,
      producedAt: typeof metadata['producedAt'] === 'string' ? metadata['producedAt'] : null,
      stamps,
      rules: explain(event),
    };
  });
  return { readingId, hops, window: index.size };
}
