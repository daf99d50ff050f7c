import type { DeviceRecord } from '../domain/device';
import type { DeviceStore } from '../domain/device-ports';

/** A DeviceStore over a Map, recording each read: for unit tests and the benchmark. */
export class InMemoryDeviceStore implements DeviceStore {
  readonly reads: { fleetId: string; deviceIds: readonly string[] }[] = [];
  private readonly devices = new Map<string, DeviceRecord>();

  constructor(devices: readonly DeviceRecord[] = []) {
    for (const device of devices) this.put(device);
  }

  put(device: DeviceRecord): void {
    this.devices.set(`${device.fleetId}/${device.deviceId}`, device);
  }

  delete(fleetId: string, deviceId: string): void {
    this.devices.delete(`${fleetId}/${deviceId}`);
  }

  async getDevices(fleetId: string, deviceIds: readonly string[]): Promise<ReadonlyMap<string, DeviceRecord>> {
    this.reads.push({ fleetId, deviceIds: [...deviceIds] });
    const found = new Map<string, DeviceRecord>();
    for (const deviceId of deviceIds) {
      const device = this.devices.get(`${fleetId}/${deviceId}`);
      if (device) found.set(deviceId, device);
    }
    return found;
  }
}
