import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Code } from 'aws-cdk-lib/aws-lambda';
import { buildPulseApp, type PulseEnvironmentStacks } from '../app';
import { ENV_NAMES, type EnvName } from '../config/environment-settings';
import { renderDashboardBody, type DashboardWidgetBody, type MetricRow } from './dashboard-body';
import { OBSERVABILITY_SETTINGS } from './observability-settings';

// One synthesis (with cdk-nag) of every environment for the whole file.
let environments: ReadonlyMap<EnvName, PulseEnvironmentStacks>;
let outdir: string;
const templates = new Map<string, Template>();

beforeAll(() => {
  const pulse = buildPulseApp({ context: {}, processEnv: {}, code: () => Code.fromInline('exports.handler = async () => {}') });
  environments = new Map(pulse.environments.map((e) => [e.settings.name, e]));
  outdir = pulse.app.outdir;
});

function templateOf(stack: NonNullable<PulseEnvironmentStacks['observability']> | PulseEnvironmentStacks['platform']): Template {
  const cached = templates.get(stack.stackName);
  if (cached) return cached;
  const template = Template.fromStack(stack);
  templates.set(stack.stackName, template);
  return template;
}

function envOf(env: EnvName): PulseEnvironmentStacks & { observability: NonNullable<PulseEnvironmentStacks['observability']> } {
  const stacks = environments.get(env);
  if (!stacks?.observability) throw new Error(`no observability stack for ${env}`);
  return { ...stacks, observability: stacks.observability };
}

function widgetsOf(env: EnvName): readonly DashboardWidgetBody[] {
  const { observability, settings } = envOf(env);
  const [dashboard] = Object.values(templateOf(observability).findResources('AWS::CloudWatch::Dashboard'));
  return renderDashboardBody(dashboard?.Properties.DashboardBody, settings.region).widgets;
}

const metricRows = (widgets: readonly DashboardWidgetBody[]): MetricRow[] => widgets.flatMap((w) => [...(w.properties.metrics ?? [])]);
/** [namespace, metric, dimension value, stat] of every plain metric row, e.g. ['AWS/Lambda', 'Errors', 'pulse-dev-ingest-x', 'Sum']. */
const metricKeys = (widgets: readonly DashboardWidgetBody[]) =>
  metricRows(widgets)
    .filter((row) => typeof row[0] === 'string')
    .map((row) => {
      const options = row.find((part): part is Record<string, unknown> => typeof part === 'object');
      return [row[0], row[1], row[3], options?.['stat'] ?? 'Average'].join(' ');
    });

/** Physical names straight from the service stacks' templates: the dashboard must name exactly these. */
function physicalNames(env: EnvName, type: string, property: string): string[] {
  return [...envOf(env).services.values()].flatMap((stack) =>
    Object.values(Template.fromStack(stack).findResources(type))
      .map((r) => r.Properties[property] as string | undefined)
      // Unnamed ones are CDK's own helpers (e.g. the bucket-notifications handler), not Pulse's.
      .filter((name): name is string => name !== undefined),
  );
}

describe.each(ENV_NAMES)('observability in %s', (env) => {
  it('a stack Pulse-<env>-Observability holds the dashboard Pulse-<env>', () => {
    // Assess
    const { observability } = envOf(env);
    expect(observability.stackName).toBe(`Pulse-${env}-Observability`);
    templateOf(observability).resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    templateOf(observability).hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: `Pulse-${env}` });
  });

  it('shows invocations, errors, p99 duration and throttles of every function of every service', () => {
    // Prepare
    const functionNames = physicalNames(env, 'AWS::Lambda::Function', 'FunctionName');
    const keys = metricKeys(widgetsOf(env));

    // Assess
    expect(functionNames.length).toBeGreaterThanOrEqual(5);
    for (const name of functionNames) {
      expect(keys).toEqual(
        expect.arrayContaining([
          `AWS/Lambda Invocations ${name} Sum`,
          `AWS/Lambda Errors ${name} Sum`,
          `AWS/Lambda Duration ${name} p99`,
          `AWS/Lambda Throttles ${name} Sum`,
        ]),
      );
    }
    expect(keys.filter((k) => k.startsWith('AWS/Lambda '))).toHaveLength(4 * functionNames.length);
  });

  it('shows the depth of every dead-letter queue and the iterator age of ingest’s stream', () => {
    // Prepare
    const queueNames = physicalNames(env, 'AWS::SQS::Queue', 'QueueName');
    const streamNames = physicalNames(env, 'AWS::Kinesis::Stream', 'Name');
    const keys = metricKeys(widgetsOf(env));

    // Assess
    expect(queueNames.length).toBeGreaterThanOrEqual(5);
    for (const name of queueNames) expect(keys).toContain(`AWS/SQS ApproximateNumberOfMessagesVisible ${name} Maximum`);
    expect(streamNames).toEqual([expect.stringMatching(new RegExp(`^pulse-${env}-ingest-`))]);
    expect(keys).toContain(`AWS/Kinesis GetRecords.IteratorAgeMilliseconds ${streamNames[0]} Maximum`);
  });

  it('shows end-to-end latency p50/p99 from Pulse/EndToEndLatency (service=persist) and the bus’s events/s', () => {
    // Prepare
    const widgets = widgetsOf(env);
    const rows = metricRows(widgets);

    // Assess
    expect(metricKeys(widgets)).toEqual(expect.arrayContaining(['Pulse EndToEndLatency persist p50', 'Pulse EndToEndLatency persist p99']));
    expect(rows).toContainEqual(['Pulse', 'EndToEndLatency', 'service', 'persist', expect.objectContaining({ stat: 'p99' })]);
    for (const metric of ['Invocations', 'MatchedEvents']) {
      expect(rows).toContainEqual(['AWS/Events', metric, 'EventBusName', `pulse-${env}`, expect.objectContaining({ visible: false })]);
    }
    expect(rows).toContainEqual([expect.objectContaining({ expression: 'matched / PERIOD(matched)', label: 'MatchedEvents/s' })]);
  });

  it('alarms on p99 end-to-end latency above the environment’s threshold, to the alarms topic', () => {
    // Prepare
    const { observability, platform } = envOf(env);
    const topicId = platform.getLogicalId(platform.alarmsTopic.node.defaultChild as Parameters<typeof platform.getLogicalId>[0]);

    // Assess
    templateOf(observability).resourceCountIs('AWS::CloudWatch::Alarm', 1);
    templateOf(observability).hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: `pulse-${env}-end-to-end-latency-p99`,
      Namespace: 'Pulse',
      MetricName: 'EndToEndLatency',
      Dimensions: [{ Name: 'service', Value: 'persist' }],
      ExtendedStatistic: 'p99',
      Threshold: OBSERVABILITY_SETTINGS[env].endToEndLatencyP99Ms,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [{ 'Fn::ImportValue': Match.stringLikeRegexp(topicId) }],
    });
  });

  it('leaves the iterator-age alarm to ingest’s stack, which already has it at the environment’s threshold', () => {
    // Prepare
    const { services, settings } = envOf(env);
    const ingest = Template.fromStack(services.get('ingest')!);

    // Assess
    ingest.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: Match.stringLikeRegexp('iterator-age$'),
      MetricName: 'IteratorAge',
      Threshold: settings.alarms.iteratorAgeMs,
    });
  });

  it('depends on the platform and every service stack; no service stack depends on it or exports to it', () => {
    // Prepare
    const { observability, services, platform } = envOf(env);
    const imports = JSON.stringify(templateOf(observability).toJSON()).match(/"Fn::ImportValue":"[^"]+"/g) ?? [];

    // Assess
    expect(observability.dependencies.map((d) => d.stackName).sort()).toEqual([platform.stackName, ...[...services.values()].map((s) => s.stackName)].sort());
    for (const stack of services.values()) expect(stack.dependencies).not.toContain(observability);
    // The only import is the alarms topic's ARN, from the platform.
    expect(imports).toHaveLength(1);
    expect(imports[0]).toContain(platform.stackName);
  });
});

it('synthesises every environment with zero unacknowledged cdk-nag findings', () => {
  // Prepare
  for (const env of ENV_NAMES) templateOf(envOf(env).observability);

  // Assess
  const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as { pluginReports: { violations?: unknown[] }[] };
  expect(report.pluginReports.flatMap((r) => r.violations ?? [])).toEqual([]);
});
