export interface TraceIndexOptions {
  /** At most this many events are kept (oldest evicted first). */
  readonly maxEvents?: number;
  /** …and at most this many bytes of event JSON. */
  readonly maxBytes?: number;
}

/** An event as the index keeps it: the JSON text as the tail sent it (compact; parsed on demand). */
export interface IndexedEvent {
  readonly eventId: string;
  readonly json: string;
  readonly seenAt: number;
  readonly readingIds: readonly string[];
}

export const DEFAULT_TRACE_EVENTS = 5_000;
export const DEFAULT_TRACE_BYTES = 32 * 1024 * 1024;

/**
 * The last events of the bus by readingId, bounded by count and bytes, so "what happened to
 * this reading" can be answered for recent readings without any store. FIFO eviction: an
 * evicted event is the oldest, hence the first in each of its readings' lists.
 */
export class TraceIndex {
  private readonly maxEvents: number;
  private readonly maxBytes: number;
  private readonly events = new Map<number, IndexedEvent>();
  private readonly byReading = new Map<string, IndexedEvent[]>();
  private sequence = 0;
  private bytes = 0;

  constructor(options: TraceIndexOptions = {}) {
    this.maxEvents = Math.max(1, options.maxEvents ?? DEFAULT_TRACE_EVENTS);
    this.maxBytes = Math.max(1, options.maxBytes ?? DEFAULT_TRACE_BYTES);
  }

  /** Events without readings are not kept: nothing would find them. */
  add(entry: IndexedEvent): void {
    if (entry.readingIds.length === 0) return;
    this.events.set(this.sequence++, entry);
    this.bytes += entry.json.length;
    for (const id of entry.readingIds) {
      const list = this.byReading.get(id);
      if (list) list.push(entry);
      else this.byReading.set(id, [entry]);
    }
    while (this.events.size > 1 && (this.events.size > this.maxEvents || this.bytes > this.maxBytes)) this.evictOldest();
  }

  /** The reading's events in the order the bus accepted them; [] when none is (still) held. */
  eventsOf(readingId: string): readonly IndexedEvent[] {
    return this.byReading.get(readingId) ?? [];
  }

  get size(): number {
    return this.events.size;
  }

  get readings(): number {
    return this.byReading.size;
  }

  private evictOldest(): void {
    const [key, oldest] = this.events.entries().next().value as [number, IndexedEvent];
    this.events.delete(key);
    this.bytes -= oldest.json.length;
    for (const id of oldest.readingIds) {
      const list = this.byReading.get(id);
      if (list === undefined) continue;
      if (list[0] === oldest) list.shift();
      if (list.length === 0) this.byReading.delete(id);
    }
  }
}
