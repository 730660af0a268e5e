// Transformative setting 5, integrations (OMEGA trans_integrations, "Advanced Calculus").
// Familiar: definite integrals of polynomials (our stand-in for OMEGA's algebra_func_integral,
// which is not among the exploratory families): find an antiderivative and evaluate it.
// Transformed: definite integrals whose integrand has no usable antiderivative, or one far too
// long to expand, but whose value follows from an insight:
// - King's rule: ∫_a^b g(x)/(g(x) + g(a + b − x)) dx = (b − a)/2 for any positive g;
// - odd symmetry: on [−c, c] an odd part (x^odd times an even non-elementary factor) vanishes,
//   leaving the integral of the even polynomial part;
// - the Beta integral: ∫_0^1 x^m (1 − x)^n dx = m!·n!/(m + n + 1)! for m, n up to 40.
// Answers are exact rationals; the tests check each against numerical quadrature.
import { Rational } from '../../../src/core/rational.js';
import { rationalAnswer } from '../lib/answer.js';
import { defineFamily } from '../lib/family.js';
import { factorial } from '../lib/multiset.js';
import { defineSetting } from '../compositional/lib/axis.js';
import { renderIntPoly } from '../compositional/polynomial_gcd.js';

interface FamiliarLevel extends Record<string, unknown> {
  degree: number;
  range: number;
}
interface Level extends Record<string, unknown> {
  size: readonly [number, number];
}

const FORMAT = ' Give the exact value as a fraction in lowest terms (or an integer).';

/** ∫_a^b p(x) dx exactly, p with integer coefficients (lowest power first). */
export function polyIntegral(p: readonly bigint[], a: Rational, b: Rational): Rational {
  const F = (x: Rational) =>
    p.reduce((s, c, i) => {
      let pw = Rational.ONE;
      for (let k = 0; k <= i; k++) pw = pw.mul(x);
      return s.add(Rational.of(c, BigInt(i + 1)).mul(pw));
    }, Rational.ZERO);
  return F(b).sub(F(a));
}

export function betaIntegral(m: number, n: number): Rational {
  return Rational.of(factorial(m) * factorial(n), factorial(m + n + 1));
}

/** Positive weights g for King's rule, as LaTeX in the variable and a float evaluator for tests. */
export const KING_WEIGHTS: { tex: (s: number) => string; f: (x: number, s: number) => number }[] = [
  { tex: (s) => `\\sqrt{\\ln(x + ${s})}`, f: (x, s) => Math.sqrt(Math.log(x + s)) },
  { tex: (s) => `e^{(x + ${s})^2}`, f: (x, s) => Math.exp((x + s) ** 2) },
  { tex: (s) => `(x + ${s})^{x}`, f: (x, s) => (x + s) ** x },
  { tex: (s) => `\\sin^2(x) + ${s}`, f: (x, s) => Math.sin(x) ** 2 + s },
];

/** Odd factors (times x^odd) whose antiderivatives are not elementary. */
export const ODD_FACTORS: { tex: string; f: (x: number) => number }[] = [
  { tex: 'e^{x^2}\\cos(x)', f: (x) => Math.exp(x * x) * Math.cos(x) },
  { tex: '\\frac{\\cos(x^3)}{1 + x^4}', f: (x) => Math.cos(x ** 3) / (1 + x ** 4) },
  { tex: '\\sqrt{1 + x^6}', f: (x) => Math.sqrt(1 + x ** 6) },
];

const familiar = defineFamily<FamiliarLevel>({
  family: 'transformative/polynomial_integral',
  domain: 'algebra',
  description: 'Definite integral of an integer polynomial (antiderivative, exact rational).',
  version: '1',
  levels: { 1: { degree: 2, range: 5 }, 2: { degree: 4, range: 9 } },
  knobs: ['degree', 'range'],
  make(c, rng) {
    const p = Array.from({ length: c.degree + 1 }, () => BigInt(rng.int(-c.range, c.range)));
    if (p[c.degree] === 0n) return undefined;
    const a = rng.int(-4, 3);
    const b = rng.int(a + 1, a + 4);
    const v = polyIntegral(p, Rational.of(a), Rational.of(b));
    return {
      question: `Evaluate the definite integral $\\int_{${a}}^{${b}} \\left(${renderIntPoly(p, 'x')}\\right)\\,dx$.${FORMAT}`,
      answer: rationalAnswer(v),
      inputs: { kind: 'polynomial', p: p.map(String), a, b, value: v.toString() },
      knobs: { degree: c.degree, range: c.range },
      guess: (r) => Rational.of(r.int(-200, 200), r.int(1, 12)).toString(),
    };
  },
});

const transformed = defineFamily<Level>({
  family: 'transformative/integrations',
  domain: 'algebra',
  description: "Integrals that need King's rule, odd symmetry or the Beta integral (exact rational answers).",
  version: '1',
  levels: { 1: { size: [4, 10] }, 2: { size: [11, 25] }, 3: { size: [26, 40] } },
  knobs: ['size'],
  make(c, rng) {
    const kind = rng.pick(['king', 'odd', 'beta'] as const);
    const size = rng.int(c.size[0], c.size[1]);
    if (kind === 'beta') {
      const m = size;
      const n = rng.int(2, size);
      const v = betaIntegral(m, n);
      return {
        question: `Evaluate the definite integral $\\int_{0}^{1} x^{${m}}(1 - x)^{${n}}\\,dx$.${FORMAT}`,
        answer: rationalAnswer(v),
        inputs: { kind, m, n, value: v.toString() },
        knobs: { size, kind },
        guess: (r) => Rational.of(1, r.int(2, 10 ** 6)).toString(),
      };
    }
    if (kind === 'king') {
      const w = rng.int(0, KING_WEIGHTS.length - 1);
      const a = rng.int(1, 3);
      const b = a + rng.int(1, Math.min(size, 12));
      const s = rng.int(2, 5);
      const g = KING_WEIGHTS[w]!;
      const tex = g.tex(s);
      const mirrored = g.tex(s).replace(/x/g, `(${a + b} - x)`);
      const v = Rational.of(b - a, 2);
      return {
        question: `Evaluate the definite integral $\\int_{${a}}^{${b}} \\frac{${tex}}{${tex} + ${mirrored}}\\,dx$.${FORMAT}`,
        answer: rationalAnswer(v),
        inputs: { kind, weight: w, shift: s, a, b, value: v.toString() },
        knobs: { size, kind },
        guess: (r) => Rational.of(r.int(1, 40), r.int(1, 4)).toString(),
      };
    }
    const f = rng.int(0, ODD_FACTORS.length - 1);
    const cc = rng.int(1, 3);
    const oddPower = 2 * rng.int(0, 3) + 1;
    const degree = 2 * Math.min(4, Math.ceil(size / 8));
    const even = Array.from({ length: degree + 1 }, (_, i) => (i % 2 === 0 ? BigInt(rng.int(-6, 6)) : 0n));
    if (even.every((x) => x === 0n)) return undefined;
    const k = rng.int(1, 5);
    const v = polyIntegral(even, Rational.of(-cc), Rational.of(cc));
    return {
      question: `Evaluate the definite integral $\\int_{-${cc}}^{${cc}} \\left(${renderIntPoly(even, 'x')} + ${k === 1 ? '' : k}x^{${oddPower}}${ODD_FACTORS[f]!.tex}\\right)\\,dx$.${FORMAT}`,
      answer: rationalAnswer(v),
      inputs: { kind, even: even.map(String), oddCoefficient: k, oddPower, factor: f, c: cc, value: v.toString() },
      knobs: { size, kind },
      guess: (r) => Rational.of(r.int(-200, 200), r.int(1, 15)).toString(),
    };
  },
});

export const transIntegrations = defineSetting({
  axis: 'transformative',
  setting: 'integrations',
  description:
    "OMEGA transformative 5: polynomial integrals (familiar, antiderivative) → King's rule, odd symmetry, Beta integrals (transformed).",
  version: '1',
  parts: { familiar, transformed },
  testParts: ['transformed'],
});
