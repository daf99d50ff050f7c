import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WebhookSink {
  readonly url: string;
  /** Alerts received, newest last (bounded). */
  received(): readonly unknown[];
  close(): Promise<void>;
}

const KEEP = 200;

/**
 * Stands in for the alerts webhook (alert's `alerts-webhook` API destination): answers 204 and
 * says in the console what a pager would have received, so alerts are visible without setup.
 */
export async function startWebhookSink(log: (line: string) => void): Promise<WebhookSink> {
  const kept: unknown[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        const event = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { 'detail-type'?: string; detail?: { data?: { zoneId?: string; level?: string; aqi?: number } } };
        kept.push(event);
        if (kept.length > KEEP) kept.shift();
        const data = event.detail?.data ?? {};
        log(`[alerts-webhook] ${event['detail-type'] ?? 'event'}: zone ${data.zoneId ?? '?'}${data.level ? `, ${data.level}` : ''}${data.aqi === undefined ? '' : ` (AQI ${data.aqi})`}`);
      } catch {
        // Not JSON: still accepted, as a webhook that does not parse would.
      }
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/alerts`,
    received: () => kept,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
