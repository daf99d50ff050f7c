import { Stack, Validations } from 'aws-cdk-lib';
import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';
import type { PulseService } from './pulse-service';

/** How cdk-nag 3 names its rules for `Validations.acknowledge` ('<pack>::<rule>[<finding>]'). */
export function nagRule(rule: string, finding?: string): string {
  return `AwsSolutions::AwsSolutions-${rule}${finding === undefined ? '' : `[${finding}]`}`;
}

function acknowledge(scope: IConstruct, rule: string, finding: string | undefined, reason: string): void {
  Validations.of(scope).acknowledge({ id: nagRule(rule, finding), reason });
}

/**
 * The cdk-nag AwsSolutions findings a service stack keeps, each narrowed to the resource and
 * the exact finding it is about, with the reason it stays.
 */
export function suppressServiceFindings(service: PulseService): void {
  for (const { fn } of service.functions.values()) {
    const role = fn.role;
    if (!role) continue;
    acknowledge(role, 'IAM5', 'Resource::*', 'Active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions, AWS requires "*".');
    acknowledge(
      role,
      'IAM5',
      'Action::kms:ReEncrypt*',
      "CDK's grant for sending to a KMS-encrypted SQS queue (the function's on-failure destination); the statement is limited to the platform key.",
    );
    acknowledge(
      role,
      'IAM5',
      'Action::kms:GenerateDataKey*',
      "CDK's grant for sending to a KMS-encrypted SQS queue (the function's on-failure destination); the statement is limited to the platform key.",
    );
    if (fn.isBoundToVpc) {
      acknowledge(
        role,
        'IAM4',
        'Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole',
        'Lambda in a VPC needs ENI management (ec2:CreateNetworkInterface etc., no resource-level permissions); AWS maintains this minimal managed policy for it.',
      );
    }
  }

  for (const queue of service.queues.values()) {
    acknowledge(
      queue,
      'SQS3',
      undefined,
      'This queue is itself a dead-letter / on-failure queue (of EventBridge targets, Lambda destinations or event source mappings), which nag only recognises for SQS redrive; its messages are alarmed and replayed by hand.',
    );
  }

  for (const stream of service.streams.values()) {
    acknowledge(
      stream,
      'KDS3',
      undefined,
      'Warning only: the stream uses the platform customer-managed key instead of aws/kinesis, so one key policy and one rotation govern every Pulse resource.',
    );
  }

  const stack = Stack.of(service);
  for (const source of service.declaration.eventSources ?? []) {
    if (source.kind !== 's3') continue;
    const reader = service.functions.get(source.function)?.fn.role;
    const bucket = service.buckets.get(source.bucket);
    if (!reader || !bucket) continue;
    const bucketArn = `<${stack.getLogicalId(bucket.node.defaultChild as CfnBucket)}.Arn>`;
    acknowledge(reader, 'IAM5', `Resource::${bucketArn}/${source.prefix}*`, 'Reads the dropped objects: keys are chosen by senders, only the watched prefix is readable.');
    acknowledge(reader, 'IAM5', `Resource::${bucketArn}/*`, 'Writes its reports beside the drops (outside the watched prefix): keys are chosen at run time; PutObject only.');
  }

  // CDK's singleton that applies bucket notifications (a custom resource), shared by the stack.
  const notifications = stack.node.children.find((child) => child.node.id.startsWith('BucketNotificationsHandler'));
  if (notifications) {
    acknowledge(
      notifications,
      'IAM4',
      'Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
      "CDK's bucket-notification custom resource: its role and runtime are CDK's, not configurable; it runs only during deployments.",
    );
  }
}
