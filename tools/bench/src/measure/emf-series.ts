/**
 * Distinct CloudWatch metric series in embedded-metric-format lines: one per namespace, metric
 * name and set of dimension values (what CloudWatch bills as one custom metric).
 */
export function emfSeries(lines: Iterable<string>): Set<string> {
  const series = new Set<string>();
  for (const line of lines) {
    let record: Record<string, unknown> & { _aws?: { CloudWatchMetrics?: Array<{ Namespace: string; Dimensions: string[][]; Metrics: Array<{ Name: string }> }> } };
    try {
      record = JSON.parse(line) as typeof record;
    } catch {
      continue;
    }
    for (const directive of record._aws?.CloudWatchMetrics ?? []) {
      for (const dimensions of directive.Dimensions.length > 0 ? directive.Dimensions : [[]]) {
        const values = dimensions.map((d) => `${d}=${String(record[d])}`).join(',');
        for (const metric of directive.Metrics) series.add(`${directive.Namespace}|${metric.Name}|${values}`);
      }
    }
  }
  return series;
}
