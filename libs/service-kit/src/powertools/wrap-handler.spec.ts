import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { lambdaContext } from '../testing/lambda-context';
import { createPowertools } from './powertools';
import { wrapHandler } from './wrap-handler';

/** Powertools writes JSON lines to stdout/stderr (logs, errors, EMF metrics); capture and parse them. */
function captureStdout() {
  const lines: Record<string, unknown>[] = [];
  const record = (chunk: string | Uint8Array) => {
    for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
    return true;
  };
  const spies = [jest.spyOn(process.stdout, 'write').mockImplementation(record), jest.spyOn(process.stderr, 'write').mockImplementation(record)];
  return { lines, restore: () => spies.forEach((spy) => spy.mockRestore()) };
}

describe('wrapHandler', () => {
  let stdout: ReturnType<typeof captureStdout>;
  beforeEach(() => {
    stdout = captureStdout();
  });
  afterEach(() => stdout.restore());

  it('logs with the Lambda context and the event’s correlation id, and returns the core’s result', async () => {
    // Prepare
    const powertools = createPowertools({ serviceName: 'transform' });
    const core = async (event: { detail: { metadata: { correlationId: string } } }) => {
      powertools.logger.info('normalizing');
      return { seen: event.detail.metadata.correlationId };
    };
    const handler = wrapHandler(core, powertools);

    // Act
    const result = await handler({ detail: { metadata: { correlationId: 'corr-7' } } }, lambdaContext({ functionName: 'normalize-readings' }));

    // Assess
    expect(result).toEqual({ seen: 'corr-7' });
    const log = stdout.lines.find((l) => l.message === 'normalizing');
    expect(log).toMatchObject({ service: 'transform', correlationId: 'corr-7', function_name: 'normalize-readings', function_request_id: expect.any(String) });
  });

  it('does not leak one invocation’s correlation id into the next', async () => {
    // Prepare
    const powertools = createPowertools({ serviceName: 'persist' });
    const handler = wrapHandler(async () => powertools.logger.info('listing'), powertools);

    // Act
    await handler({ headers: { 'x-correlation-id': 'first' } }, lambdaContext());
    await handler({ headers: {} }, lambdaContext({ awsRequestId: 'req-2' }));

    // Assess
    const ids = stdout.lines.filter((l) => l.message === 'listing').map((l) => l.correlationId);
    expect(ids).toEqual(['first', 'req-2']);
  });

  it('flushes metrics in namespace Pulse with the service dimension, even when the core throws', async () => {
    // Prepare
    const powertools = createPowertools({ serviceName: 'enrich' });
    const failing = wrapHandler(async () => {
      powertools.metrics.addMetric('readingsEnriched', MetricUnit.Count, 3);
      throw new Error('projection unavailable');
    }, powertools);

    // Act
    const outcome = failing({}, lambdaContext()).catch((e: Error) => e.message);

    // Assess
    expect(await outcome).toBe('projection unavailable');
    const emf = stdout.lines.find((l) => 'readingsEnriched' in l) as { _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][] }[] }; service: string } | undefined;
    expect(emf?._aws.CloudWatchMetrics[0]).toMatchObject({ Namespace: 'Pulse', Dimensions: [['service']] });
    expect(emf?.service).toBe('enrich');
    expect(stdout.lines.find((l) => l.message === 'invocation failed')).toMatchObject({ level: 'ERROR', error: expect.objectContaining({ message: 'projection unavailable' }) });
  });

  it('accepts a custom correlation id lookup', async () => {
    // Prepare
    const powertools = createPowertools({ serviceName: 'alert' });
    const handler = wrapHandler(async () => powertools.logger.info('evaluating'), powertools, { correlationId: () => 'custom-1' });

    // Act
    await handler({}, lambdaContext());

    // Assess
    expect(stdout.lines.find((l) => l.message === 'evaluating')?.correlationId).toBe('custom-1');
  });

  it('leaves tracing off outside Lambda and when POWERTOOLS_TRACE_ENABLED=false', () => {
    // Prepare
    process.env.AWS_EXECUTION_ENV = 'AWS_Lambda_nodejs20.x';
    process.env.POWERTOOLS_TRACE_ENABLED = 'false';

    try {
      // Act
      const local = createPowertools({ serviceName: 'ingest' });

      // Assess
      expect(local.tracer.isTracingEnabled()).toBe(false);
    } finally {
      delete process.env.AWS_EXECUTION_ENV;
      delete process.env.POWERTOOLS_TRACE_ENABLED;
    }
    expect(createPowertools({ serviceName: 'ingest' }).tracer.isTracingEnabled()).toBe(false);
  });
});
