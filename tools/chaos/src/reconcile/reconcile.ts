import { FIVE_SERVICES } from '@pulse/local-bus';
import { LOCAL_REGION, physicalName } from '@pulse/local-runtime';
import type { ServiceDeclaration } from '@pulse/service-kit';
import { readAcknowledged } from './acknowledged-readings';
import { compareReadings, type ReconcileReport } from './compare-readings';
import { readDeadLetters } from './dead-letters';
import { scanStoredReadings } from './stored-readings';
import { storagePathRules } from './storage-path';

export interface ReconcileOptions {
  /** Where the bus archives every accepted event: `<state>/bus/archive` (`.local/bus/archive` for `npm start`). */
  readonly archiveDirectory: string;
  /** DynamoDB (dynalite) and SQS endpoints: `.local/endpoints.json`'s `dynamodb` and `sqs`. */
  readonly dynamodbEndpoint: string;
  readonly sqsEndpoint: string;
  readonly region?: string;
  /**
   * Readings acknowledged from this time on, on the pipeline's clock (events' `time`); rounded
   * down to its second, as EventBridge times are. Default: everything archived.
   */
  readonly since?: Date | number;
  /** …and before this time; default: no end. */
  readonly until?: Date | number;
  /** Whose declarations give the Readings table and the storage path; the five services by default. */
  readonly services?: readonly ServiceDeclaration[];
  /** The Readings table's physical name; `pulse-local-Readings` by default. */
  readonly readingsTable?: string;
  /** Example readingIds kept per problem (default 20). */
  readonly sampleSize?: number;
}

const END_OF_TIME = 8.64e15;

/**
 * Compares what ingest acknowledged (the bus archive's ReadingsReceived events) with what is
 * stored (a scan of the Readings table) and what sits in the dead-letter queues (every `-dlq`
 * queue, with its ERROR_* attributes). Reads only: nothing is consumed or changed.
 */
export async function reconcile(options: ReconcileOptions): Promise<ReconcileReport> {
  const services = options.services ?? FIVE_SERVICES;
  const region = options.region ?? LOCAL_REGION;
  const readings = services.flatMap((service) => service.tables ?? []).find((table) => table.name === 'Readings');
  if (!readings?.sortKey) throw new Error('no service declares the Readings table (with a sort key)');
  const since = new Date(Math.floor(new Date(options.since ?? 0).getTime() / 1000) * 1000);
  const until = options.until === undefined ? undefined : new Date(options.until);
  // Acknowledgements first: a reading acknowledged during the scan is then at worst counted
  // missing (a false alarm a second run clears), never silently left out.
  const acknowledged = await readAcknowledged(options.archiveDirectory, since, until ?? new Date(END_OF_TIME));
  const [stored, deadLetters] = await Promise.all([
    scanStoredReadings({
      endpoint: options.dynamodbEndpoint,
      region,
      table: options.readingsTable ?? physicalName(readings.name),
      partitionKey: readings.partitionKey.name,
      sortKey: readings.sortKey.name,
    }),
    readDeadLetters({ endpoint: options.sqsEndpoint, region }),
  ]);
  return compareReadings(
    { since, ...(until ? { until } : {}), acknowledged: acknowledged.fleetOf, storedKeys: stored.keysOf, deadLetters, storagePath: storagePathRules(services) },
    options.sampleSize,
  );
}
