/** The read API's bodies as the page uses them (persist's and alert's declared schemas). */

export interface ZoneStatus {
  readonly zoneId: string;
  readonly aqi: number;
  readonly category: string;
  readonly dominant: string;
  readonly updatedAt: number;
  readonly readingId: string;
  readonly deviceId: string;
}

export interface AlertItem {
  readonly alertId: string;
  readonly zoneId: string;
  readonly status: 'open' | 'resolved';
  readonly level: string;
  readonly severity: number;
  readonly aqi: number;
  readonly dominant: string;
  readonly firstTs: number;
  readonly lastTs: number;
  readonly readingIds: readonly string[];
  readonly raisedAt: number;
  readonly resolvedAt?: number;
}

export interface StoredReading {
  readonly readingId: string;
  readonly deviceId: string;
  readonly ts: number;
  readonly zoneId: string | null;
  readonly measurements: Readonly<Record<string, number | undefined>>;
  readonly aqi: { readonly value: number; readonly category: string; readonly dominant: string } | null;
  readonly quality: readonly string[];
  readonly receivedAt: number;
  readonly storedAt: number;
}

export interface ListBody<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}
