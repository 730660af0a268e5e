// The one retry layer. Providers make exactly one attempt and classify failures; this decides
// whether and when to try again. Waits follow the server's retry-after when it gives one.
import { ModelError } from '../models/types.js';
import type { AdaptiveLimiter } from '../core/limiter.js';

export interface RetryPolicy {
  /** Attempts in total for transient errors and timeouts, the first included. */
  maxAttempts: number;
  /**
   * Attempts in total when the server keeps saying "too many requests": a quota is a reason to
   * wait, not a failure, so it gets a much larger budget.
   */
  maxRateLimitAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 6,
  maxRateLimitAttempts: 40,
  baseDelayMs: 500,
  maxDelayMs: 60_000,
};

/** Anything a provider did not classify is treated as transient: retried, then recorded as an error. */
export function asModelError(err: unknown): ModelError {
  if (err instanceof ModelError) return err;
  const e = err as { name?: string; message?: string };
  if (e?.name === 'AbortError') return new ModelError('timeout', 'request aborted', { cause: err });
  return new ModelError('transient', e?.message ?? String(err), { cause: err });
}

export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return exp * (0.8 + 0.4 * random()); // ±20% jitter so retries of a burst do not re-collide
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Calls `attempt` under the limiter until it succeeds, fails with a non-retryable error, or runs
 * out of attempts. Each attempt holds one concurrency slot; waits between attempts hold none.
 */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  opts: {
    limiter: AdaptiveLimiter;
    policy: RetryPolicy;
    random: () => number;
    signal?: AbortSignal;
    /** Stop retrying early for errors that will not go away (checked after each failed attempt). */
    giveUp?: (err: ModelError, attempt: number) => boolean;
  },
): Promise<{ value: T; attempts: number }> {
  let failures = 0; // non-rate-limit failures so far
  for (let n = 1; ; n++) {
    await opts.limiter.acquire();
    let error: ModelError;
    try {
      const value = await attempt();
      opts.limiter.onSuccess();
      return { value, attempts: n };
    } catch (err) {
      error = asModelError(err);
    } finally {
      opts.limiter.release();
    }
    if (opts.signal?.aborted) throw opts.signal.reason ?? error;
    if (error.kind !== 'rate_limit') failures++;
    const exhausted =
      error.kind === 'rate_limit' ? n >= opts.policy.maxRateLimitAttempts : failures >= opts.policy.maxAttempts;
    if (!error.retryable || exhausted || opts.giveUp?.(error, n)) throw error;
    const retryAfter = error.options.retryAfterMs;
    if (error.kind === 'rate_limit') opts.limiter.onRateLimit(retryAfter);
    const wait =
      retryAfter !== undefined && retryAfter >= 0
        ? Math.min(retryAfter, opts.policy.maxDelayMs)
        : backoffMs(n, opts.policy, opts.random);
    await sleep(wait, opts.signal);
  }
}
