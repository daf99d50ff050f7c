import { gatewayBatches, readingsAt, type City, type Scenario, type SimReading } from '@pulse/simulator';

export interface DeviceArrivals {
  /** Called as ingest answers 201 for a device. */
  registered(deviceId: string): void;
  /** The simulation's include filter: a device reports once enrich can know it. */
  include(reading: SimReading): boolean;
  /** Devices known since the last tick send that tick's reading now rather than a tick later. */
  catchUp(): Promise<void>;
}

/**
 * Devices join the running city as ingest registers them, so the first zones are live within
 * seconds instead of after all registrations. Enrich learns a device from its DeviceRegistered
 * event a moment after the 201, so a device waits `graceMs` before its first reading.
 */
export function deviceArrivals(city: City, run: Scenario, send: (batch: readonly SimReading[]) => Promise<unknown>, graceMs: number): DeviceArrivals {
  const registeredAt = new Map<string, number>();
  const reporting = new Set<string>();
  let lastTickMs: number | undefined;
  const known = (deviceId: string) => Date.now() - (registeredAt.get(deviceId) ?? Infinity) >= graceMs;
  return {
    registered: (deviceId) => void registeredAt.set(deviceId, Date.now()),
    include(reading) {
      // readingIds are <deviceId>@<tick time>; a resent duplicate carries an earlier tick.
      lastTickMs = Math.max(lastTickMs ?? 0, Number(reading.readingId.slice(reading.readingId.lastIndexOf('@') + 1)));
      // The deliberately unregistered device always sends: its readings show ingest's ownership check.
      if (reading.kind === 'unregistered') return true;
      if (!known(reading.deviceId)) return false;
      reporting.add(reading.deviceId);
      return true;
    },
    async catchUp() {
      if (lastTickMs === undefined) return;
      const due = new Set([...registeredAt.keys()].filter((deviceId) => !reporting.has(deviceId) && known(deviceId)));
      if (due.size === 0) return;
      for (const deviceId of due) reporting.add(deviceId);
      const readings = readingsAt(city, lastTickMs, run).filter((reading) => due.has(reading.deviceId));
      for (const batch of gatewayBatches(readings)) await send(batch);
    },
  };
}
