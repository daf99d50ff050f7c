import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A PutEvents request entry as it arrives on the wire (AWS JSON 1.1; Time in epoch seconds). */
export interface WireEntry {
  Source?: string;
  DetailType?: string;
  Detail?: string;
  EventBusName?: string;
  Time?: number;
  Resources?: string[];
}

export interface EntryFailure {
  ErrorCode: string;
  ErrorMessage: string;
}

export interface CallFailure {
  /** HTTP status; 400 for client errors such as ThrottlingException, 500 for InternalException. */
  status: number;
  type: string;
  message: string;
}

export interface PutEventsServerOptions {
  /** Decide per entry; return a failure to reject it, undefined to accept. `call` counts from 1. */
  failEntry?: (entry: WireEntry, at: { call: number; index: number }) => EntryFailure | undefined;
  /** Decide per call; return a failure to fail the whole call. */
  failCall?: (at: { call: number }) => CallFailure | undefined;
}

export interface PutEventsServer {
  /** e.g. http://127.0.0.1:41234 — give it to the client as `endpoint`. */
  readonly endpoint: string;
  /** Every PutEvents call received, in order, with the entries sent. */
  readonly calls: WireEntry[][];
  /** Entries accepted, with the EventId returned for each. */
  readonly accepted: (WireEntry & { EventId: string })[];
  close(): Promise<void>;
}

const CONTENT_TYPE = 'application/x-amz-json-1.1';

/**
 * A tiny EventBridge stand-in speaking AWS JSON 1.1 for `AWSEvents.PutEvents` only, so
 * tests can drive the real SDK client over the wire and program partial failures.
 */
export async function startPutEventsServer(options: PutEventsServerOptions = {}): Promise<PutEventsServer> {
  const calls: WireEntry[][] = [];
  const accepted: (WireEntry & { EventId: string })[] = [];
  const server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.headers['x-amz-target'] !== 'AWSEvents.PutEvents') {
      return send(res, 400, { __type: 'UnknownOperationException', message: `unsupported ${req.headers['x-amz-target']}` });
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { Entries?: WireEntry[] };
    const entries = body.Entries ?? [];
    calls.push(entries);
    const call = calls.length;
    const callFailure = options.failCall?.({ call });
    if (callFailure) return send(res, callFailure.status, { __type: callFailure.type, message: callFailure.message });
    const results = entries.map((entry, index) => {
      const failure = options.failEntry?.(entry, { call, index });
      if (failure) return failure;
      const EventId = randomUUID();
      accepted.push({ ...entry, EventId });
      return { EventId };
    });
    const FailedEntryCount = results.filter((r) => 'ErrorCode' in r).length;
    send(res, 200, { FailedEntryCount, Entries: results });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    accepted,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  const type = typeof body === 'object' && body !== null && '__type' in body ? String(body.__type) : undefined;
  res.writeHead(status, {
    'content-type': CONTENT_TYPE,
    'content-length': Buffer.byteLength(payload),
    'x-amzn-requestid': randomUUID(),
    ...(type ? { 'x-amzn-errortype': type } : {}),
  });
  res.end(payload);
}
