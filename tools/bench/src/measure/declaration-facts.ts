import type { ServiceDeclaration } from '@pulse/service-kit';

/** What the deployed design costs per month whatever the traffic, read from the declarations. */
export interface DeclarationFacts {
  /**
   * Alarm metrics libs/cdk-constructs creates: per function an error-rate alarm (a math
   * expression over 2 metrics) and a p99-duration alarm; one per dead-letter or failure
   * queue; one iterator-age alarm per Kinesis consumer.
   */
  readonly alarmMetrics: number;
  readonly kinesisStreams: number;
  readonly functions: number;
  readonly queues: number;
  readonly cacheTtlSeconds: { readonly ownership: number; readonly devices: number; readonly authorizer: number };
}

export function declarationFacts(services: readonly ServiceDeclaration[]): DeclarationFacts {
  let functions = 0;
  let queues = 0;
  let kinesisConsumers = 0;
  let kinesisStreams = 0;
  for (const service of services) {
    functions += service.functions.length;
    const names = new Set<string>();
    for (const s of service.subscriptions ?? []) if (s.deadLetterQueue) names.add(s.deadLetterQueue);
    for (const source of service.eventSources ?? []) {
      if (source.onFailureQueue) names.add(source.onFailureQueue);
      if (source.kind === 'kinesis') kinesisConsumers += 1;
    }
    queues += names.size;
    kinesisStreams += (service.streams ?? []).filter((s) => s.shards === undefined).length;
  }
  return {
    alarmMetrics: functions * 3 + queues + kinesisConsumers,
    kinesisStreams,
    functions,
    queues,
    cacheTtlSeconds: {
      ownership: variable(services, 'ingest', 'receive-readings', 'PULSE_INGEST_OWNERSHIP_TTL_SECONDS', 60),
      devices: variable(services, 'enrich', 'enrich-readings', 'PULSE_ENRICH_DEVICE_CACHE_TTL_SECONDS', 60),
      authorizer: services.find((s) => s.name === 'ingest')?.authorizer?.resultTtlSeconds ?? 300,
    },
  };
}

/** A declared numeric variable of a function, or the fallback when not declared. */
function variable(services: readonly ServiceDeclaration[], service: string, fn: string, name: string, fallback: number): number {
  const raw = services.find((s) => s.name === service)?.functions.find((f) => f.name === fn)?.environment?.variables?.[name];
  const value = Number(raw);
  return raw !== undefined && value > 0 ? value : fallback;
}
