/**
 * Failed logins per username and client address, in memory: after `maxFailures` inside `windowMs`
 * further attempts are refused until the oldest failure leaves the window. A restart forgets the
 * counts, which costs an attacker a restart they cannot cause. The map is pruned as it is used and
 * capped, so a flood of distinct keys cannot grow it without bound.
 */
export interface LoginRateLimiter {
  /** Seconds until the next attempt is allowed; 0 when it is allowed now. */
  retryAfter(key: string, now?: number): number;
  recordFailure(key: string, now?: number): void;
  recordSuccess(key: string): void;
}

export interface RateLimitOptions {
  readonly maxFailures?: number;
  readonly windowMs?: number;
  readonly maxKeys?: number;
}

export function createLoginRateLimiter(options: RateLimitOptions = {}): LoginRateLimiter {
  const maxFailures = options.maxFailures ?? 5;
  const windowMs = options.windowMs ?? 60_000;
  const maxKeys = options.maxKeys ?? 10_000;
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number): number[] => {
    const kept = (failures.get(key) ?? []).filter((t) => now - t < windowMs);
    if (kept.length === 0) failures.delete(key);
    else failures.set(key, kept);
    return kept;
  };
  return {
    retryAfter(key, now = Date.now()) {
      const kept = recent(key, now);
      if (kept.length < maxFailures) return 0;
      const oldest = kept[kept.length - maxFailures] ?? now;
      return Math.max(1, Math.ceil((oldest + windowMs - now) / 1000));
    },
    recordFailure(key, now = Date.now()) {
      if (!failures.has(key) && failures.size >= maxKeys) {
        // Drop the oldest key: Map keeps insertion order.
        const first = failures.keys().next().value;
        if (first !== undefined) failures.delete(first);
      }
      failures.set(key, [...recent(key, now), now]);
    },
    recordSuccess(key) {
      failures.delete(key);
    },
  };
}
