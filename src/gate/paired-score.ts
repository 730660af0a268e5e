// Tests and intervals for the change in accuracy between two models answering the same items.
//
// The unit is a pair (baseline outcome, candidate outcome) on one item. Only discordant pairs
// carry information: `loss` (baseline right, candidate wrong) and `gain` (the reverse). Counts may
// be fractional: with several samples per item they are divided by the design effect first.
//
// Why Tango's score test and not the paired bootstrap: when the two models agree on every item the
// bootstrap interval collapses to [0, 0] and three identical items would "prove" non-inferiority.
// The score test keeps the variance it would have at the margin, so agreement on n items proves
// non-inferiority only once n is large enough (about 133 items for a 2-point margin at α = 0.05).
import { binomialHalfCdf } from '../stats/paired.js';
import { zFor, type Interval } from '../stats/proportion.js';
import { normalCdf } from '../stats/proportion.js';

export interface PairedCounts {
  /** Pairs (effective pairs after a design-effect adjustment). */
  n: number;
  /** Baseline right, candidate wrong. */
  loss: number;
  /** Baseline wrong, candidate right. */
  gain: number;
}

/**
 * Tango's (1998) score statistic for H0: p_baseline − p_candidate = drop0. Large and positive:
 * the candidate lost more than drop0; large and negative: it lost less.
 */
export function dropScoreZ(c: PairedCounts, drop0: number): number {
  // The restricted MLE below assumes drop0 ≥ 0; a negative drop0 is the same test with the
  // roles of the two models swapped.
  if (drop0 < 0) return -dropScoreZ({ n: c.n, loss: c.gain, gain: c.loss }, -drop0);
  if (c.n <= 0) return 0;
  const variance = c.n * nullVariance(c, drop0);
  const num = c.loss - c.gain - c.n * drop0;
  if (!(variance > 0)) return num === 0 ? 0 : num > 0 ? Infinity : -Infinity;
  return num / Math.sqrt(variance);
}

/**
 * Variance of one pair's (loss − gain) under H0: drop = drop0 ≥ 0, with P(gain) at its restricted
 * MLE (P(loss) = P(gain) + drop0): the positive root of A q² + B q + C = 0, written in the form
 * that does not cancel when B > 0. Also the null variance of the sample-size formula.
 */
export function nullVariance(c: PairedCounts, drop0: number): number {
  const { n, loss, gain } = c;
  const A = 2 * n;
  const B = -loss - gain + (2 * n - loss + gain) * drop0;
  const C = -gain * drop0 * (1 - drop0);
  const root = Math.sqrt(Math.max(0, B * B - 4 * A * C));
  const q = B > 0 ? (C === 0 ? 0 : (2 * C) / (-B - root)) : (-B + root) / (2 * A);
  return 2 * q + drop0 * (1 - drop0);
}

/** Score interval for the change p_candidate − p_baseline (negative: the candidate got worse). */
export function changeInterval(c: PairedCounts, level: number): Interval {
  if (c.n <= 0) return { estimate: NaN, low: -1, high: 1 };
  const drop = (c.loss - c.gain) / c.n;
  const z = zFor(level);
  // Z decreases in drop0; the interval is where |Z| ≤ z. Bisection is plenty (60 halvings).
  const edge = 1 - 1e-12;
  const solve = (target: number, lo: number, hi: number): number => {
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      if (dropScoreZ(c, mid) > target) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  };
  const dropLow = drop <= -edge || dropScoreZ(c, -edge) <= z ? -1 : solve(z, -edge, drop);
  const dropHigh = drop >= edge || dropScoreZ(c, edge) >= -z ? 1 : solve(-z, drop, edge);
  // 0 − x rather than −x: a report should never show "−0.0".
  return { estimate: 0 - drop, low: 0 - dropHigh, high: 0 - dropLow };
}

/**
 * One-sided p-value for H0: the candidate lost `margin` or more (p_b − p_c ≥ margin). Small
 * means non-inferiority is shown: whatever the candidate lost is less than the margin.
 */
export function nonInferiorityP(c: PairedCounts, margin: number): number {
  if (c.n <= 0) return 1;
  return normalCdf(dropScoreZ(c, margin));
}

/**
 * One-sided exact McNemar p-value for H0: the candidate is not worse. Discordant pairs split
 * 50/50 under H0; counts are rounded when a design effect made them fractional.
 */
export function regressionP(c: PairedCounts): number {
  const loss = Math.round(c.loss);
  const gain = Math.round(c.gain);
  if (loss + gain === 0) return 1;
  return binomialHalfCdf(gain, loss + gain);
}

/**
 * Rao–Scott design effect of a mean over clustered values (the samples of one item are one
 * cluster, because they share the item's difficulty): the ratio of the cluster-robust variance to
 * the variance that treats every value as independent. Clamped to [1, largest cluster]: never
 * claim more information than one value per pair; when nothing varies there is nothing to
 * estimate it from, so assume the worst (every sample of an item says the same).
 */
export function designEffect(clusters: readonly (readonly number[])[]): number {
  let count = 0,
    sum = 0,
    largest = 1;
  for (const cl of clusters) {
    count += cl.length;
    for (const x of cl) sum += x;
    largest = Math.max(largest, cl.length);
  }
  if (largest === 1) return 1;
  const mean = sum / count;
  let within = 0,
    between = 0;
  for (const cl of clusters) {
    let s = 0;
    for (const x of cl) {
      s += x - mean;
      within += (x - mean) ** 2;
    }
    between += s * s;
  }
  if (!(within > 1e-12)) return largest;
  return Math.min(largest, Math.max(1, between / within));
}
