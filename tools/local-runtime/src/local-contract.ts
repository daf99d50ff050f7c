/** "The local contract" of ARCHITECTURE.md: what scripts and tests may rely on. */
export const CONTRACT_PORTS = {
  api: 3000,
  dashboard: 3001,
  bus: 4010,
  sqs: 4011,
  dynamodb: 8000,
  kinesis: 4567,
  s3: 4569,
} as const;

export type PortName = keyof typeof CONTRACT_PORTS;

/** The flag that moves each server, named in "port in use" errors. */
export const PORT_FLAGS: Readonly<Record<PortName, string>> = {
  api: '--api-port (or PULSE_API_PORT)',
  dashboard: '--dashboard-port',
  bus: '--bus-port',
  sqs: '--sqs-port',
  dynamodb: '--dynamodb-port',
  kinesis: '--kinesis-port',
  s3: '--s3-port',
};

export const DEFAULT_API_KEY = 'pulse-local-key';
export const DEFAULT_FLEET = 'default';
export const LOCAL_REGION = 'us-east-1';
/** Physical names follow the deployed `pulse-<env>-…` convention with env `local`. */
export const LOCAL_PREFIX = 'pulse-local';
export const physicalName = (logical: string): string => `${LOCAL_PREFIX}-${logical}`;
/** Kinesis stream and S3 bucket names must be lower case. */
export const physicalResourceName = (logical: string): string => physicalName(logical.toLowerCase());

/** What `.local/endpoints.json` holds, key for key. */
export interface LocalEndpoints {
  readonly api: string;
  readonly dashboard: string;
  readonly eventbridge: string;
  readonly sqs: string;
  readonly dynamodb: string;
  readonly kinesis: string;
  readonly s3: string;
  readonly apiKey: string;
  readonly operatorToken: string;
  readonly region: string;
}
