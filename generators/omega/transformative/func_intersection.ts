// Transformative setting 2, function intersection (OMEGA trans_func_intersection, "Advanced
// Analysis"). Familiar: algebra_func_intersection, a handful of crossings on [−10, 10] that a
// plot or a grid search finds. Transformed: a·T(b·x) = (x + e)/d with T the distance to the
// nearest integer, b and d large: hundreds or thousands of solutions, far beyond plotting. The
// insight is global: the right side stays in [0, a/2] only on an interval of length a·d/2, and
// each half-period of the zig-zag meets the slowly rising line exactly once, apart from the two
// ends. Ground truth solves the equation exactly (rationals) on every linear piece.
import { Rational } from '../../../src/core/rational.js';
import { integerAnswer } from '../lib/answer.js';
import { defineFamily, guessInt } from '../lib/family.js';
import { algebraFuncIntersection } from '../algebra_func_intersection.js';
import { defineSetting } from '../compositional/lib/axis.js';

interface Level extends Record<string, unknown> {
  b: readonly [number, number];
  d: readonly [number, number];
  a: readonly [number, number];
}

export interface ZigZag {
  a: number;
  b: number;
  d: number;
  e: number;
}

/**
 * The exact solutions of a·T(b·x) = (x + e)/d. With u = b·x, on [m, m + ½] T = u − m and on
 * [m + ½, m + 1] T = m + 1 − u; each piece is a linear equation in u.
 */
export function zigzagSolutions({ a, b, d, e }: ZigZag): Rational[] {
  const A = Rational.of(a),
    B = Rational.of(b),
    D = Rational.of(d),
    E = Rational.of(e);
  // x ∈ [−e, −e + a·d/2]  ⟹  u ∈ [−e·b, (−e + a·d/2)·b]
  const uLo = Math.floor(-e * b) - 1;
  const uHi = Math.ceil((-e + (a * d) / 2) * b) + 1;
  const found = new Map<string, Rational>();
  const rhsSlope = Rational.ONE.div(B.mul(D))!; // (u/b + e)/d = u/(b·d) + e/d
  const rhsConst = E.div(D)!;
  for (let m = uLo; m <= uHi; m++) {
    const M = Rational.of(m);
    const half = M.add(Rational.of(1, 2));
    // rising: a(u − m) = u/(bd) + e/d  ⟹  u (a − 1/(bd)) = a·m + e/d
    // falling: a(m + 1 − u) = u/(bd) + e/d  ⟹  u (a + 1/(bd)) = a(m + 1) − e/d
    const pieces: [Rational, Rational, Rational, Rational][] = [
      [A.sub(rhsSlope), A.mul(M).add(rhsConst), M, half],
      [A.add(rhsSlope), A.mul(M.add(Rational.ONE)).sub(rhsConst), half, M.add(Rational.ONE)],
    ];
    for (const [coef, rhs, lo, hi] of pieces) {
      if (coef.isZero()) continue;
      const u = rhs.div(coef)!;
      if (u.cmp(lo) >= 0 && u.cmp(hi) <= 0) {
        const x = u.div(B)!;
        found.set(x.key(), x);
      }
    }
  }
  return [...found.values()];
}

const transformed = defineFamily<Level>({
  family: 'transformative/func_intersection',
  domain: 'algebra',
  description: 'Solutions of a·T(b·x) = (x + e)/d (zig-zag vs a slow line): hundreds of crossings, counted exactly.',
  version: '1',
  levels: {
    1: { a: [1, 2], b: [5, 20], d: [3, 10] },
    2: { a: [1, 3], b: [20, 60], d: [5, 20] },
    3: { a: [1, 3], b: [60, 150], d: [10, 30] },
  },
  knobs: ['a', 'b', 'd'],
  make(c, rng) {
    const z: ZigZag = {
      a: rng.int(c.a[0], c.a[1]),
      b: rng.int(c.b[0], c.b[1]),
      d: rng.int(c.d[0], c.d[1]),
      e: rng.int(-9, 9),
    };
    const count = zigzagSolutions(z).length;
    const line = `${z.e === 0 ? 'x' : `(x ${z.e < 0 ? '-' : '+'} ${Math.abs(z.e)})`}/${z.d}`;
    return {
      question: `Let T(x) denote the distance from the real number x to the nearest integer (so T(x) = |x − n| where n is the integer closest to x). How many real numbers x satisfy ${z.a === 1 ? '' : z.a}T(${z.b}x) = ${line}?`,
      answer: integerAnswer(count),
      inputs: { ...z },
      knobs: { a: z.a, b: z.b, d: z.d },
      guess: guessInt(1, z.a * z.b * z.d),
    };
  },
});

export const transFuncIntersection = defineSetting({
  axis: 'transformative',
  setting: 'func_intersection',
  description:
    'OMEGA transformative 2: few crossings on [−10, 10] (familiar, plotting) → zig-zag vs line with hundreds of crossings (transformed, periodicity).',
  version: '1',
  parts: { familiar: algebraFuncIntersection, transformed },
  testParts: ['transformed'],
});
