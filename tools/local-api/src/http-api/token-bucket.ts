export interface ThrottleSettings {
  /** Steady-state requests per second. */
  readonly rateLimit: number;
  /** Bucket size: how many requests may arrive at once. */
  readonly burstLimit: number;
}

export interface TokenBucket {
  /** Takes one token if there is one; false means answer 429. */
  take(): boolean;
}

/** API Gateway's stage throttling is a token bucket: it starts full and refills at rateLimit/s. */
export function createTokenBucket(settings: ThrottleSettings, now: () => number): TokenBucket {
  let tokens = settings.burstLimit;
  let last = now();
  return {
    take() {
      const current = now();
      tokens = Math.min(settings.burstLimit, tokens + ((current - last) / 1000) * settings.rateLimit);
      last = current;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
