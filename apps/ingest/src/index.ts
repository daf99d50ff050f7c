// The ingest service as others may read it: the declaration (infra, local runtime, docs)
// and the fleet-admin entry points the `pulse fleets` / `pulse keys` commands use.
export { service } from './service';
export { buckets, emits, eventSources, streams } from './subscription';
export { FleetsTable } from './adapters/fleets-table';
export { FLEETS_TABLE } from './adapters/fleets-table-items';
export { fleetAdmin, FleetAdminError, type FleetAdmin, type IssuedKey } from './domain/fleet-admin';
export { FLEET_ROLES, hashApiKey, type ApiKeyRecord } from './domain/api-key';
