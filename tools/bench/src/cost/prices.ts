import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The dated list prices (USD, us-east-1) the cost model reads; `prices/aws-prices-<date>.json`. */
export interface Prices {
  readonly asOf: string;
  readonly region: string;
  readonly currency: string;
  readonly lambda: { readonly perMillionRequests: number; readonly perGbSecondArm64: number };
  readonly eventbridge: {
    readonly customEventsPerMillion: number;
    readonly chunkBytes: number;
    readonly apiDestinationInvocationsPerMillion: number;
    readonly archivePerGbMonth: number;
    readonly archiveIngestPerGb: number;
  };
  readonly apiGatewayHttpApi: { readonly perMillionRequestsFirst300M: number; readonly requestBytesPerUnit: number };
  readonly dynamodbOnDemand: {
    readonly perMillionWriteRequestUnits: number;
    readonly perMillionReadRequestUnits: number;
    readonly storagePerGbMonth: number;
    readonly writeUnitBytes: number;
    readonly readUnitBytes: number;
    readonly pitrPerGbMonth: number;
  };
  readonly sqsStandard: { readonly perMillionRequests: number };
  readonly sns: { readonly perMillionPublishes: number };
  readonly kinesisOnDemand: { readonly perStreamHour: number };
  readonly cloudwatch: {
    readonly logsIngestPerGb: number;
    readonly logsStoragePerGbMonth: number;
    readonly customMetricPerMonthFirst10k: number;
    readonly alarmPerMonth: number;
  };
  readonly xray: { readonly perMillionTracesRecorded: number };
  readonly kms: { readonly perKeyMonth: number };
}

/** The copy of the shared price list kept in the repo, with its date in the name. */
export const PRICES_FILE = path.join(__dirname, '..', '..', 'prices', 'aws-prices-2026-11-22.json');

/** Reads and checks a price list: every price the model uses must be a non-negative number. */
export function loadPrices(file = PRICES_FILE): Prices {
  const prices = JSON.parse(readFileSync(file, 'utf8')) as Prices;
  const missing = REQUIRED.filter(([group, key]) => {
    const value = (prices as unknown as Record<string, Record<string, unknown> | undefined>)[group]?.[key];
    return typeof value !== 'number' || !(value >= 0);
  });
  if (typeof prices.asOf !== 'string' || missing.length > 0) {
    throw new Error(`${file}: missing or invalid ${missing.map(([g, k]) => `${g}.${k}`).join(', ') || 'asOf'}`);
  }
  return prices;
}

const REQUIRED: ReadonlyArray<readonly [string, string]> = [
  ['lambda', 'perMillionRequests'],
  ['lambda', 'perGbSecondArm64'],
  ['eventbridge', 'customEventsPerMillion'],
  ['eventbridge', 'chunkBytes'],
  ['eventbridge', 'apiDestinationInvocationsPerMillion'],
  ['eventbridge', 'archivePerGbMonth'],
  ['eventbridge', 'archiveIngestPerGb'],
  ['apiGatewayHttpApi', 'perMillionRequestsFirst300M'],
  ['apiGatewayHttpApi', 'requestBytesPerUnit'],
  ['dynamodbOnDemand', 'perMillionWriteRequestUnits'],
  ['dynamodbOnDemand', 'perMillionReadRequestUnits'],
  ['dynamodbOnDemand', 'storagePerGbMonth'],
  ['dynamodbOnDemand', 'writeUnitBytes'],
  ['dynamodbOnDemand', 'readUnitBytes'],
  ['dynamodbOnDemand', 'pitrPerGbMonth'],
  ['sqsStandard', 'perMillionRequests'],
  ['sns', 'perMillionPublishes'],
  ['kinesisOnDemand', 'perStreamHour'],
  ['cloudwatch', 'logsIngestPerGb'],
  ['cloudwatch', 'logsStoragePerGbMonth'],
  ['cloudwatch', 'customMetricPerMonthFirst10k'],
  ['cloudwatch', 'alarmPerMonth'],
  ['xray', 'perMillionTracesRecorded'],
  ['kms', 'perKeyMonth'],
];
