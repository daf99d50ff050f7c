import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventually } from '../__fixtures__/eventually';
import { followBusTail, type TailClient } from './tail-client';

/** A bare tail endpoint: each connection gets `: connected`; `send` writes one bus-event to all. */
function tailServer(port = 0): Promise<{ server: Server; port: number; send(json: string): void; dropAll(): void }> {
  const clients = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    if (req.url !== '/_pulse/tail') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(': connected\n\n');
    clients.add(res);
    res.on('close', () => clients.delete(res));
  });
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () =>
      resolve({
        server,
        port: (server.address() as AddressInfo).port,
        send: (json) => clients.forEach((c) => c.write(`event: bus-event\nid: x\ndata: ${json}\n\n`)),
        dropAll: () => clients.forEach((c) => c.destroy()),
      }),
    ),
  );
}

describe('followBusTail', () => {
  let client: TailClient | undefined;
  const servers: Server[] = [];

  afterEach(async () => {
    client?.close();
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('waits for a bus that starts later, and follows it again after the stream drops', async () => {
    // Prepare: a free port with nothing on it yet
    const probe = await tailServer();
    await new Promise((resolve) => probe.server.close(resolve));
    const received: string[] = [];
    const log: string[] = [];

    // Act
    client = followBusTail({ busEndpoint: `http://127.0.0.1:${probe.port}`, onEvent: (json) => received.push(json), log: (line) => log.push(line), retryMs: 20 });
    await eventually('a refused connection said once', () => log.length === 1);
    const bus = await tailServer(probe.port);
    servers.push(bus.server);
    await eventually('connected', () => client!.connected);
    bus.send('{"n":1}');
    await eventually('the first event', () => received.length === 1);
    bus.dropAll();
    await eventually('connected again', async () => {
      bus.send('{"n":2}');
      await new Promise((resolve) => setTimeout(resolve, 10));
      return received.length >= 2;
    });

    // Assess
    expect(received.slice(0, 2)).toEqual(['{"n":1}', '{"n":2}']);
    expect(log[0]).toMatch(/retrying every 20 ms/);
  });
});
