import { BUS_NAME_ENV, tableNameEnv, type ServiceDeclaration } from '@pulse/service-kit';

export interface PipelineEndpoints {
  readonly eventbridge: string;
  readonly dynamodb: string;
  readonly kinesis: string;
  readonly s3: string;
}

export interface EnvironmentSetup {
  readonly busName: string;
  readonly region: string;
  readonly endpoints: PipelineEndpoints;
  /** Logical → physical table names. */
  readonly tables: Readonly<Record<string, string>>;
  /** Compressed time, shared by every function (empty for real time). */
  readonly time: Readonly<Record<string, string>>;
  /** Extra variables for every function (e.g. log level). */
  readonly extra?: Readonly<Record<string, string>>;
}

/**
 * What a deployed function finds in its environment, pointed at the local servers. The access
 * key names the service: the local bus lets `pulse-<service>` publish only `pulse.<service>`,
 * as the deployed IAM policy's `events:source` condition does.
 */
export function functionEnvironment(setup: EnvironmentSetup, service: ServiceDeclaration): Record<string, string> {
  const tables = Object.fromEntries((service.tables ?? []).map((table) => [tableNameEnv(table.name), setup.tables[table.name] ?? table.name]));
  return {
    ...setup.extra,
    ...setup.time,
    ...tables,
    [BUS_NAME_ENV]: setup.busName,
    AWS_REGION: setup.region,
    AWS_ACCESS_KEY_ID: `pulse-${service.name}`,
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_EVENTBRIDGE: setup.endpoints.eventbridge,
    AWS_ENDPOINT_URL_DYNAMODB: setup.endpoints.dynamodb,
    AWS_ENDPOINT_URL_KINESIS: setup.endpoints.kinesis,
    AWS_ENDPOINT_URL_S3: setup.endpoints.s3,
    POWERTOOLS_SERVICE_NAME: service.name,
  };
}
