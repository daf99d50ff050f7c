import type { Location, Units } from '@pulse/schemas';

/** Quantities a simulated sensor measures (pollutants plus climate). */
export type Channel = 'pm25' | 'pm10' | 'o3' | 'no2' | 'co' | 'so2' | 'temperature' | 'humidity';

export interface CalibrationFactor {
  readonly gain: number;
  readonly offset: number;
}

export type DeviceCalibration = Readonly<Record<Channel, CalibrationFactor>>;

export interface Zone {
  readonly zoneId: string;
  readonly name: string;
  /** Centre of the zone's grid cell. */
  readonly location: Location;
  /** Scales the zone's pollution (traffic, industry): 1 is an average district. */
  readonly pollutionFactor: number;
  /** The fleet gateway that batches this zone's readings. */
  readonly gatewayId: string;
}

export interface Device {
  readonly deviceId: string;
  /** Position in the city's device list; addresses the device's noise. */
  readonly index: number;
  readonly zoneId: string;
  readonly gatewayId: string;
  readonly location: Location;
  readonly model: string;
  /** calibrated = raw × gain + offset; the sensor sends raw values. */
  readonly calibration: DeviceCalibration;
  /** Units the device declares (empty when it reports canonical units). */
  readonly units: Readonly<Units>;
  /** False for the one device nobody registered: ingest must reject its readings. */
  readonly registered: boolean;
}

export interface City {
  readonly seed: number;
  readonly name: string;
  readonly zones: readonly Zone[];
  /** Every device, the unregistered one last. */
  readonly devices: readonly Device[];
  /** Each device reports once per interval of simulated time. */
  readonly intervalMs: number;
}
