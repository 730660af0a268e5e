// Exact binomial draws. The bootstraps and randomization tests of the leaderboard resample
// items with replacement; for a task whose items score 0 or 1 that resample is one binomial draw,
// so a million results cost a few thousand draws instead of a billion coin flips.
import type { Rng } from '../core/rng.js';

const TABLE_MAX = 256;
const logFactTable: number[] = [0];
for (let i = 1; i <= TABLE_MAX; i++) logFactTable[i] = logFactTable[i - 1]! + Math.log(i);

/** log(n!): a table for small n, Stirling's series beyond (relative error far below 1e-15 there). */
export function logFactorial(n: number): number {
  if (n <= TABLE_MAX) return logFactTable[n]!;
  const inv = 1 / n;
  const inv2 = inv * inv;
  return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + inv * (1 / 12 - inv2 * (1 / 360 - inv2 / 1260));
}

/** log P(X = k) for X ~ Binomial(n, p). */
export function binomialLogPmf(k: number, n: number, p: number): number {
  if (k < 0 || k > n) return -Infinity;
  if (p === 0) return k === 0 ? 0 : -Infinity;
  if (p === 1) return k === n ? 0 : -Infinity;
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * Math.log(p) + (n - k) * Math.log1p(-p);
}

/**
 * One draw from Binomial(n, p) by inversion. Small means walk up from 0; large means start at the
 * mode and take the next most likely value on either side, so the expected walk is about the
 * standard deviation long. Any fixed order of the support gives an exact inversion sampler.
 */
export function binomialSample(rng: Rng, n: number, p: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`binomialSample: n must be a whole number ≥ 0, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`binomialSample: p must be in [0, 1], got ${p}`);
  if (n === 0 || p === 0) return 0;
  if (p === 1) return n;
  if (p > 0.5) return n - binomialSample(rng, n, 1 - p);
  const odds = p / (1 - p);
  const u = rng.next();
  if (n * p < 20) {
    let pmf = Math.exp(n * Math.log1p(-p));
    let cum = pmf;
    let k = 0;
    while (u >= cum && k < n) {
      pmf *= ((n - k) / (k + 1)) * odds;
      k++;
      cum += pmf;
    }
    return k;
  }
  const table = cdfTable(n, p);
  if (table && u < table.cdf[table.cdf.length - 1]!) {
    // Binary search for the first k whose cumulative probability exceeds u.
    let lo = 0,
      hi = table.cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (table.cdf[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return table.start + lo;
  }
  const mode = Math.floor((n + 1) * p);
  const pMode = Math.exp(binomialLogPmf(mode, n, p));
  let cum = pMode;
  if (u < cum) return mode;
  let lo = mode,
    hi = mode,
    pLo = pMode,
    pHi = pMode;
  let nextLo = lo > 0 ? (pLo * (lo / (n - lo + 1))) / odds : 0;
  let nextHi = hi < n ? pHi * ((n - hi) / (hi + 1)) * odds : 0;
  while (nextLo > 0 || nextHi > 0) {
    if (nextHi >= nextLo) {
      hi++;
      pHi = nextHi;
      cum += pHi;
      if (u < cum) return hi;
      nextHi = hi < n ? pHi * ((n - hi) / (hi + 1)) * odds : 0;
    } else {
      lo--;
      pLo = nextLo;
      cum += pLo;
      if (u < cum) return lo;
      nextLo = lo > 0 ? (pLo * (lo / (n - lo + 1))) / odds : 0;
    }
  }
  // Rounding left u above the accumulated mass (≈1e-15 of the time): the mode is as good as any.
  return mode;
}

// Bootstraps draw from the same (n, p) thousands of times (one task, one model), so the
// cumulative distribution over mean ± 12 sd is tabulated once and each draw is a binary search.
// The table's tail beyond that range (mass < 1e-30) falls back to the walk above.
interface CdfTable {
  start: number;
  cdf: Float64Array;
}
const tables = new Map<string, CdfTable>();
const MAX_TABLES = 512;
const requests = new Map<string, number>();

function cdfTable(n: number, p: number): CdfTable | undefined {
  const key = `${n}:${p}`;
  const hit = tables.get(key);
  if (hit) return hit;
  // Tabulate only pairs that come back: a one-off draw is cheaper to walk.
  const seen = (requests.get(key) ?? 0) + 1;
  requests.set(key, seen);
  if (seen < 8) return undefined;
  if (requests.size > 8 * MAX_TABLES) requests.clear();
  const sd = Math.sqrt(n * p * (1 - p));
  const start = Math.max(0, Math.floor(n * p - 12 * sd - 1));
  const end = Math.min(n, Math.ceil(n * p + 12 * sd + 1));
  const cdf = new Float64Array(end - start + 1);
  let acc = 0;
  for (let k = start; k <= end; k++) {
    acc += Math.exp(binomialLogPmf(k, n, p));
    cdf[k - start] = acc;
  }
  if (tables.size >= MAX_TABLES) tables.delete(tables.keys().next().value!);
  const table = { start, cdf };
  tables.set(key, table);
  return table;
}
