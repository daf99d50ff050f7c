import { FleetsTable, FLEETS_TABLE, fleetAdmin, hashApiKey } from '@pulse/ingest';
import { dynamoDbDocumentClient, systemClock } from '@pulse/service-kit';

export interface SeedOptions {
  readonly dynamodbEndpoint: string;
  readonly region: string;
  readonly tables: Readonly<Record<string, string>>;
  readonly fleetId: string;
  /** Stored as its hash with role admin (it also registers devices). */
  readonly apiKey: string;
}

/** The default fleet and its well-known admin key, through ingest's own admin port. Idempotent. */
export async function seedDefaultFleet(options: SeedOptions): Promise<{ fleetCreated: boolean; keyImported: boolean }> {
  const client = dynamoDbDocumentClient({
    endpoint: options.dynamodbEndpoint,
    region: options.region,
    env: { AWS_ACCESS_KEY_ID: 'pulse-ingest', AWS_SECRET_ACCESS_KEY: 'local', AWS_REGION: options.region },
  });
  try {
    const admin = fleetAdmin(new FleetsTable(client, options.tables[FLEETS_TABLE] ?? FLEETS_TABLE), systemClock);
    const fleetCreated = await admin.createFleet(options.fleetId);
    const keyHash = hashApiKey(options.apiKey);
    const present = (await admin.listKeys(options.fleetId)).some((key) => key.keyHash === keyHash && key.status === 'active');
    if (!present) await admin.importKey(options.fleetId, 'admin', options.apiKey);
    return { fleetCreated, keyImported: !present };
  } finally {
    client.destroy();
  }
}
