import { createFunctionRunner, type FunctionRunner } from './function-runner';
import { fixtureBundles, logCollector, type FixtureBundles } from './test-support/fixture-bundles';

describe('log forwarding and the Lambda context', () => {
  let bundles: FixtureBundles;
  let runner: FunctionRunner | undefined;

  beforeEach(() => {
    bundles = fixtureBundles();
  });

  afterEach(async () => {
    await runner?.close();
    runner = undefined;
    bundles.remove();
  });

  it('forwards stdout and stderr line by line, each line before the invocation result', async () => {
    // Prepare
    const logs = logCollector();
    runner = createFunctionRunner({
      functions: [
        bundles.add(
          'chatty',
          `console.log('init line');
           exports.handler = async () => {
             console.log(JSON.stringify({ level: 'INFO', message: 'hello' }));
             console.error('warned');
             process.stdout.write('two\\nlines\\npartial');
             return 'done';
           };`,
        ),
      ],
      onLog: logs.onLog,
    });

    // Act
    const outcome = await runner.invoke('chatty', {}, { mode: 'sync' });
    const seenAtResult = [...logs.of('chatty')];

    // Assess
    expect(outcome).toMatchObject({ ok: true, result: 'done' });
    expect(seenAtResult).toEqual(['init line', '{"level":"INFO","message":"hello"}', 'warned', 'two', 'lines', 'partial']);
  });

  it('gives every invocation a unique awsRequestId and a Lambda-shaped context', async () => {
    // Prepare
    runner = createFunctionRunner({
      functions: [
        bundles.add(
          'ctx',
          `exports.handler = async (event, context) => ({ ...context, remaining: context.getRemainingTimeInMillis() });`,
          { memoryMb: 512 },
        ),
      ],
      onLog: () => undefined,
      region: 'eu-west-1',
      accountId: '111122223333',
      defaultConcurrency: 1,
    });

    // Act
    const contexts = [];
    for (let i = 0; i < 5; i += 1) {
      const outcome = await runner.invoke('ctx', {}, { mode: 'sync' });
      contexts.push((outcome.ok ? outcome.result : {}) as Record<string, unknown>);
    }

    // Assess
    const ids = contexts.map((context) => context['awsRequestId']);
    expect(new Set(ids).size).toBe(5);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(contexts[0]).toMatchObject({
      functionName: 'ctx',
      functionVersion: '$LATEST',
      invokedFunctionArn: 'arn:aws:lambda:eu-west-1:111122223333:function:ctx',
      memoryLimitInMB: '512',
      logGroupName: '/aws/lambda/ctx',
      callbackWaitsForEmptyEventLoop: true,
    });
    expect(contexts[0]['logStreamName']).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
    expect(new Set(contexts.map((context) => context['logStreamName'])).size).toBe(1);
  });
});
