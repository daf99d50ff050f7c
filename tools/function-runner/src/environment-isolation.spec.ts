import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFunctionRunner, type FunctionRunner } from './function-runner';
import { fixtureBundles, logCollector, type FixtureBundles } from './test-support/fixture-bundles';

/** A loopback stand-in for EventBridge's PutEvents that records what each request carried. */
async function startPutEventsRecorder() {
  const requests: { headers: IncomingHttpHeaders; body: unknown }[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({ headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString()) });
      response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      response.end(JSON.stringify({ FailedEntryCount: 0, Entries: [{ EventId: 'e-1' }] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('environment variables and module scope per function', () => {
  let bundles: FixtureBundles;
  let runner: FunctionRunner | undefined;
  let recorder: Awaited<ReturnType<typeof startPutEventsRecorder>> | undefined;

  beforeEach(() => {
    bundles = fixtureBundles();
  });

  afterEach(async () => {
    await runner?.close();
    await recorder?.close();
    runner = undefined;
    recorder = undefined;
    delete process.env['RUNNER_TEST_PARENT_ONLY'];
    bundles.remove();
  });

  it('gives each function its own environment: its variables, none of the parent process, no leaks between functions', async () => {
    // Prepare
    process.env['RUNNER_TEST_PARENT_ONLY'] = 'parent';
    const source = `process.env.WRITTEN_AT_INIT = process.env.AWS_LAMBDA_FUNCTION_NAME;
      exports.handler = async () => ({ colour: process.env.COLOUR ?? null, written: process.env.WRITTEN_AT_INIT,
        parentOnly: process.env.RUNNER_TEST_PARENT_ONLY ?? null, region: process.env.AWS_REGION,
        memory: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE });`;
    runner = createFunctionRunner({
      functions: [bundles.add('red', source, { environment: { COLOUR: 'red' } }), bundles.add('blue', source, { environment: { COLOUR: 'blue' }, memoryMb: 256 })],
      onLog: () => undefined,
    });

    // Act
    const red = await runner.invoke('red', {}, { mode: 'sync' });
    const blue = await runner.invoke('blue', {}, { mode: 'sync' });

    // Assess
    expect(red).toMatchObject({ ok: true, result: { colour: 'red', written: 'red', parentOnly: null, region: 'us-east-1', memory: '128' } });
    expect(blue).toMatchObject({ ok: true, result: { colour: 'blue', written: 'blue', parentOnly: null, memory: '256' } });
    expect(process.env['WRITTEN_AT_INIT']).toBeUndefined();
  });

  it('lets the AWS SDK and Powertools inside the worker configure themselves from that environment', async () => {
    // Prepare
    recorder = await startPutEventsRecorder();
    const logs = logCollector();
    const sdk = JSON.stringify(require.resolve('@aws-sdk/client-eventbridge'));
    const logger = JSON.stringify(require.resolve('@aws-lambda-powertools/logger'));
    const metrics = JSON.stringify(require.resolve('@aws-lambda-powertools/metrics'));
    runner = createFunctionRunner({
      functions: [
        bundles.add(
          'publisher',
          `const { EventBridgeClient, PutEventsCommand } = require(${sdk});
           const { Logger } = require(${logger});
           const { Metrics, MetricUnit } = require(${metrics});
           const client = new EventBridgeClient({});
           const log = new Logger();
           const metrics = new Metrics();
           exports.handler = async (event) => {
             log.debug('hidden at INFO');
             log.info('publishing', { n: event.n });
             await client.send(new PutEventsCommand({ Entries: [{ Source: 'pulse.test', DetailType: 'T', Detail: '{}' }] }));
             metrics.addMetric('Published', MetricUnit.Count, 1);
             metrics.publishStoredMetrics();
             return 'sent';
           };`,
          {
            environment: {
              AWS_ENDPOINT_URL_EVENTBRIDGE: recorder.endpoint,
              AWS_ACCESS_KEY_ID: 'AKIDPUBLISHER',
              AWS_SECRET_ACCESS_KEY: 'secret',
              POWERTOOLS_SERVICE_NAME: 'publisher-service',
              POWERTOOLS_LOG_LEVEL: 'INFO',
              POWERTOOLS_METRICS_NAMESPACE: 'PulseTest',
            },
          },
        ),
      ],
      onLog: logs.onLog,
      region: 'eu-central-1',
    });

    // Act
    const outcome = await runner.invoke('publisher', { n: 7 }, { mode: 'sync' });

    // Assess
    expect(outcome).toMatchObject({ ok: true, result: 'sent' });
    expect(recorder.requests).toHaveLength(1);
    expect(recorder.requests[0].headers['x-amz-target']).toBe('AWSEvents.PutEvents');
    expect(recorder.requests[0].headers['authorization']).toContain('Credential=AKIDPUBLISHER/');
    expect(recorder.requests[0].headers['authorization']).toContain('/eu-central-1/events/');
    // Other lines (the SDK's Node version warning on stderr) are forwarded too; only JSON lines matter here.
    const json = logs
      .of('publisher')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const info = json.filter((entry) => entry['message'] === 'publishing');
    expect(info).toEqual([expect.objectContaining({ level: 'INFO', service: 'publisher-service', n: 7, xray_trace_id: expect.stringMatching(/^1-[0-9a-f]{8}-[0-9a-f]{24}$/) })]);
    expect(json.some((entry) => entry['message'] === 'hidden at INFO')).toBe(false);
    const emf = json.find((entry) => '_aws' in entry) as { _aws: { CloudWatchMetrics: { Namespace: string }[] }; Published: number } | undefined;
    expect(emf?._aws.CloudWatchMetrics[0].Namespace).toBe('PulseTest');
    expect(emf?.Published).toBe(1);
  });
});
