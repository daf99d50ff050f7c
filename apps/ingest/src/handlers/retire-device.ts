import { correlationIdOf, systemClock, wrapHandler, lazy } from '@pulse/service-kit';
import type { ApiKeyRequestEvent, HandlerCore, HttpResult } from '@pulse/service-kit';
import { deviceEvents } from '../adapters/bus-publishing';
import { retryAfterFrom } from '../config';
import { retireDevice } from '../domain/retire-device';
import { callerOf, roleForbidden, unauthorized } from '../http/caller';
import { deviceIdOf } from '../http/device-path';
import { retireResponse } from '../http/device-responses';
import { powertools } from '../wiring/powertools';
import { fleetsTable, publisher } from '../wiring/production';
import type { DeviceHandlerDeps } from './register-device';

/** DELETE /v1/devices/{deviceId} (admin keys): retire the device, then DeviceRetired. */
export function makeRetireDevice(deps: DeviceHandlerDeps): HandlerCore<ApiKeyRequestEvent, HttpResult> {
  return async function retireDeviceCore(event, context) {
    const caller = callerOf(event);
    if (!caller) return unauthorized();
    if (caller.role !== 'admin') return roleForbidden(caller.role);
    const path = deviceIdOf(event);
    if (!path.ok) return path.response;
    const outcome = await retireDevice(caller.fleetId, path.deviceId, correlationIdOf(event, context), deps);
    return retireResponse(outcome, deps.retryAfterSeconds);
  };
}

const core = lazy(() =>
  makeRetireDevice({ devices: fleetsTable(), events: deviceEvents(publisher()), clock: systemClock, retryAfterSeconds: retryAfterFrom() }),
);

export const handler = wrapHandler<ApiKeyRequestEvent, HttpResult>((event, context) => core()(event, context), powertools);
