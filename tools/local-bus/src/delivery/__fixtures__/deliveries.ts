import type { BusEvent, Delivery, RetryPolicy, TargetInvoker } from '../../model';

/** Test helpers: deliveries and recording invokers. Not part of the bus. */

export function busEvent(id: string, time = new Date()): BusEvent {
  return {
    version: '0',
    id,
    'detail-type': 'ReadingsReceived',
    source: 'pulse.ingest',
    account: '000000000000',
    time: `${time.toISOString().slice(0, 19)}Z`,
    region: 'eu-west-1',
    resources: [],
    detail: { data: { id } },
  };
}

export function delivery(
  id: string,
  options: { retryPolicy?: RetryPolicy; deadLetterQueue?: string; kind?: Delivery['target']['kind']; ruleName?: string } = {},
): Delivery {
  const ruleName = options.ruleName ?? 'transform-readings-received';
  return {
    event: busEvent(id),
    ruleName,
    ruleArn: `arn:aws:events:eu-west-1:000000000000:rule/pulse-local/${ruleName}`,
    target: {
      id: 'normalize-readings',
      arn: 'arn:aws:lambda:eu-west-1:000000000000:function:transform-normalize-readings',
      kind: options.kind ?? 'function',
      name: 'transform-normalize-readings',
      retryPolicy: options.retryPolicy ?? { maximumRetryAttempts: 185, maximumEventAgeSeconds: 86_400 },
      ...(options.deadLetterQueue === undefined ? {} : { deadLetterQueue: options.deadLetterQueue }),
    },
  };
}

export interface QueueMessage {
  readonly queue: string;
  readonly body: string;
  readonly attributes: Readonly<Record<string, string>>;
}

/** An invoker whose functions fail `failures(eventId)` times before succeeding; records everything. */
export function recordingInvoker(failures: (eventId: string) => number = () => 0) {
  const invocations: string[] = [];
  const messages: QueueMessage[] = [];
  const webhooks: string[] = [];
  const attempt = (id: string) => {
    invocations.push(id);
    const seen = invocations.filter((i) => i === id).length;
    if (seen <= failures(id)) throw new Error(`boom ${seen} for ${id}`);
  };
  const invoker: TargetInvoker = {
    invokeFunction: async (_name, event) => attempt(event.id),
    sendToQueue: async (queue, body, attributes) => {
      messages.push({ queue, body, attributes });
    },
    callApiDestination: async (_name, event) => {
      webhooks.push(event.id);
    },
  };
  return { invoker, invocations, messages, webhooks };
}
