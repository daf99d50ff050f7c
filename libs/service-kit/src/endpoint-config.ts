/**
 * Where an SDK client should send its requests. SDK v3 honours the standard variables
 * AWS_ENDPOINT_URL_<SERVICE> and AWS_ENDPOINT_URL natively (service-specific endpoints);
 * the factories resolve them here too, from an injectable env, so the choice is explicit,
 * testable and identical for every client. AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true turns
 * both off, as in the SDK.
 */
export type EndpointService = 'EVENTBRIDGE' | 'DYNAMODB' | 'SNS' | 'SQS' | 'KINESIS' | 'S3';

export interface ResolvedEndpoint {
  readonly endpoint?: string;
  readonly region: string | undefined;
  /** Dummy credentials for local stand-ins when the environment has none. */
  readonly credentials?: { accessKeyId: string; secretAccessKey: string };
}

export const LOCAL_DEFAULT_REGION = 'us-east-1';
const LOCAL_CREDENTIALS = { accessKeyId: 'pulse-local', secretAccessKey: 'pulse-local' };

export function resolveEndpoint(
  service: EndpointService,
  env: NodeJS.ProcessEnv,
  explicit: { endpoint?: string; region?: string } = {},
): ResolvedEndpoint {
  const ignoreEnv = env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.toLowerCase() === 'true';
  const endpoint =
    explicit.endpoint ?? (ignoreEnv ? undefined : nonEmpty(env[`AWS_ENDPOINT_URL_${service}`]) ?? nonEmpty(env.AWS_ENDPOINT_URL));
  const configuredRegion = explicit.region ?? nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION);
  if (endpoint === undefined) return { region: configuredRegion };
  // A local stand-in needs a region and some credentials to sign with, never real ones.
  // Keys in the given env are passed explicitly: the SDK's own chain reads process.env only.
  const keys = env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY ? { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY } : undefined;
  const chainHasCredentials = Boolean(env.AWS_ACCESS_KEY_ID || env.AWS_PROFILE || env.AWS_CONTAINER_CREDENTIALS_FULL_URI);
  return {
    endpoint,
    region: configuredRegion ?? LOCAL_DEFAULT_REGION,
    ...(keys ? { credentials: keys } : chainHasCredentials ? {} : { credentials: LOCAL_CREDENTIALS }),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
