// Independent recomputation for algebra_linear_equation and algebra_polynomial_roots: the system
// or polynomial is read back from the prompt and solved by the test's own code.
import { describe, expect, it } from 'vitest';
import { Rational } from '../../../src/core/rational.js';
import { answerOf, evalExact, inputsOf, items, namedConstants, promptOf } from './helpers.js';

/** Solve A x = b over the rationals; undefined if singular. */
function solve(a: Rational[][], b: Rational[]): Rational[] | undefined {
  const n = a.length;
  const m = a.map((r, i) => [...r, b[i]!]);
  for (let c = 0; c < n; c++) {
    const p = m.findIndex((row, i) => i >= c && !row[c]!.isZero());
    if (p < 0) return undefined;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const piv = m[c]![c]!;
    m[c] = m[c]!.map((v) => v.div(piv)!);
    for (let i = 0; i < n; i++) {
      if (i === c) continue;
      const f = m[i]![c]!;
      m[i] = m[i]!.map((v, j) => v.sub(f.mul(m[c]![j]!)));
    }
  }
  return m.map((r) => r[n]!);
}

describe('algebra_linear_equation', () => {
  it('solving the printed system (constants evaluated) gives the answer, uniquely', () => {
    for (let level = 1; level <= 5; level++) {
      for (const p of items('algebra_linear_equation', level, 15)) {
        const text = promptOf(p);
        const consts = namedConstants(text);
        const m = /Solve (.+) for ([a-z])\.$/.exec(text)!;
        const equations = m[1]!.split(', ');
        const unknowns = [...new Set(equations.join(' ').match(/[a-z]/g)!)].filter((v) => !(v in consts)).sort();
        expect(unknowns).toHaveLength(level + 1);
        expect(equations).toHaveLength(level + 1);
        // Each equation L = R is affine: read its coefficients off at 0 and the unit vectors.
        const at = (eq: string, point: Record<string, Rational>) => {
          const [l, r] = eq.split(' = ');
          const vars = { ...consts, ...point };
          return evalExact(l!, vars).sub(evalExact(r!, vars));
        };
        const zero = Object.fromEntries(unknowns.map((v) => [v, Rational.ZERO]));
        const rows = equations.map((eq) => {
          const c0 = at(eq, zero);
          return { coefs: unknowns.map((v) => at(eq, { ...zero, [v]: Rational.ONE }).sub(c0)), rhs: c0.neg() };
        });
        const x = solve(
          rows.map((r) => r.coefs),
          rows.map((r) => r.rhs),
        );
        expect(x, 'the system must be non-singular').toBeDefined();
        const asked = x![unknowns.indexOf(m[2]!)]!;
        expect(asked.isInteger()).toBe(true);
        expect(answerOf(p).value).toBe(asked.toString());
      }
    }
  });
});

describe('algebra_polynomial_roots', () => {
  it('the printed polynomial has exactly the recorded roots, and n + m of the second largest is the answer', () => {
    for (let level = 1; level <= 5; level++) {
      for (const p of items('algebra_polynomial_roots', level, 15)) {
        const text = promptOf(p);
        const consts = namedConstants(text);
        const poly = /(?:Suppose|Consider the equation|Solve) (.+) = 0\. Express/.exec(text)![1]!;
        const x = inputsOf(p).variable as string;
        const roots = (inputsOf(p).roots as string[]).map((r) => Rational.parse(r)!);
        expect(roots).toHaveLength(level + 2);
        const P = (t: Rational) => evalExact(poly, { ...consts, [x]: t });
        for (const r of roots) expect(P(r).isZero(), `P(${r}) = 0`).toBe(true);
        // deg P = number of roots and P(t) / ∏(t − r) is one constant: the roots are all of them.
        // Sample points with denominator 7919 can never be roots (root denominators are below 10).
        const ratios = [-7, -3, 2, 5, 11, 13, 17, 19, 23]
          .map((k) => Rational.of(BigInt(k * 10007 + 1), 7919n))
          .map((t) => P(t).div(roots.reduce((acc, r) => acc.mul(t.sub(r)), Rational.ONE))!);
        expect(new Set(ratios.map((q) => q.toString())).size).toBe(1);
        const distinct = [...new Map(roots.map((r) => [r.toString(), r])).values()].sort((a, b) => b.cmp(a));
        const second = distinct[1]!;
        expect(answerOf(p).value).toBe((second.num + second.den).toString());
        if (level >= 2) expect(Object.keys(consts).length).toBeGreaterThan(0);
      }
    }
  });
});
