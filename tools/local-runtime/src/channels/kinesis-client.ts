import { KinesisClient } from '@aws-sdk/client-kinesis';
import { NodeHttpHandler } from '@smithy/node-http-handler';

/**
 * A client for kinesalite: HTTP/1 (the SDK's default HTTP/2 handler fails against it with
 * ERR_HTTP2_ERROR) and fixed dummy credentials, since kinesalite checks none.
 */
export function localKinesisClient(endpoint: string, region: string): KinesisClient {
  return new KinesisClient({
    endpoint,
    region,
    credentials: { accessKeyId: 'pulse-local', secretAccessKey: 'pulse-local' },
    requestHandler: new NodeHttpHandler(),
    maxAttempts: 1,
  });
}

/** The SDK names service errors after their `__type`; a network failure has a Node error code instead. */
export function isNamed(error: unknown, name: string): boolean {
  return error instanceof Error && error.name === name;
}
