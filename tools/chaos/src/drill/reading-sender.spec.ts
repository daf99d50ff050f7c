import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendReadings } from './reading-sender';

type Posted = { deviceId: string; timestamp: string }[];
type Answer = (readings: Posted, call: number) => { status: number; body?: unknown; headers?: Record<string, string> };

/** A stand-in for POST /v1/readings: records every reading posted and answers as told per call. */
async function fakeApi(answer: Answer): Promise<{ url: string; posts: Posted[]; close(): Promise<void> }> {
  const posts: Posted[] = [];
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      const readings = (JSON.parse(text) as { readings: Posted }).readings;
      posts.push(readings);
      const reply = answer(readings, posts.length);
      response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      response.end(JSON.stringify(reply.body ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    posts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const idsOf = (readings: Posted) => readings.map((r) => `${r.deviceId}@${Date.parse(r.timestamp)}`);
const accepted: Answer = (readings) => ({ status: 202, body: { accepted: readings.length, readingIds: idsOf(readings), rejected: [] } });

describe('sendReadings', () => {
  let api: Awaited<ReturnType<typeof fakeApi>> | undefined;

  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('posts each reading exactly once at a given rate with several POSTs in flight', async () => {
    // Prepare
    api = await fakeApi(accepted);

    // Act
    const result = await sendReadings({ target: { api: api.url, apiKey: 'k' }, devices: ['a', 'b', 'c'], count: 95, firstTimestampMs: 1_000, batchSize: 10, concurrency: 4, rate: 5_000 });

    // Assess
    const posted = api.posts.flatMap(idsOf);
    expect(posted).toHaveLength(95);
    expect(new Set(posted).size).toBe(95);
    expect(api.posts.map((p) => p.length).sort((x, y) => x - y)).toEqual([5, 10, 10, 10, 10, 10, 10, 10, 10, 10]);
    expect(result).toMatchObject({ sent: 95, requests: 10, rejected: 0, gaveUp: 0 });
    expect(result.acknowledged.size).toBe(95);
    expect([...result.acknowledged]).toContain('b@1001');
  });

  it('counts acknowledgements without keeping their ids when asked (a soak measures its own RSS)', async () => {
    // Prepare
    api = await fakeApi(accepted);
    const seen: string[] = [];

    // Act
    const result = await sendReadings({ target: { api: api.url, apiKey: 'k' }, devices: ['a'], count: 30, firstTimestampMs: 1_000, batchSize: 10, keepAcknowledgedIds: false, onAccepted: (ids) => seen.push(...ids) });

    // Assess
    expect(result.acknowledged.size).toBe(0);
    expect(result.acknowledgedCount).toBe(30);
    expect(new Set(seen).size).toBe(30);
  });

  it('retries 5xx, 429 and a 503 until acknowledged, resending after a 503 only what it names as not accepted', async () => {
    // Prepare: 500, then 429, then a 503 that took the first 3 readings, then 202
    api = await fakeApi((readings, call) => {
      if (call === 1) return { status: 500, body: { message: 'Internal Server Error' } };
      if (call === 2) return { status: 429, headers: { 'retry-after': '0' } };
      if (call === 3) return { status: 503, headers: { 'retry-after': '0' }, body: { accepted: idsOf(readings).slice(0, 3), notAccepted: idsOf(readings).slice(3) } };
      return accepted(readings, call);
    });
    const seen: string[] = [];

    // Act
    const result = await sendReadings({ target: { api: api.url, apiKey: 'k' }, devices: ['d'], count: 5, firstTimestampMs: 0, batchSize: 5, concurrency: 1, onAccepted: (ids) => seen.push(...ids) });

    // Assess
    expect(api.posts.map((p) => p.length)).toEqual([5, 5, 5, 2]);
    expect(idsOf(api.posts[3])).toEqual(['d@3', 'd@4']);
    expect(result.retriedByStatus).toEqual({ 500: 1, 429: 1, 503: 1 });
    expect(seen.sort()).toEqual(['d@0', 'd@1', 'd@2', 'd@3', 'd@4']);
    expect(result).toMatchObject({ requests: 4, rejected: 0, gaveUp: 0 });
  });

  it('does not retry a 4xx refusal, and counts it', async () => {
    // Prepare
    api = await fakeApi(() => ({ status: 400, body: { error: { code: 'BadRequest', message: 'no' } } }));

    // Act
    const result = await sendReadings({ target: { api: api.url, apiKey: 'k' }, devices: ['d'], count: 4, firstTimestampMs: 0, batchSize: 2, concurrency: 1 });

    // Assess
    expect(result).toMatchObject({ requests: 2, rejected: 4, gaveUp: 0 });
    expect(result.rejections[0]).toMatch(/^400: /);
    expect(result.acknowledged.size).toBe(0);
  });

  it('gives up what is still unacknowledged at the deadline', async () => {
    // Prepare
    api = await fakeApi(() => ({ status: 500 }));

    // Act
    const result = await sendReadings({ target: { api: api.url, apiKey: 'k' }, devices: ['d'], count: 6, firstTimestampMs: 0, batchSize: 3, concurrency: 1, deadline: Date.now() + 300 });

    // Assess
    expect(result.gaveUp).toBe(6);
    expect(result.acknowledged.size).toBe(0);
  });
});
