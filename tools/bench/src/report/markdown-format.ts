/** A Markdown table; numbers are formatted by the caller. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** `12.3 [11.9 – 13.0] ×5` */
export function spread(stats: { median: number; min: number; max: number; runs: number }, digits = 1): string {
  return `${fmt(stats.median, digits)} [${fmt(stats.min, digits)} – ${fmt(stats.max, digits)}] ×${stats.runs}`;
}

export function fmt(value: number, digits = 1): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function kb(bytes: number): string {
  return `${fmt(bytes / 1024, 1)} KB`;
}
