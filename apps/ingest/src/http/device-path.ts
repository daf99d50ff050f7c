import { DEVICE_ID_PATTERN } from '@pulse/schemas';
import { badRequest, type ApiKeyRequestEvent, type HttpResult } from '@pulse/service-kit';

const DEVICE_ID = new RegExp(DEVICE_ID_PATTERN);

/** The {deviceId} path parameter, or the 400 that names what is wrong with it. */
export function deviceIdOf(event: ApiKeyRequestEvent): { ok: true; deviceId: string } | { ok: false; response: HttpResult } {
  const deviceId = event.pathParameters?.deviceId ?? '';
  if (DEVICE_ID.test(deviceId)) return { ok: true, deviceId };
  return {
    ok: false,
    response: badRequest([{ path: 'deviceId', rule: 'pattern', message: "must be 1–64 characters of A–Z, a–z, 0–9, '_' or '-'" }]),
  };
}
