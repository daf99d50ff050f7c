// Validation core
export { compileValidator, type ValidationIssue, type ValidationResult, type Validator } from './validation';
export { precompiledValidator, type PrecompiledValidateFunction } from './precompiled-validator';
export type { ValidatorManifest, ValidatorModule } from './validator-manifest';
export { parseJson, parseJsonLines } from './parse-json';
export { FORBIDDEN_KEYS, findForbiddenKeys } from './forbidden-keys';
export { formatPath } from './json-path';

// Envelope and contracts
export { defineContract } from './define-contract';
export {
  createDetail,
  EventMetadataSchema,
  type Contract,
  type ContractSpec,
  type DataOf,
  type EventContract,
  type EventDetail,
  type EventMetadata,
  type SampleEvent,
} from './envelope';
export { SOURCES, type PulseSource } from './sources';
export { batchContracts, contracts } from './contracts';

// Building blocks
export {
  AlertIdSchema,
  BatchIdSchema,
  CorrelationIdSchema,
  DEVICE_ID_PATTERN,
  DeviceIdSchema,
  FLEET_ID_PATTERN,
  FleetIdSchema,
  READING_ID_PATTERN,
  ReadingIdSchema,
  ZoneIdSchema,
  type FleetId,
} from './identifiers';
export { parseReadingId, readingId } from './reading-id';
export { EpochMsSchema, IsoDateTimeSchema, MAX_EPOCH_MS } from './time';
export { isIsoDateTime, isoDateTimeToEpochMs } from './iso-date-time';
export { MEASUREMENT_KEYS, MeasurementsSchema, POLLUTANTS, type MeasurementKey, type Measurements, type Pollutant } from './measurements';
export { GAS_UNITS, TEMPERATURE_UNITS, UnitsSchema, type Units } from './units';
export { MAX_QUALITY_CODES, QUALITY_CODES, QualitySchema, type Quality, type QualityCode } from './quality';
export { AQI_CATEGORIES, AqiSchema, AqiValueSchema, MAX_AQI, PollutantSchema, type Aqi, type AqiCategory } from './aqi';
export { LocationSchema, type Location } from './location';
export { StringEnum } from './string-enum';

// The public Reading sensors send
export { ReadingSchema, validateReading, type Reading } from './reading';
export { SensorTimestampSchema, timestampToEpochMs, type SensorTimestamp } from './timestamp';
export { TIMESTAMP_WINDOW, checkTimestampWindow, type TimestampWindow } from './timestamp-window';

// Batching, registry export, compatibility
export {
  MAX_PUT_EVENTS_ENTRY_BYTES,
  MAX_READINGS_PER_EVENT,
  chunkReadings,
  putEventsEntrySize,
  splitIntoBatches,
  type PutEventsEntryLike,
} from './batch-limits';
export { maxJsonBytes } from './max-json-bytes';
export { toDraft4, toRegistrySchema, type RegistrySchema } from './registry-schema';
export { compareContracts, compareSchemas, type CompatIssue, type CompatKind } from './compat';

// Events, one module per event and version
export * from './events/readings-received/v1';
export * from './events/readings-normalized/v1';
export * from './events/readings-enriched/v1';
export * from './events/readings-stored/v1';
export * from './events/alert-raised/v1';
export * from './events/alert-resolved/v1';
export * from './events/device-registered/v1';
export * from './events/device-retired/v1';
export { ALERT_KINDS, MAX_ALERT_READING_IDS } from './events/alert/alert-fields';
