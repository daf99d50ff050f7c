import type { HealthSnapshot, TrimmedEvent } from '../shared/messages';
import type { AlertItem, ZoneStatus } from './api-types';

export type Topic = 'zones' | 'alerts' | 'health' | 'events' | 'connection' | 'clock';

/** What every view reads; `publish` tells the views that subscribed to a topic. */
export const store = {
  zones: [] as readonly ZoneStatus[],
  zonesError: null as string | null,
  zonesLoaded: false,
  alerts: [] as readonly AlertItem[],
  alertsError: null as string | null,
  health: null as HealthSnapshot | null,
  /** Newest first, bounded. */
  events: [] as TrimmedEvent[],
  /** The latest batch of bus events, for views that react to their own zone. */
  lastBatch: [] as readonly TrimmedEvent[],
  connected: false,
  /** Pipeline time − this browser's clock, from the health snapshots (compressed time). */
  clockOffset: 0,
};

const listeners = new Map<Topic, Set<() => void>>();

export function subscribe(topics: readonly Topic[], listener: () => void): () => void {
  for (const topic of topics) {
    const set = listeners.get(topic) ?? new Set();
    set.add(listener);
    listeners.set(topic, set);
  }
  return () => topics.forEach((topic) => listeners.get(topic)?.delete(listener));
}

export function publish(topic: Topic): void {
  for (const listener of [...(listeners.get(topic) ?? [])]) listener();
}

/** The pipeline's "now" as the server last reported it. */
export function pipelineNow(): number {
  return Date.now() + store.clockOffset;
}

/** Ages are relative to pipeline time, or to the newest reading should that be ahead of it. */
export function referenceNow(): number {
  return Math.max(pipelineNow(), ...store.zones.map((z) => z.updatedAt));
}
