import { TailHub } from '../admin/tail-hub';
import type { FileArchive } from '../archive/file-archive';
import type { DispatcherStats, RunningDispatcher } from '../delivery/dispatcher-types';
import type { BusServer } from '../server';
import type { BusLives } from './bus-lives';

/**
 * Views over whichever incarnation is current, so whoever holds `local.bus`, `local.dispatcher`
 * or `local.archive` keeps working across a restart. `kill` on any of them kills the whole
 * EventBridge side: a process dies whole.
 */
export function lastingBusServer(lives: BusLives): BusServer {
  // In-process listeners (the runtime's status line, drills) are re-attached to each new
  // incarnation; /_pulse/tail streams are connections, so a kill ends them.
  const hub = new TailHub();
  const follow = (server: BusServer) => server.onEvent((event) => hub.publish([event]));
  follow(lives.current.server);
  lives.onReplaced((next) => follow(next.server));
  const { endpoint, port } = lives.current.server;
  return {
    endpoint,
    port,
    rules: () => lives.current.server.rules(),
    onEvent: (listener) => hub.subscribe(listener),
    close: () => lives.current.server.close(),
    kill: () => lives.kill(),
  };
}

type Counters = Pick<DispatcherStats, 'recovered' | 'delivered' | 'retries' | 'deadLettered' | 'dlqSendFailures'>;
const COUNTERS = ['recovered', 'delivered', 'retries', 'deadLettered', 'dlqSendFailures'] as const;

/** Counters add up over every incarnation; `pending`, `inFlight` and `undeliverable` are the current one's. */
export function lastingDispatcher(lives: BusLives): RunningDispatcher {
  let earlier: Counters = { recovered: 0, delivered: 0, retries: 0, deadLettered: 0, dlqSendFailures: 0 };
  lives.onReplaced((_next, previous) => {
    const last = previous.dispatcher.stats();
    earlier = Object.fromEntries(COUNTERS.map((name) => [name, earlier[name] + last[name]])) as unknown as Counters;
  });
  return {
    start: () => lives.current.dispatcher.start(),
    enqueue: (deliveries) => lives.current.dispatcher.enqueue(deliveries),
    async drain() {
      // A kill releases the killed dispatcher's drain; what it left pending is the next one's to drain.
      for (;;) {
        const dispatcher = lives.current.dispatcher;
        await dispatcher.drain();
        await lives.notDown();
        if (lives.current.dispatcher === dispatcher) return;
      }
    },
    stats(): DispatcherStats {
      const now = lives.current.dispatcher.stats();
      return { ...now, ...Object.fromEntries(COUNTERS.map((name) => [name, earlier[name] + now[name]])) };
    },
    close: () => lives.current.dispatcher.close(),
    kill: () => lives.kill(),
  };
}

export function lastingArchive(lives: BusLives): FileArchive {
  return {
    append: (events) => lives.current.archive.append(events),
    read: (from, to, keep) => lives.current.archive.read(from, to, keep),
    close: () => lives.current.archive.close(),
    abort: () => lives.kill(),
  };
}
