/** One metric value from an Embedded Metric Format document. */
export interface EmfSample {
  readonly namespace: string;
  readonly name: string;
  readonly unit: string | undefined;
  readonly value: number;
  /** The document's `service` dimension (Powertools sets it), if any. */
  readonly service: string | undefined;
  /** `_aws.Timestamp`, epoch ms. */
  readonly timestamp: number | undefined;
}

interface MetricDirective {
  readonly Namespace?: unknown;
  readonly Metrics?: readonly { readonly Name?: unknown; readonly Unit?: unknown }[];
}

/**
 * The metric values of one log line when it is an EMF document (as Powertools Metrics prints it:
 * `{"_aws":{"CloudWatchMetrics":[…]}, "service": …, "<Name>": value | [values]}`), else []. A
 * line may carry a prefix before the JSON (a runtime's timestamp/request id), so parsing starts
 * at the first brace. Plain log lines and malformed documents yield nothing.
 */
export function parseEmf(line: string): EmfSample[] {
  if (!line.includes('"_aws"')) return [];
  const start = line.indexOf('{');
  let doc: unknown;
  try {
    doc = JSON.parse(line.slice(start));
  } catch {
    return [];
  }
  if (!isRecord(doc) || !isRecord(doc['_aws'])) return [];
  const aws = doc['_aws'];
  const directives = Array.isArray(aws['CloudWatchMetrics']) ? (aws['CloudWatchMetrics'] as MetricDirective[]) : [];
  const timestamp = typeof aws['Timestamp'] === 'number' ? aws['Timestamp'] : undefined;
  const service = typeof doc['service'] === 'string' ? doc['service'] : undefined;
  const samples: EmfSample[] = [];
  for (const directive of directives) {
    if (!isRecord(directive) || typeof directive.Namespace !== 'string' || !Array.isArray(directive.Metrics)) continue;
    for (const metric of directive.Metrics) {
      if (!isRecord(metric) || typeof metric.Name !== 'string') continue;
      const unit = typeof metric.Unit === 'string' ? metric.Unit : undefined;
      // Powertools writes a metric added several times in one flush as an array of values.
      const raw = doc[metric.Name];
      for (const value of Array.isArray(raw) ? raw : [raw]) {
        if (typeof value === 'number' && Number.isFinite(value)) {
          samples.push({ namespace: directive.Namespace, name: metric.Name, unit, value, service, timestamp });
        }
      }
    }
  }
  return samples;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
