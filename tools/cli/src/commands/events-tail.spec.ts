import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { startBusServer, type BusServer } from '@pulse/local-bus';
import { contracts } from '@pulse/schemas';
import { runPulse } from '../testing/run-pulse';
import { workspaceRoot } from '../workspace-root';
import { resolveEndpoint } from '../local-endpoints';
import { readSseEvents, type TailEvent } from './events-tail';
import { withClient } from '../eventbridge-client';
import { DECLARED_SERVICES } from './explain';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';

const sample = (name: string) => contracts.find((c) => c.name === name)!.sample as TailEvent;
const received = sample('ReadingsReceived');
const enriched = sample('ReadingsEnriched');

/** A stand-in for the bus's GET /_pulse/tail: sends `events` to every client, then keeps the stream open. */
async function startTailServer(events: readonly unknown[], status = 200): Promise<{ url: string; close(): Promise<void> }> {
  const streams: ServerResponse[] = [];
  const server: Server = createServer((req, res) => {
    if (req.url !== '/_pulse/tail' || status !== 200) {
      res.writeHead(req.url === '/_pulse/tail' ? status : 404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(': connected\n\n');
    // The same framing as the local bus: a named event with an id, then the data line.
    for (const event of events) res.write(`event: bus-event\nid: ${(event as TailEvent).id}\ndata: ${JSON.stringify(event)}\n\n`);
    streams.push(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A tail that drops each client after its first connection's events, as a restarting bus does. */
async function startDroppingTailServer(perConnection: readonly (readonly unknown[])[]): Promise<{ url: string; connections(): number; close(): Promise<void> }> {
  let connections = 0;
  const server: Server = createServer((_request, res) => {
    const events = perConnection[connections] ?? [];
    const last = connections >= perConnection.length - 1;
    connections += 1;
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    for (const event of events) res.write(`event: bus-event\nid: ${(event as TailEvent).id}\ndata: ${JSON.stringify(event)}\n\n`);
    if (!last) res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: () => connections,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function* chunksOf(...chunks: (string | Buffer)[]): AsyncGenerator<string | Buffer> {
  for (const chunk of chunks) yield chunk;
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('readSseEvents', () => {
  it('yields one event per message, across chunk boundaries, CRLF, comments and split UTF-8', async () => {
    // Prepare: "é" is two bytes, cut between chunks; one message spans two data lines
    const bytes = Buffer.from('data: {"id":"1","source":"caf\u00e9"}\r\n\r\n: keep-alive\n\ndata: {"id":\ndata: "2"}\n\n');
    const cut = bytes.indexOf(0xc3) + 1;
    // Act
    const events = await collect(readSseEvents(chunksOf(bytes.subarray(0, 5), bytes.subarray(5, cut), bytes.subarray(cut))));
    // Assess
    expect(events).toEqual([{ id: '1', source: 'café' }, { id: '2' }]);
  });

  it('delivers a last message that the stream ends without a blank line', async () => {
    const events = await collect(readSseEvents(chunksOf('data: {"id":"a"}\n\ndata: {"id":"b"}')));
    expect(events.map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('fails on a message that is not JSON instead of printing garbage', async () => {
    await expect(collect(readSseEvents(chunksOf('data: not json\n\n')))).rejects.toThrow(SyntaxError);
  });
});

describe('resolveEndpoint', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pulse-endpoints-'));
  const file = join(dir, 'endpoints.json');
  writeFileSync(file, JSON.stringify({ eventbridge: 'http://127.0.0.1:5010', sqs: 'http://127.0.0.1:5011/', region: 'eu-west-3' }));

  it('prefers the flag, then the service env variable, then .local/endpoints.json, then the contract default', () => {
    const env = { AWS_ENDPOINT_URL_EVENTBRIDGE: 'http://127.0.0.1:6010' };
    expect(resolveEndpoint('eventbridge', 'http://flag:1/', { env, endpointsFile: file })).toMatchObject({ url: 'http://flag:1', origin: '--endpoint' });
    expect(resolveEndpoint('eventbridge', undefined, { env, endpointsFile: file })).toMatchObject({ url: 'http://127.0.0.1:6010', origin: 'AWS_ENDPOINT_URL_EVENTBRIDGE' });
    expect(resolveEndpoint('sqs', undefined, { env, endpointsFile: file })).toEqual({ url: 'http://127.0.0.1:5011', region: 'eu-west-3', origin: file });
    expect(resolveEndpoint('sqs', undefined, { env: {}, endpointsFile: join(dir, 'missing.json') })).toEqual({
      url: 'http://127.0.0.1:4011',
      region: 'us-east-1',
      origin: 'the local contract default',
    });
  });

  it('names a corrupt endpoints file instead of silently using the defaults', () => {
    const corrupt = join(dir, 'corrupt.json');
    writeFileSync(corrupt, '{"eventbridge":');
    expect(() => resolveEndpoint('eventbridge', undefined, { env: {}, endpointsFile: corrupt })).toThrow(/corrupt\.json is not valid JSON/);
  });
});

describe('pulse events tail', () => {
  let bus: Awaited<ReturnType<typeof startTailServer>> | undefined;
  afterEach(async () => {
    await bus?.close();
    bus = undefined;
  });

  it('prints one line per event that matches --pattern, and stops after --count', async () => {
    // Prepare
    bus = await startTailServer([received, enriched, received]);
    const pattern = JSON.stringify({ source: ['pulse.enrich'] });
    // Act
    const result = await runPulse('events', 'tail', '--endpoint', bus.url, '--pattern', pattern, '--count', '1', '--verbose');
    // Assess
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`${enriched.time}  pulse.enrich  ReadingsEnriched  ${enriched.id}`);
    expect(lines[0]).toMatch(/fleetId=city-lyon .*readings=\d+/);
    expect(result.stderr).toContain(`eventbridge endpoint ${bus.url} (from --endpoint)`);
  });

  it('--json prints each full event on one line', async () => {
    bus = await startTailServer([received, enriched]);
    const result = await runPulse('events', 'tail', '--endpoint', bus.url, '--json', '--count', '2');
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n').map((line) => JSON.parse(line) as unknown)).toEqual([received, enriched]);
  });

  it('rejects an invalid pattern with exit 2 before connecting', async () => {
    const result = await runPulse('events', 'tail', '--endpoint', 'http://127.0.0.1:1', '--pattern', '{"source":[]}');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--pattern: .*Empty arrays are not allowed/);
  });

  it('reconnects when the bus drops the stream (a restart) and goes on printing', async () => {
    // Prepare: the first connection sends one event and ends, the next sends another
    const dropping = await startDroppingTailServer([[received], [enriched]]);
    try {
      // Act
      const result = await runPulse('events', 'tail', '--endpoint', dropping.url, '--json', '--count', '2');
      // Assess
      expect(result.code).toBe(0);
      expect(result.stdout.trim().split('\n').map((line) => JSON.parse(line) as unknown)).toEqual([received, enriched]);
      expect(result.stderr).toContain(`the bus at ${dropping.url} closed the stream; reconnecting`);
      expect(result.stderr).toContain(`reconnected to ${dropping.url}`);
      expect(dropping.connections()).toBe(2);
    } finally {
      await dropping.close();
    }
  });

  it('says which endpoint it could not reach and exits 1', async () => {
    // Prepare: a port that was free a moment ago
    bus = await startTailServer([]);
    const url = bus.url;
    await bus.close();
    bus = undefined;
    // Act
    const result = await runPulse('events', 'tail', '--endpoint', url);
    // Assess
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`cannot reach ${url} (from --endpoint): ECONNREFUSED`);
  });

  it('explains a bus without the tail endpoint', async () => {
    bus = await startTailServer([], 404);
    const result = await runPulse('events', 'tail', '--endpoint', bus.url);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/_pulse\/tail answered 404/);
  });

  it('exits 0 on Ctrl-C (SIGINT), as `npx pulse` runs it', async () => {
    // Prepare
    bus = await startTailServer([enriched]);
    const child = spawn(process.execPath, [join(workspaceRoot, 'tools/cli/bin/pulse.cjs'), 'events', 'tail', '--endpoint', bus.url], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let stdout = '';
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          if (stdout.includes('\n')) resolve();
        });
        child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
      });
      // Act
      const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGINT');
      // Assess
      expect(await exit).toBe(0);
      expect(stdout).toContain(enriched.id);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 20_000);
});

describe('pulse events tail against the local bus', () => {
  let bus: BusServer | undefined;
  afterEach(async () => {
    await bus?.close();
    bus = undefined;
  });

  it('prints events that PutEvents accepted, filtered by the pattern', async () => {
    // Prepare
    bus = await startBusServer({
      port: 0,
      log: () => undefined,
      services: DECLARED_SERVICES,
      dispatcher: { enqueue: async () => undefined },
      archive: { append: async () => undefined, read: nothingArchived },
    });
    const endpoint = { url: bus.endpoint, region: 'us-east-1', origin: 'test' };
    const entry = (name: string) => {
      const event = sample(name);
      return { Source: event.source, DetailType: event['detail-type'], Detail: JSON.stringify(event.detail), EventBusName: 'pulse-local' };
    };
    // Act: publish until the tail (which may connect after the first PutEvents) has seen one match
    const tailing = runPulse('events', 'tail', '--endpoint', bus.endpoint, '--pattern', '{"detail-type":["ReadingsEnriched"]}', '--count', '1');
    let done = false;
    void tailing.finally(() => (done = true));
    await withClient(endpoint, async (client) => {
      for (let attempt = 0; !done && attempt < 100; attempt += 1) {
        await client.send(new PutEventsCommand({ Entries: [entry('ReadingsReceived'), entry('ReadingsEnriched')] }));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });
    const result = await tailing;
    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\S+Z {2}pulse\.enrich {2}ReadingsEnriched {2}[0-9a-f-]{36} {2}fleetId=city-lyon /);
    expect(result.stdout).not.toContain('ReadingsReceived');
  });
});

async function* nothingArchived(): AsyncGenerator<never> {
  // these tests never replay
}

describe('--help on the bus commands', () => {
  it.each(['events tail', 'explain', 'dlq', 'dlq list', 'dlq show', 'dlq redrive', 'replay'])('pulse %s --help prints usage and exits 0', async (command) => {
    const result = await runPulse(...command.split(' '), '--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: pulse ${command}`);
  });
});
