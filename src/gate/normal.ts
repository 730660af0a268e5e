// The standard normal CDF, for the score tests of the gate. src/stats has the quantile only;
// this stays here until the stats module grows one (see the report of issue 10).

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
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}
