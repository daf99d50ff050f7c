import type { OutboxEntry, ZoneState } from './zone-state';

/** Who is evaluating (the Lambda request id: a retried invocation keeps it) and for how long it may hold events. */
export interface LeaseContext {
  readonly owner: string;
  readonly now: number;
  /** Longer than the function timeout, so a live invocation's lease never runs out under it. */
  readonly leaseMs: number;
}

/**
 * Takes over outbox entries whose holder is gone (lease expired: it crashed or timed out
 * between its write and its publish), and renews this owner's entries (a retry of the same
 * request) when less than half a lease is left. Entries a live invocation holds are left
 * alone: it is publishing them. Returns the same array when nothing changed.
 */
export function claimOutbox(outbox: readonly OutboxEntry[], context: LeaseContext): readonly OutboxEntry[] {
  let changed = false;
  const claimed = outbox.map((entry) => {
    const mine = entry.owner === context.owner;
    if (!mine && entry.leaseUntil > context.now) return entry;
    if (mine && entry.leaseUntil - context.now >= context.leaseMs / 2) return entry;
    changed = true;
    return { ...entry, owner: context.owner, leaseUntil: context.now + context.leaseMs };
  });
  return changed ? claimed : outbox;
}

/** The entries this owner must project and publish, raised before resolved. */
export function entriesToPublish(state: ZoneState, owner: string, now: number): OutboxEntry[] {
  return state.outbox.filter((entry) => entry.owner === owner && entry.leaseUntil > now);
}

/**
 * After publishing: published entries leave the outbox; failed ones stay with their lease
 * released, so the retry (or any later invocation for the zone) publishes them at once.
 * Entries another invocation took over meanwhile are not ours to touch.
 */
export function settleOutbox(
  state: ZoneState,
  owner: string,
  published: ReadonlySet<string>,
  failed: ReadonlySet<string>,
): { state: ZoneState; changed: boolean } {
  let changed = false;
  const outbox = state.outbox.flatMap((entry) => {
    if (entry.owner !== owner) return [entry];
    if (published.has(entry.key)) {
      changed = true;
      return [];
    }
    if (failed.has(entry.key) && entry.leaseUntil !== 0) {
      changed = true;
      return [{ ...entry, leaseUntil: 0 }];
    }
    return [entry];
  });
  return changed ? { state: { ...state, outbox }, changed } : { state, changed };
}
