// Independent recomputation for the arithmetic families: each answer is re-derived from the
// prompt text (read back by the test's own parser), not from the generator's code.
import { describe, expect, it } from 'vitest';
import { Rational } from '../../../src/core/rational.js';
import { answerOf, evalExact, inputsOf, items, namedConstants, promptOf } from './helpers.js';

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Distinct prime factors by plain trial division (fine up to ~10^12). */
function primeFactorsByTrial(n: bigint): bigint[] {
  const out: bigint[] = [];
  for (let p = 2n; p * p <= n; p += p === 2n ? 1n : 2n) {
    if (n % p === 0n) {
      out.push(p);
      while (n % p === 0n) n /= p;
    }
  }
  if (n > 1n) out.push(n);
  return out;
}

describe('arithmetic_gcd', () => {
  it('the answer is the gcd of the two numbers in the prompt (named constants evaluated), at every level', () => {
    for (let level = 1; level <= 5; level++) {
      for (const p of items('arithmetic_gcd', level, 30)) {
        const text = promptOf(p);
        const vars = namedConstants(text);
        const m = /(?:divisor|factor) of (\w+) and (\w+)/.exec(text)!;
        const val = (s: string) => (/^\d+$/.test(s) ? BigInt(s) : vars[s]!.num);
        expect(BigInt(answerOf(p).value as string)).toBe(gcd(val(m[1]!), val(m[2]!)));
      }
    }
  });
});

describe('arithmetic_list_prime_factors', () => {
  it('levels 1–2: the answer is the second-largest prime found by trial division, and clears the threshold', () => {
    for (const [level, threshold] of [
      [1, 25n],
      [2, 100n],
    ] as const) {
      for (const p of items('arithmetic_list_prime_factors', level, 40)) {
        const n = BigInt(inputsOf(p).n);
        expect(promptOf(p)).toContain(String(n));
        const ps = primeFactorsByTrial(n);
        expect(BigInt(answerOf(p).value as string)).toBe(ps[ps.length - 2]);
        expect(ps[ps.length - 2]! >= threshold).toBe(true);
      }
    }
  });

  it('level 5 named constants evaluate to the number whose factor is asked', () => {
    for (const p of items('arithmetic_list_prime_factors', 5, 30)) {
      const text = promptOf(p);
      const vars = namedConstants(text);
      if (Object.keys(vars).length) expect(Object.values(vars)[0]!.toString()).toBe(inputsOf(p).n);
      expect(BigInt(answerOf(p).value as string) >= 800n).toBe(true);
    }
  });
});

describe('arithmetic_mixed', () => {
  it('the answer is the exact value of the printed expression', () => {
    for (let level = 1; level <= 5; level++) {
      for (const p of items('arithmetic_mixed', level, 30)) {
        const text = promptOf(p);
        const vars = namedConstants(text);
        const expr = /(?:What is the value of|What is|Evaluate|Calculate) (.+?)[?.] Express/.exec(text)![1]!;
        const v = evalExact(expr, vars);
        expect(answerOf(p).value).toBe(v.toString());
        expect(v.eq(Rational.parse(inputsOf(p).value)!)).toBe(true);
      }
    }
  });
});
