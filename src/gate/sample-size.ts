// How many items would decide an inconclusive check: the classic power calculation, taking the
// observed rates as the truth and asking for 80% power at one-sided level α. An estimate to plan
// the next run with, not a promise (the observed rates are themselves noisy).
import { normalQuantile } from '../stats/proportion.js';
import { nullVariance } from './paired-score.js';

export const POWER = 0.8;

const zOneSided = (alpha: number) => normalQuantile(1 - alpha);

/**
 * Rates closer than this are equal: 0.03 − 0.01 is 0.019999999999999997, not below a 0.02
 * margin, and dividing by the difference would ask for 1.5e34 items instead of saying that no
 * item count decides. Beyond MAX_ITEMS the answer is the same in practice.
 */
const EPS = 1e-9;
export const MAX_ITEMS = 1e9;
const bounded = (n: number) => (Number.isFinite(n) && n <= MAX_ITEMS ? Math.ceil(n) : Infinity);

/**
 * Pairs for Tango's non-inferiority test to pass (Nam 1997's formula, the score variance at the
 * margin under H0), when the true loss and gain rates per pair are `pLoss` and `pGain`.
 */
export function pairsToShowNonInferiority(pLoss: number, pGain: number, margin: number, alpha: number): number {
  const drop = pLoss - pGain;
  if (drop >= margin - EPS) return Infinity;
  const v0 = nullVariance({ n: 1, loss: pLoss, gain: pGain }, margin);
  const v1 = Math.max(0, pLoss + pGain - drop * drop);
  const n = (zOneSided(alpha) * Math.sqrt(v0) + normalQuantile(POWER) * Math.sqrt(v1)) ** 2 / (margin - drop) ** 2;
  return bounded(n);
}

/** Pairs for the one-sided McNemar test to detect a true drop pLoss − pGain > 0 (Connor 1987). */
export function pairsToDetectDrop(pLoss: number, pGain: number, alpha: number): number {
  const drop = pLoss - pGain;
  if (!(drop > EPS)) return Infinity;
  const psi = pLoss + pGain;
  const n =
    (zOneSided(alpha) * Math.sqrt(psi) + normalQuantile(POWER) * Math.sqrt(Math.max(0, psi - drop * drop))) ** 2 /
    (drop * drop);
  return bounded(n);
}

/** Trials for the one-sided score test of an accuracy p against a floor to come out either way. */
export function trialsToClearFloor(p: number, floor: number, alpha: number): number {
  if (!(Math.abs(p - floor) > EPS)) return Infinity;
  const n =
    (zOneSided(alpha) * Math.sqrt(floor * (1 - floor)) + normalQuantile(POWER) * Math.sqrt(p * (1 - p))) ** 2 /
    (p - floor) ** 2;
  return bounded(n);
}

/**
 * How much larger the sample must be for an estimate with standard error `se` to clear `distance`
 * from its threshold with 80% power: variances shrink as 1/n, so by this factor.
 */
export function scaleToDecide(se: number, distance: number, alpha: number): number {
  if (!(distance > EPS)) return Infinity;
  if (!(se > 0)) return 1;
  return (((zOneSided(alpha) + normalQuantile(POWER)) * se) / distance) ** 2;
}

/**
 * The smallest factor f ≥ 1 by which scaling every count (rates held fixed) makes `decides(f)`
 * true; Infinity past a million-fold. For intervals whose width does not shrink as 1/√n (the
 * score interval with no discordant pairs shrinks as 1/n), where a closed form would mislead.
 */
export function smallestScale(decides: (f: number) => boolean): number {
  if (decides(1)) return 1;
  let lo = 1,
    hi = 2;
  while (!decides(hi)) {
    lo = hi;
    hi *= 2;
    if (hi > 1e6) return Infinity;
  }
  for (let i = 0; i < 40 && hi - lo > 1e-3 * lo; i++) {
    const mid = (lo + hi) / 2;
    if (decides(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
