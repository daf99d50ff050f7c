import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { createTracer, disabledTracer, tracingWanted } from './tracing';

const IN_LAMBDA = { AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x' };

describe('tracingWanted', () => {
  it.each([
    ['in Lambda', IN_LAMBDA, undefined, true],
    ['outside Lambda', {}, undefined, false],
    ['turned off by POWERTOOLS_TRACE_ENABLED', { ...IN_LAMBDA, POWERTOOLS_TRACE_ENABLED: 'FALSE' }, undefined, false],
    ['turned off by the caller', IN_LAMBDA, false, false],
    ['under SAM local', { ...IN_LAMBDA, AWS_SAM_LOCAL: 'true' }, undefined, false],
    ["under Amplify's mock", { AWS_EXECUTION_ENV: 'AWS_Lambda_amplify-mock' }, undefined, false],
  ])('%s → %s', (_, env, requested, expected) => {
    expect(tracingWanted(env, requested)).toBe(expected);
  });
});

describe('createTracer', () => {
  it('is the no-op tracer when tracing is off, passing clients through', () => {
    const tracer = createTracer('ingest', undefined, {});
    const client = { send: () => undefined };

    expect(tracer).toBe(disabledTracer);
    expect(tracer.isTracingEnabled()).toBe(false);
    expect(tracer.captureAWSv3Client(client)).toBe(client);
  });

  it("is Powertools' Tracer, enabled, in Lambda", () => {
    const saved = process.env.AWS_EXECUTION_ENV;
    process.env.AWS_EXECUTION_ENV = IN_LAMBDA.AWS_EXECUTION_ENV;
    try {
      const tracer = createTracer('ingest', undefined, IN_LAMBDA);

      expect(tracer).toBeInstanceOf(Tracer);
      expect(tracer.isTracingEnabled()).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.AWS_EXECUTION_ENV;
      else process.env.AWS_EXECUTION_ENV = saved;
    }
  });

  it('never loads the X-Ray SDK when tracing is off', () => {
    // A fresh process: this test file itself imports the tracer for the instanceof check.
    const workspace = path.join(__dirname, '..', '..', '..', '..');
    const script = [
      "const { createPowertools } = require('./libs/service-kit/src/powertools/powertools.ts');",
      "createPowertools({ serviceName: 'ingest' });",
      "process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((f) => f.includes('aws-xray-sdk-core')).length));",
    ].join('\n');
    const loaded = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: workspace, encoding: 'utf8', env: { ...process.env, AWS_EXECUTION_ENV: '' } });

    expect(JSON.parse(loaded)).toBe(0);
  });
});
