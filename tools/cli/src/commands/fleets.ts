import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { FLEET_ROLES, FLEETS_TABLE, FleetsTable, fleetAdmin, type ApiKeyRecord, type FleetAdmin } from '@pulse/ingest';
import { dynamoDbDocumentClient, systemClock, tableNameEnv, type FleetRole } from '@pulse/service-kit';
import { workspaceRoot } from '../workspace-root';

interface TableOptions {
  endpoint?: string;
  table?: string;
  region?: string;
}

/** --endpoint, else AWS_ENDPOINT_URL_DYNAMODB, else the running local runtime's .local/endpoints.json, else AWS itself. */
export function dynamoEndpoint(options: TableOptions, env: NodeJS.ProcessEnv = process.env, root = workspaceRoot): string | undefined {
  if (options.endpoint) return options.endpoint;
  if (env.AWS_ENDPOINT_URL_DYNAMODB) return env.AWS_ENDPOINT_URL_DYNAMODB;
  const file = join(root, '.local', 'endpoints.json');
  if (!existsSync(file)) return undefined;
  const endpoints = JSON.parse(readFileSync(file, 'utf8')) as { dynamodb?: string };
  return endpoints.dynamodb;
}

function adminFor(options: TableOptions): { admin: FleetAdmin; close: () => void } {
  const endpoint = dynamoEndpoint(options);
  const client = dynamoDbDocumentClient({ ...(endpoint ? { endpoint } : {}), ...(options.region ? { region: options.region } : {}) });
  const table = options.table ?? process.env[tableNameEnv(FLEETS_TABLE)] ?? `pulse-local-${FLEETS_TABLE}`;
  return { admin: fleetAdmin(new FleetsTable(client, table), systemClock), close: () => client.destroy() };
}

/** Runs an action with the admin port, always releasing the client (so the process can exit). */
function withAdmin<A extends unknown[]>(action: (admin: FleetAdmin, ...args: A) => Promise<void>) {
  return async (...args: A) => {
    const options = (args.at(-2) ?? {}) as TableOptions;
    const { admin, close } = adminFor(options);
    try {
      await action(admin, ...args);
    } finally {
      close();
    }
  };
}

function tableOptions(command: Command): Command {
  return command
    .option('--endpoint <url>', 'DynamoDB endpoint (default: AWS_ENDPOINT_URL_DYNAMODB, then .local/endpoints.json, then AWS)')
    .option('--table <name>', `Fleets table (default: ${tableNameEnv(FLEETS_TABLE)}, then pulse-local-${FLEETS_TABLE})`)
    .option('--region <region>', 'AWS region (default: the SDK’s)');
}

function printKey(key: string, record: ApiKeyRecord, out: (s: string) => void): void {
  out(`${key}\n`);
  process.stderr.write(`key id ${record.keyId} (fleet ${record.fleetId}, role ${record.role}); the key is shown once and never stored in clear\n`);
}

function parseRole(role: string): FleetRole {
  if (!FLEET_ROLES.includes(role as FleetRole)) throw new Error(`--role must be one of ${FLEET_ROLES.join('|')}, got '${role}'`);
  return role as FleetRole;
}

export function registerFleets(program: Command): void {
  const out = (text: string) => void process.stdout.write(text);

  const fleets = program.command('fleets').description("Fleets in ingest's Fleets table");
  tableOptions(fleets.command('create').description('Create a fleet (then give it keys with: pulse keys create)').argument('<fleetId>', 'a–z, 0–9 and -, up to 64')).action(
    withAdmin(async (admin, fleetId: string) => {
      const created = await admin.createFleet(fleetId);
      out(created ? `fleet ${fleetId} created\n` : `fleet ${fleetId} already exists\n`);
    }),
  );

  const keys = program.command('keys').description('API keys of a fleet (stored as SHA-256 hashes)');
  tableOptions(
    keys.command('create').description('Issue a new key and print it once').requiredOption('--fleet <fleetId>', 'the fleet').option('--role <role>', 'ingest|admin', 'ingest'),
  ).action(
    withAdmin(async (admin, options: { fleet: string; role: string }) => {
      const { key, record } = await admin.createKey(options.fleet, parseRole(options.role));
      printKey(key, record, out);
    }),
  );
  tableOptions(
    keys
      .command('rotate')
      .description('Issue a replacement key; the old one keeps working for the overlap')
      .requiredOption('--fleet <fleetId>', 'the fleet')
      .requiredOption('--key-id <prefix>', 'the key id (or its first 4+ characters), from pulse keys list')
      .option('--overlap-hours <hours>', 'how long the old key stays valid', '24'),
  ).action(
    withAdmin(async (admin, options: { fleet: string; keyId: string; overlapHours: string }) => {
      const hours = Number(options.overlapHours);
      if (!(hours >= 0)) throw new Error(`--overlap-hours must be a number ≥ 0, got '${options.overlapHours}'`);
      const { key, record, previous } = await admin.rotateKey(options.fleet, options.keyId, hours * 3_600_000);
      printKey(key, record, out);
      process.stderr.write(`key ${previous.keyId} stays valid until ${new Date(previous.expiresAt ?? 0).toISOString()}\n`);
    }),
  );
  tableOptions(
    keys
      .command('revoke')
      .description('Revoke a key at once (API Gateway may serve a cached allow for the authorizer TTL)')
      .requiredOption('--fleet <fleetId>', 'the fleet')
      .requiredOption('--key-id <prefix>', 'the key id (or its first 4+ characters)'),
  ).action(
    withAdmin(async (admin, options: { fleet: string; keyId: string }) => {
      const revoked = await admin.revokeKey(options.fleet, options.keyId);
      out(`key ${revoked.keyId} revoked\n`);
    }),
  );
  tableOptions(keys.command('list').description("List a fleet's keys: id, role, state").requiredOption('--fleet <fleetId>', 'the fleet')).action(
    withAdmin(async (admin, options: { fleet: string }) => {
      const now = Date.now();
      for (const k of await admin.listKeys(options.fleet)) {
        const state = k.status === 'revoked' ? 'revoked' : k.expiresAt === undefined ? 'active' : k.expiresAt > now ? `expires ${new Date(k.expiresAt).toISOString()}` : 'expired';
        out(`${k.keyId}  ${k.role.padEnd(6)}  ${state}  created ${new Date(k.createdAt).toISOString()}\n`);
      }
    }),
  );
}
