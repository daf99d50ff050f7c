import type { AlertRaisedV1Data } from '@pulse/schemas';
import { claimOutbox, entriesToPublish, settleOutbox } from './outbox';
import { initialZoneState, type OutboxEntry } from './zone-state';

const data = { alertId: 'a-1' } as AlertRaisedV1Data;
const entry = (key: string, owner: string, leaseUntil: number): OutboxEntry => ({ key, type: 'AlertRaised', data, owner, leaseUntil });
const context = { owner: 'me', now: 1_000, leaseMs: 600 };

describe('outbox leases', () => {
  it('takes over expired entries, leaves live ones, renews its own when half the lease is gone', () => {
    // Prepare
    const outbox = [entry('expired', 'crashed', 1_000), entry('live', 'other', 1_001), entry('mine-fresh', 'me', 1_400), entry('mine-old', 'me', 1_100)];
    // Act
    const claimed = claimOutbox(outbox, context);
    // Assess
    expect(claimed.map((e) => [e.key, e.owner, e.leaseUntil])).toEqual([
      ['expired', 'me', 1_600],
      ['live', 'other', 1_001],
      ['mine-fresh', 'me', 1_400],
      ['mine-old', 'me', 1_600],
    ]);
  });

  it('returns the same outbox when nothing is claimed, so nothing is written', () => {
    // Prepare
    const outbox = [entry('live', 'other', 2_000)];
    // Act / Assess
    expect(claimOutbox(outbox, context)).toBe(outbox);
  });

  it('publishes only what this owner holds', () => {
    // Prepare
    const state = { ...initialZoneState('f', 'z'), outbox: [entry('a', 'me', 1_600), entry('b', 'other', 1_600), entry('c', 'me', 0)] };
    // Act / Assess
    expect(entriesToPublish(state, 'me', 1_000).map((e) => e.key)).toEqual(['a']);
  });

  it('settles: published entries leave, failed ones stay with the lease released, others untouched', () => {
    // Prepare
    const state = { ...initialZoneState('f', 'z'), outbox: [entry('sent', 'me', 1_600), entry('failed', 'me', 1_600), entry('theirs', 'other', 1_600)] };
    // Act
    const { state: settled, changed } = settleOutbox(state, 'me', new Set(['sent', 'theirs']), new Set(['failed']));
    const noop = settleOutbox(settled, 'me', new Set(), new Set(['failed']));
    // Assess
    expect(changed).toBe(true);
    expect(settled.outbox.map((e) => [e.key, e.leaseUntil])).toEqual([
      ['failed', 0],
      ['theirs', 1_600],
    ]);
    expect(noop.changed).toBe(false);
  });
});
