import type { City } from './city-types';
import { hash01 } from './prng';

export type ScenarioName = 'incident' | 'calm';

export interface FaultRates {
  /** Share of readings sent malformed (negative value, humidity 120, unknown field). */
  readonly malformed: number;
  /** Share of ticks where a device resends its previous reading (same readingId). */
  readonly duplicate: number;
}

export interface Scenario {
  readonly name: ScenarioName;
  /** Simulated time the run starts at. */
  readonly startMs: number;
  readonly faults: FaultRates;
  /** Incident timing, simulated ms after start (defaults: starts after 4 min, lasts 20 min). */
  readonly incidentDelayMs: number;
  readonly incidentDurationMs: number;
}

export const DEFAULT_FAULTS: FaultRates = { malformed: 0.005, duplicate: 0.01 };

export function scenario(name: ScenarioName, startMs: number, overrides: Partial<Omit<Scenario, 'name' | 'startMs'>> = {}): Scenario {
  return { name, startMs, faults: DEFAULT_FAULTS, incidentDelayMs: 4 * 60_000, incidentDurationMs: 20 * 60_000, ...overrides };
}

export interface IncidentWindow {
  readonly zoneId: string;
  /** PM2.5 is above AQI 151 for readings with startMs ≤ timestamp < endMs. */
  readonly startMs: number;
  readonly endMs: number;
}

/**
 * When and where the incident happens. Alert defaults (3 readings at AQI ≥ 101 within 5 min
 * raise; 10 clean minutes resolve) mean: raised within a minute or two of startMs, resolved
 * about ten minutes after endMs.
 */
export function incidentWindow(city: City, run: Scenario): IncidentWindow | undefined {
  if (run.name !== 'incident') return undefined;
  const zone = city.zones[Math.floor(hash01(city.seed, 31_337) * city.zones.length)];
  const startMs = run.startMs + run.incidentDelayMs;
  return { zoneId: zone.zoneId, startMs, endMs: startMs + run.incidentDurationMs };
}
