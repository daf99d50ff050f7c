import type { Tracer } from '@aws-lambda-powertools/tracer';

/** What Pulse uses of Powertools' Tracer. */
export type PulseTracer = Pick<
  Tracer,
  | 'isTracingEnabled'
  | 'getSegment'
  | 'setSegment'
  | 'annotateColdStart'
  | 'addServiceNameAnnotation'
  | 'addResponseAsMetadata'
  | 'addErrorAsMetadata'
  | 'captureAWSv3Client'
>;

/**
 * The package function builds leave out of index.js and ship beside it
 * (node_modules/@aws-lambda-powertools/tracer/index.js in each bundle's folder).
 */
export const TRACER_PACKAGE = '@aws-lambda-powertools/tracer';

/**
 * Powertools' own rule, decided before anything is loaded: tracing runs only in Lambda
 * (AWS_EXECUTION_ENV set, not SAM local or Amplify's mock) unless turned off.
 */
export function tracingWanted(env: NodeJS.ProcessEnv = process.env, requested?: boolean): boolean {
  if (requested === false || env.POWERTOOLS_TRACE_ENABLED?.toLowerCase() === 'false') return false;
  const executionEnv = env.AWS_EXECUTION_ENV ?? '';
  return executionEnv !== '' && executionEnv !== 'AWS_Lambda_amplify-mock' && !env.AWS_SAM_LOCAL;
}

/** Stands in when tracing is off: every call is free and clients pass through untouched. */
export const disabledTracer: PulseTracer = {
  isTracingEnabled: () => false,
  getSegment: () => undefined,
  setSegment: () => undefined,
  annotateColdStart: () => undefined,
  addServiceNameAnnotation: () => undefined,
  addResponseAsMetadata: () => undefined,
  addErrorAsMetadata: () => undefined,
  captureAWSv3Client: (client) => client,
};

/**
 * The X-Ray SDK under Powertools' Tracer installs async hooks that tax every `await` in the
 * process (measured −10 to −16 % CPU per reading without them) and weighs ~110 KB of a bundle,
 * so it is required only when tracing is on.
 */
export function createTracer(serviceName: string, requested?: boolean, env: NodeJS.ProcessEnv = process.env): PulseTracer {
  if (!tracingWanted(env, requested)) return disabledTracer;
  const { Tracer: PowertoolsTracer } = require(TRACER_PACKAGE) as typeof import('@aws-lambda-powertools/tracer');
  return new PowertoolsTracer({ serviceName });
}
