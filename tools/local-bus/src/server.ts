import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServiceDeclaration } from '@pulse/service-kit';
import { handleAdmin, isAdminRequest } from './admin/handle-admin';
import { TailHub, type TailListener } from './admin/tail-hub';
import { archiveReplayer } from './api/archive-replayer';
import { ArchiveRegistry } from './api/archive-registry';
import type { BusContext } from './api/bus-context';
import { handleRequest, type Logger } from './api/handle-request';
import { defaultIdentities } from './api/identity';
import type { Replayer } from './api/replay-request';
import type { Archive, Dispatcher, RuleSpec } from './model';
import { archiveArn, busArn } from './rules/arns';
import { declarationRules } from './rules/declaration-rules';
import { RuleStore } from './rules/rule-store';

export interface BusServerOptions {
  /** 0 = a free port (tests); the local contract's default is 4010. */
  readonly port?: number;
  readonly host?: string;
  readonly region?: string;
  readonly accountId?: string;
  /** The bus the services publish to and their declared rules live on; 'default' always exists too. */
  readonly busName?: string;
  /** Their subscriptions become the rules (managedBy 'declaration'). */
  readonly services?: readonly ServiceDeclaration[];
  /** Access key id → the one source it may publish; defaults to `pulse-<service>` → `pulse.<service>`. */
  readonly identities?: Readonly<Record<string, string>>;
  readonly dispatcher: Dispatcher;
  readonly archive: Archive;
  /** Performs a StartReplay; defaults to archiveReplayer (archived events re-matched and enqueued). */
  readonly onReplay?: Replayer;
  /** Where unexpected errors go; defaults to stderr. */
  readonly log?: Logger;
}

export interface BusServer {
  /** e.g. http://127.0.0.1:4010, for the SDK's `endpoint`. */
  readonly endpoint: string;
  readonly port: number;
  /** Every rule on every bus, as delivery and the CLI see them. */
  rules(): RuleSpec[];
  /** Every event PutEvents accepts, as `/_pulse/tail` streams them; returns the unsubscribe. */
  onEvent(listener: TailListener): () => void;
  /** Stops listening, drops idle connections and waits for running replays. */
  close(): Promise<void>;
  /** Stops listening and resets every connection, requests in progress included; running replays are abandoned. */
  kill(): Promise<void>;
}

export const DEFAULT_BUS_NAME = 'pulse-local';
export const DEFAULT_ACCOUNT_ID = '000000000000';
export const DEFAULT_REGION = 'us-east-1';

/** Starts the EventBridge API (AWS JSON 1.1) on loopback. */
export async function startBusServer(options: BusServerOptions): Promise<BusServer> {
  const hub = new TailHub();
  const ctx: BusContext = { ...buildContext(options), onAccepted: (events) => hub.publish(events) };
  const log = options.log ?? ((message: string) => process.stderr.write(`[local-bus] ${message}\n`));
  const server = createServer((req, res) => {
    if (!isAdminRequest(req)) return void handleRequest(req, res, ctx, log);
    handleAdmin(req, res, ctx, hub).catch((error: unknown) => {
      log(`admin endpoint failed: ${(error as Error).stack ?? String(error)}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'InternalError', message: (error as Error).message }));
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    rules: () => ctx.rules.list(),
    onEvent: (listener) => hub.subscribe(listener),
    close: async () => {
      await stopListening();
      await Promise.allSettled([...ctx.archives.running]);
    },
    // Requests being handled run on against a dead socket: whatever they answer is lost.
    kill: () => stopListening(),
  };

  function stopListening(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      // Every socket, idle or mid-request, is destroyed: a caller sees its connection reset.
      server.closeAllConnections();
    });
  }
}

function buildContext(options: BusServerOptions): BusContext {
  const scope = { region: options.region ?? DEFAULT_REGION, accountId: options.accountId ?? DEFAULT_ACCOUNT_ID };
  const busName = options.busName ?? DEFAULT_BUS_NAME;
  const startedAt = new Date();
  const rules = new RuleStore();
  // A declaration whose pattern EventBridge would reject fails the start, as the deploy would.
  for (const rule of declarationRules(options.services ?? [], busName, scope)) rules.put(rule);
  const archives = new ArchiveRegistry();
  // Every event is archived, so the configured bus gets one archive of everything to replay from.
  const archiveName = `${busName}-archive`;
  archives.add({ name: archiveName, arn: archiveArn(scope, archiveName), eventSourceArn: busArn(scope, busName), busName, retentionDays: 0, createdAt: startedAt });
  return {
    scope,
    buses: new Map([[busName, startedAt], ['default', startedAt]]),
    rules,
    identities: options.identities ?? defaultIdentities(),
    dispatcher: options.dispatcher,
    archive: options.archive,
    archives,
    replay: options.onReplay ?? archiveReplayer(options.archive, options.dispatcher),
    now: () => new Date(),
  };
}
