// Intervals for accuracies. Wilson, not the normal approximation: it stays inside [0, 1] and
// keeps its coverage at 0/n and n/n, which procedural suites hit all the time.

export interface Interval {
  estimate: number;
  low: number;
  high: number;
}

/** z for a two-sided level (0.95 → 1.959964). Acklam's inverse-normal approximation, |error| < 1.2e-9. */
export function zFor(level = 0.95): number {
  return normalQuantile(1 - (1 - level) / 2);
}

export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile: p must be in (0, 1), got ${p}`);
  const a = [
    -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
    2.506628277459239,
  ];
  const b = [
    -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1,
  ];
  const c = [
    -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const lowP = 0.02425;
  if (p < lowP) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1)
    );
  }
  if (p > 1 - lowP) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

/**
 * Φ(x) through erfc: Numerical Recipes' Chebyshev fit (fractional error < 1.2e-7 everywhere),
 * which keeps tail probabilities accurate where `1 - something` would cancel to zero.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  return 0.5 * erfc(-x / Math.SQRT2);
}

function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/**
 * x without float noise (rounded to 12 decimals, so 1.0000000000000007 and 0.9999999999999999 are
 * 1) and clamped to [lo, hi]: estimates and limits as a report or JSON should show them.
 */
export function tidy(x: number, lo = -Infinity, hi = Infinity): number {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? x : Math.min(hi, Math.max(lo, x));
  const r = Math.round(x * 1e12) / 1e12;
  return Math.min(hi, Math.max(lo, r === 0 ? 0 : r));
}

/** Wilson score interval for k successes in n trials. n = 0 gives the uninformative [0, 1]. */
export function wilson(k: number, n: number, level = 0.95): Interval {
  if (n <= 0) return { estimate: NaN, low: 0, high: 1 };
  const z = zFor(level);
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // At k = 0 and k = n the limit is exactly 0 or 1; computed, it can miss by a rounding error.
  return { estimate: p, low: k <= 0 ? 0 : tidy(center - half, 0, 1), high: k >= n ? 1 : tidy(center + half, 0, 1) };
}

/**
 * Newcombe's hybrid score interval for p1 − p2 from two independent samples (ID and OOD items
 * are different items, so the gap is unpaired). Built from the two Wilson intervals.
 */
export function proportionDifference(k1: number, n1: number, k2: number, n2: number, level = 0.95): Interval {
  const a = wilson(k1, n1, level);
  const b = wilson(k2, n2, level);
  const d = a.estimate - b.estimate;
  if (n1 <= 0 || n2 <= 0) return { estimate: NaN, low: -1, high: 1 };
  const low = d - Math.sqrt((a.estimate - a.low) ** 2 + (b.high - b.estimate) ** 2);
  const high = d + Math.sqrt((a.high - a.estimate) ** 2 + (b.estimate - b.low) ** 2);
  return { estimate: tidy(d), low: tidy(low, -1, 1), high: tidy(high, -1, 1) };
}
