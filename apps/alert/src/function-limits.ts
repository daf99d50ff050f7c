/** evaluate-readings' Lambda timeout; the outbox lease is derived from it. */
export const EVALUATE_TIMEOUT_SECONDS = 30;

/**
 * How long an invocation holds the events it decided before another may publish them: twice
 * the timeout, so a live invocation always finishes first, and a crashed one's events are
 * taken over by its retry or the zone's next batch.
 */
export const OUTBOX_LEASE_MS = 2 * EVALUATE_TIMEOUT_SECONDS * 1000;
