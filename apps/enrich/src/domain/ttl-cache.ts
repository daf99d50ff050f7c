import type { Clock } from '@pulse/service-kit';

export interface TtlCacheOptions {
  readonly clock: Clock;
  /** Bound on entries; the least recently used entry is evicted beyond it. */
  readonly maxEntries: number;
}

/**
 * A bounded in-memory cache whose entries expire by the clock port. A Map keeps insertion
 * order, so re-inserting on read makes its first key the least recently used one.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(private readonly options: TtlCacheOptions) {
    if (!Number.isInteger(options.maxEntries) || options.maxEntries < 1) throw new RangeError('maxEntries must be an integer ≥ 1');
  }

  get size(): number {
    return this.entries.size;
  }

  /** The live entry for `key`, or undefined when absent or expired. */
  get(key: string): { value: V } | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= this.options.clock.now()) return undefined;
    this.entries.set(key, entry);
    return { value: entry.value };
  }

  set(key: string, value: V, ttlMs: number): void {
    this.entries.delete(key);
    if (ttlMs <= 0) return;
    this.entries.set(key, { value, expiresAt: this.options.clock.now() + ttlMs });
    if (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}
