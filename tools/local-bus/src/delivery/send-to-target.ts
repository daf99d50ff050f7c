import { eventJson } from '../event-json';
import type { Delivery, TargetInvoker } from '../model';

/** One attempt to hand a delivery's event to its target, by the target's kind. */
export function sendToTarget(invoker: TargetInvoker, delivery: Delivery): Promise<void> {
  const { target, event } = delivery;
  switch (target.kind) {
    case 'function':
      return invoker.invokeFunction(target.name, event);
    case 'sqs':
      return invoker.sendToQueue(target.name, eventJson(event), {});
    case 'apiDestination':
      return invoker.callApiDestination(target.name, event);
  }
}
