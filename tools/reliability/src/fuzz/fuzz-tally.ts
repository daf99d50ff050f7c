/** How many generated inputs of each kind a run sent: the fuzz counts the README reports. */
export class FuzzTally {
  private readonly counts = new Map<string, number>();

  count(kind: string, n = 1): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + n);
  }

  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  /** `kind: n` lines, largest first, then the total. */
  report(title: string): string {
    const rows = [...this.counts].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `  ${kind}: ${n}`);
    return [`${title}: ${this.total()}`, ...rows].join('\n');
  }
}
