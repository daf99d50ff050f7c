import type { Units } from '@pulse/schemas';
import type { Channel, City, Device, DeviceCalibration, Zone } from './city-types';
import { createRng, type Rng } from './prng';

export interface CityOptions {
  readonly zones?: number;
  readonly devices?: number;
  readonly seed?: number;
  /** Simulated milliseconds between two readings of one device (default one minute). */
  readonly intervalMs?: number;
}

const CHANNELS: readonly Channel[] = ['pm25', 'pm10', 'o3', 'no2', 'co', 'so2', 'temperature', 'humidity'];
const MODELS = ['AirSense Pro 2', 'AirSense Lite', 'Urbanaut AQ-7', 'Breathe/One', 'ClearSky S3'] as const;
const NAME_PARTS = ['North', 'South', 'East', 'West', 'Old', 'New', 'Upper', 'Lower'] as const;
const NAME_PLACES = ['Harbour', 'Market', 'Hill', 'Park', 'Quarter', 'Docks', 'Gardens', 'Bridge', 'Mills', 'Heath'] as const;

/** The fictional city's origin: the grid spreads east and north of it, about 1 km a cell. */
const ORIGIN = { lat: 47.5, lon: 8.4 };
const CELL_DEGREES = 0.01;

/** A fictional city, reproducible from its seed. */
export function createCity(options: CityOptions = {}): City {
  const zoneCount = options.zones ?? 20;
  const deviceCount = options.devices ?? 500;
  const seed = options.seed ?? 42;
  if (!Number.isInteger(zoneCount) || zoneCount < 1 || zoneCount > 99) throw new RangeError(`zones must be 1–99, got ${zoneCount}`);
  if (!Number.isInteger(deviceCount) || deviceCount < 1 || deviceCount > 9998) throw new RangeError(`devices must be 1–9998, got ${deviceCount}`);
  const rng = createRng(seed);
  const zones = makeZones(rng, zoneCount);
  const devices: Device[] = [];
  for (let index = 0; index < deviceCount; index++) devices.push(makeDevice(rng, index, zones[index % zoneCount], true));
  // One extra device that reports but was never registered, spread like the others.
  devices.push(makeDevice(rng, deviceCount, zones[deviceCount % zoneCount], false));
  return { seed, name: `Seedhaven-${seed}`, zones, devices, intervalMs: options.intervalMs ?? 60_000 };
}

function makeZones(rng: Rng, count: number): Zone[] {
  const columns = Math.ceil(Math.sqrt(count));
  return Array.from({ length: count }, (_, i) => {
    const number = String(i + 1).padStart(2, '0');
    return {
      zoneId: `zone-${number}`,
      name: `${rng.pick(NAME_PARTS)} ${rng.pick(NAME_PLACES)} ${number}`,
      location: {
        lat: round(ORIGIN.lat + (Math.floor(i / columns) + 0.5) * CELL_DEGREES, 6),
        lon: round(ORIGIN.lon + ((i % columns) + 0.5) * CELL_DEGREES, 6),
      },
      pollutionFactor: round(rng.between(0.8, 1.25), 3),
      gatewayId: `gateway-${number}`,
    };
  });
}

function makeDevice(rng: Rng, index: number, zone: Zone, registered: boolean): Device {
  const calibration = Object.fromEntries(
    CHANNELS.map((channel) => [channel, { gain: round(rng.between(0.92, 1.08), 3), offset: round(rng.between(-0.5, 0.5), 2) }]),
  ) as Record<Channel, { gain: number; offset: number }>;
  return {
    deviceId: `sensor-${String(index + 1).padStart(4, '0')}`,
    index,
    zoneId: zone.zoneId,
    gatewayId: zone.gatewayId,
    location: {
      lat: round(zone.location.lat + rng.between(-0.45, 0.45) * CELL_DEGREES, 6),
      lon: round(zone.location.lon + rng.between(-0.45, 0.45) * CELL_DEGREES, 6),
    },
    model: rng.pick(MODELS),
    calibration: calibration as DeviceCalibration,
    units: unitProfile(rng.next()),
    registered,
  };
}

/** Most devices report canonical units; a minority °F, or gases in ppm or µg/m³. */
function unitProfile(draw: number): Units {
  if (draw < 0.7) return {};
  if (draw < 0.82) return { temperature: 'F' };
  if (draw < 0.91) return { o3: 'ppm', no2: 'ppm', so2: 'ppm', co: 'ppm' };
  return { o3: 'ugm3', no2: 'ugm3', so2: 'ugm3', co: 'ugm3' };
}

export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
