export type { CalibrationFactor, Channel, City, Device, DeviceCalibration, Zone } from './city-types';
export { createCity, type CityOptions } from './create-city';
export { readingOf, readingsAt, type MalformedKind, type ReadingKind, type SimReading } from './readings-at';
export { DEFAULT_FAULTS, incidentWindow, scenario, type FaultRates, type IncidentWindow, type Scenario, type ScenarioName } from './scenario';
export { localHour } from './baselines';
