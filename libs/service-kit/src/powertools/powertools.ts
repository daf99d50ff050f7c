import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { createTracer, type PulseTracer } from './tracing';

/** Every Pulse metric lives in one CloudWatch namespace, split by the `service` dimension. */
export const METRICS_NAMESPACE = 'Pulse';
/** persist's storedAt − receivedAt per batch; the environment dashboard and latency alarm read it. */
export const END_TO_END_LATENCY_METRIC = 'EndToEndLatency';

export interface Powertools {
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** Powertools' Tracer when tracing is on; a no-op otherwise (the X-Ray SDK is then never loaded). */
  readonly tracer: PulseTracer;
}

export interface PowertoolsOptions {
  /** e.g. 'ingest'; becomes the logger's `service`, the metrics' `service` dimension and the trace's service. */
  readonly serviceName: string;
  readonly namespace?: string;
  /**
   * Tracing is on only inside Lambda, and off whenever POWERTOOLS_TRACE_ENABLED=false (the
   * local runtime sets it). Pass false to force it off.
   */
  readonly tracingEnabled?: boolean;
  /** Overrides POWERTOOLS_LOG_LEVEL (default INFO). */
  readonly logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT' | 'CRITICAL';
}

/** Call once at module scope (commons/powertools style); pass the result to `wrapHandler`. */
export function createPowertools(options: PowertoolsOptions): Powertools {
  const { serviceName } = options;
  return {
    logger: new Logger({ serviceName, ...(options.logLevel ? { logLevel: options.logLevel } : {}) }),
    metrics: new Metrics({ namespace: options.namespace ?? METRICS_NAMESPACE, serviceName }),
    tracer: createTracer(serviceName, options.tracingEnabled),
  };
}
