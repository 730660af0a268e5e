// The circle through three lattice points, exactly: centre (h, k) and squared radius as rationals.
// Shared by the circle skill pool (compositional setting 3) and the familiar circle family
// (transformative setting 7). Stands in for OMEGA's geometry_circle, which our exploratory
// family set does not (yet) include.
import { Rational } from '../../../../src/core/rational.js';
import type { Rng } from '../../../../src/core/rng.js';

export type Pt = readonly [number, number];

export interface Circle {
  h: Rational;
  k: Rational;
  r2: Rational;
}

/** Undefined for collinear points. */
export function circleThrough(a: Pt, b: Pt, c: Pt): Circle | undefined {
  // 2(xb−xa)h + 2(yb−ya)k = |b|² − |a|², same for c; Cramer's rule.
  const a1 = 2 * (b[0] - a[0]),
    b1 = 2 * (b[1] - a[1]),
    c1 = b[0] ** 2 + b[1] ** 2 - a[0] ** 2 - a[1] ** 2;
  const a2 = 2 * (c[0] - a[0]),
    b2 = 2 * (c[1] - a[1]),
    c2 = c[0] ** 2 + c[1] ** 2 - a[0] ** 2 - a[1] ** 2;
  const det = a1 * b2 - a2 * b1;
  if (det === 0) return undefined;
  const h = Rational.of(c1 * b2 - c2 * b1, det);
  const k = Rational.of(a1 * c2 - a2 * c1, det);
  const dx = Rational.of(a[0]).sub(h);
  const dy = Rational.of(a[1]).sub(k);
  return { h, k, r2: dx.mul(dx).add(dy.mul(dy)) };
}

export function randomTriangle(rng: Rng, range: number): [Pt, Pt, Pt] | undefined {
  const p = (): Pt => [rng.int(-range, range), rng.int(-range, range)];
  const t: [Pt, Pt, Pt] = [p(), p(), p()];
  return circleThrough(...t) ? t : undefined;
}

export const ptText = (p: Pt) => `(${p[0]}, ${p[1]})`;
