import { callApi } from './api-client';

/** Registers devices through ingest's admin route (PUT /v1/devices/{id}) with an admin key. */
export async function registerDevices(api: string, apiKey: string, deviceIds: readonly string[], zoneId = 'reliability'): Promise<void> {
  for (const deviceId of deviceIds) {
    const answer = await callApi(api, `/v1/devices/${deviceId}`, {
      method: 'PUT',
      headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({ zoneId, location: { lat: 45.76, lon: 4.83 }, model: 'PMS7003' }),
    });
    if (answer.status !== 201 && answer.status !== 200) throw new Error(`registering ${deviceId}: ${answer.status} ${answer.text}`);
  }
}

export interface StoredReading {
  readonly readingId: string;
  readonly deviceId: string;
  readonly zoneId?: string;
}

/** Every stored reading of a device through the read API (all pages); none when it answers 404. */
export async function storedReadings(api: string, token: string, deviceId: string): Promise<StoredReading[]> {
  const items: StoredReading[] = [];
  let cursor: string | null = null;
  do {
    const query = `?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = await callApi(api, `/v1/devices/${deviceId}/readings${query}`, { headers: { authorization: `Bearer ${token}` } });
    if (page.status === 404) return items;
    if (page.status !== 200) throw new Error(`GET readings of ${deviceId}: ${page.status} ${page.text}`);
    const body = page.body as { items: StoredReading[]; nextCursor: string | null };
    items.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return items;
}

/** Polls until `check` returns a value, or fails after `timeoutMs` with the last error. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 20_000, everyMs = 150): Promise<T> {
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
