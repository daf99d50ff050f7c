import { get, type IncomingMessage } from 'node:http';

/** A minimal Server-Sent Events reader for the tests: collects `data:` payloads of each event block. */
export interface SseClient {
  readonly status: number;
  readonly events: Array<{ event?: string; id?: string; data: string }>;
  close(): void;
}

/** Connects and resolves once the stream's first bytes (the `: connected` comment) arrived, or a non-200 answer. */
export function openSse(url: string): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const request = get(url, (response: IncomingMessage) => {
      const events: SseClient['events'] = [];
      const client: SseClient = { status: response.statusCode ?? 0, events, close: () => request.destroy() };
      if (client.status !== 200) {
        response.resume();
        return resolve(client);
      }
      let buffer = '';
      let ready = false;
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields: Record<string, string> = {};
          for (const line of block.split('\n')) {
            const colon = line.indexOf(':');
            if (colon > 0) fields[line.slice(0, colon)] = line.slice(colon + 1).trimStart();
          }
          if (fields['data'] !== undefined) events.push({ data: fields['data'], ...(fields['event'] ? { event: fields['event'] } : {}), ...(fields['id'] ? { id: fields['id'] } : {}) });
        }
        if (!ready) {
          ready = true;
          resolve(client);
        }
      });
      response.on('error', () => undefined);
    });
    request.on('error', (error) => reject(error));
  });
}
