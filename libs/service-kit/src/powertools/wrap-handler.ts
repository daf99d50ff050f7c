import type { Context } from 'aws-lambda';
import { correlationIdOf, setCorrelationId } from './correlation-id';
import type { Powertools } from './powertools';

/** A handler core: exported by name and called directly by tests with a fixture context. */
export type HandlerCore<TEvent, TResult> = (event: TEvent, context: Context) => Promise<TResult>;

export interface WrapOptions<TEvent> {
  /** Overrides the default correlation id lookup (`correlationIdOf`). */
  readonly correlationId?: (event: TEvent, context: Context) => string;
}

/**
 * The Lambda entry point for a core, the one wiring style of every service (no middy):
 * Lambda context and correlation id into the logger, cold-start metric, a traced
 * subsegment when tracing is on, errors logged and rethrown, metrics flushed in `finally`.
 */
export function wrapHandler<TEvent, TResult>(
  core: HandlerCore<TEvent, TResult>,
  { logger, metrics, tracer }: Powertools,
  options: WrapOptions<TEvent> = {},
): (event: TEvent, context: Context) => Promise<TResult> {
  return async (event, context) => {
    logger.addContext(context);
    setCorrelationId(logger, options.correlationId?.(event, context) ?? correlationIdOf(event, context));
    metrics.captureColdStartMetric(context.functionName);
    const traced = tracer.isTracingEnabled();
    const parent = traced ? tracer.getSegment() : undefined;
    const segment = parent?.addNewSubsegment(`## ${context.functionName}`);
    if (segment) {
      tracer.setSegment(segment);
      tracer.annotateColdStart();
      tracer.addServiceNameAnnotation();
    }
    try {
      const result = await core(event, context);
      if (segment) tracer.addResponseAsMetadata(result, context.functionName);
      return result;
    } catch (error) {
      logger.error('invocation failed', error as Error);
      if (segment) tracer.addErrorAsMetadata(error as Error);
      throw error;
    } finally {
      segment?.close();
      if (parent) tracer.setSegment(parent);
      // Publishing with nothing stored only logs a warning; skip it.
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
      logger.resetKeys();
    }
  };
}
