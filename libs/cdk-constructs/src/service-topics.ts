import { Topic } from 'aws-cdk-lib/aws-sns';
import type { ServiceScope } from './service-scope';

/** The service's SNS topics, encrypted with the platform key and refusing plain-HTTP publishers. */
export function createTopics(ctx: ServiceScope): ReadonlyMap<string, Topic> {
  const topics = new Map<string, Topic>();
  for (const declared of ctx.declaration.topics ?? []) {
    topics.set(
      declared.name,
      new Topic(ctx.scope, `Topic${declared.name}`, {
        topicName: ctx.names.topic(declared.name),
        displayName: declared.description,
        masterKey: ctx.platform.key,
        enforceSSL: true,
      }),
    );
  }
  return topics;
}
