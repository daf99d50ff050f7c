/** A figure over repeated runs: the median is what the bench reports, min and max its spread. */
export interface Stats {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** How many runs the figure is the median of (warm-up runs excluded). */
  readonly runs: number;
}

/** Median (mean of the two middle values for an even count), min and max. Throws on no samples. */
export function summarize(samples: readonly number[]): Stats {
  if (samples.length === 0) throw new RangeError('no samples to summarize');
  if (samples.some((s) => !Number.isFinite(s))) throw new RangeError(`non-finite sample in ${samples.join(', ')}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
}

/** Splits items into `parts` consecutive groups of near-equal size (the first ones one larger). */
export function splitEvenly<T>(items: readonly T[], parts: number): T[][] {
  const count = Math.max(1, Math.min(parts, items.length));
  const groups: T[][] = [];
  let start = 0;
  for (let i = 0; i < count; i++) {
    const size = Math.floor(items.length / count) + (i < items.length % count ? 1 : 0);
    groups.push(items.slice(start, start + size));
    start += size;
  }
  return groups;
}
