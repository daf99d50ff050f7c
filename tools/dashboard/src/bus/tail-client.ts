import { get, type ClientRequest } from 'node:http';
import { createSseParser } from './sse-parser';

export interface TailClientOptions {
  /** The local bus, e.g. http://127.0.0.1:4010 (its `/_pulse/tail` is read). */
  readonly busEndpoint: string;
  /** Each `bus-event`'s JSON text, as sent. */
  readonly onEvent: (json: string) => void;
  readonly log: (line: string) => void;
  /** Wait before reconnecting after the stream ended or could not open. */
  readonly retryMs?: number;
}

export interface TailClient {
  readonly connected: boolean;
  close(): void;
}

/**
 * Follows the bus's tail stream for as long as it lives: the bus may start after the dashboard
 * or restart under it, so a lost or refused stream is retried every `retryMs`, said once in the log.
 */
export function followBusTail(options: TailClientOptions): TailClient {
  const retryMs = options.retryMs ?? 1_000;
  let request: ClientRequest | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let connected = false;
  let complained = false;

  const retry = (why: string) => {
    connected = false;
    request = undefined;
    if (closed) return;
    if (!complained) options.log(`bus tail ${options.busEndpoint}/_pulse/tail: ${why}; retrying every ${retryMs} ms`);
    complained = true;
    timer = setTimeout(connect, retryMs);
    timer.unref();
  };

  function connect(): void {
    if (closed) return;
    const current = get(`${options.busEndpoint}/_pulse/tail`, { agent: false }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        return retry(`answered ${response.statusCode}`);
      }
      connected = true;
      if (complained) options.log(`bus tail connected again`);
      complained = false;
      response.setEncoding('utf8');
      const feed = createSseParser((message) => {
        if (message.event === 'bus-event') options.onEvent(message.data);
      });
      response.on('data', feed);
      // 'close' comes whether the bus ended the stream or died mid-stream ('end' only for the former).
      response.on('close', () => {
        if (request === current) retry('stream ended');
      });
      response.on('error', () => undefined);
    });
    current.on('error', (error) => {
      if (request === current) retry(error.message);
    });
    request = current;
  }

  connect();
  return {
    get connected() {
      return connected;
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      request?.destroy();
      request = undefined;
    },
  };
}
