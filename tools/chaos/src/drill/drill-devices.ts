import { backoffMs, sleep } from './sleep';

export interface ApiTarget {
  /** The HTTP API's base URL. */
  readonly api: string;
  readonly apiKey: string;
}

const ZONES = ['old-town', 'riverside', 'harbour', 'university'];

/** `drill-<n>` devices spread over a few zones. */
export function drillDevices(count: number, prefix = 'drill'): string[] {
  return Array.from({ length: count }, (_, n) => `${prefix}-${String(n).padStart(4, '0')}`);
}

/**
 * PUT /v1/devices/{id} for each device, retrying what a fault drill makes fail (5xx, 429,
 * a dropped connection) until `deadline`; a 4xx other than 429 is a real refusal and throws.
 */
export async function registerDrillDevices(target: ApiTarget, devices: readonly string[], deadline = Date.now() + 60_000): Promise<void> {
  const queue = devices.map((deviceId, index) => ({ deviceId, zoneId: ZONES[index % ZONES.length] }));
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      for (let retry = 0; ; retry++) {
        const status = await fetch(`${target.api}/v1/devices/${encodeURIComponent(next.deviceId)}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', 'x-api-key': target.apiKey },
          body: JSON.stringify({ zoneId: next.zoneId, location: { lat: 45.76, lon: 4.83 }, model: 'PMS7003' }),
        }).then(
          async (response) => {
            await response.arrayBuffer();
            return response.status;
          },
          () => 0,
        );
        if (status >= 200 && status < 300) break;
        if (status >= 400 && status < 500 && status !== 429) throw new Error(`PUT /v1/devices/${next.deviceId} answered ${status}`);
        if (Date.now() > deadline) throw new Error(`PUT /v1/devices/${next.deviceId} still failing (${status}) at the deadline`);
        await sleep(backoffMs(retry));
      }
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}
