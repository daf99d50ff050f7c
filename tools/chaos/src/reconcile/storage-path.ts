import { batchContracts, READINGS_STORED } from '@pulse/schemas';
import type { ServiceDeclaration } from '@pulse/service-kit';

const BATCHES = new Set(batchContracts.map((contract) => contract.detailType));
const CARRY_READINGS_ON = new Set([...BATCHES, READINGS_STORED.detailType]);

/**
 * The rules on a reading's way to the Readings table: they take a readings batch and their
 * service passes readings on (emits a batch, or ReadingsStored). A reading in one of their DLQs
 * is not stored until redriven; a reading in another DLQ (alert's evaluation of a batch, say)
 * may well be stored, and is reported as a reason but not counted as dead-lettered.
 */
export function storagePathRules(services: readonly ServiceDeclaration[]): Set<string> {
  const rules = new Set<string>();
  for (const service of services) {
    if (!(service.emits ?? []).some((contract) => CARRY_READINGS_ON.has(contract.detailType))) continue;
    for (const subscription of service.subscriptions ?? []) {
      if ((subscription.consumes ?? []).some((contract) => BATCHES.has(contract.detailType))) rules.add(subscription.rule);
    }
  }
  return rules;
}
