import { parseJson } from '@pulse/schemas';
import { badRequest, bodyText, correlationIdOf, systemClock, wrapHandler, lazy } from '@pulse/service-kit';
import type { ApiKeyRequestEvent, HandlerCore, HttpResult } from '@pulse/service-kit';
import { deviceEvents } from '../adapters/bus-publishing';
import { retryAfterFrom } from '../config';
import { registerDevice, type DevicePorts } from '../domain/register-device';
import { callerOf, roleForbidden, unauthorized } from '../http/caller';
import { deviceIdOf } from '../http/device-path';
import { registerResponse } from '../http/device-responses';
import { powertools } from '../wiring/powertools';
import { fleetsTable, publisher } from '../wiring/production';

export interface DeviceHandlerDeps extends DevicePorts {
  readonly retryAfterSeconds: number;
}

/** PUT /v1/devices/{deviceId} (admin keys): upsert the device, then DeviceRegistered. */
export function makeRegisterDevice(deps: DeviceHandlerDeps): HandlerCore<ApiKeyRequestEvent, HttpResult> {
  return async function registerDeviceCore(event, context) {
    const caller = callerOf(event);
    if (!caller) return unauthorized();
    if (caller.role !== 'admin') return roleForbidden(caller.role);
    const path = deviceIdOf(event);
    if (!path.ok) return path.response;
    const body = parseJson(bodyText(event));
    if (!body.ok) return badRequest(body.errors, 'The body is not valid JSON');
    const outcome = await registerDevice(caller.fleetId, path.deviceId, body.value, correlationIdOf(event, context), deps);
    return registerResponse(outcome, deps.retryAfterSeconds);
  };
}

const core = lazy(() =>
  makeRegisterDevice({ devices: fleetsTable(), events: deviceEvents(publisher()), clock: systemClock, retryAfterSeconds: retryAfterFrom() }),
);

export const handler = wrapHandler<ApiKeyRequestEvent, HttpResult>((event, context) => core()(event, context), powertools);
