// Compositional setting 3, circles + algebra (OMEGA comp_circles_algebra). Skill A is a circle
// construction (the circle through three points: centre and radius), standing in for OMEGA's
// geometry_circle; skill B is algebra_func_intersection (counting solutions of f(x) = g(x)).
// Composed: how many points the circle through three given points shares with the graph of a
// polynomial. The circle must be built first, but its equation then has to be *substituted* into
// the curve's (a degree-2d polynomial whose distinct real roots are the answer), so neither a
// coordinate construction nor a plot of two functions of x answers it alone: a circle is not the
// graph of a function.
import { Rational } from '../../../src/core/rational.js';
import { integerAnswer } from '../lib/answer.js';
import { defineFamily, guessInt } from '../lib/family.js';
import { polyMul, type Poly } from '../lib/polynomial.js';
import { algebraFuncIntersection } from '../algebra_func_intersection.js';
import { defineSetting } from './lib/axis.js';
import { circleThrough, ptText, randomTriangle, type Circle } from './lib/circle.js';
import { countRealRoots, hasRepeatedRoot, polyAdd, polyScale } from './lib/sturm.js';
import { renderIntPoly } from './polynomial_gcd.js';

interface SkillLevel extends Record<string, unknown> {
  range: number;
}
interface Level extends Record<string, unknown> {
  degree: number;
  range: number;
}

/** (x − h)² + (f(x) − k)² − r², whose distinct real roots are the x of the common points. */
export function intersectionPoly(c: Circle, f: Poly): Poly {
  const xh: Poly = [c.h.neg(), Rational.ONE];
  const fk = polyAdd(f, [c.k.neg()]);
  return polyAdd(polyAdd(polyMul(xh, xh), polyMul(fk, fk)), [c.r2.neg()]);
}

const skillA = defineFamily<SkillLevel>({
  family: 'compositional/circle_through_points',
  domain: 'geometry',
  description: 'The squared radius of the circle through three lattice points (as m/n, answer m + n).',
  version: '1',
  levels: { 1: { range: 6 }, 2: { range: 12 } },
  knobs: ['range'],
  make(c, rng) {
    const t = randomTriangle(rng, c.range);
    if (!t) return undefined;
    const circle = circleThrough(...t)!;
    const r2 = circle.r2;
    return {
      question: `Let ω be the circle passing through the points A = ${ptText(t[0])}, B = ${ptText(t[1])} and C = ${ptText(t[2])}. The square of the radius of ω can be written as $\\frac{m}{n}$ with $m$ and $n$ relatively prime positive integers. Find $m + n$.`,
      answer: integerAnswer(r2.num + r2.den),
      inputs: { points: t, center: [circle.h.toString(), circle.k.toString()], radiusSquared: r2.toString() },
      knobs: { range: c.range },
      guess: guessInt(2, 400),
    };
  },
});

const composed = defineFamily<Level>({
  family: 'compositional/circles_algebra',
  domain: 'algebra',
  description: 'Common points of the circle through three points and a polynomial graph (exact, Sturm).',
  version: '1',
  levels: { 1: { degree: 2, range: 5 }, 2: { degree: 3, range: 5 }, 3: { degree: 4, range: 6 } },
  knobs: ['degree', 'range'],
  make(c, rng) {
    const t = randomTriangle(rng, c.range);
    if (!t) return undefined;
    const circle = circleThrough(...t)!;
    const coeffs = Array.from({ length: c.degree + 1 }, () => BigInt(rng.int(-4, 4)));
    if (coeffs[c.degree] === 0n) return undefined;
    const f: Poly = coeffs.map((v) => Rational.of(v));
    const h = intersectionPoly(circle, f);
    // Tangencies are legitimate but make the count hinge on an exact double root; leave them out.
    if (hasRepeatedRoot(h)) return undefined;
    const count = countRealRoots(h);
    if (count === 0) return undefined;
    return {
      question: `Let ω be the circle passing through the points A = ${ptText(t[0])}, B = ${ptText(t[1])} and C = ${ptText(t[2])}. How many points do ω and the graph of y = ${renderIntPoly(coeffs, 'x')} have in common?`,
      answer: integerAnswer(count),
      inputs: {
        points: t,
        f: coeffs.map(String),
        center: [circle.h.toString(), circle.k.toString()],
        radiusSquared: circle.r2.toString(),
        equation: polyScale(h, Rational.ONE).map((q) => q.toString()),
      },
      knobs: { degree: c.degree, range: c.range },
      guess: guessInt(0, 2 * c.degree),
    };
  },
});

export const circlesAlgebra = defineSetting({
  axis: 'compositional',
  setting: 'circles_algebra',
  description:
    'OMEGA compositional 3: circle through three points (A) + function intersection (B) → circle ∩ polynomial graph (composed).',
  version: '1',
  parts: { a: skillA, b: algebraFuncIntersection, composed },
  testParts: ['composed'],
});
