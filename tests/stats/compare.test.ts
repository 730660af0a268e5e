import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { comparePaired, normalCdf, signFlipUpperTail } from '../../src/stats/compare.js';
import { mcnemarExactP } from '../../src/stats/paired.js';
import { stratumOf, type Weighted } from '../../src/stats/strata.js';
import { tiedGroups } from '../../src/stats/tied.js';

/** Exact two-sided McNemar p with BigInt arithmetic: an independent reference. */
function exactMcNemar(b: number, c: number): number {
  const n = b + c,
    k = Math.min(b, c);
  let term = 1n,
    sum = 1n; // C(n, 0)
  for (let i = 1; i <= k; i++) {
    term = (term * BigInt(n - i + 1)) / BigInt(i);
    sum += term;
  }
  const scaled = (2n * sum * 10n ** 30n) / 2n ** BigInt(n);
  return Math.min(1, Number(scaled) / 1e30);
}

const diffStratum = (plus: number, minus: number, zero: number, weight = 1): Weighted => ({
  stratum: stratumOf([...Array(plus).fill(1), ...Array(minus).fill(-1), ...Array(zero).fill(0)]),
  weight,
});

describe('McNemar: textbook exact values', () => {
  it('matches hand-computed binomial tails', () => {
    expect(mcnemarExactP(0, 6)).toBeCloseTo(2 / 64, 14);
    expect(mcnemarExactP(2, 8)).toBeCloseTo(112 / 1024, 14);
    // Agresti (2002) §10.1.1, presidential approval: 150 vs 86 discordant, far from 0.05.
    expect(mcnemarExactP(150, 86)).toBeCloseTo(exactMcNemar(150, 86), 10);
    expect(mcnemarExactP(150, 86)).toBeLessThan(1e-4);
    expect(mcnemarExactP(1200, 1150)).toBeCloseTo(exactMcNemar(1200, 1150), 8);
  });

  it('is what comparePaired uses for one 0/1 task', () => {
    const r = comparePaired([diffStratum(8, 2, 40)], { seed: 1 });
    expect(r.method).toBe('mcnemar');
    expect(r.p).toBeCloseTo(112 / 1024, 14);
    expect(r.estimate).toBeCloseTo(6 / 50, 12);
    expect([r.n, r.discordant]).toEqual([50, 10]);
    expect(r.low).toBeLessThan(r.estimate);
    expect(r.high).toBeGreaterThan(r.estimate);
  });
});

describe('sign-flip test across tasks', () => {
  it('holds its level under no difference and finds a consistent improvement', () => {
    let rejections = 0;
    const trials = 150;
    for (let t = 0; t < trials; t++) {
      const rng = Rng.forItem('null', t);
      // Two models with the same accuracy per task, answering independently.
      const strata = [0.3, 0.6, 0.8].map((p, i) => {
        const n = 40 + 20 * i;
        const d = Array.from({ length: n }, () => Number(rng.next() < p) - Number(rng.next() < p));
        return { stratum: stratumOf(d), weight: 1 };
      });
      if (comparePaired(strata, { seed: t, permutations: 400, resamples: 50 }).p <= 0.05) rejections++;
    }
    expect(rejections / trials).toBeLessThan(0.1);
    const better = comparePaired([diffStratum(12, 1, 60), diffStratum(9, 2, 50), diffStratum(7, 0, 30)], { seed: 3 });
    expect(better.method).toBe('sign-flip');
    expect(better.p).toBeLessThan(0.005);
    expect(better.low).toBeGreaterThan(0);
  });

  it('is reproducible, gives p = 1 without discordant items, NaN without shared items', () => {
    const s = [diffStratum(5, 3, 20), diffStratum(2, 4, 10)];
    expect(comparePaired(s, { seed: 9 })).toEqual(comparePaired(s, { seed: 9 }));
    expect(comparePaired([diffStratum(0, 0, 10), diffStratum(0, 0, 5)]).p).toBe(1);
    expect(comparePaired([]).method).toBe('none');
  });

  it('handles partial scores (samples > 1) by flipping each magnitude', () => {
    const s = [
      { stratum: stratumOf([0.5, 0.5, 0.25, 0, 0.5, 0.75, 0.5, 0.5]), weight: 1 },
      { stratum: stratumOf([0.5, 0, 0.25]), weight: 1 },
    ];
    const r = comparePaired(s, { seed: 2 });
    expect(r.method).toBe('sign-flip');
    expect(r.p).toBeLessThan(0.05);
    expect(r.estimate).toBeGreaterThan(0);
  });
});

/** Exact P(Σ a·(2B − c) ≥ x), B ~ Bin(c, 1/2) per term, by convolution. */
function exactTail(terms: [number, number][], x: number): number {
  let dist = new Map<number, number>([[0, 1]]);
  for (const [a, c] of terms) {
    const next = new Map<number, number>();
    let pmf = 0.5 ** c;
    for (let b = 0; b <= c; b++) {
      if (b > 0) pmf *= (c - b + 1) / b;
      for (const [v, p] of dist) {
        const key = Math.round((v + a * (2 * b - c)) * 1e9) / 1e9;
        next.set(key, (next.get(key) ?? 0) + p * pmf);
      }
    }
    dist = next;
  }
  let tail = 0;
  for (const [v, p] of dist) if (v >= x - 1e-9) tail += p;
  return tail;
}

describe('saddlepoint tail of the sign-flip distribution', () => {
  it('matches exact enumeration far into the tail', () => {
    const terms: [number, number][] = [
      [1 / 40, 10],
      [1 / 60, 12],
      [1 / 90, 15],
    ];
    for (const x of [0.2, 0.3, 0.35, 0.5]) {
      const exact = exactTail(terms, x);
      const approx = signFlipUpperTail(terms, x);
      expect(exact).toBeLessThan(0.05);
      expect(Math.abs(approx - exact) / exact).toBeLessThan(0.15);
    }
    expect(signFlipUpperTail([[1, 5]], 5)).toBeCloseTo(1 / 32, 12);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
  });

  it('gives p-values below 1/(R+1) for clear differences, so Holm can still reject', () => {
    const clear = comparePaired([diffStratum(300, 20, 1500), diffStratum(250, 30, 1500), diffStratum(200, 10, 1500)], {
      seed: 1,
      permutations: 500,
      resamples: 0,
    });
    expect(clear.p).toBeLessThan(1e-20);
    expect(clear.p).toBeGreaterThan(0);
  });
});

describe('tied groups', () => {
  const col = (key: string, entries: Record<string, number>) => ({ key, estimates: new Map(Object.entries(entries)) });

  it('keep the leader and every model not significantly worse', () => {
    const p: Record<string, number> = { 'a:b': 0.4, 'a:c': 0.0001 };
    const r = tiedGroups([col('a', { A: 0.8, B: 0.78, C: 0.5 })], (_k, l, o) => p[`a:${o.toLowerCase()}`] ?? NaN);
    const a = r.get('a')!;
    expect(a.leader).toBe('A');
    expect(a.tied).toEqual(['A', 'B']);
    expect(a.p.get('C')!.adjusted).toBeCloseTo(0.0002, 12);
  });

  it('adjust across the whole table (Holm), so borderline columns become ties', () => {
    const cols = [col('x', { A: 0.9, B: 0.7 }), col('y', { A: 0.2, B: 0.6 })];
    const alone = tiedGroups([cols[0]!], () => 0.03);
    expect(alone.get('x')!.tied).toEqual(['A']);
    const both = tiedGroups(cols, () => 0.03);
    expect(both.get('x')!.tied).toEqual(['A', 'B']);
    expect(both.get('y')!.leader).toBe('B');
    expect(both.get('y')!.tied).toEqual(['B', 'A']);
  });

  it('leave out models without an estimate or without shared items', () => {
    const r = tiedGroups([col('z', { A: 0.5, B: NaN, C: 0.4 })], (_k, _l, o) => (o === 'C' ? NaN : 0.5));
    expect(r.get('z')!.tied).toEqual(['A']);
    expect(r.get('z')!.incomparable).toEqual(['C']);
  });
});
