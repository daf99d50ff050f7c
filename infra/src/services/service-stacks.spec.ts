import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { Code } from 'aws-cdk-lib/aws-lambda';
import { buildPulseApp, type PulseEnvironmentStacks } from '../app';

// prod is the richest environment (VPC, provisioned concurrency): one synthesis, with cdk-nag.
let prod: PulseEnvironmentStacks;
let outdir: string;
let templates: Map<string, Template>;

beforeAll(() => {
  const pulse = buildPulseApp({
    context: { env: 'prod' },
    processEnv: {},
    code: () => Code.fromInline('exports.handler = async () => {}'),
  });
  prod = pulse.environments[0]!;
  templates = new Map([...prod.services].map(([name, stack]) => [name, Template.fromStack(stack)]));
  outdir = pulse.app.outdir;
});

describe('service stacks in prod', () => {
  it('synthesise with zero unacknowledged cdk-nag findings', () => {
    // Assess
    const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8'));
    expect(report.pluginReports.flatMap((r: { violations?: unknown[] }) => r.violations ?? [])).toEqual([]);
    expect(templates.size).toBe(5);
  });

  it('depend on the platform stack and on no other service stack', () => {
    // Assess
    for (const stack of prod.services.values()) {
      expect(stack.dependencies.map((d) => d.stackName)).toEqual(['Pulse-prod-Platform']);
    }
  });

  it('run every function in the platform VPC', () => {
    // Assess
    for (const template of templates.values()) {
      // Pulse's own functions (CDK's S3-notification helper is not one of them).
      const functions = Object.values(template.findResources('AWS::Lambda::Function')).filter((fn) =>
        String(fn['Properties'].Runtime).startsWith('nodejs'),
      );
      expect(functions.length).toBeGreaterThan(0);
      for (const fn of functions) expect(fn['Properties'].VpcConfig?.SubnetIds?.length ?? 0).toBeGreaterThan(0);
    }
  });

  it('keeps warm instances of ingest receive-readings', () => {
    // Assess
    templates.get('ingest')!.hasResourceProperties('AWS::Lambda::Alias', {
      Name: 'live',
      ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 5 },
    });
  });
});
