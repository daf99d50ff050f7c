import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface FakeAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface FakePulseApi {
  readonly endpoint: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * A stand-in for ingest's routes in tests: records every request and answers with what
 * `answer` says. By default readings are all accepted and devices registered.
 */
export async function startFakePulseApi(answer: (request: RecordedRequest, index: number) => FakeAnswer = defaultAnswer): Promise<FakePulseApi> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const request: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: text ? (JSON.parse(text) as unknown) : undefined };
      requests.push(request);
      const { status, body, headers } = answer(request, requests.length - 1);
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(body === undefined ? '' : JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

export function defaultAnswer(request: RecordedRequest): FakeAnswer {
  if (request.method === 'PUT') return { status: 200, body: { revision: 1 } };
  const readings = (request.body as { readings: { deviceId: string; timestamp: number }[] }).readings;
  return { status: 202, body: { batchId: 'b', accepted: readings.length, readingIds: readings.map((r) => `${r.deviceId}@${r.timestamp}`), rejected: [] } };
}
