import { get, type ClientRequest } from 'node:http';
import { createSseParser } from '../bus/sse-parser';

export interface BusRecorder {
  /** Every event the bus accepted since `recordBus` connected. */
  readonly events: Array<{ id: string; 'detail-type': string; detail: unknown }>;
  close(): void;
}

/** Listens to the bus's own tail, to know the event ids the bus gave (independent of the dashboard). */
export function recordBus(busEndpoint: string): Promise<BusRecorder> {
  return new Promise((resolve, reject) => {
    const events: BusRecorder['events'] = [];
    const request: ClientRequest = get(`${busEndpoint}/_pulse/tail`, { agent: false }, (response) => {
      response.setEncoding('utf8');
      const feed = createSseParser((message) => void events.push(JSON.parse(message.data) as BusRecorder['events'][number]));
      let ready = false;
      response.on('data', (chunk: string) => {
        feed(chunk);
        if (!ready) resolve({ events, close: () => request.destroy() });
        ready = true;
      });
      response.on('error', () => undefined);
    });
    request.on('error', reject);
  });
}
