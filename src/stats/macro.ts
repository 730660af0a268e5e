// Intervals for the numbers of the leaderboard: a macro average over the tasks of a family (or
// over families), the ID − OOD gap, and OOD/ID retention.
//
// The tasks of a suite are fixed by its author; only the items are a random sample. So the
// bootstrap resamples items within each task (the task is the stratum, "clustered by task") and
// recomputes the weighted mean. Two cases get a closed form instead, because the percentile
// bootstrap has zero width when no task has both successes and failures (the oracle at 100%, a
// baseline at 0%): a single 0/1 task uses Wilson, and a macro average of only such tasks uses
// the MOVER combination of their Wilson intervals (Zou & Donner 2008; for two tasks and weights
// +1/−1 it is exactly Newcombe's hybrid score interval).
import { Rng } from '../core/rng.js';
import { wilson, type Interval } from './proportion.js';
import { isBinary, percentileInterval, resampleWeightedMean, weightedMean, type Weighted } from './strata.js';

export type IntervalMethod = 'wilson' | 'mover' | 'bootstrap' | 'none';

export interface Estimate extends Interval {
  /** Items behind the estimate. */
  n: number;
  method: IntervalMethod;
}

export interface BootstrapOptions {
  /** Resamples (default 2,000). */
  resamples?: number;
  /** Two-sided level (default 0.95). */
  level?: number;
  /** The same data and seed give the same interval. */
  seed?: string | number;
}

export interface GapEstimates {
  id: Estimate;
  ood: Estimate;
  /** ID − OOD: positive means the model loses accuracy out of distribution. */
  gap: Estimate;
  /** OOD / ID: 1 means no loss. NaN when the ID accuracy is 0. */
  retention: Estimate;
}

const NONE: Estimate = { estimate: NaN, low: NaN, high: NaN, n: 0, method: 'none' };

function live(strata: readonly Weighted[]): Weighted[] {
  return strata.filter((w) => w.stratum.n > 0 && w.weight > 0);
}

const itemsOf = (strata: readonly Weighted[]) => strata.reduce((s, w) => s + w.stratum.n, 0);
const degenerate = (strata: readonly Weighted[]) => strata.every((w) => isBinary(w.stratum) && w.stratum.values.length === 1);

/**
 * MOVER interval for Σ cᵢ·pᵢ from each pᵢ's Wilson interval: the squared distances to the limits
 * add like variances, taking the lower distance for positive coefficients and the upper one for
 * negative ones (and the reverse for the upper limit).
 */
export function moverWilson(terms: readonly { k: number; n: number; coef: number }[], level = 0.95): Interval {
  let est = 0, downSq = 0, upSq = 0;
  for (const { k, n, coef } of terms) {
    const w = wilson(k, n, level);
    est += coef * w.estimate;
    const below = w.estimate - w.low, above = w.high - w.estimate;
    downSq += (coef >= 0 ? coef * below : -coef * above) ** 2;
    upSq += (coef >= 0 ? coef * above : -coef * below) ** 2;
  }
  return { estimate: est, low: est - Math.sqrt(downSq), high: est + Math.sqrt(upSq) };
}

function normalized(strata: readonly Weighted[], sign: 1 | -1): { k: number; n: number; coef: number }[] {
  const total = strata.reduce((s, w) => s + w.weight, 0);
  return strata.map((w) => ({ k: w.stratum.sum, n: w.stratum.n, coef: (sign * w.weight) / total }));
}

/** Weighted mean of the strata with its interval (Wilson, MOVER or stratified bootstrap). */
export function macroMean(strata: readonly Weighted[], opts: BootstrapOptions = {}): Estimate {
  const s = live(strata);
  if (s.length === 0) return NONE;
  const level = opts.level ?? 0.95;
  const n = itemsOf(s);
  if (s.length === 1 && isBinary(s[0]!.stratum)) return { ...wilson(s[0]!.stratum.sum, s[0]!.stratum.n, level), n, method: 'wilson' };
  if (degenerate(s)) return { ...clamp(moverWilson(normalized(s, 1), level), 0, 1), n, method: 'mover' };
  const rng = Rng.fromKey(`macro:${opts.seed ?? 0}`);
  const draws = new Float64Array(opts.resamples ?? 2000);
  for (let r = 0; r < draws.length; r++) draws[r] = resampleWeightedMean(rng, s);
  const [low, high] = percentileInterval(draws, level);
  return { estimate: weightedMean(s), low, high, n, method: 'bootstrap' };
}

/**
 * ID and OOD macro averages, their difference and their ratio, from one set of resamples (the
 * ID and OOD items are different items, so the two sides are resampled independently).
 */
export function gapEstimates(idStrata: readonly Weighted[], oodStrata: readonly Weighted[], opts: BootstrapOptions = {}): GapEstimates {
  const level = opts.level ?? 0.95;
  const id = live(idStrata), ood = live(oodStrata);
  const idEst = macroMean(id, opts), oodEst = macroMean(ood, { ...opts, seed: `${opts.seed ?? 0}:ood` });
  if (id.length === 0 || ood.length === 0) return { id: idEst, ood: oodEst, gap: NONE, retention: NONE };
  const n = idEst.n + oodEst.n;
  const gapPoint = idEst.estimate - oodEst.estimate;
  const retentionPoint = idEst.estimate > 0 ? oodEst.estimate / idEst.estimate : NaN;

  if ((id.length === 1 || degenerate(id)) && (ood.length === 1 || degenerate(ood)) && [...id, ...ood].every((w) => isBinary(w.stratum))) {
    // Closed form on both sides: the gap is their MOVER (Newcombe for one task each); the ratio
    // gets the conservative box of the two intervals.
    const gap = clamp(moverWilson([...normalized(id, 1), ...normalized(ood, -1)], level), -1, 1);
    const retention: Interval = {
      estimate: retentionPoint,
      low: idEst.high > 0 ? oodEst.low / idEst.high : NaN,
      high: idEst.low > 0 ? oodEst.high / idEst.low : NaN,
    };
    return { id: idEst, ood: oodEst, gap: { ...gap, estimate: gapPoint, n, method: 'mover' }, retention: { ...retention, n, method: Number.isFinite(retentionPoint) ? 'mover' : 'none' } };
  }

  const rng = Rng.fromKey(`gap:${opts.seed ?? 0}`);
  const resamples = opts.resamples ?? 2000;
  const gaps = new Float64Array(resamples);
  const ratios: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const a = resampleWeightedMean(rng, id), b = resampleWeightedMean(rng, ood);
    gaps[r] = a - b;
    if (a > 0) ratios.push(b / a);
  }
  const [gl, gh] = percentileInterval(gaps, level);
  // A ratio whose denominator is 0 in more than the tail mass of the resamples has no interval.
  const ratioOk = Number.isFinite(retentionPoint) && ratios.length >= resamples * (1 - (1 - level) / 2);
  const [rl, rh] = ratioOk ? percentileInterval(Float64Array.from(ratios), level) : [NaN, NaN];
  return {
    id: idEst, ood: oodEst,
    gap: { estimate: gapPoint, low: gl, high: gh, n, method: 'bootstrap' },
    retention: { estimate: retentionPoint, low: rl, high: rh, n, method: ratioOk ? 'bootstrap' : 'none' },
  };
}

function clamp(i: Interval, lo: number, hi: number): Interval {
  return { estimate: i.estimate, low: Math.max(lo, i.low), high: Math.min(hi, i.high) };
}
