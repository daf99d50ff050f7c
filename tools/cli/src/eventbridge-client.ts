import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { unreachable, type ResolvedEndpoint } from './local-endpoints';

/** A short-lived EventBridge client on a local endpoint (dummy credentials), destroyed after use. */
export async function withClient<T>(endpoint: ResolvedEndpoint, use: (client: EventBridgeClient) => Promise<T>): Promise<T> {
  const client = new EventBridgeClient({
    endpoint: endpoint.url,
    region: endpoint.region,
    credentials: { accessKeyId: 'pulse-cli', secretAccessKey: 'local' },
    maxAttempts: 2,
  });
  try {
    return await use(client);
  } finally {
    client.destroy();
  }
}

const CONNECTION_CODES = /\b(ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EHOSTUNREACH)\b/;

/** SDK errors say what AWS said; connection errors say which endpoint could not be reached. */
export function describeSdkError(endpoint: ResolvedEndpoint, error: unknown): string {
  // Under some runtimes the SDK wraps socket errors ("AWS SDK error wrapper for …"), so read the message too.
  const code = (error as { code?: unknown }).code;
  const connection = (typeof code === 'string' ? code : '').match(CONNECTION_CODES) ?? String((error as Error).message).match(CONNECTION_CODES);
  if (connection) return unreachable(endpoint, { code: connection[1] }).message;
  const name = (error as Error).name;
  return name && name !== 'Error' ? `${name}: ${(error as Error).message}` : (error as Error).message;
}
