import { FLEETS_TABLE, FleetsTable, fleetAdmin, type FleetAdmin } from '@pulse/ingest';
import type { LocalRuntime } from '@pulse/local-runtime';
import { dynamoDbDocumentClient, systemClock, type FleetRole } from '@pulse/service-kit';

/**
 * ingest's own fleet administration (what `pulse fleets` / `pulse keys` run) against the
 * runtime's DynamoDB, as tools/local-runtime/src/seed-fleet.ts seeds the default fleet.
 */
export async function withFleetAdmin<T>(runtime: LocalRuntime, work: (admin: FleetAdmin) => Promise<T>): Promise<T> {
  const region = runtime.endpoints.region;
  const client = dynamoDbDocumentClient({
    endpoint: runtime.endpoints.dynamodb,
    region,
    env: { AWS_ACCESS_KEY_ID: 'pulse-ingest', AWS_SECRET_ACCESS_KEY: 'local', AWS_REGION: region },
  });
  try {
    return await work(fleetAdmin(new FleetsTable(client, runtime.dynamodb.tables[FLEETS_TABLE] ?? FLEETS_TABLE), systemClock));
  } finally {
    client.destroy();
  }
}

/** A new fleet and a key for it (shown once, as `pulse keys create` prints it). */
export async function createFleetWithKey(runtime: LocalRuntime, fleetId: string, role: FleetRole = 'admin'): Promise<{ key: string; keyId: string }> {
  return withFleetAdmin(runtime, async (admin) => {
    await admin.createFleet(fleetId);
    const issued = await admin.createKey(fleetId, role);
    return { key: issued.key, keyId: issued.record.keyId };
  });
}
