// Two models on the same items: is the difference real? The pairing is what makes this test
// sharp (most items are right or wrong for both models, and those carry no information), so
// only shared items count, and the test conditions on the discordant ones.
//
// For one task with 0/1 scores it is the exact McNemar test. For a macro average over several
// tasks it is its natural extension, a randomization test that flips the sign of each item's
// difference (under "no difference" a discordant item favours either model with probability
// 1/2), run with a fixed seed so the p-value is reproducible. The interval is a paired
// bootstrap, stratified by task like the macro intervals.
import { Rng } from '../core/rng.js';
import { binomialSample } from './binomial.js';
import type { BootstrapOptions } from './macro.js';
import { mcnemarExactP } from './paired.js';
import { percentileInterval, resampleWeightedMean, weightedMean, type Weighted } from './strata.js';
import { normalCdf } from './proportion.js';

export { normalCdf };

export interface PairedComparison {
  /** Weighted mean of the per-item differences first − second (on shared items). */
  estimate: number;
  low: number;
  high: number;
  /** Two-sided p-value for "no difference". */
  p: number;
  method: 'mcnemar' | 'sign-flip' | 'none';
  /** Shared items, and of those the ones where the two models differ. */
  n: number;
  discordant: number;
}

export interface CompareOptions extends BootstrapOptions {
  /** Sign-flip randomizations (default 2,000; the smallest attainable p is 1/(R+1)). */
  permutations?: number;
}

/**
 * Compares two models from per-task strata of per-item differences (first − second, each in
 * [−1, 1]) with the weights of the column being compared (1/tasks for a macro average).
 */
export function comparePaired(diffs: readonly Weighted[], opts: CompareOptions = {}): PairedComparison {
  const s = diffs.filter((w) => w.stratum.n > 0 && w.weight > 0);
  const n = s.reduce((t, w) => t + w.stratum.n, 0);
  if (s.length === 0) return { estimate: NaN, low: NaN, high: NaN, p: NaN, method: 'none', n: 0, discordant: 0 };
  const discordant = s.reduce(
    (t, w) => t + w.stratum.values.reduce((u, v, i) => u + (v !== 0 ? w.stratum.counts[i]! : 0), 0),
    0,
  );
  const estimate = weightedMean(s);
  const level = opts.level ?? 0.95;

  // resamples: 0 skips the interval (tied groups need only the p-value).
  const rng = Rng.fromKey(`paired:${opts.seed ?? 0}`);
  const draws = new Float64Array(opts.resamples ?? 2000);
  for (let r = 0; r < draws.length; r++) draws[r] = resampleWeightedMean(rng, s);
  const [low, high] = percentileInterval(draws, level);

  if (s.length === 1 && s[0]!.stratum.values.every((v) => v === -1 || v === 0 || v === 1)) {
    const { values, counts } = s[0]!.stratum;
    const b = counts[values.indexOf(1)] ?? 0,
      c = counts[values.indexOf(-1)] ?? 0;
    return { estimate, low, high, p: mcnemarExactP(b, c), method: 'mcnemar', n, discordant };
  }
  return { estimate, low, high, p: signFlipP(s, estimate, opts), method: 'sign-flip', n, discordant };
}

/** Nonzero difference magnitudes of one stratum, each with its count and its weight in T. */
interface FlipGroup {
  scale: number;
  mags: [number, number][];
}

/**
 * p-value of the sign-flip test for T = Σ scale·Σ d. Monte Carlo, (1 + #{|T*| ≥ |T|}) / (R + 1),
 * is exact in expectation but cannot go below 1/(R+1), and Holm multiplies the smallest p by
 * the number of tests: 60 comparisons at R = 2,000 could never reach 0.05. So where the Monte
 * Carlo count is small (fewer than 10 resamples as extreme), the tail comes from the
 * Lugannani–Rice saddlepoint approximation of the same randomization distribution (Robinson
 * 1982), which is accurate far into the tail.
 */
function signFlipP(strata: readonly Weighted[], observed: number, opts: CompareOptions): number {
  const totalWeight = strata.reduce((t, w) => t + w.weight, 0);
  const groups: FlipGroup[] = strata.map((w) => {
    const mags = new Map<number, number>();
    w.stratum.values.forEach((v, i) => {
      if (v !== 0) mags.set(Math.abs(v), (mags.get(Math.abs(v)) ?? 0) + w.stratum.counts[i]!);
    });
    return { scale: w.weight / totalWeight / w.stratum.n, mags: [...mags] };
  });
  if (groups.every((g) => g.mags.length === 0)) return 1;
  const rng = Rng.fromKey(`sign-flip:${opts.seed ?? 0}`);
  const R = opts.permutations ?? 2000;
  // Relative slack so a resample equal to the observed value counts as "at least as extreme".
  const threshold = Math.abs(observed) * (1 - 1e-9);
  let extreme = 0;
  for (let r = 0; r < R; r++) {
    let t = 0;
    for (const g of groups) {
      let sum = 0;
      for (const [mag, count] of g.mags) sum += mag * (2 * binomialSample(rng, count, 0.5) - count);
      t += g.scale * sum;
    }
    if (Math.abs(t) >= threshold) extreme++;
  }
  if (extreme >= 10) return (1 + extreme) / (R + 1);
  return Math.min(
    1,
    2 *
      signFlipUpperTail(
        groups.flatMap((g) => g.mags.map(([mag, count]) => [g.scale * mag, count] as [number, number])),
        Math.abs(observed),
      ),
  );
}

/** log cosh without overflow. */
const logCosh = (y: number) => Math.abs(y) + Math.log1p(Math.exp(-2 * Math.abs(y))) - Math.LN2;

/**
 * P(T ≥ x) for T = Σ aⱼ·sⱼ over independent random signs sⱼ (terms given as [a, count]), by the
 * Lugannani–Rice saddlepoint formula on K(t) = Σ count·log cosh(a·t).
 */
export function signFlipUpperTail(terms: readonly (readonly [number, number])[], x: number): number {
  const live = terms.filter(([a, c]) => a > 0 && c > 0);
  const max = live.reduce((s, [a, c]) => s + a * c, 0);
  const count = live.reduce((s, [, c]) => s + c, 0);
  if (x <= 0) return 1; // only upper tails are asked for; 1 keeps a two-sided p at its cap
  if (x >= max * (1 - 1e-12)) return x > max * (1 + 1e-12) ? 0 : 0.5 ** count; // every sign positive
  const K = (t: number) => live.reduce((s, [a, c]) => s + c * logCosh(a * t), 0);
  const K1 = (t: number) => live.reduce((s, [a, c]) => s + c * a * Math.tanh(a * t), 0);
  const K2 = (t: number) =>
    live.reduce((s, [a, c]) => {
      const th = Math.tanh(a * t);
      return s + c * a * a * (1 - th * th);
    }, 0);
  // K' rises from 0 to max: bracket the root, then Newton steps kept inside the bracket.
  let lo = 0,
    hi = 1;
  while (K1(hi) < x) hi *= 2;
  let t = hi / 2;
  for (let i = 0; i < 200; i++) {
    const f = K1(t) - x;
    if (Math.abs(f) <= 1e-14 * max) break;
    if (f > 0) hi = t;
    else lo = t;
    const next = t - f / K2(t);
    t = next > lo && next < hi ? next : (lo + hi) / 2;
  }
  const w = Math.sqrt(Math.max(0, 2 * (t * x - K(t))));
  const u = t * Math.sqrt(K2(t));
  if (w < 1e-6 || u < 1e-12) return 1 - normalCdf(x / Math.sqrt(K2(0)));
  const p = 1 - normalCdf(w) + normalPdf(w) * (1 / u - 1 / w);
  return Math.min(1, Math.max(0, p));
}

const normalPdf = (z: number) => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
