import { get, type IncomingMessage } from 'node:http';
import type { Command } from 'commander';
import { compilePattern, InvalidEventPatternException, type CompiledPattern } from '@pulse/event-patterns';
import { positiveInteger, readJsonArgument } from '../arguments';
import { reportEndpoint, resolveEndpoint, unreachable, type ResolvedEndpoint } from '../local-endpoints';

// ---------------------------------------------------------------------------------------
// Server-Sent Events
// ---------------------------------------------------------------------------------------

/** An event as the bus delivers it; only the fields the CLI reads are typed. */
export interface TailEvent {
  readonly id: string;
  readonly source: string;
  readonly 'detail-type': string;
  readonly time: string;
  readonly detail?: unknown;
  readonly [field: string]: unknown;
}

/**
 * Reads an SSE stream and yields each message's data parsed as JSON. A message is the
 * `data:` lines up to a blank line (joined with "\n", as the SSE spec says); comments
 * (`:` lines, used as keep-alives) and other fields are skipped.
 */
export async function* readSseEvents(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<TailEvent> {
  // A streaming decoder, so a UTF-8 character split across chunks is not mangled.
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];
  const flush = function* () {
    if (data.length === 0) return;
    const text = data.join('\n');
    data = [];
    yield JSON.parse(text) as TailEvent;
  };
  for await (const chunk of chunks) {
    buffer += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let newline: number;
    while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
      if (line === '') yield* flush();
      else if (line.startsWith('data:')) data.push(line.slice(line.startsWith('data: ') ? 6 : 5));
    }
  }
  buffer += decoder.decode();
  if (buffer.startsWith('data:')) data.push(buffer.slice(buffer.startsWith('data: ') ? 6 : 5));
  yield* flush();
}

/** Opens `GET <endpoint>/_pulse/tail` and resolves to the response stream once it answers 200. */
export function openTail(endpoint: ResolvedEndpoint, signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = get(`${endpoint.url}/_pulse/tail`, { headers: { accept: 'text/event-stream' }, signal }, (response) => {
      if (response.statusCode === 200) return resolve(response);
      response.resume();
      reject(new Error(`GET ${endpoint.url}/_pulse/tail answered ${response.statusCode}: this bus has no tail endpoint`));
    });
    request.on('error', (error) => reject(signal.aborted ? error : unreachable(endpoint, error)));
  });
}

// ---------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------

/** One line: time, source, detail-type, id and a short summary of the detail. */
export function formatTailLine(event: TailEvent): string {
  return [event.time, event.source, event['detail-type'], event.id, summarize(event.detail)].join('  ');
}

/** Pulse events carry `detail.data`; say what is in it briefly (fleet, counts), else a clipped JSON. */
function summarize(detail: unknown): string {
  const data = isRecord(detail) && isRecord(detail['data']) ? detail['data'] : detail;
  if (!isRecord(data)) return clip(JSON.stringify(data) ?? '');
  const parts = Object.entries(data).flatMap(([key, value]) => {
    if (Array.isArray(value)) return [`${key}=${value.length}`];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return [`${key}=${value}`];
    return [];
  });
  return clip(parts.join(' '));
}

const clip = (text: string, max = 100) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------
// The command
// ---------------------------------------------------------------------------------------

interface TailOptions {
  pattern?: string;
  json?: boolean;
  count?: string;
  endpoint?: string;
  verbose?: boolean;
}

/** Registers `tail` under the existing `events` command (registerEvents must run first). */
export function registerEventsTail(program: Command): void {
  const events = program.commands.find((command) => command.name() === 'events');
  if (!events) throw new Error('registerEventsTail: register the `events` command first');
  events
    .command('tail')
    .description('Print events as the local bus accepts them, optionally filtered by an event pattern (Ctrl-C to stop)')
    .option('--pattern <pattern>', 'only events matching this EventBridge pattern: inline JSON, @file, or - for stdin')
    .option('--json', 'print each full event as one JSON line')
    .option('--count <n>', 'stop after this many matching events')
    .option('--endpoint <url>', 'EventBridge endpoint (default: AWS_ENDPOINT_URL_EVENTBRIDGE, .local/endpoints.json, http://127.0.0.1:4010)')
    .option('--verbose', 'say on stderr which endpoint is used')
    .action(async (options: TailOptions) => {
      process.exitCode = await tail(options);
    });
}

async function tail(options: TailOptions): Promise<number> {
  let pattern: CompiledPattern | undefined;
  let count: number | undefined;
  try {
    pattern = options.pattern === undefined ? undefined : compilePattern(readJsonArgument(options.pattern));
    count = options.count === undefined ? undefined : positiveInteger('--count', options.count);
  } catch (error) {
    if (!(error instanceof InvalidEventPatternException || error instanceof SyntaxError || error instanceof RangeError)) throw error;
    process.stderr.write(`pulse events tail: ${error instanceof RangeError ? '' : '--pattern: '}${error.message}\n`);
    return 2;
  }
  const endpoint = resolveEndpoint('eventbridge', options.endpoint);
  reportEndpoint('eventbridge', endpoint, options.verbose);

  const controller = new AbortController();
  // Ctrl-C is how a tail ends: a clean exit, not an error.
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  const say = (line: string) => process.stderr.write(`pulse events tail: ${line}\n`);
  let printed = 0;
  try {
    // The first connection must succeed (nothing running is an error to report); once it has,
    // a bus that restarts or drops the stream is waited for, as a tail of a log would be.
    let stream = await openTail(endpoint, controller.signal);
    for (;;) {
      try {
        for await (const event of readSseEvents(stream)) {
          if (pattern && !pattern.matches(event)) continue;
          process.stdout.write(`${options.json ? JSON.stringify(event) : formatTailLine(event)}\n`);
          printed += 1;
          if (count !== undefined && printed >= count) {
            stream.destroy();
            return 0;
          }
        }
        if (controller.signal.aborted) return 0;
        say(`the bus at ${endpoint.url} closed the stream; reconnecting (events it accepts meanwhile are not shown; Ctrl-C to stop)`);
      } catch (error) {
        if (controller.signal.aborted) return 0;
        if (error instanceof SyntaxError) throw error;
        say(`lost the bus at ${endpoint.url} (${(error as Error).message}); reconnecting (Ctrl-C to stop)`);
      }
      const reopened = await reconnect(endpoint, controller.signal);
      if (!reopened) return 0;
      stream = reopened;
      say(`reconnected to ${endpoint.url}`);
    }
  } catch (error) {
    if (controller.signal.aborted) return 0;
    say((error as Error).message);
    return 1;
  } finally {
    process.off('SIGINT', stop);
  }
}

/** Backoff between attempts to reach the bus again: quick at first, then every few seconds. */
const RECONNECT_DELAYS_MS = [250, 500, 1_000, 2_000, 5_000] as const;

/** Opens the tail again, retrying until it answers or `signal` aborts (then undefined). */
async function reconnect(endpoint: ResolvedEndpoint, signal: AbortSignal): Promise<IncomingMessage | undefined> {
  for (let attempt = 0; !signal.aborted; attempt += 1) {
    await sleep(RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)], signal);
    if (signal.aborted) return undefined;
    try {
      return await openTail(endpoint, signal);
    } catch {
      // Still down (or restarting without its tail yet): try again after the next delay.
    }
  }
  return undefined;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
