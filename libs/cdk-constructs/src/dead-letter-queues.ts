import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { PhysicalNames } from './physical-names';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { pascal } from './physical-names';

/**
 * The service's dead-letter and failure queues, by declared name. Several rules may share one
 * (alert's notification rules do), so a queue is created on first use and reused after.
 */
export class DeadLetterQueues {
  private readonly queues = new Map<string, Queue>();

  constructor(
    private readonly scope: Construct,
    private readonly names: PhysicalNames,
    private readonly key: IKey,
  ) {}

  get(name: string): Queue {
    const existing = this.queues.get(name);
    if (existing) return existing;
    const queue = new Queue(this.scope, `Queue${pascal(name)}`, {
      queueName: this.names.queue(name),
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: this.key,
      enforceSSL: true,
      // The maximum: a failed batch waits two weeks for someone to replay it.
      retentionPeriod: Duration.days(14),
    });
    this.queues.set(name, queue);
    return queue;
  }

  all(): ReadonlyMap<string, Queue> {
    return this.queues;
  }
}

