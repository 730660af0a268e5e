// algebra_polynomial_roots: a polynomial with only rational roots (mostly non-integers, repeats
// possible); the second largest distinct root is n/m in lowest terms and the answer is n + m.
// Levels ≥ 2 add named coefficients ("Let w be …"), which the released generator could not
// produce at all.
import { Rational } from '../../src/core/rational.js';
import { integerAnswer } from './lib/answer.js';
import { defineConstant, freshLetters } from './lib/expression.js';
import { defineFamily, drawKnob, drawReal, guessInt, type Knob } from './lib/family.js';
import { integerWithDigits } from './lib/integers.js';
import { fromRoots, renderPoly } from './lib/polynomial.js';

interface Level extends Record<string, unknown> {
  degree: number;
  ops: Knob;
  entropy: Knob;
}

/** The second largest of the distinct values (the only one if there is just one). */
export function secondLargestDistinct(roots: readonly Rational[]): Rational {
  const distinct: Rational[] = [];
  for (const r of roots) if (!distinct.some((d) => d.eq(r))) distinct.push(r);
  distinct.sort((a, b) => b.cmp(a));
  return distinct[Math.min(1, distinct.length - 1)]!;
}

export const algebraPolynomialRoots = defineFamily<Level>({
  family: 'algebra_polynomial_roots',
  domain: 'algebra',
  description:
    'OMEGA algebra_polynomial_roots: second largest rational root n/m of a polynomial, answer n + m; levels grow the degree and digit budget (1–5).',
  version: '1',
  levels: {
    1: { degree: 3, ops: 1, entropy: [3, 5] },
    2: { degree: 4, ops: [2, 3], entropy: [5, 10] },
    3: { degree: 5, ops: [2, 3], entropy: [9, 12] },
    4: { degree: 6, ops: [2, 3], entropy: [12, 15] },
    5: { degree: 7, ops: [2, 3], entropy: [15, 20] },
  },
  knobs: ['degree', 'ops', 'entropy'],
  make(c, rng) {
    const ops = drawKnob(rng, c.ops);
    const entropy = drawReal(rng, c.entropy);
    const per = Math.max(0.6, entropy / c.degree);
    const roots: Rational[] = [];
    while (roots.length < c.degree) {
      if (roots.length > 0 && rng.bool(0.08)) {
        roots.push(rng.pick(roots));
        continue;
      }
      const den = rng.bool(0.99) ? BigInt(rng.int(2, Math.max(2, Math.min(9, Math.round(10 ** (per / 2)))))) : 1n;
      const numer = integerWithDigits(rng, per / 2 + 0.3) * (rng.bool() ? 1n : -1n);
      const r = Rational.of(numer, den);
      if (den > 1n && r.isInteger()) continue;
      roots.push(r);
    }
    const distinct = new Set(roots.map((r) => r.key()));
    if (distinct.size < 2) return undefined;
    // Clear denominators, then a random rational scale so coefficients look like 2464/5.
    const lcm = roots.reduce((l, r) => (l * r.den) / gcd(l, r.den), 1n);
    const scale = Rational.of(
      lcm * BigInt(rng.int(1, 6)) * (rng.bool() ? 1n : -1n),
      BigInt(rng.pick([1, 1, 2, 3, 5, 7])),
    );
    const poly = fromRoots(roots, scale);
    const x = freshLetters(rng, 1)[0]!;
    const names = new Map<number, string>();
    const prefix: string[] = [];
    const nonzero = poly.map((c, k) => (c.isZero() ? -1 : k)).filter((k) => k >= 0);
    const constNames = freshLetters(rng, ops - 1, [x]);
    for (const name of constNames) {
      const k = rng.pick(nonzero.filter((j) => !names.has(j)));
      names.set(k, name);
      prefix.push(defineConstant(name, poly[k]!, rng, 1.2));
    }
    const target = secondLargestDistinct(roots);
    const stem = rng.pick(['Suppose', 'Consider the equation', 'Solve']);
    return {
      question: `${prefix.length ? `${prefix.join(' ')} ` : ''}${stem} ${renderPoly(poly, x, names)} = 0. Express the second largest of its distinct roots as n/m, where n and m are coprime integers and m > 0, and give n + m.`,
      answer: integerAnswer(target.num + target.den),
      inputs: {
        roots: roots.map((r) => r.toString()),
        coefficients: poly.map((q) => q.toString()),
        variable: x,
        constants: Object.fromEntries([...names.entries()].map(([k, n]) => [n, poly[k]!.toString()])),
      },
      knobs: { degree: c.degree, ops, entropy },
      guess: guessInt(-20, 20),
    };
  },
});

function gcd(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}
