/** Latencies of one window, each weighted by the readings it stands for (a batch shares one latency). */
export class LatencyWindow {
  private readonly samples: { ms: number; weight: number }[] = [];
  private total = 0;

  add(ms: number, weight = 1): void {
    if (!(weight > 0) || !Number.isFinite(ms)) return;
    this.samples.push({ ms, weight });
    this.total += weight;
  }

  /** Readings recorded. */
  get count(): number {
    return this.total;
  }

  /** The smallest latency at or below which `p` % of the readings fall; NaN when empty. */
  percentile(p: number): number {
    if (this.total === 0) return Number.NaN;
    const sorted = [...this.samples].sort((a, b) => a.ms - b.ms);
    const rank = (p / 100) * this.total;
    let seen = 0;
    for (const sample of sorted) {
      seen += sample.weight;
      if (seen >= rank) return sample.ms;
    }
    return sorted[sorted.length - 1].ms;
  }
}
