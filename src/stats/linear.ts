// Score intervals for a weighted sum of independent proportions, Σ cᵢ·pᵢ: here the macro average
// of a family's tasks (cᵢ = task weights).
//
// The interval is every θ that the score test of H0: Σ cᵢ·pᵢ = θ does not reject: the statistic
// (Σ cᵢ·p̂ᵢ − θ)² / Σ cᵢ²·p̃ᵢ(1 − p̃ᵢ)/nᵢ takes its variance at p̃, the maximum-likelihood
// proportions under H0. With one task it is exactly Wilson's interval, with two and weights +1/−1
// Mee's (1984) interval for a difference. Why this and not a bootstrap or a Wald interval: at
// 0/30 the variance at p̂ is zero, but at p̃ it is not, so a task that failed every item still
// says how unsure it is (a bootstrap of a 0/30 task never varies). Coverage near 0% and 100%:
// benchmarks/results/gap-coverage.md.
import { zFor, type Interval } from './proportion.js';

/** k successes out of n (possibly effective, fractional counts), with its coefficient in the sum. */
export interface Term {
  k: number;
  n: number;
  coef: number;
}

/** p̃ for one term given the Lagrange multiplier λ: the root in [0, 1] of a·p² − (a + n)·p + k, a = λ·c. */
function restrictedP(t: Term, lambda: number): { p: number; root: number } {
  const a = lambda * t.coef,
    { n, k } = t;
  const b = a + n;
  const root = Math.sqrt(Math.max(0, b * b - 4 * a * k));
  if (Math.abs(a) <= 1e-14 * n) return { p: k / n, root };
  // The two algebraically equal forms; the first cancels when b > 0, the second when b ≤ 0.
  const p = b > 0 ? (2 * k) / (b + root) : (b - root) / (2 * a);
  return { p: Math.min(1, Math.max(0, p)), root };
}

/** The maximum-likelihood proportions under Σ cᵢ·pᵢ = θ (θ strictly inside its range). */
function restrictedMle(terms: readonly Term[], theta: number): number[] {
  // g(λ) = Σ cᵢ·p̃ᵢ(λ) − θ falls from its largest to its smallest value as λ goes from −∞ to ∞.
  const g = (lambda: number) => terms.reduce((s, t) => s + t.coef * restrictedP(t, lambda).p, 0) - theta;
  let lo = -1,
    hi = 1;
  while (g(lo) < 0 && lo > -1e300) {
    hi = lo;
    lo *= 4;
  }
  while (g(hi) > 0 && hi < 1e300) {
    lo = hi;
    hi *= 4;
  }
  let lambda = 0 >= lo && 0 <= hi ? 0 : (lo + hi) / 2;
  for (let i = 0; i < 200; i++) {
    let f = -theta,
      slope = 0;
    for (const t of terms) {
      const { p, root } = restrictedP(t, lambda);
      f += t.coef * p;
      if (root > 0) slope -= (t.coef * t.coef * p * (1 - p)) / root;
    }
    if (Math.abs(f) <= 1e-15) break;
    if (f > 0) lo = lambda;
    else hi = lambda;
    // Newton while it stays inside the bracket, bisection otherwise.
    const next = slope < 0 ? lambda - f / slope : NaN;
    lambda = next > lo && next < hi ? next : (lo + hi) / 2;
    if (hi - lo <= 1e-15 * Math.max(1, Math.abs(lambda))) break;
  }
  return terms.map((t) => restrictedP(t, lambda).p);
}

const live = (terms: readonly Term[]) => terms.filter((t) => t.n > 0 && t.coef !== 0);

/** The point estimate Σ cᵢ·kᵢ/nᵢ. */
export function linearEstimate(terms: readonly Term[]): number {
  return live(terms).reduce((s, t) => s + (t.coef * t.k) / t.n, 0);
}

/** The smallest and largest values Σ cᵢ·pᵢ can take. */
function range(terms: readonly Term[]): [number, number] {
  return [terms.reduce((s, t) => s + Math.min(0, t.coef), 0), terms.reduce((s, t) => s + Math.max(0, t.coef), 0)];
}

/** The score statistic for H0: Σ cᵢ·pᵢ = θ (0 at the estimate, Infinity where H0 is impossible). */
export function linearScoreStatistic(terms: readonly Term[], theta: number): number {
  const ts = live(terms);
  const est = linearEstimate(ts);
  const diff = est - theta;
  if (diff === 0) return 0;
  const [min, max] = range(ts);
  if (theta <= min || theta >= max) {
    // At the edge every p̃ is 0 or 1 and the variance is 0: only the estimate itself is possible.
    return Math.abs(diff) <= 1e-12 ? 0 : Infinity;
  }
  const p = restrictedMle(ts, theta);
  const variance = ts.reduce((s, t, i) => s + (t.coef * t.coef * p[i]! * (1 - p[i]!)) / t.n, 0);
  return variance > 0 ? (diff * diff) / variance : Infinity;
}

/**
 * The score interval for Σ cᵢ·pᵢ at a two-sided level: for one term Wilson, for +1/−1 Mee. The
 * statistic grows as θ moves away from the estimate, so each limit is found by bisection.
 */
export function linearScoreInterval(terms: readonly Term[], level = 0.95): Interval {
  const ts = live(terms);
  if (ts.length === 0) return { estimate: NaN, low: NaN, high: NaN };
  const est = linearEstimate(ts);
  const z2 = zFor(level) ** 2;
  const [min, max] = range(ts);
  const accepts = (theta: number) => linearScoreStatistic(ts, theta) <= z2;
  const limit = (inside: number, outside: number) => {
    if (accepts(outside)) return outside;
    for (let i = 0; i < 50; i++) {
      const mid = (inside + outside) / 2;
      if (accepts(mid)) inside = mid;
      else outside = mid;
    }
    return (inside + outside) / 2;
  };
  const e = Math.min(max, Math.max(min, est));
  return { estimate: e, low: limit(e, min), high: limit(e, max) };
}
