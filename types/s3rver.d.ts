// s3rver ships no types: what Pulse uses of it, declared once for every project (tsconfig.base.json "files").
declare module 's3rver' {
  import type { EventEmitter } from 'node:events';
  import type { IncomingMessage, Server } from 'node:http';
  import type { S3EventRecord } from 'aws-lambda';

  /** A Koa application; every object write emits 'event' with an S3 notification. */
  class S3rver extends EventEmitter {
    constructor(options: S3rver.Options);
    /** Koa's middleware stack, composed when `run` starts listening. */
    middleware: S3rver.Middleware[];
    httpServer?: Server;
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
    reset(): void;
    on(event: 'event', listener: (event: S3rver.NotificationEvent) => void): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
    off(event: 'event', listener: (event: S3rver.NotificationEvent) => void): this;
    off(event: string, listener: (...args: unknown[]) => void): this;
  }

  namespace S3rver {
    interface Options {
      address?: string;
      port?: number;
      silent?: boolean;
      directory: string;
      resetOnClose?: boolean;
      allowMismatchedSignatures?: boolean;
      vhostBuckets?: boolean;
      configureBuckets?: { name: string; configs?: unknown[] }[];
    }
    interface NotificationEvent {
      Records: S3EventRecord[];
    }
    /** The part of Koa's context the local middleware touches. */
    interface Context {
      readonly req: IncomingMessage;
      readonly method: string;
      query: Record<string, string | string[] | undefined>;
    }
    type Middleware = (ctx: Context, next: () => Promise<void>) => Promise<void>;
  }

  export = S3rver;
}

declare module 's3rver/lib/models/account' {
  /** The one account s3rver knows; its key pairs are the credentials it accepts. */
  export const DUMMY_ACCOUNT: { createKeyPair(accessKeyId: string, secretAccessKey: string): void };
}
