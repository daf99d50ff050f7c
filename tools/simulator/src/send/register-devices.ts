import type { City, Device } from '../city';
import { urlOf, type ApiTarget } from './api-target';

export interface RegistrationResult {
  registered: number;
  failed: { deviceId: string; status: number; message: string }[];
}

/** PUT /v1/devices/{deviceId}: where the device is and how to correct it. */
export function registrationBody(device: Device): Record<string, unknown> {
  return { zoneId: device.zoneId, location: device.location, model: device.model, calibration: device.calibration };
}

/**
 * Registers every registered device of the city (not the deliberately unregistered one),
 * a few at a time, so enrich learns them through DeviceRegistered like in production.
 */
export async function registerDevices(
  city: City,
  target: ApiTarget,
  concurrency = 8,
  onRegistered?: (deviceId: string) => void,
): Promise<RegistrationResult> {
  const doFetch = target.fetch ?? fetch;
  const queue = city.devices.filter((d) => d.registered);
  const result: RegistrationResult = { registered: 0, failed: [] };
  const worker = async (): Promise<void> => {
    for (let device = queue.shift(); device; device = queue.shift()) {
      try {
        const response = await doFetch(urlOf(target, `/v1/devices/${encodeURIComponent(device.deviceId)}`), {
          method: 'PUT',
          headers: { 'content-type': 'application/json', 'x-api-key': target.apiKey },
          body: JSON.stringify(registrationBody(device)),
        });
        const text = await response.text();
        if (response.ok) {
          result.registered++;
          onRegistered?.(device.deviceId);
        }
        else result.failed.push({ deviceId: device.deviceId, status: response.status, message: text.slice(0, 200) });
      } catch (error) {
        result.failed.push({ deviceId: device.deviceId, status: 0, message: error instanceof Error ? error.message : String(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return result;
}
