import type { Observability } from '../commons/observability';

/** Logger and metrics that record nothing, so specs' output stays readable. */
export function silentObservability(): Observability & { readonly counted: Record<string, number> } {
  const counted: Record<string, number> = {};
  return {
    counted,
    logger: { info: () => undefined, warn: () => undefined },
    metrics: {
      addMetric: (name: string, _unit: unknown, value: number) => {
        counted[name] = (counted[name] ?? 0) + value;
      },
    } as Observability['metrics'],
  };
}
