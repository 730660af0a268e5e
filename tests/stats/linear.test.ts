// The score interval for weighted sums of proportions, checked against published values and
// against a brute-force maximisation of the restricted likelihood; MOVER-R against a grid search.
import { describe, expect, it } from 'vitest';
import { linearScoreInterval, linearScoreStatistic, type Term } from '../../src/stats/linear.js';
import { effectiveCounts, moverDifference, moverRatio } from '../../src/stats/macro.js';
import { binaryStratum, stratumOf } from '../../src/stats/strata.js';
import { wilson } from '../../src/stats/proportion.js';

const loglik = (k: number, n: number, p: number) =>
  (k > 0 ? k * Math.log(p) : 0) + (n - k > 0 ? (n - k) * Math.log1p(-p) : 0);

/** Maximises a concave function on [lo, hi] by golden-section search. */
function argmax(f: (x: number) => number, lo: number, hi: number): number {
  const g = (Math.sqrt(5) - 1) / 2;
  let a = lo,
    b = hi;
  for (let i = 0; i < 200; i++) {
    const c = b - g * (b - a),
      d = a + g * (b - a);
    if (f(c) >= f(d)) b = d;
    else a = c;
  }
  return (a + b) / 2;
}

/** The score statistic with p̃ found by brute force: nested golden sections over all but the last p. */
function bruteStatistic(terms: Term[], theta: number): number {
  const est = terms.reduce((s, t) => s + (t.coef * t.k) / t.n, 0);
  const eps = 1e-12;
  // Given p for the first j terms, the best likelihood of the rest (last term fixed by the constraint).
  const best = (fixed: number[]): { ll: number; p: number[] } => {
    const j = fixed.length;
    const used = fixed.reduce((s, p, i) => s + terms[i]!.coef * p, 0);
    if (j === terms.length - 1) {
      const last = terms[j]!;
      const p = (theta - used) / last.coef;
      // Outside [0, 1]: a penalty that still points the search back inside.
      if (!(p >= -1e-12 && p <= 1 + 1e-12)) return { ll: -1e12 * (1 + Math.max(-p, p - 1)), p: [...fixed, p] };
      const q = Math.min(1 - eps, Math.max(eps, p));
      return {
        ll:
          fixed.reduce((s, x, i) => s + loglik(terms[i]!.k, terms[i]!.n, Math.min(1 - eps, Math.max(eps, x))), 0) +
          loglik(last.k, last.n, q),
        p: [...fixed, p],
      };
    }
    const x = argmax((v) => best([...fixed, v]).ll, 0, 1);
    return best([...fixed, x]);
  };
  const p = best([]).p;
  const variance = terms.reduce((s, t, i) => s + (t.coef ** 2 * p[i]! * (1 - p[i]!)) / t.n, 0);
  return (est - theta) ** 2 / variance;
}

describe('score interval for a weighted sum of proportions', () => {
  it("is Wilson's interval for one proportion", () => {
    for (const [k, n] of [
      [81, 263],
      [0, 30],
      [30, 30],
      [1, 29],
      [7, 9],
    ] as const) {
      const a = linearScoreInterval([{ k, n, coef: 1 }]),
        b = wilson(k, n);
      expect(a.low).toBeCloseTo(b.low, 9);
      expect(a.high).toBeCloseTo(b.high, 9);
    }
  });

  it("is Mee's interval for a difference (Newcombe 1998, Table II: 56/70 − 48/80 → 0.0533, 0.3377)", () => {
    const i = linearScoreInterval([
      { k: 56, n: 70, coef: 1 },
      { k: 48, n: 80, coef: -1 },
    ]);
    expect(i.low).toBeCloseTo(0.0533, 4);
    expect(i.high).toBeCloseTo(0.3377, 4);
  });

  it('has the statistic of a brute-force maximisation of the restricted likelihood', () => {
    const cases: [Term[], number[]][] = [
      [
        [
          { k: 3, n: 30, coef: 0.5 },
          { k: 0, n: 30, coef: 0.5 },
        ],
        [0.01, 0.08, 0.2],
      ],
      [
        [
          { k: 12, n: 40, coef: 1 },
          { k: 2, n: 25, coef: -1 },
        ],
        [-0.1, 0.1, 0.35],
      ],
      [
        [
          { k: 1, n: 30, coef: 1 / 3 },
          { k: 0, n: 60, coef: 1 / 3 },
          { k: 5, n: 20, coef: 1 / 3 },
        ],
        [0.02, 0.1, 0.3],
      ],
      [
        [
          { k: 20, n: 30, coef: 0.5 },
          { k: 0, n: 30, coef: -0.25 },
          { k: 1, n: 30, coef: -0.25 },
        ],
        [0.1, 0.3, 0.45],
      ],
    ];
    for (const [terms, thetas] of cases) {
      for (const theta of thetas) {
        const fast = linearScoreStatistic(terms, theta),
          slow = bruteStatistic(terms, theta);
        expect(Math.abs(fast - slow) / Math.max(1, slow)).toBeLessThan(1e-4);
      }
    }
  });

  it('includes the range edge when every task sits there: equal tasks at 0 give the pooled Wilson limit', () => {
    const zeros = linearScoreInterval([
      { k: 0, n: 60, coef: 1 / 3 },
      { k: 0, n: 60, coef: 1 / 3 },
      { k: 0, n: 60, coef: 1 / 3 },
    ]);
    expect(zeros.low).toBe(0);
    expect(zeros.high).toBeCloseTo(wilson(0, 180).high, 6);
    // At each limit the test statistic is exactly at the critical value.
    const terms = [
      { k: 3, n: 30, coef: 0.5 },
      { k: 11, n: 40, coef: 0.5 },
    ];
    const i = linearScoreInterval(terms);
    for (const theta of [i.low, i.high])
      expect(linearScoreStatistic(terms, theta)).toBeCloseTo(1.959963984540054 ** 2, 4);
  });
});

describe('MOVER combinations', () => {
  it('MOVER-R equals a grid search for the ψ whose MOVER interval of a − ψ·b holds 0', () => {
    const cases: [ReturnType<typeof wilson>, ReturnType<typeof wilson>][] = [
      [wilson(12, 60), wilson(40, 60)],
      [wilson(0, 60), wilson(20, 30)],
      [wilson(5, 10), wilson(9, 10)],
      [wilson(3, 30), wilson(2, 30)],
    ];
    for (const [a, b] of cases) {
      const closed = moverRatio(a, b);
      let lo = Infinity,
        hi = -Infinity;
      for (let psi = 0; psi <= 12; psi += 1e-4) {
        const scaled = { estimate: psi * b.estimate, low: psi * b.low, high: psi * b.high };
        const d = moverDifference(a, scaled);
        if (d.low <= 1e-12 && d.high >= -1e-12) {
          lo = Math.min(lo, psi);
          hi = Math.max(hi, psi);
        }
      }
      expect(closed.low).toBeCloseTo(lo, 3);
      expect(closed.high).toBeCloseTo(hi, 3);
    }
    expect(moverRatio(wilson(1, 5), wilson(0, 5)).estimate).toBeNaN();
  });
});

describe('effective counts (several samples per item)', () => {
  it('are the counts for one sample, n when samples always agree, up to n × samples when independent', () => {
    expect(effectiveCounts(binaryStratum(7, 30))).toEqual({ k: 7, n: 30 });
    const agree = effectiveCounts(stratumOf([...Array(10).fill(1), ...Array(30).fill(0)]));
    expect(agree).toEqual({ k: 10, n: 40 });
    // Four samples per item, independent draws at p = 1/2: item scores Binomial(4, ½)/4 exactly in proportion.
    const indep = effectiveCounts(
      stratumOf([0, 0.25, 0.25, 0.25, 0.25, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.75, 0.75, 0.75, 0.75, 1]),
    );
    expect(indep.n).toBeCloseTo(64, 9);
    expect(indep.k / indep.n).toBeCloseTo(0.5, 12);
    // Under-dispersed by chance: never more than n × samples.
    expect(effectiveCounts(stratumOf(Array(20).fill(0.5))).n).toBeLessThanOrEqual(40);
    expect(() => effectiveCounts(stratumOf([-1, 1]))).toThrow(/\[0, 1\]/);
  });
});
