/** A dashboard widget's metric row as CloudWatch stores it: [namespace, name, dim, value, ..., options?]. */
export type MetricRow = readonly (string | Record<string, unknown>)[];

export interface DashboardWidgetBody {
  readonly type: string;
  readonly properties: { readonly title?: string; readonly metrics?: readonly MetricRow[]; readonly markdown?: string };
}

/**
 * The synthesised DashboardBody is an Fn::Join of literal parts and `AWS::Region` refs; render it
 * to the JSON CloudWatch receives (for specs and for reviewing a dashboard without deploying it).
 * Any other token means a cross-stack reference slipped in, which the dashboard must not have.
 */
export function renderDashboardBody(body: unknown, region: string): { readonly widgets: readonly DashboardWidgetBody[] } {
  const parts = joinParts(body);
  const text = parts
    .map((part) => {
      if (typeof part === 'string') return part;
      if (isRegionRef(part)) return region;
      throw new Error(`Unexpected token in the dashboard body: ${JSON.stringify(part)}`);
    })
    .join('');
  return JSON.parse(text) as { widgets: DashboardWidgetBody[] };
}

function joinParts(body: unknown): readonly unknown[] {
  if (typeof body === 'string') return [body];
  const join = (body as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (!join || join[0] !== '') throw new Error(`DashboardBody is neither a string nor an Fn::Join: ${JSON.stringify(body)}`);
  return join[1];
}

function isRegionRef(part: unknown): boolean {
  return typeof part === 'object' && part !== null && (part as { Ref?: unknown }).Ref === 'AWS::Region';
}
