import { describe, expect, it } from 'vitest';
import { wilson, proportionDifference, normalQuantile } from '../../src/stats/proportion.js';
import {
  mcnemar,
  mcnemarExactP,
  binomialHalfCdf,
  bootstrapMean,
  pairedBootstrap,
  holm,
} from '../../src/stats/paired.js';
import { Rng } from '../../src/core/rng.js';

describe('Wilson interval', () => {
  it('matches Newcombe (1998) Table I', () => {
    const cases: [number, number, number, number][] = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [k, n, lo, hi] of cases) {
      const w = wilson(k, n);
      expect(w.low).toBeCloseTo(lo, 4);
      expect(w.high).toBeCloseTo(hi, 4);
    }
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
  });

  it('handles the edges', () => {
    expect(wilson(10, 10).high).toBe(1);
    // Exactly 1 and 0 at the edges, never 0.9999999999999999 (issue 22).
    expect(wilson(30, 30).high).toBe(1);
    expect(wilson(0, 30).low).toBe(0);
    for (let n = 1; n <= 200; n++)
      for (const k of [0, 1, n - 1, n]) {
        const w = wilson(k, n);
        expect(w.low).toBeGreaterThanOrEqual(0);
        expect(w.high).toBeLessThanOrEqual(1);
      }
    expect(wilson(0, 0)).toMatchObject({ low: 0, high: 1 });
    const d = proportionDifference(56, 70, 48, 80); // Newcombe (1998) example 1: 0.0524 to 0.3339
    expect(d.estimate).toBeCloseTo(0.2, 6);
    expect(d.low).toBeCloseTo(0.0524, 3);
    expect(d.high).toBeCloseTo(0.3339, 3);
  });
});

describe('McNemar exact test', () => {
  it('is the two-sided binomial test on discordant pairs', () => {
    expect(mcnemarExactP(1, 10)).toBeCloseTo(24 / 2048, 12);
    expect(mcnemarExactP(5, 5)).toBe(1);
    expect(mcnemarExactP(0, 0)).toBe(1);
    expect(binomialHalfCdf(2, 4)).toBeCloseTo(11 / 16, 12);
    const r = mcnemar([true, true, false, false, true], [true, false, true, false, false]);
    expect([r.b, r.c]).toEqual([2, 1]);
  });
});

describe('bootstrap', () => {
  it('is reproducible for a seed and covers the truth about 95% of the time', () => {
    const data = Array.from({ length: 50 }, (_, i) => (i % 3 === 0 ? 1 : 0));
    expect(bootstrapMean(data, { seed: 1 })).toEqual(bootstrapMean(data, { seed: 1 }));
    let covered = 0;
    const trials = 200;
    for (let t = 0; t < trials; t++) {
      const rng = Rng.forItem('coverage', t);
      // 97 items: the bootstrap grid k/97 never lands exactly on 0.3, so ties do not inflate coverage.
      const xs = Array.from({ length: 97 }, () => (rng.next() < 0.3 ? 1 : 0));
      const ci = bootstrapMean(xs, { seed: t, resamples: 400 });
      if (ci.low <= 0.3 && 0.3 <= ci.high) covered++;
    }
    expect(covered / trials).toBeGreaterThan(0.88);
    expect(covered / trials).toBeLessThanOrEqual(0.99);
  });

  it('paired differences see a consistent small improvement that unpaired noise hides', () => {
    const rng = Rng.forItem('paired', 0);
    const a = Array.from({ length: 400 }, () => (rng.next() < 0.5 ? 1 : 0));
    const b = a.map((x, i) => (i % 20 === 0 ? 1 : x)); // b fixes 1 in 20 items, never worse
    const ci = pairedBootstrap(b, a, { seed: 3 });
    expect(ci.low).toBeGreaterThan(0);
  });

  it('clustered resampling widens the interval when clusters are correlated', () => {
    const values = Array.from({ length: 200 }, (_, i) => Math.floor(i / 20) % 2);
    const clusters = values.map((_, i) => String(Math.floor(i / 20)));
    const plain = bootstrapMean(values, { seed: 1 });
    const clustered = bootstrapMean(values, { seed: 1, clusters });
    expect(clustered.high - clustered.low).toBeGreaterThan(2 * (plain.high - plain.low));
  });
});

describe('Holm correction', () => {
  it('steps down and keeps the input order', () => {
    const adj = holm([0.01, 0.04, 0.03]);
    expect(adj[0]).toBeCloseTo(0.03, 12);
    expect(adj[1]).toBeCloseTo(0.06, 12);
    expect(adj[2]).toBeCloseTo(0.06, 12);
  });
});
