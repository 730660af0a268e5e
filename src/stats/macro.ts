// Intervals for the numbers of the leaderboard: a macro average over the tasks of a family (or
// over families), the ID − OOD gap, and OOD/ID retention.
//
// The tasks of a suite are fixed by its author; only the items are a random sample. A macro
// average Σ wᵢ·pᵢ gets the score interval of linear.ts (Wilson's for one task). The gap and
// retention combine the two sides' intervals by MOVER and MOVER-R, so a side at 0% or 100% keeps
// its whole uncertainty (a bootstrap over items cannot: a 0/30 task resampled is always 0/30) and
// the gap's interval is never narrower than either side's. Tasks answered several times per item
// count by their Rao–Scott effective size. Coverage: benchmarks/results/gap-coverage.md.
import { tidy, wilson, type Interval } from './proportion.js';
import { linearScoreInterval, type Term } from './linear.js';
import type { Stratum, Weighted } from './strata.js';

export type IntervalMethod = 'wilson' | 'score' | 'mover' | 'bootstrap' | 'none';

export interface Estimate extends Interval {
  /** Items behind the estimate. */
  n: number;
  method: IntervalMethod;
}

/**
 * Options of the interval functions. The intervals are closed-form and need no randomness:
 * `resamples` and `seed` are accepted for callers written for the earlier bootstrap and ignored.
 */
export interface BootstrapOptions {
  resamples?: number;
  /** Two-sided level (default 0.95). */
  level?: number;
  seed?: string | number;
}

export interface GapEstimates {
  id: Estimate;
  ood: Estimate;
  /** ID − OOD: positive means the model loses accuracy out of distribution. */
  gap: Estimate;
  /** OOD / ID: 1 means no loss. NaN when the ID accuracy is 0; the upper limit may be Infinity. */
  retention: Estimate;
}

const NONE: Estimate = { estimate: NaN, low: NaN, high: NaN, n: 0, method: 'none' };

function live(strata: readonly Weighted[]): Weighted[] {
  return strata.filter((w) => w.stratum.n > 0 && w.weight > 0);
}

const itemsOf = (strata: readonly Weighted[]) => strata.reduce((s, w) => s + w.stratum.n, 0);

/**
 * MOVER interval for Σ cᵢ·pᵢ from each pᵢ's Wilson interval (Zou & Donner 2008; Newcombe's
 * hybrid score interval for +1/−1): the squared distances to the limits add like variances.
 * Kept as a cross-check; the intervals below use the score interval, which keeps its coverage
 * where MOVER's quadrature does not (a small task next to a large one).
 */
export function moverWilson(terms: readonly { k: number; n: number; coef: number }[], level = 0.95): Interval {
  let est = 0,
    downSq = 0,
    upSq = 0;
  for (const { k, n, coef } of terms) {
    const w = wilson(k, n, level);
    est += coef * w.estimate;
    const below = w.estimate - w.low,
      above = w.high - w.estimate;
    downSq += (coef >= 0 ? coef * below : -coef * above) ** 2;
    upSq += (coef >= 0 ? coef * above : -coef * below) ** 2;
  }
  return { estimate: est, low: est - Math.sqrt(downSq), high: est + Math.sqrt(upSq) };
}

/**
 * A task as (successes, trials) for a binomial interval. With one answer per item that is the
 * count itself. When items were answered several times their scores are fractions, and the
 * answers of one item are correlated: the effective size is n·p(1 − p)/var(item score) (Rao–Scott),
 * between n (samples always agree) and n × samples (independent samples).
 */
export function effectiveCounts(s: Stratum): { k: number; n: number } {
  if (s.n <= 0) return { k: 0, n: 0 };
  if (s.values.some((v) => v < 0 || v > 1))
    throw new RangeError(`effectiveCounts: item scores must lie in [0, 1], got ${s.values.join(', ')}`);
  if (s.values.every((v) => v === 0 || v === 1)) return { k: s.sum, n: s.n };
  const m = s.sum / s.n;
  const variance = s.values.reduce((t, v, i) => t + s.counts[i]! * (v - m) ** 2, 0) / s.n;
  const binomial = m * (1 - m);
  let factor = variance > 0 && binomial > 0 ? Math.max(1, binomial / variance) : 1;
  const samples = samplesPerItem(s.values);
  if (samples !== undefined) factor = Math.min(factor, samples);
  return { k: m * s.n * factor, n: s.n * factor };
}

/** The common denominator of the item scores (k/s for s samples), if there is a small one. */
function samplesPerItem(values: readonly number[]): number | undefined {
  for (let d = 1; d <= 1000; d++) if (values.every((v) => Math.abs(v * d - Math.round(v * d)) < 1e-9)) return d;
  return undefined;
}

function terms(strata: readonly Weighted[], sign: 1 | -1): Term[] {
  const total = strata.reduce((s, w) => s + w.weight, 0);
  return strata.map((w) => ({ ...effectiveCounts(w.stratum), coef: (sign * w.weight) / total }));
}

function estimate(i: Interval, n: number, method: IntervalMethod, lo: number, hi: number): Estimate {
  return { estimate: tidy(i.estimate, lo, hi), low: tidy(i.low, lo, hi), high: tidy(i.high, lo, hi), n, method };
}

/** Weighted mean of the strata with its score interval (Wilson for a single task). */
export function macroMean(strata: readonly Weighted[], opts: BootstrapOptions = {}): Estimate {
  const s = live(strata);
  if (s.length === 0) return NONE;
  const ts = terms(s, 1);
  const i = linearScoreInterval(ts, opts.level ?? 0.95);
  return estimate(i, itemsOf(s), s.length === 1 ? 'wilson' : 'score', 0, 1);
}

/**
 * MOVER interval for a − b from independent intervals for a and b (Zou & Donner 2008): the
 * distances from each estimate to its limits add in quadrature. With Wilson intervals on both
 * sides this is Newcombe's (1998) hybrid score interval for a difference of proportions.
 */
export function moverDifference(a: Interval, b: Interval): Interval {
  const d = a.estimate - b.estimate;
  return {
    estimate: d,
    low: d - Math.hypot(a.estimate - a.low, b.high - b.estimate),
    high: d + Math.hypot(a.high - a.estimate, b.estimate - b.low),
  };
}

/**
 * MOVER-R interval for the ratio a / b of two independent positive quantities (Newcombe 2016):
 * the ψ for which the MOVER interval of a − ψ·b contains 0, in closed form. Unbounded above when
 * b's interval reaches 0; NaN when b's estimate is 0.
 */
export function moverRatio(a: Interval, b: Interval): Interval {
  const [x, y] = [a.estimate, b.estimate];
  if (!(y > 0) || !(x >= 0)) return { estimate: NaN, low: NaN, high: NaN };
  const B = x * y;
  const A = b.high * (2 * y - b.high),
    C = a.low * (2 * x - a.low);
  const low = C <= 0 ? 0 : C / (B + Math.sqrt(Math.max(0, B * B - A * C)));
  const A2 = b.low * (2 * y - b.low),
    C2 = a.high * (2 * x - a.high);
  const high = A2 <= 0 ? Infinity : (B + Math.sqrt(Math.max(0, B * B - A2 * C2))) / A2;
  return { estimate: x / y, low, high };
}

/**
 * ID and OOD macro averages (score intervals), their difference and their ratio. The ID and OOD
 * items are different items, so the sides are independent and their intervals combine by MOVER:
 * the gap's interval is never narrower than either side's, and a side at 0% or 100% still adds its
 * whole uncertainty (a score interval for the gap as one weighted sum would not: its variance at a
 * side pinned to 0 is 0). Retention gets MOVER-R from the same two intervals.
 */
export function gapEstimates(
  idStrata: readonly Weighted[],
  oodStrata: readonly Weighted[],
  opts: BootstrapOptions = {},
): GapEstimates {
  const id = live(idStrata),
    ood = live(oodStrata);
  const idEst = macroMean(id, opts),
    oodEst = macroMean(ood, opts);
  if (id.length === 0 || ood.length === 0) return { id: idEst, ood: oodEst, gap: NONE, retention: NONE };
  const n = idEst.n + oodEst.n;
  const gap = estimate(moverDifference(idEst, oodEst), n, 'mover', -1, 1);
  const ratio = moverRatio(oodEst, idEst);
  const retention = Number.isFinite(ratio.estimate) ? estimate(ratio, n, 'mover', 0, Infinity) : { ...NONE, n };
  return { id: idEst, ood: oodEst, gap, retention };
}
