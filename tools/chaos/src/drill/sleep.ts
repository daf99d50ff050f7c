/** Resolves after `ms`; an aborted signal ends the wait early (never rejects). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Exponential backoff for the n-th retry (0-based), capped. */
export function backoffMs(retry: number, baseMs = 50, capMs = 2_000): number {
  return Math.min(capMs, baseMs * 2 ** Math.min(retry, 16));
}
