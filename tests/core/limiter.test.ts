import { describe, expect, it } from 'vitest';
import { AdaptiveLimiter } from '../../src/core/limiter.js';

const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`stalled for ${ms} ms`)), ms))]);

describe('AdaptiveLimiter', () => {
  it('never stalls a queue when the clock ticks between its own checks', async () => {
    // The clock moves on its own between readings (as Date.now() does): a check in drain and the
    // wait computed in schedule can see different times. That once left waiters with no timer
    // and nothing in flight, and the process simply exited. Stress it with pauses, 429s and jobs.
    for (let trial = 0; trial < 30; trial++) {
      let reads = 0;
      // Real time plus an extra millisecond every few readings: monotonic, and often a tick
      // between two readings that the code assumes see the same moment.
      const lim = new AdaptiveLimiter({ max: 4, now: () => Date.now() + Math.floor(reads++ / 3) });
      const jobs = Array.from({ length: 40 }, async (_, i) => {
        await lim.acquire();
        await new Promise((r) => setTimeout(r, i % 2));
        if (i % 4 === 1 && i < 16) lim.onRateLimit(1 + (i % 3)); // too few to set a pace: pauses only
        lim.release();
      });
      await within(Promise.all(jobs), 3000);
    }
  });

  it('keeps at most the window in flight, cuts it on a 429 and grows it back on clean answers', async () => {
    const lim = new AdaptiveLimiter({ max: 8 });
    for (let i = 0; i < 8; i++) await lim.acquire();
    let ninth = false;
    void lim.acquire().then(() => {
      ninth = true;
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(ninth).toBe(false);
    lim.release();
    await new Promise((r) => setTimeout(r, 0));
    expect(ninth).toBe(true);
    lim.onRateLimit();
    expect(lim.limit).toBe(6);
    lim.onRateLimit(); // within the cooldown: one burst of 429s counts once
    expect(lim.limit).toBe(6);
    for (let i = 0; i < 6; i++) lim.onSuccess();
    expect(lim.limit).toBe(7);
  });

  it('paces starts under a quota, but not on sporadic 429s', () => {
    let t = 0;
    const quota = new AdaptiveLimiter({ max: 64, now: () => t });
    for (let i = 0; i < 200; i++) {
      t += 5;
      quota.onSuccess();
    } // 200/s allowed so far
    for (let i = 0; i < 200; i++) {
      t += 1;
      quota.onRateLimit(10);
    } // then mostly 429s
    expect(quota.pace).toBeLessThan(250);
    expect(quota.pace).toBeGreaterThan(20);

    t = 0;
    const noisy = new AdaptiveLimiter({ max: 64, now: () => t });
    for (let i = 0; i < 400; i++) {
      t += 2;
      if (i % 5 === 0) noisy.onRateLimit(10);
      else noisy.onSuccess(); // 20% 429s
    }
    expect(noisy.pace).toBe(Infinity);
  });
});
