export interface AuthorizerDecision {
  readonly isAuthorized: boolean;
  readonly context?: Readonly<Record<string, unknown>>;
}

export interface AuthorizerCache {
  get(key: string): AuthorizerDecision | undefined;
  set(key: string, decision: AuthorizerDecision, ttlSeconds: number): void;
}

/**
 * API Gateway caches an authorizer's answer per identity source value for the declared TTL
 * (refusals too), so a revoked key keeps working until the entry expires — as in AWS.
 */
export function createAuthorizerCache(now: () => number): AuthorizerCache {
  const entries = new Map<string, { decision: AuthorizerDecision; expiresAt: number }>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= now()) {
        entries.delete(key);
        return undefined;
      }
      return entry.decision;
    },
    set(key, decision, ttlSeconds) {
      if (ttlSeconds <= 0) return;
      entries.set(key, { decision, expiresAt: now() + ttlSeconds * 1000 });
    },
  };
}
