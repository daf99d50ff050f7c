import { createFileArchive, type FileArchive } from '../archive/file-archive';
import { createDispatcher } from '../delivery/dispatcher';
import type { DispatcherOptions, RunningDispatcher } from '../delivery/dispatcher-types';
import { startBusServer, type BusServer, type BusServerOptions } from '../server';

export interface IncarnationOptions {
  readonly port: number;
  readonly archiveDirectory: string;
  /** Without one the journal is in memory, and a kill forgets what was pending (as a process would). */
  readonly journalDirectory?: string;
  readonly dispatcher: Omit<DispatcherOptions, 'directory'>;
  readonly server: Omit<BusServerOptions, 'port' | 'dispatcher' | 'archive'>;
}

/**
 * One life of the EventBridge side, between a start and a stop or a kill: the archive, the
 * dispatcher with its journal, the API server. Every piece of in-memory state (rules, pending
 * deliveries, retry timers, archive counters, replays) lives in here, so dropping an incarnation
 * and starting a new one from the same directory is what restarting a process does.
 */
export interface BusIncarnation {
  readonly server: BusServer;
  readonly dispatcher: RunningDispatcher;
  readonly archive: FileArchive;
  /** A clean stop: the server, then the dispatcher (journal closed), then the archive. */
  close(): Promise<void>;
  /** All at once, as a kill: sockets reset, deliveries abandoned, unwritten lines dropped. */
  kill(): Promise<void>;
}

export async function startBusIncarnation(options: IncarnationOptions): Promise<BusIncarnation> {
  const archive = createFileArchive({ directory: options.archiveDirectory });
  const dispatcher = createDispatcher({
    ...options.dispatcher,
    ...(options.journalDirectory === undefined ? {} : { directory: options.journalDirectory }),
  });
  try {
    // Recovered deliveries start before the API listens, as after any restart.
    await dispatcher.start();
    const server = await startBusServer({ ...options.server, port: options.port, dispatcher, archive });
    return {
      server,
      dispatcher,
      archive,
      async close() {
        await server.close();
        await dispatcher.close();
        await archive.close();
      },
      async kill() {
        // The synchronous part of each (stop listening, stop timers, drop queued lines) runs in this one tick.
        await Promise.all([server.kill(), dispatcher.kill(), archive.abort()]);
      },
    };
  } catch (error) {
    await dispatcher.close().catch(() => undefined);
    await archive.close().catch(() => undefined);
    throw error;
  }
}
