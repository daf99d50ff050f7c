import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from './workspace-root';

// The local endpoints every bus command talks to (`events tail`, `explain --live`, `dlq`, `replay`).


export type EndpointKind = 'eventbridge' | 'sqs';

/** The local contract's defaults (ARCHITECTURE.md, "The local contract"). */
export const CONTRACT_DEFAULTS = { eventbridge: 'http://127.0.0.1:4010', sqs: 'http://127.0.0.1:4011', region: 'us-east-1' } as const;

const ENV_NAMES: Readonly<Record<EndpointKind, string>> = {
  eventbridge: 'AWS_ENDPOINT_URL_EVENTBRIDGE',
  sqs: 'AWS_ENDPOINT_URL_SQS',
};

export interface EndpointSources {
  readonly env?: NodeJS.ProcessEnv;
  /** Where `npx pulse start` writes its endpoints; defaults to <repo>/.local/endpoints.json. */
  readonly endpointsFile?: string;
}

export interface ResolvedEndpoint {
  readonly url: string;
  readonly region: string;
  /** Where the URL came from, for `--verbose`. */
  readonly origin: string;
}

/** Flag, else the SDK's service-specific env variable, else `.local/endpoints.json`, else the contract default. */
export function resolveEndpoint(kind: EndpointKind, flag: string | undefined, sources: EndpointSources = {}): ResolvedEndpoint {
  const env = sources.env ?? process.env;
  const file = sources.endpointsFile ?? join(workspaceRoot, '.local', 'endpoints.json');
  const written = readEndpointsFile(file);
  const writtenRegion = typeof written?.region === 'string' && written.region ? written.region : undefined;
  const region = env['AWS_REGION'] ?? writtenRegion ?? CONTRACT_DEFAULTS.region;
  const envValue = env[ENV_NAMES[kind]];
  if (flag) return { url: trimSlash(flag), region, origin: kind === 'sqs' ? '--sqs-endpoint' : '--endpoint' };
  if (envValue) return { url: trimSlash(envValue), region, origin: ENV_NAMES[kind] };
  const fromFile = written?.[kind];
  if (typeof fromFile === 'string' && fromFile) return { url: trimSlash(fromFile), region, origin: file };
  return { url: CONTRACT_DEFAULTS[kind], region, origin: 'the local contract default' };
}

/** Says on stderr which endpoint a command talks to, when asked to be verbose. */
export function reportEndpoint(kind: EndpointKind, endpoint: ResolvedEndpoint, verbose: boolean | undefined): void {
  if (verbose) process.stderr.write(`${kind} endpoint ${endpoint.url} (from ${endpoint.origin}), region ${endpoint.region}\n`);
}

function readEndpointsFile(file: string): Partial<Record<EndpointKind | 'region', unknown>> | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined; // not started yet: fall through to the defaults
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Partial<Record<EndpointKind | 'region', unknown>>) : undefined;
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${(error as Error).message}); delete it or restart \`npx pulse start\``);
  }
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** Turns a connection failure into a message naming the endpoint and how it was chosen. */
export function unreachable(endpoint: ResolvedEndpoint, error: unknown): Error {
  const code = (error as { code?: string }).code ?? (error as Error).name;
  return new Error(
    `cannot reach ${endpoint.url} (from ${endpoint.origin}): ${code}. Is the local runtime running (npx pulse start)?`,
  );
}
