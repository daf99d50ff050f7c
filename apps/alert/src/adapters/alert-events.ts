import { AlertRaisedV1, AlertResolvedV1 } from '@pulse/schemas';
import { PublishError, type Publisher } from '@pulse/service-kit';
import type { AlertEvents } from '../domain/ports';
import type { OutboxEntry } from '../domain/zone-state';

/**
 * Publishes outbox entries with the kit's batched publisher: raised first; a resolution whose
 * raise was not accepted is held back (counted as failed), so no subscriber sees an alert
 * resolved that it never saw raised.
 */
export function alertEvents(publisher: Publisher): AlertEvents {
  return {
    async publish(entries, trace) {
      const failed = new Set<string>();
      const raised = entries.filter((e): e is Extract<OutboxEntry, { type: 'AlertRaised' }> => e.type === 'AlertRaised');
      await publishSome(raised, (items) => publisher.publish(AlertRaisedV1, items.map((e) => e.data), trace), failed);
      const failedAlerts = new Set(raised.filter((e) => failed.has(e.key)).map((e) => e.data.alertId));
      const resolved = entries.filter((e): e is Extract<OutboxEntry, { type: 'AlertResolved' }> => e.type === 'AlertResolved');
      for (const entry of resolved) if (failedAlerts.has(entry.data.alertId)) failed.add(entry.key);
      const sendable = resolved.filter((e) => !failed.has(e.key));
      await publishSome(sendable, (items) => publisher.publish(AlertResolvedV1, items.map((e) => e.data), trace), failed);
      return { failed };
    },
  };
}

async function publishSome<E extends OutboxEntry>(
  entries: readonly E[],
  send: (entries: readonly E[]) => Promise<unknown>,
  failed: Set<string>,
): Promise<void> {
  if (entries.length === 0) return;
  try {
    await send(entries);
  } catch (error) {
    // PublishError names the entries never accepted; anything else accepted nothing.
    const indices = error instanceof PublishError ? error.failed.map((f) => f.index) : entries.map((_, i) => i);
    for (const index of indices) failed.add(entries[index].key);
  }
}
