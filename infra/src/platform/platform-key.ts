import { RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import type { EnvironmentSettings } from '../config/environment-settings';

/**
 * The environment's customer-managed key. Services encrypt tables, queues, topics, buckets
 * and logs with it; rotation is on so a leaked data key ages out.
 */
export function createPlatformKey(scope: Construct, settings: EnvironmentSettings): Key {
  const { account, region } = settings;
  const key = new Key(scope, 'Key', {
    alias: `alias/pulse-${settings.name}`,
    description: `Pulse ${settings.name}: data at rest (tables, queues, topics, logs)`,
    enableKeyRotation: true,
    removalPolicy: settings.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  });
  // CloudWatch Logs encrypts the access-log, flow-log and function log groups with this key;
  // the service principal needs its own grant, limited to this account's log groups.
  key.addToResourcePolicy(
    new PolicyStatement({
      sid: 'CloudWatchLogsOfThisAccount',
      principals: [new ServicePrincipal(`logs.${region}.amazonaws.com`)],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'], // in a key policy, '*' means this key
      conditions: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${region}:${account}:log-group:*` } },
    }),
  );
  // CloudWatch alarms publish to KMS-encrypted topics; EventBridge delivers to encrypted
  // queues (DLQs) and topics. Only on behalf of this account (no confused deputy).
  key.addToResourcePolicy(
    new PolicyStatement({
      sid: 'AlarmsAndRulesOfThisAccount',
      principals: [new ServicePrincipal('cloudwatch.amazonaws.com'), new ServicePrincipal('events.amazonaws.com')],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:SourceAccount': account } },
    }),
  );
  return key;
}
