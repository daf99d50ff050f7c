import { mkdirSync } from 'node:fs';
import S3rver from 's3rver';
import { S3RVER_ACCESS_KEY_ID, S3RVER_SECRET_ACCESS_KEY, s3RequestHooks } from './s3-request-hooks';

export interface LocalS3Options {
  /** 0 picks a free port. */
  readonly port: number;
  readonly host?: string;
  /** Where buckets and objects live (created if missing); kept across restarts. */
  readonly directory: string;
  /** Created if missing; existing ones keep their objects. */
  readonly buckets: readonly string[];
}

export interface LocalS3 {
  /** `http://host:port`: path-style URLs (`forcePathStyle: true` for the SDK). */
  readonly endpoint: string;
  readonly port: number;
  /** For `s3Notifications`, which listens to its 'event's. */
  readonly server: S3rver;
  /** Credentials that always work (any SigV4 key does too; see the README). */
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  close(): Promise<void>;
}

/** s3rver in process on loopback, made to accept the requests a plain SDK client or the AWS CLI sends. */
export async function startLocalS3(options: LocalS3Options): Promise<LocalS3> {
  const host = options.host ?? '127.0.0.1';
  mkdirSync(options.directory, { recursive: true });
  const server = new S3rver({
    address: host,
    port: options.port,
    silent: true,
    directory: options.directory,
    configureBuckets: options.buckets.map((name) => ({ name })),
  });
  // Koa composes its stack when `run` starts listening, so this still runs first.
  server.middleware.unshift(s3RequestHooks);
  const { port } = await server.run();
  let closing: Promise<void> | undefined;
  return {
    endpoint: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    server,
    // A fresh object each time: the SDK writes into the credentials it is given.
    get credentials() {
      return { accessKeyId: S3RVER_ACCESS_KEY_ID, secretAccessKey: S3RVER_SECRET_ACCESS_KEY };
    },
    close() {
      closing ??= (async () => {
        const closed = server.close();
        // Keep-alive sockets of clients would hold `close` open.
        server.httpServer?.closeAllConnections();
        await closed;
      })();
      return closing;
    },
  };
}
