import { Duration } from 'aws-cdk-lib';
import { EventBus } from 'aws-cdk-lib/aws-events';
import type { Construct } from 'constructs';
import type { EnvironmentSettings } from '../config/environment-settings';

/** The custom bus every service publishes to and subscribes on, and its replay archive. */
export function createPlatformBus(scope: Construct, settings: EnvironmentSettings): EventBus {
  const bus = new EventBus(scope, 'Bus', { eventBusName: busName(settings.name) });
  // Every event of this account is archived so a fixed consumer can replay what it missed.
  bus.archive('Archive', {
    archiveName: `pulse-${settings.name}-all`,
    description: `All Pulse ${settings.name} events, for replay`,
    eventPattern: { account: [settings.account] },
    retention: Duration.days(settings.bus.archiveRetentionDays),
  });
  return bus;
}

export function busName(env: EnvironmentSettings['name']): string {
  return `pulse-${env}`;
}
