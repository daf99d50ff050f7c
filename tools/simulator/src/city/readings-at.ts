import type { Reading } from '@pulse/schemas';
import { baselineValues, type TrueValues } from './baselines';
import type { Channel, City, Device } from './city-types';
import { round } from './create-city';
import { boundedNormal, hash01 } from './prng';
import { incidentWindow, type IncidentWindow, type Scenario } from './scenario';
import { gasInSensorUnit, temperatureInSensorUnit } from './sensor-units';

/**
 * valid: passes ingest; malformed: fails the Reading rules; duplicate: a resend of the
 * device's previous reading (same readingId); unregistered: valid, but no fleet owns it.
 */
export type ReadingKind = 'valid' | 'malformed' | 'duplicate' | 'unregistered';

export type MalformedKind = 'negativeValue' | 'humidityOutOfRange' | 'unknownField';

export interface SimReading {
  readonly kind: ReadingKind;
  readonly malformed?: MalformedKind;
  readonly deviceId: string;
  readonly gatewayId: string;
  /** `<deviceId>@<timestamp>`: what ingest will assign. */
  readonly readingId: string;
  /** What goes on the wire: a Reading, except for malformed ones. */
  readonly body: Reading | Record<string, unknown>;
}

const MALFORMED: readonly MalformedKind[] = ['negativeValue', 'humidityOutOfRange', 'unknownField'];
/** Channels of the fault and duplicate draws, apart from the measurement noise channels. */
const FAULT_CHANNEL = 901;
const FAULT_KIND_CHANNEL = 902;
const DUPLICATE_CHANNEL = 903;

/** One reading per device (plus any duplicates) at this simulated instant. Pure. */
export function readingsAt(city: City, epochMs: number, run: Scenario): SimReading[] {
  const readings: SimReading[] = [];
  const incident = incidentWindow(city, run);
  for (const device of city.devices) {
    readings.push(readingOf(city, device, epochMs, run, incident));
    const previous = epochMs - city.intervalMs;
    if (previous >= run.startMs && hash01(city.seed, device.index, epochMs, DUPLICATE_CHANNEL) < run.faults.duplicate) {
      // Only a reading ingest accepted can be a duplicate; resending a rejected one is not.
      const earlier = readingOf(city, device, previous, run, incident);
      if (earlier.kind === 'valid') readings.push({ ...earlier, kind: 'duplicate' });
    }
  }
  return readings;
}

/** The device's reading at this instant, always the same for the same inputs. */
export function readingOf(
  city: City,
  device: Device,
  epochMs: number,
  run: Scenario,
  incident: IncidentWindow | undefined = incidentWindow(city, run),
): SimReading {
  const base = { deviceId: device.deviceId, gatewayId: device.gatewayId, readingId: `${device.deviceId}@${epochMs}` };
  const reading = sensorReading(device, epochMs, trueValues(city, device, epochMs, incident));
  if (!device.registered) return { ...base, kind: 'unregistered', body: reading };
  if (hash01(city.seed, device.index, epochMs, FAULT_CHANNEL) >= run.faults.malformed) return { ...base, kind: 'valid', body: reading };
  const malformed = MALFORMED[Math.floor(hash01(city.seed, device.index, epochMs, FAULT_KIND_CHANNEL) * MALFORMED.length)];
  return { ...base, kind: 'malformed', malformed, body: breakReading(reading, malformed) };
}

function trueValues(city: City, device: Device, epochMs: number, incident: IncidentWindow | undefined): TrueValues {
  // Zones are numbered from 01 in order, so the id gives the index without a search.
  const zone = city.zones[Number(device.zoneId.slice(5)) - 1] ?? city.zones[0];
  const values = baselineValues(city.seed, device, zone, epochMs);
  if (incident && device.zoneId === incident.zoneId && epochMs >= incident.startMs && epochMs < incident.endMs) {
    // Smoke from a fire: far enough above 55.5 µg/m³ that noise and calibration keep it there.
    values.pm25 = 95 + 8 * boundedNormal(city.seed, device.index, epochMs, 11);
    values.pm10 = values.pm10 + values.pm25 * 0.6;
  }
  return values;
}

/** Raw values the sensor reports: calibration undone, then its declared units. */
function sensorReading(device: Device, epochMs: number, truth: TrueValues): Reading {
  const raw = (channel: Channel) => {
    const { gain, offset } = device.calibration[channel];
    return (truth[channel] - offset) / gain;
  };
  const nonNegative = (value: number) => Math.max(0, value);
  const units = device.units;
  const gas = (name: 'o3' | 'no2' | 'so2' | 'co') => {
    const value = gasInSensorUnit(name, nonNegative(raw(name)), units);
    return round(value, value < 10 ? 4 : 1);
  };
  const reading: Reading = {
    deviceId: device.deviceId,
    timestamp: epochMs,
    measurements: {
      pm25: round(nonNegative(raw('pm25')), 1),
      pm10: round(nonNegative(raw('pm10')), 1),
      o3: gas('o3'),
      no2: gas('no2'),
      co: gas('co'),
      so2: gas('so2'),
      temperature: round(temperatureInSensorUnit(raw('temperature'), units), 1),
      humidity: round(Math.min(100, nonNegative(raw('humidity'))), 1),
    },
  };
  return Object.keys(units).length > 0 ? { ...reading, units: { ...units } } : reading;
}

function breakReading(reading: Reading, how: MalformedKind): Record<string, unknown> {
  switch (how) {
    case 'negativeValue':
      return { ...reading, measurements: { ...reading.measurements, pm25: -3.2 } };
    case 'humidityOutOfRange':
      return { ...reading, measurements: { ...reading.measurements, humidity: 120 } };
    case 'unknownField':
      return { ...reading, firmware: '2.4.1' };
  }
}
