import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { binomialLogPmf, binomialSample, logFactorial } from '../../src/stats/binomial.js';
import { binaryStratum, resampleSum, stratumOf, weightedMean, type Weighted } from '../../src/stats/strata.js';
import { gapEstimates, macroMean, moverWilson } from '../../src/stats/macro.js';
import { proportionDifference } from '../../src/stats/proportion.js';

const w = (k: number, n: number, weight = 1): Weighted => ({ stratum: binaryStratum(k, n), weight });

describe('binomial sampler', () => {
  it('log-factorials agree across the table/Stirling boundary', () => {
    let exact = 0;
    for (let i = 1; i <= 300; i++) exact += Math.log(i);
    expect(logFactorial(300)).toBeCloseTo(exact, 9);
    expect(Math.exp(binomialLogPmf(2, 4, 0.5))).toBeCloseTo(6 / 16, 12);
  });

  it('matches the exact distribution (chi-square) on every code path', () => {
    // [n, p, jitter]: small mean (walk from 0), large mean (tabulated), and large mean with a
    // p that never repeats (walk from the mode; the 1e-12 jitter is far below what the test sees).
    for (const [n, p, jitter] of [
      [30, 0.2, 0],
      [400, 0.35, 0],
      [1000, 0.9, 0],
      [400, 0.3, 1e-12],
    ] as const) {
      const rng = Rng.fromKey(`binom-${n}-${p}-${jitter}`);
      const draws = 20_000;
      const hist = new Map<number, number>();
      for (let i = 0; i < draws; i++) {
        const k = binomialSample(rng, n, p + i * jitter);
        expect(k).toBeGreaterThanOrEqual(0);
        expect(k).toBeLessThanOrEqual(n);
        hist.set(k, (hist.get(k) ?? 0) + 1);
      }
      // Pool the support into cells with expected count ≥ 20 and compare.
      let chi = 0,
        cells = 0,
        expAcc = 0,
        obsAcc = 0;
      for (let k = 0; k <= n; k++) {
        expAcc += draws * Math.exp(binomialLogPmf(k, n, p));
        obsAcc += hist.get(k) ?? 0;
        if (expAcc >= 20 || k === n) {
          chi += (obsAcc - expAcc) ** 2 / Math.max(expAcc, 1e-9);
          cells++;
          expAcc = obsAcc = 0;
        }
      }
      // 99.9th percentile of chi-square with df = cells − 1 is below df + 4.5·sqrt(2·df) here.
      const df = cells - 1;
      expect(chi).toBeLessThan(df + 4.5 * Math.sqrt(2 * df));
    }
  });

  it('handles the edges and rejects bad input', () => {
    const rng = Rng.fromKey('edges');
    expect(binomialSample(rng, 0, 0.5)).toBe(0);
    expect(binomialSample(rng, 10, 0)).toBe(0);
    expect(binomialSample(rng, 10, 1)).toBe(10);
    expect(() => binomialSample(rng, -1, 0.5)).toThrow(RangeError);
    expect(() => binomialSample(rng, 3, 1.5)).toThrow(RangeError);
  });
});

describe('strata', () => {
  it('keep a histogram and resample n items', () => {
    const s = stratumOf([0, 1, 1, 0.5, 1]);
    expect(s).toMatchObject({ n: 5, values: [0, 0.5, 1], counts: [1, 1, 3], sum: 3.5 });
    const rng = Rng.fromKey('resample');
    let total = 0;
    for (let i = 0; i < 4000; i++) {
      const x = resampleSum(rng, s);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(5);
      total += x;
    }
    expect(total / 4000).toBeCloseTo(3.5, 1);
    expect(weightedMean([w(1, 2), w(3, 4, 3)])).toBeCloseTo((0.5 + 3 * 0.75) / 4, 12);
    expect(weightedMean([w(0, 0)])).toBeNaN();
  });
});

describe('macro averages and the gap', () => {
  it('use Wilson for one task, the score interval for averages, and MOVER/Newcombe for the gap', () => {
    const one = macroMean([w(81, 263)]);
    expect(one.method).toBe('wilson');
    expect(one.low).toBeCloseTo(0.2553, 4);
    expect(one.high).toBeCloseTo(0.3662, 4);
    const oracle = macroMean([w(20, 20), w(10, 10)]);
    expect(oracle.method).toBe('score');
    expect(oracle.estimate).toBe(1);
    expect(oracle.high).toBe(1);
    expect(oracle.low).toBeGreaterThan(0.8);
    expect(oracle.low).toBeLessThan(0.95);
    // MOVER with weights +1/−1 is Newcombe's hybrid score interval (1998, example 1).
    const mover = moverWilson([
      { k: 56, n: 70, coef: 1 },
      { k: 48, n: 80, coef: -1 },
    ]);
    const newcombe = proportionDifference(56, 70, 48, 80);
    expect(mover.low).toBeCloseTo(newcombe.low, 12);
    expect(mover.high).toBeCloseTo(newcombe.high, 12);
    const g = gapEstimates([w(56, 70)], [w(48, 80)]);
    expect(g.gap.method).toBe('mover');
    expect(g.gap.low).toBeCloseTo(0.0524, 3);
    expect(g.gap.high).toBeCloseTo(0.3339, 3);
    expect(g.retention.estimate).toBeCloseTo(0.6 / 0.8, 12);
  });

  it('are deterministic and weigh tasks equally', () => {
    const strata = [w(30, 40), w(10, 100)];
    const a = macroMean(strata, { seed: 5 });
    expect(a).toEqual(macroMean(strata, { seed: 6 }));
    expect(a.estimate).toBeCloseTo((0.75 + 0.1) / 2, 12);
    expect(a.n).toBe(140);
    expect(macroMean([])).toMatchObject({ method: 'none', n: 0 });
  });

  it('cover the true macro average and the true gap about 95% of the time', () => {
    const idP = [0.85, 0.6],
      oodP = [0.5, 0.3, 0.7];
    const idN = [41, 67],
      oodN = [53, 37, 71];
    const truthId = (idP[0]! + idP[1]!) / 2,
      truthOod = (oodP[0]! + oodP[1]! + oodP[2]!) / 3;
    let coveredId = 0,
      coveredGap = 0;
    const trials = 300;
    for (let t = 0; t < trials; t++) {
      const rng = Rng.forItem('macro-coverage', t);
      const draw = (p: number[], n: number[]) => p.map((pi, i) => w(binomialSample(rng, n[i]!, pi), n[i]!));
      const g = gapEstimates(draw(idP, idN), draw(oodP, oodN));
      if (g.id.low <= truthId && truthId <= g.id.high) coveredId++;
      if (g.gap.low <= truthId - truthOod && truthId - truthOod <= g.gap.high) coveredGap++;
    }
    for (const c of [coveredId, coveredGap]) {
      expect(c / trials).toBeGreaterThan(0.9);
      expect(c / trials).toBeLessThanOrEqual(0.99);
    }
  });

  it('keep their coverage near 0%: ID one task at 4%, OOD four at 2%, 30 items each (issue 22: the bootstrap covered 75%)', () => {
    let covered = 0;
    const trials = 600;
    const rng = Rng.fromKey('edge-coverage');
    for (let t = 0; t < trials; t++) {
      const g = gapEstimates(
        [w(binomialSample(rng, 30, 0.04), 30)],
        [0, 1, 2, 3].map(() => w(binomialSample(rng, 30, 0.02), 30)),
      );
      if (g.gap.low <= 0.02 && 0.02 <= g.gap.high) covered++;
    }
    // benchmarks/gap-coverage.ts measures this with 4,000 replications; 600 keep the test quick.
    expect(covered / trials).toBeGreaterThan(0.93);
  });

  it('general-points (ID 0/30, OOD 0.8% over four tasks): the gap is at least as wide as either side', () => {
    const g = gapEstimates([w(0, 30)], [w(1, 30), w(0, 30), w(0, 30), w(0, 30)]);
    const width = (i: { low: number; high: number }) => i.high - i.low;
    expect(g.id).toMatchObject({ estimate: 0, low: 0, method: 'wilson' });
    expect(g.id.high).toBeCloseTo(0.1135, 4); // Wilson for 0/30
    expect(width(g.gap)).toBeGreaterThanOrEqual(Math.max(width(g.id), width(g.ood)));
    // The ID side's whole uncertainty is there: ID may be up to 11.4% while OOD is about 1%.
    expect(g.gap.high).toBeGreaterThan(0.1);
    expect(g.gap.low).toBeLessThanOrEqual(-g.ood.estimate);
    expect(g.retention.method).toBe('none'); // ID at 0: no ratio
  });

  it("omega-compositional (OOD 0/60 in every task): the gap and retention keep the OOD side's uncertainty", () => {
    const g = gapEstimates([w(9, 30), w(15, 30)], [w(0, 60), w(0, 60), w(0, 60)]);
    const width = (i: { low: number; high: number }) => i.high - i.low;
    expect(g.ood).toMatchObject({ estimate: 0, low: 0 });
    expect(g.ood.high).toBeGreaterThan(0.015); // three tasks at 0/60 ≈ 0/180: Wilson's 2.1%
    expect(width(g.gap)).toBeGreaterThanOrEqual(Math.max(width(g.id), width(g.ood)));
    // The lower limit is not simply the ID side's: OOD could be 2% as well, and the two
    // independent distances add in quadrature (MOVER).
    expect(g.gap.low).toBeLessThan(g.id.low - 0.001);
    expect(g.gap.low).toBeCloseTo(g.id.estimate - Math.hypot(g.id.estimate - g.id.low, g.ood.high), 10);
    expect(g.retention.low).toBe(0);
    expect(g.retention.high).toBeGreaterThan(0.02);
  });

  it('clamp to [0, 1] and carry no float noise', () => {
    // Weights as "all families" makes them: 1/3 of a family of 7 tasks.
    const oracle = gapEstimates(
      Array.from({ length: 7 }, () => w(30, 30, 1 / 21)),
      Array.from({ length: 3 }, () => w(30, 30, 1 / 9)),
    );
    expect(oracle.id.estimate).toBe(1);
    expect(oracle.id.high).toBe(1);
    expect(oracle.gap.estimate).toBe(0);
    expect(oracle.retention.estimate).toBe(1);
    expect(weightedMean(Array.from({ length: 7 }, () => w(30, 30, 1 / 21)))).toBe(1);
    for (const e of [oracle.id, oracle.ood])
      for (const x of [e.estimate, e.low, e.high]) expect(x).toBeLessThanOrEqual(1);
  });

  it('gives no retention when the ID accuracy is 0, and an unbounded one when it could be', () => {
    const g = gapEstimates([w(0, 5), w(0, 5)], [w(1, 5), w(0, 5)]);
    expect(g.retention.method).toBe('none');
    expect(Number.isNaN(g.retention.low)).toBe(true);
    const h = gapEstimates([w(1, 5)], [w(1, 5)]);
    expect(h.retention.estimate).toBe(1);
    expect(h.retention.high).toBeGreaterThan(5);
  });
});
