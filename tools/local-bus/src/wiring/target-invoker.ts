import type { MessageAttributeValue, SqsServer } from '@pulse/local-sqs';
import type { TargetInvoker } from '../model';
import { postToApiDestination, type ApiDestinations } from './api-destination';
import { invokeAsync, noRunnerError, type FunctionInvoker } from './function-invoker';

export interface TargetInvokerParts {
  /** Runs function targets; without one they fail and end in their DLQ. */
  readonly runner?: FunctionInvoker;
  /** Queue targets and dead-letter queues, sent to in process (no HTTP hop). */
  readonly sqs: Pick<SqsServer, 'sendMessage'>;
  /** API destination name → URL. */
  readonly apiDestinations?: ApiDestinations;
}

/** How the dispatcher reaches each kind of target on the local runtime. */
export function createTargetInvoker(parts: TargetInvokerParts): TargetInvoker {
  const { runner, sqs } = parts;
  return {
    invokeFunction: async (name, event) => {
      if (runner === undefined) throw noRunnerError(name);
      await invokeAsync(runner, name, event);
    },
    sendToQueue: async (queue, body, attributes) => {
      // Throws SqsError (code AWS.SimpleQueueService.NonExistentQueue) for a missing queue: NO_RESOURCE.
      sqs.sendMessage(queue, body, stringAttributes(attributes));
    },
    callApiDestination: (name, event) => postToApiDestination(parts.apiDestinations ?? {}, name, event),
  };
}

/** SQS refuses empty String attribute values, so an empty one is left out rather than failing the send. */
function stringAttributes(attributes: Readonly<Record<string, string>>): Record<string, MessageAttributeValue> {
  return Object.fromEntries(
    Object.entries(attributes)
      .filter(([, value]) => value !== '')
      .map(([name, value]) => [name, { DataType: 'String', StringValue: value }]),
  );
}
