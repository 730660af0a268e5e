// Compositional setting 1, polynomial + GCD (OMEGA comp_polynomial_gcd). Skill A is
// algebra_polynomial_roots (manipulating and solving integer polynomials), skill B is
// arithmetic_gcd (Euclid's algorithm). The composed question asks for the values that
// gcd(P(n), Q(n)) takes over all positive integers n. Neither skill run on its own output answers
// it: Euclid must be run on the *polynomials* (reducing P modulo Q, which is polynomial
// algebra) to find that every value divides the resultant Res(P, Q), and then the integer gcds at
// the residues of n modulo that resultant decide which divisors actually occur.
import { integerAnswer } from '../lib/answer.js';
import { defineFamily } from '../lib/family.js';
import { determinant } from '../lib/matrix.js';
import { gcdBig } from '../lib/integers.js';
import { algebraPolynomialRoots } from '../algebra_polynomial_roots.js';
import { arithmeticGcd } from '../arithmetic_gcd.js';
import { defineSetting } from './lib/axis.js';

interface Level extends Record<string, unknown> {
  degP: number;
  degQ: number;
  coef: number;
}

/** Coefficients lowest power first; leading coefficient non-zero. */
export type IntPoly = bigint[];

export function evalInt(p: IntPoly, x: bigint): bigint {
  let v = 0n;
  for (let i = p.length - 1; i >= 0; i--) v = v * x + p[i]!;
  return v;
}

/** Res(P, Q) as the determinant of the Sylvester matrix. */
export function resultant(p: IntPoly, q: IntPoly): bigint {
  const m = p.length - 1;
  const n = q.length - 1;
  const size = m + n;
  const rows: bigint[][] = [];
  const hiFirst = (a: IntPoly) => a.slice().reverse();
  for (let i = 0; i < n; i++) rows.push(Array.from({ length: size }, (_, j) => hiFirst(p)[j - i] ?? 0n));
  for (let i = 0; i < m; i++) rows.push(Array.from({ length: size }, (_, j) => hiFirst(q)[j - i] ?? 0n));
  return determinant(rows);
}

/**
 * The distinct values of gcd(P(n), Q(n)) over positive n. When P and Q share no factor, every
 * value divides R = Res(P, Q) (R = U·P + V·Q with U, V in Z[x]), so the value at n depends only
 * on n mod |R|: one period of n decides the whole set.
 */
export function gcdValues(p: IntPoly, q: IntPoly): { resultant: bigint; values: bigint[] } | undefined {
  const r = resultant(p, q);
  if (r === 0n) return undefined;
  const period = r < 0n ? -r : r;
  const seen = new Set<bigint>();
  for (let n = 1n; n <= period; n++) seen.add(gcdBig(gcdBig(evalInt(p, n), evalInt(q, n)), period));
  return { resultant: r, values: [...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) };
}

export function renderIntPoly(p: IntPoly, v = 'n'): string {
  const terms: string[] = [];
  for (let i = p.length - 1; i >= 0; i--) {
    const c = p[i]!;
    if (c === 0n) continue;
    const abs = c < 0n ? -c : c;
    const mono = i === 0 ? '' : i === 1 ? v : `${v}^${i}`;
    const body = i === 0 ? `${abs}` : abs === 1n ? mono : `${abs}${mono}`;
    terms.push(terms.length === 0 ? (c < 0n ? `-${body}` : body) : `${c < 0n ? '-' : '+'} ${body}`);
  }
  return terms.length === 0 ? '0' : terms.join(' ');
}

const composed = defineFamily<Level>({
  family: 'compositional/polynomial_gcd',
  domain: 'algebra',
  description: 'gcd(P(n), Q(n)) over all n: the sum of its possible values (polynomial Euclid + integer gcd).',
  version: '1',
  levels: { 1: { degP: 2, degQ: 1, coef: 9 }, 2: { degP: 2, degQ: 2, coef: 7 }, 3: { degP: 3, degQ: 2, coef: 5 } },
  knobs: ['degP', 'degQ', 'coef'],
  make(c, rng) {
    const draw = (deg: number): IntPoly => {
      const p = Array.from({ length: deg + 1 }, () => BigInt(rng.int(-c.coef, c.coef)));
      p[deg] = BigInt(rng.int(1, deg === 1 ? 3 : 2)); // small positive lead keeps the resultant moderate
      return p;
    };
    const p = draw(c.degP);
    const q = draw(c.degQ);
    const res = gcdValues(p, q);
    if (!res) return undefined;
    const period = res.resultant < 0n ? -res.resultant : res.resultant;
    // Non-trivial (at least three values) and cheap to verify by one period.
    if (res.values.length < 3 || period > 20_000n) return undefined;
    const sum = res.values.reduce((s, v) => s + v, 0n);
    return {
      question: `Let P(n) = ${renderIntPoly(p)} and Q(n) = ${renderIntPoly(q)}. As n ranges over all positive integers, the greatest common divisor gcd(P(n), Q(n)) takes only finitely many distinct values. What is the sum of all of these distinct values?`,
      answer: integerAnswer(sum),
      inputs: {
        P: p.map(String),
        Q: q.map(String),
        resultant: res.resultant.toString(),
        values: res.values.map(String),
      },
      knobs: { degP: c.degP, degQ: c.degQ, coef: c.coef, resultant: Number(period) },
      guess: (r) => String(r.int(1, Number(period) * 2)),
    };
  },
});

export const polynomialGcd = defineSetting({
  axis: 'compositional',
  setting: 'polynomial_gcd',
  description:
    'OMEGA compositional 1: polynomial roots (A) + gcd (B) → the values of gcd(P(n), Q(n)) over all n (composed).',
  version: '1',
  parts: { a: algebraPolynomialRoots, b: arithmeticGcd, composed },
  testParts: ['composed'],
});
