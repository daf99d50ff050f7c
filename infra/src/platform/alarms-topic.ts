import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import type { EnvironmentSettings } from '../config/environment-settings';

/** Every service's alarms publish here; subscriptions (pager, e-mail) are added per account. */
export function createAlarmsTopic(scope: Construct, settings: EnvironmentSettings, key: IKey): Topic {
  return new Topic(scope, 'AlarmsTopic', {
    topicName: `pulse-${settings.name}-alarms`,
    displayName: `Pulse ${settings.name} alarms`,
    masterKey: key,
    enforceSSL: true,
  });
}
