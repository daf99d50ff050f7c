import { STREAM_EVENTS, type HealthSnapshot, type TrimmedEvent } from '../shared/messages';
import { getJson } from './api';
import type { AlertItem, ListBody, ZoneStatus } from './api-types';
import { publish, store } from './store';

const MAX_EVENTS = 40;
/** Between refreshes triggered by the bus, and the fallback poll when the bus is quiet. */
const REFRESH_GAP_MS = 1_000;
const POLL_MS = 10_000;

export function refreshZones(): Promise<void> {
  return getJson<ListBody<ZoneStatus>>('/api/zones').then(
    (body) => {
      store.zones = body.items;
      store.zonesError = null;
      store.zonesLoaded = true;
      publish('zones');
    },
    (error: Error) => {
      store.zonesError = error.message;
      publish('zones');
    },
  );
}

export function refreshAlerts(): Promise<void> {
  return getJson<ListBody<AlertItem>>('/api/alerts').then(
    (body) => {
      store.alerts = body.items;
      store.alertsError = null;
      publish('alerts');
    },
    (error: Error) => {
      store.alertsError = error.message;
      publish('alerts');
    },
  );
}

/** Runs `task` at most once per `gapMs`, trailing calls coalesced into one. */
export function throttle(task: () => Promise<void>, gapMs: number): () => void {
  let running = false;
  let again = false;
  const run = () => {
    if (running) return void (again = true);
    running = true;
    void task().finally(() =>
      setTimeout(() => {
        running = false;
        if (again) {
          again = false;
          run();
        }
      }, gapMs),
    );
  };
  return run;
}

/** The `/events` stream: bus events refresh what they change; health arrives every second. */
export function startLive(): void {
  const zonesSoon = throttle(refreshZones, REFRESH_GAP_MS);
  const alertsSoon = throttle(refreshAlerts, REFRESH_GAP_MS);
  const source = new EventSource('/events');
  source.addEventListener('open', () => {
    store.connected = true;
    publish('connection');
  });
  source.addEventListener('error', () => {
    store.connected = false;
    publish('connection');
  });
  source.addEventListener(STREAM_EVENTS.health, (message) => {
    store.health = JSON.parse((message as MessageEvent<string>).data) as HealthSnapshot;
    store.clockOffset = store.health.pipelineNow - Date.now();
    publish('health');
  });
  source.addEventListener(STREAM_EVENTS.bus, (message) => {
    const { events } = JSON.parse((message as MessageEvent<string>).data) as { events: TrimmedEvent[] };
    store.lastBatch = events;
    store.events = [...[...events].reverse(), ...store.events].slice(0, MAX_EVENTS);
    publish('events');
    if (events.some((e) => e.detailType === 'ReadingsStored' || e.alert)) zonesSoon();
    if (events.some((e) => e.alert)) alertsSoon();
  });
  void refreshZones();
  void refreshAlerts();
  setInterval(() => {
    zonesSoon();
    alertsSoon();
  }, POLL_MS);
  setInterval(() => publish('clock'), 1_000);
}
