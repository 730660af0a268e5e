// A stratum is the items of one task, kept as a histogram of their scores (0 and 1 for
// accuracies; k/s when an item was sampled s times). Resampling n items with replacement from a
// histogram is a multinomial draw, made of one binomial draw per distinct value.
import type { Rng } from '../core/rng.js';
import { binomialSample } from './binomial.js';

export interface Stratum {
  /** Number of items. */
  n: number;
  /** Distinct item scores, ascending. */
  values: number[];
  /** How many items have each value. */
  counts: number[];
  /** Sum of the item scores. */
  sum: number;
}

/** A stratum with its weight in a weighted mean (a macro average gives each task the same weight). */
export interface Weighted {
  stratum: Stratum;
  weight: number;
}

export function stratumOf(scores: Iterable<number>): Stratum {
  const hist = new Map<number, number>();
  for (const x of scores) {
    if (!Number.isFinite(x)) throw new RangeError(`stratumOf: scores must be finite numbers, got ${x}`);
    hist.set(x, (hist.get(x) ?? 0) + 1);
  }
  return fromHistogram(hist);
}

/** k items scoring 1 and n − k scoring 0. */
export function binaryStratum(k: number, n: number): Stratum {
  if (!(Number.isInteger(k) && Number.isInteger(n) && k >= 0 && k <= n))
    throw new RangeError(`binaryStratum: need 0 ≤ k ≤ n, got ${k}/${n}`);
  const hist = new Map<number, number>();
  if (n - k > 0) hist.set(0, n - k);
  if (k > 0) hist.set(1, k);
  return fromHistogram(hist);
}

export function fromHistogram(hist: ReadonlyMap<number, number>): Stratum {
  const values = [...hist.keys()].filter((v) => hist.get(v)! > 0).sort((a, b) => a - b);
  const counts = values.map((v) => hist.get(v)!);
  const n = counts.reduce((s, c) => s + c, 0);
  const sum = values.reduce((s, v, i) => s + v * counts[i]!, 0);
  return { n, values, counts, sum };
}

export function stratumMean(s: Stratum): number {
  return s.n > 0 ? s.sum / s.n : NaN;
}

/** True when every item scores 0 or 1. */
export function isBinary(s: Stratum): boolean {
  return s.values.every((v) => v === 0 || v === 1);
}

/** Σ wᵢ·meanᵢ / Σ wᵢ over the strata that have items; NaN when none has. */
export function weightedMean(strata: readonly Weighted[]): number {
  let num = 0,
    den = 0,
    lo = Infinity,
    hi = -Infinity;
  for (const { stratum, weight } of strata) {
    if (stratum.n === 0 || weight <= 0) continue;
    const mean = stratum.sum / stratum.n;
    num += weight * mean;
    den += weight;
    lo = Math.min(lo, mean);
    hi = Math.max(hi, mean);
  }
  // A weighted mean lies between its parts; rounding can push it out (1.0000000000000007).
  return den > 0 ? Math.min(hi, Math.max(lo, num / den)) : NaN;
}

/** Sum of n items drawn with replacement from the stratum. */
export function resampleSum(rng: Rng, s: Stratum): number {
  let remaining = s.n;
  let massLeft = s.n;
  let sum = 0;
  const last = s.values.length - 1;
  for (let i = 0; i < last && remaining > 0; i++) {
    const c = s.counts[i]!;
    const k = binomialSample(rng, remaining, Math.min(1, c / massLeft));
    sum += k * s.values[i]!;
    remaining -= k;
    massLeft -= c;
  }
  if (last >= 0) sum += remaining * s.values[last]!;
  return sum;
}

/** The weighted mean of one bootstrap resample (each stratum resampled within itself). */
export function resampleWeightedMean(rng: Rng, strata: readonly Weighted[]): number {
  let num = 0,
    den = 0;
  for (const { stratum, weight } of strata) {
    if (stratum.n === 0 || weight <= 0) continue;
    num += weight * (resampleSum(rng, stratum) / stratum.n);
    den += weight;
  }
  return den > 0 ? num / den : NaN;
}

/** The two-sided percentile interval of `draws` (sorted in place; NaN draws must be removed first). */
export function percentileInterval(draws: Float64Array, level: number): [number, number] {
  if (draws.length === 0) return [NaN, NaN];
  draws.sort();
  const r = draws.length;
  const lo = draws[Math.floor(((1 - level) / 2) * (r - 1))]!;
  const hi = draws[Math.ceil((1 - (1 - level) / 2) * (r - 1))]!;
  return [lo, hi];
}
