import { LatencyRecorder, type LatencySummary } from '../harness/latency';
import type { ReadingTimes } from '../world/pipeline-observer';

/** What each end-to-end latency measures, per reading (per exceedance probe for the alert ones). */
export const LATENCIES = {
  'accept-to-stored': 'HTTP accept (ingest receivedAt) → ReadingsStored',
  'http-202': 'request out → 202 back, at the client',
  ingest: 'hop: accept → ReadingsReceived',
  transform: 'hop: ReadingsReceived → ReadingsNormalized',
  enrich: 'hop: ReadingsNormalized → ReadingsEnriched',
  persist: 'hop: ReadingsEnriched → ReadingsStored',
  'exceedance-to-alert': "exceedance's accept → AlertRaised",
  alert: 'hop: ReadingsEnriched → AlertRaised',
} as const;
export type LatencyKey = keyof typeof LATENCIES;
export const LATENCY_KEYS = Object.keys(LATENCIES) as LatencyKey[];
/** The alert latencies count exceedance probes; every other one counts readings. */
export const PROBE_LATENCIES: readonly LatencyKey[] = ['exceedance-to-alert', 'alert'];

/** The reading path's hops: from the previous stamp to the event that ends the hop. */
export const READING_HOPS = [
  { key: 'ingest', from: 'acceptedAt', to: 'received' },
  { key: 'transform', from: 'received', to: 'normalized' },
  { key: 'enrich', from: 'normalized', to: 'enriched' },
  { key: 'persist', from: 'enriched', to: 'stored' },
] as const satisfies readonly { key: LatencyKey; from: keyof ReadingTimes; to: keyof ReadingTimes }[];

/** One HDR histogram per end-to-end latency. */
export class LatencySet {
  private readonly recorders = new Map<LatencyKey, LatencyRecorder>(LATENCY_KEYS.map((key) => [key, new LatencyRecorder()]));

  /**
   * Records `to − from` when both stamps exist: a reading missing a stamp is missing from the
   * sample count, which is how the checks see it.
   */
  span(key: LatencyKey, from: number, to: number): void {
    if (Number.isFinite(from) && Number.isFinite(to)) this.recorders.get(key)?.record(Math.max(0, to - from));
  }

  /** A reading's spans: accept → stored, the HTTP round trip and each hop. */
  reading(times: Readonly<ReadingTimes>): void {
    this.span('http-202', times.sentAt, times.ackAt);
    this.span('accept-to-stored', times.acceptedAt, times.stored);
    for (const hop of READING_HOPS) this.span(hop.key, times[hop.from], times[hop.to]);
  }

  /** An exceedance probe: its last reading's stamps and when the zone's AlertRaised arrived. */
  probe(last: Readonly<ReadingTimes>, raisedAt: number): void {
    this.span('exceedance-to-alert', last.acceptedAt, raisedAt);
    this.span('alert', last.enriched, raisedAt);
  }

  summary(): Record<LatencyKey, LatencySummary> {
    return Object.fromEntries(LATENCY_KEYS.map((key) => [key, (this.recorders.get(key) as LatencyRecorder).summary()])) as Record<LatencyKey, LatencySummary>;
  }
}
