import type { IncomingMessage, ServerResponse } from 'node:http';
import { compilePattern } from '@pulse/event-patterns';
import type { TailHub } from './tail-hub';
import { eventJson } from '../event-json';
import { sendAdminJson } from './admin-response';

/** A comment line now and then keeps proxies and idle timeouts from closing a quiet stream. */
const KEEP_ALIVE_MS = 15_000;

/**
 * GET /_pulse/tail[?pattern=<event pattern JSON>]: Server-Sent Events, one `bus-event` per
 * accepted event (`id:` the event id, `data:` the BusEvent JSON). The first line is a
 * `: connected` comment, so a client knows it is subscribed before it publishes.
 */
export function serveTail(req: IncomingMessage, res: ServerResponse, url: URL, hub: TailHub): void {
  const patternText = url.searchParams.get('pattern');
  let matches: (event: unknown) => boolean = () => true;
  if (patternText !== null) {
    try {
      const pattern = compilePattern(patternText);
      matches = (event) => pattern.matches(event);
    } catch (error) {
      return sendAdminJson(res, 400, { error: 'InvalidEventPatternException', message: (error as Error).message });
    }
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  res.write(': connected\n\n');
  const unsubscribe = hub.subscribe((event) => {
    if (matches(event)) res.write(`event: bus-event\nid: ${event.id}\ndata: ${eventJson(event)}\n\n`);
  });
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
  keepAlive.unref();
  const stop = () => {
    clearInterval(keepAlive);
    unsubscribe();
  };
  req.on('close', stop);
  res.on('close', stop);
}
