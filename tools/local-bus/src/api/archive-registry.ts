import { compilePattern, type CompiledPattern } from '@pulse/event-patterns';
import { eventJson } from '../event-json';
import type { BusEvent } from '../model';

/**
 * Archive metadata. The events themselves are all in the one `Archive` store; an archive
 * here is a view of it: events from its bus (matching its pattern, if any), counted as accepted.
 */
export interface ArchiveMeta {
  readonly name: string;
  readonly arn: string;
  readonly eventSourceArn: string;
  readonly busName: string;
  readonly description?: string;
  readonly eventPattern?: string;
  readonly pattern?: CompiledPattern;
  readonly retentionDays: number;
  readonly createdAt: Date;
  eventCount: number;
  sizeBytes: number;
}

export type ReplayState = 'STARTING' | 'RUNNING' | 'COMPLETED' | 'FAILED';

export interface ReplayMeta {
  readonly name: string;
  readonly arn: string;
  readonly description?: string;
  readonly eventSourceArn: string;
  readonly destination: { readonly Arn: string; readonly FilterArns?: readonly string[] };
  readonly from: Date;
  readonly to: Date;
  readonly startedAt: Date;
  state: ReplayState;
  stateReason?: string;
  lastReplayed?: Date;
  endedAt?: Date;
}

export class ArchiveRegistry {
  readonly archives = new Map<string, ArchiveMeta>();
  readonly replays = new Map<string, ReplayMeta>();
  /** Replays still running; they never reject (failures land in their state). */
  readonly running = new Set<Promise<void>>();

  add(meta: Omit<ArchiveMeta, 'pattern' | 'eventCount' | 'sizeBytes'>): ArchiveMeta {
    const archive: ArchiveMeta = {
      ...meta,
      ...(meta.eventPattern === undefined ? {} : { pattern: compilePattern(meta.eventPattern) }),
      eventCount: 0,
      sizeBytes: 0,
    };
    this.archives.set(archive.name, archive);
    return archive;
  }

  /** Counts accepted events into every archive of their bus that keeps them. */
  record(busName: string, events: readonly BusEvent[]): void {
    for (const archive of this.archives.values()) {
      if (archive.busName !== busName) continue;
      for (const event of events) {
        if (archive.pattern && !archive.pattern.matches(event)) continue;
        archive.eventCount += 1;
        archive.sizeBytes += Buffer.byteLength(eventJson(event));
      }
    }
  }
}
