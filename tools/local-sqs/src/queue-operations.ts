import { optionalInteger, optionalString, requireString, stringList, stringMap } from './input-reader';
import type { Operation } from './operation';
import type { Queue } from './queue';
import { COMPUTED_ATTRIBUTES, isKnownAttributeName, parseRedrivePolicy, validateSettableAttributes } from './queue-attributes';
import { invalidAttributeName, invalidParameter } from './sqs-error';

const createQueue: Operation = (input, context) => {
  const name = requireString(input, 'QueueName');
  context.store.create(name, stringMap(input, 'Attributes'));
  return { QueueUrl: context.queueUrl(name) };
};

const getQueueUrl: Operation = (input, context) => {
  const name = requireString(input, 'QueueName');
  context.store.get(name);
  return { QueueUrl: context.queueUrl(name) };
};

const listQueues: Operation = (input, context) => {
  const prefix = optionalString(input, 'QueueNamePrefix') ?? '';
  const maxResults = optionalInteger(input, 'MaxResults', 1, 1000);
  const names = context.store.names(prefix);
  if (maxResults === undefined) return names.length > 0 ? { QueueUrls: names.map(context.queueUrl) } : {};
  // Paging only exists when MaxResults is given; the token is the offset of the next page.
  const start = Number(optionalString(input, 'NextToken') ?? '0');
  if (!Number.isInteger(start) || start < 0) throw invalidParameter('Invalid NextToken value.');
  const page = names.slice(start, start + maxResults);
  const next = start + maxResults < names.length ? { NextToken: String(start + maxResults) } : {};
  return { ...(page.length > 0 ? { QueueUrls: page.map(context.queueUrl) } : {}), ...next };
};

const deleteQueue: Operation = (input, context) => {
  context.store.delete(context.store.byUrl(requireString(input, 'QueueUrl')).name);
  return {};
};

const getQueueAttributes: Operation = (input, context) => {
  const queue = context.store.byUrl(requireString(input, 'QueueUrl'));
  const requested = stringList(input, 'AttributeNames');
  for (const name of requested) if (!isKnownAttributeName(name)) throw invalidAttributeName(name);
  const all = allAttributes(queue);
  const wanted = requested.includes('All') ? Object.keys(all) : requested;
  const attributes = Object.fromEntries(wanted.filter((name) => all[name] !== undefined).map((name) => [name, all[name]]));
  return Object.keys(attributes).length > 0 ? { Attributes: attributes } : {};
};

const setQueueAttributes: Operation = (input, context) => {
  const queue = context.store.byUrl(requireString(input, 'QueueUrl'));
  queue.setAttributes(validateSettableAttributes(stringMap(input, 'Attributes')));
  return {};
};

const purgeQueue: Operation = (input, context) => {
  context.store.byUrl(requireString(input, 'QueueUrl')).purge();
  return {};
};

const listDeadLetterSourceQueues: Operation = (input, context) => {
  const target = context.store.byUrl(requireString(input, 'QueueUrl'));
  const sources = context.store
    .names()
    .filter((name) => parseRedrivePolicy(context.store.get(name).settableAttributes().RedrivePolicy)?.deadLetterTargetArn === target.arn);
  return { queueUrls: sources.map(context.queueUrl) };
};

function allAttributes(queue: Queue): Record<string, string> {
  const counts = queue.counts();
  const computed: Record<(typeof COMPUTED_ATTRIBUTES)[number], string> = {
    QueueArn: queue.arn,
    ApproximateNumberOfMessages: String(counts.visible),
    ApproximateNumberOfMessagesNotVisible: String(counts.inFlight),
    ApproximateNumberOfMessagesDelayed: String(counts.delayed),
    CreatedTimestamp: String(Math.floor(queue.createdAt / 1000)),
    LastModifiedTimestamp: String(Math.floor(queue.lastModified() / 1000)),
  };
  return { ...queue.settableAttributes(), ...computed };
}

export const queueOperations: Record<string, Operation> = {
  CreateQueue: createQueue,
  GetQueueUrl: getQueueUrl,
  ListQueues: listQueues,
  DeleteQueue: deleteQueue,
  GetQueueAttributes: getQueueAttributes,
  SetQueueAttributes: setQueueAttributes,
  PurgeQueue: purgeQueue,
  ListDeadLetterSourceQueues: listDeadLetterSourceQueues,
};
