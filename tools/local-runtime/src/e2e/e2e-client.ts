import type { LocalEndpoints } from '../local-contract';

/** What the end-to-end tests do through the public API, as a sensor, a gateway or an operator would. */
export interface ApiResponse<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

export async function call<T = unknown>(endpoints: Pick<LocalEndpoints, 'api'>, path: string, init: RequestInit = {}): Promise<ApiResponse<T>> {
  const response = await fetch(`${endpoints.api}${path}`, init);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    // not JSON: keep the text, the test shows it
  }
  return { status: response.status, body: body as T, headers: response.headers };
}

export const asSensor = (endpoints: Pick<LocalEndpoints, 'apiKey'>, contentType = 'application/json'): Record<string, string> => ({
  'x-api-key': endpoints.apiKey,
  'content-type': contentType,
});

export const asOperator = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

export async function registerDevice(endpoints: LocalEndpoints, deviceId: string, zoneId: string): Promise<ApiResponse> {
  return call(endpoints, `/v1/devices/${deviceId}`, {
    method: 'PUT',
    headers: asSensor(endpoints),
    body: JSON.stringify({ zoneId, location: { lat: 45.76, lon: 4.83 }, model: 'PMS7003' }),
  });
}

export interface SentReading {
  readonly deviceId: string;
  readonly timestamp: string;
  readonly measurements: Record<string, number>;
}

export function readingAt(deviceId: string, epochMs: number, pm25 = 8): SentReading {
  return { deviceId, timestamp: new Date(epochMs).toISOString(), measurements: { pm25, pm10: 14, temperature: 19, humidity: 48 } };
}

/** Every stored reading of a device (all pages). */
export async function storedReadings(endpoints: LocalEndpoints, token: string, deviceId: string): Promise<Array<{ readingId: string; zoneId?: string }>> {
  const items: Array<{ readingId: string; zoneId?: string }> = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `?limit=100&cursor=${encodeURIComponent(cursor)}` : '?limit=100';
    const page: ApiResponse<{ items: Array<{ readingId: string }>; nextCursor: string | null }> = await call(endpoints, `/v1/devices/${deviceId}/readings${query}`, {
      headers: asOperator(token),
    });
    // 404: nothing stored for the device yet.
    if (page.status === 404) return items;
    if (page.status !== 200) throw new Error(`GET readings of ${deviceId}: ${page.status} ${JSON.stringify(page.body)}`);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

/** Polls until `check` returns a value (not undefined) or the time is up, then fails with the last state. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
