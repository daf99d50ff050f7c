/**
 * A small city in the read API's exact body shapes (persist's StoredReading and ZoneStatus,
 * alert's Alert), consistent with the contract events the fixture puts on the bus.
 */
export const FLEET = 'city-lyon';
export const ZONES = ['presquile', 'part-dieu', 'croix-rousse', 'confluence', 'vaise', 'gerland', 'fourviere', 'villeurbanne'] as const;
export const INCIDENT_ZONE = 'presquile';
const MINUTE = 60_000;
const CATEGORIES = ['Good', 'Moderate', 'Unhealthy for Sensitive Groups', 'Unhealthy', 'Very Unhealthy', 'Hazardous'] as const;

export interface StoredReading {
  readingId: string;
  deviceId: string;
  ts: number;
  registered: boolean;
  zoneId: string | null;
  location: { lat: number; lon: number } | null;
  measurements: Record<string, number>;
  aqi: { value: number; category: string; dominant: string; subIndices: Record<string, number> } | null;
  quality: string[];
  receivedAt: number;
  storedAt: number;
}

export interface ZoneStatusBody {
  zoneId: string;
  aqi: number;
  category: string;
  dominant: string;
  updatedAt: number;
  readingId: string;
  deviceId: string;
}

export interface AlertBody {
  alertId: string;
  kind: 'zone-aqi';
  fleetId: string;
  zoneId: string;
  status: 'open' | 'resolved';
  level: string;
  severity: number;
  aqi: number;
  dominant: string;
  firstTs: number;
  lastTs: number;
  readingIds: string[];
  raisedAt: number;
  resolvedAt?: number;
}

export interface City {
  readings: StoredReading[];
  alerts: AlertBody[];
}

/** PM2.5 AQI by the EPA breakpoints (µg/m³), enough for the fixture's range. */
export function pm25Aqi(c: number): { value: number; category: string } {
  const table: [number, number, number, number][] = [
    [0, 9, 0, 50],
    [9.1, 35.4, 51, 100],
    [35.5, 55.4, 101, 150],
    [55.5, 125.4, 151, 200],
    [125.5, 225.4, 201, 300],
    [225.5, 325.4, 301, 500],
  ];
  const index = Math.max(0, table.findIndex(([, high]) => c <= high));
  const [cLow, cHigh, iLow, iHigh] = table[index]!;
  return { value: Math.round(((iHigh - iLow) / (cHigh - cLow)) * (Math.max(c, cLow) - cLow) + iLow), category: CATEGORIES[index]! };
}

export function reading(zoneId: string, device: number, ts: number, pm25: number, o3: number): StoredReading {
  const deviceId = `lyon-${zoneId}-${device}`;
  const aqi = pm25Aqi(pm25);
  return {
    readingId: `${deviceId}@${ts}`,
    deviceId,
    ts,
    registered: true,
    zoneId,
    location: { lat: 45.75 + ZONES.indexOf(zoneId as (typeof ZONES)[number]) / 100, lon: 4.83 + device / 1000 },
    measurements: { pm25, o3, temperature: 18.5, humidity: 54 },
    aqi: { value: aqi.value, category: aqi.category, dominant: 'pm25', subIndices: { pm25: aqi.value, o3: Math.round(o3 / 2) } },
    quality: [],
    receivedAt: ts + 400,
    storedAt: ts + 700,
  };
}

/**
 * Seventy minutes of two devices per zone, one reading each every two minutes (so ten minutes
 * lie outside "the last hour"), and one alert of vaise raised and resolved half an hour ago.
 */
export function calmCity(now: number): City {
  const readings: StoredReading[] = [];
  ZONES.forEach((zoneId, z) => {
    for (let minutesAgo = 70; minutesAgo >= 2; minutesAgo -= 2) {
      for (const device of [1, 2]) {
        const ts = now - minutesAgo * MINUTE - device * 1_000;
        const pm25 = zoneId === 'vaise' && minutesAgo <= 50 && minutesAgo >= 32 ? 60 + (minutesAgo % 7) : 6 + z * 2 + ((minutesAgo / 2 + device) % 5);
        readings.push(reading(zoneId, device, ts, pm25, 20 + z + (minutesAgo % 3)));
      }
    }
  });
  const vaise = readings.filter((r) => r.zoneId === 'vaise' && (r.aqi?.value ?? 0) > 150);
  const alerts: AlertBody[] = [
    {
      alertId: `${FLEET}:zone-aqi:vaise:${vaise[0]!.ts}`,
      kind: 'zone-aqi',
      fleetId: FLEET,
      zoneId: 'vaise',
      status: 'resolved',
      level: 'Unhealthy',
      severity: 3,
      aqi: vaise[2]!.aqi!.value,
      dominant: 'pm25',
      firstTs: vaise[0]!.ts,
      lastTs: vaise.at(-1)!.ts,
      readingIds: vaise.slice(0, 3).map((r) => r.readingId),
      raisedAt: vaise[2]!.storedAt + 300,
      resolvedAt: now - 28 * MINUTE,
    },
  ];
  return { readings, alerts };
}

/** The latest reading with an AQI of each zone, as persist keeps ZoneStatus. */
export function zoneStatuses(readings: readonly StoredReading[]): ZoneStatusBody[] {
  const latest = new Map<string, StoredReading>();
  for (const r of readings) {
    if (r.zoneId === null || r.aqi === null) continue;
    const current = latest.get(r.zoneId);
    if (!current || r.ts > current.ts || (r.ts === current.ts && r.readingId > current.readingId)) latest.set(r.zoneId, r);
  }
  return [...latest.values()]
    .map((r) => ({ zoneId: r.zoneId!, aqi: r.aqi!.value, category: r.aqi!.category, dominant: r.aqi!.dominant, updatedAt: r.ts, readingId: r.readingId, deviceId: r.deviceId }))
    .sort((a, b) => a.zoneId.localeCompare(b.zoneId));
}
