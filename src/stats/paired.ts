// Paired comparisons of two models on the same items. Unpaired tests throw away the item
// pairing and are both less powerful and wrong for this design (lm-eval's z-test mistake).
import { Rng } from '../core/rng.js';
import type { Interval } from './proportion.js';

/** log(n!) by summation with a cache: exact enough for binomial tails up to millions of pairs. */
const logFactCache: number[] = [0];
function logFactorial(n: number): number {
  for (let i = logFactCache.length; i <= n; i++) logFactCache[i] = logFactCache[i - 1]! + Math.log(i);
  return logFactCache[n]!;
}

/** P(X ≤ k) for X ~ Binomial(n, 1/2). */
export function binomialHalfCdf(k: number, n: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  let sum = 0;
  const logHalfN = n * Math.log(0.5);
  const base = logFactorial(n);
  for (let i = 0; i <= k; i++) sum += Math.exp(base - logFactorial(i) - logFactorial(n - i) + logHalfN);
  return Math.min(1, sum);
}

export interface McNemarResult {
  /** Items the first model got right and the second wrong, and the reverse. */
  b: number;
  c: number;
  /** Two-sided exact p-value (binomial on the discordant pairs). */
  p: number;
}

/** Exact McNemar test from paired binary outcomes (same length, same item order). */
export function mcnemar(first: readonly boolean[], second: readonly boolean[]): McNemarResult {
  if (first.length !== second.length) throw new RangeError('mcnemar: outcome lists differ in length');
  let b = 0,
    c = 0;
  for (let i = 0; i < first.length; i++) {
    if (first[i] && !second[i]) b++;
    else if (!first[i] && second[i]) c++;
  }
  return { b, c, p: mcnemarExactP(b, c) };
}

export function mcnemarExactP(b: number, c: number): number {
  const n = b + c;
  if (n === 0) return 1;
  return Math.min(1, 2 * binomialHalfCdf(Math.min(b, c), n));
}

export interface PairedBootstrapOptions {
  /** Resamples (default 2,000). */
  resamples?: number;
  level?: number;
  /** Seed: the same data and seed give the same interval. */
  seed?: string | number;
  /** Cluster label per item (e.g. the task): clusters are resampled whole. */
  clusters?: readonly string[];
}

/**
 * Percentile bootstrap interval for mean(first) − mean(second) over paired scores, resampling
 * items (or whole clusters of items) with replacement.
 */
export function pairedBootstrap(
  first: readonly number[],
  second: readonly number[],
  opts: PairedBootstrapOptions = {},
): Interval {
  if (first.length !== second.length) throw new RangeError('pairedBootstrap: score lists differ in length');
  const diffs = first.map((x, i) => x - second[i]!);
  return bootstrapMean(diffs, opts);
}

/** Percentile bootstrap interval for the mean of `values` (clustered when `clusters` is given). */
export function bootstrapMean(values: readonly number[], opts: PairedBootstrapOptions = {}): Interval {
  const n = values.length;
  if (n === 0) return { estimate: NaN, low: NaN, high: NaN };
  const estimate = values.reduce((s, x) => s + x, 0) / n;
  const resamples = opts.resamples ?? 2000;
  const level = opts.level ?? 0.95;
  const rng = Rng.fromKey(`bootstrap:${opts.seed ?? 0}`);
  // Clusters as (sum, count) so a resample is a draw of whole clusters.
  const groups = new Map<string, { sum: number; count: number }>();
  values.forEach((x, i) => {
    const key = opts.clusters ? opts.clusters[i]! : String(i);
    const g = groups.get(key) ?? { sum: 0, count: 0 };
    g.sum += x;
    g.count++;
    groups.set(key, g);
  });
  const cells = [...groups.values()];
  const k = cells.length;
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0,
      count = 0;
    for (let j = 0; j < k; j++) {
      const g = cells[rng.int(0, k - 1)]!;
      sum += g.sum;
      count += g.count;
    }
    means[r] = sum / count;
  }
  means.sort();
  const lo = means[Math.floor(((1 - level) / 2) * (resamples - 1))]!;
  const hi = means[Math.ceil((1 - (1 - level) / 2) * (resamples - 1))]!;
  return { estimate, low: lo, high: hi };
}

/** Holm's step-down adjustment: adjusted p-values in the input order. */
export function holm(pValues: readonly number[]): number[] {
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const adjusted = new Array<number>(pValues.length);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (pValues.length - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}
