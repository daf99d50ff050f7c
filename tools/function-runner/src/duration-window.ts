/** Keeps the last `capacity` durations so percentiles stay cheap and reflect recent behaviour. */
export class DurationWindow {
  private readonly values: number[] = [];
  private next = 0;

  constructor(private readonly capacity = 1000) {}

  add(durationMs: number): void {
    if (this.values.length < this.capacity) this.values.push(durationMs);
    else this.values[this.next] = durationMs;
    this.next = (this.next + 1) % this.capacity;
  }

  /** Nearest-rank percentile; 0 when nothing was recorded yet. */
  percentile(p: number): number {
    if (this.values.length === 0) return 0;
    const sorted = [...this.values].sort((a, b) => a - b);
    const rank = Math.ceil((p / 100) * sorted.length);
    return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
  }
}
