import { Stack, type StackProps } from 'aws-cdk-lib';
import { Dashboard, type Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { CfnEventBus } from 'aws-cdk-lib/aws-events';
import { PulseService } from '@pulse/cdk-constructs';
import type { ServiceName } from '@pulse/service-kit';
import type { Construct } from 'constructs';
import type { EnvironmentSettings } from '../config/environment-settings';
import type { PlatformStack } from '../platform/platform-stack';
import { createLatencyAlarm } from './latency-alarm';
import { OBSERVABILITY_SETTINGS, type ObservabilitySettings } from './observability-settings';
import { pipelineRow } from './pipeline-row';
import { serviceRows } from './service-rows';

export interface ObservabilityStackProps extends StackProps {
  readonly settings: EnvironmentSettings;
  readonly platform: PlatformStack;
  /** The environment's service stacks, in pipeline order; each holds one PulseService. */
  readonly services: ReadonlyMap<ServiceName, Stack>;
  /** Defaults to the environment's entry in OBSERVABILITY_SETTINGS. */
  readonly observability?: ObservabilitySettings;
}

export function observabilityStackName(env: EnvironmentSettings['name']): string {
  return `Pulse-${env}-Observability`;
}

/**
 * The environment's dashboard `Pulse-<env>` and the alarms no single service owns. Depends on the
 * service stacks (deployed after them), never the reverse: it names their resources by literal
 * physical names, so no service stack exports anything to it.
 */
export class ObservabilityStack extends Stack {
  readonly dashboard: Dashboard;
  readonly latencyAlarm: Alarm;

  constructor(scope: Construct, id: string, props: ObservabilityStackProps) {
    const { settings, platform } = props;
    super(scope, id, {
      ...props,
      env: { account: settings.account, region: settings.region },
      description: `Pulse ${settings.name}: dashboard and pipeline-wide alarms`,
    });
    const thresholds = props.observability ?? OBSERVABILITY_SETTINGS[settings.name];
    const busName = (platform.bus.node.defaultChild as CfnEventBus).name;

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `Pulse-${settings.name}`,
      widgets: [pipelineRow(busName, thresholds.endToEndLatencyP99Ms)],
    });
    for (const [service, stack] of props.services) {
      for (const row of serviceRows(pulseServiceOf(stack, service))) this.dashboard.addWidgets(...row);
      this.addStackDependency(stack, `the dashboard shows ${service}'s functions and queues`);
    }
    this.latencyAlarm = createLatencyAlarm(this, settings.name, thresholds.endToEndLatencyP99Ms, platform.alarmsTopic);
  }
}

function pulseServiceOf(stack: Stack, service: ServiceName): PulseService {
  const found = stack.node.children.find((child): child is PulseService => child instanceof PulseService);
  if (!found) throw new Error(`${stack.stackName} holds no PulseService for ${service}`);
  return found;
}
