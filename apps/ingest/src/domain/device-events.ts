import type { DeviceRegisteredV1Data, DeviceRetiredV1Data } from '@pulse/schemas';

/** The port to the bus for device changes; throws EventsNotAcceptedError when the bus refuses. */
export interface DeviceEvents {
  registered(data: DeviceRegisteredV1Data, correlationId: string): Promise<void>;
  retired(data: DeviceRetiredV1Data, correlationId: string): Promise<void>;
}
