// Exact real-root counting for polynomials with rational coefficients (lowest power first, as in
// lib/polynomial.ts): Sturm sequences evaluated at ±∞ or at rational points. Used wherever a
// composed problem asks "how many solutions", so the count never depends on a plot or a grid.
import { Rational } from '../../../../src/core/rational.js';
import type { Poly } from '../../lib/polynomial.js';
import { polyEval } from '../../lib/polynomial.js';

export function trim(p: Poly): Poly {
  const out = p.slice();
  while (out.length > 0 && out[out.length - 1]!.isZero()) out.pop();
  return out;
}

export const degree = (p: Poly) => trim(p).length - 1;

export function polyAdd(a: Poly, b: Poly): Poly {
  const n = Math.max(a.length, b.length);
  return trim(Array.from({ length: n }, (_, i) => (a[i] ?? Rational.ZERO).add(b[i] ?? Rational.ZERO)));
}

export function polyScale(a: Poly, k: Rational): Poly {
  return trim(a.map((c) => c.mul(k)));
}

export function derivative(p: Poly): Poly {
  return trim(p.slice(1).map((c, i) => c.mul(Rational.of(i + 1))));
}

/** Remainder of a ÷ b (b non-zero). */
export function polyRem(a: Poly, b: Poly): Poly {
  let r = trim(a);
  const d = trim(b);
  if (d.length === 0) throw new RangeError('polyRem: division by zero polynomial');
  const lead = d[d.length - 1]!;
  while (r.length >= d.length) {
    const shift = r.length - d.length;
    const k = r[r.length - 1]!.div(lead)!;
    const next = r.slice();
    for (let i = 0; i < d.length; i++) next[i + shift] = next[i + shift]!.sub(d[i]!.mul(k));
    next.pop();
    r = trim(next);
  }
  return r;
}

/** Monic greatest common divisor. */
export function polyGcd(a: Poly, b: Poly): Poly {
  let x = trim(a);
  let y = trim(b);
  while (y.length > 0) [x, y] = [y, polyRem(x, y)];
  return x.length === 0 ? x : polyScale(x, Rational.ONE.div(x[x.length - 1]!)!);
}

function sturmChain(p: Poly): Poly[] {
  const chain: Poly[] = [trim(p), derivative(p)];
  while (chain[chain.length - 1]!.length > 0) {
    const r = polyRem(chain[chain.length - 2]!, chain[chain.length - 1]!);
    chain.push(polyScale(r, Rational.of(-1)));
  }
  chain.pop();
  return chain;
}

function signChanges(signs: number[]): number {
  const s = signs.filter((x) => x !== 0);
  let n = 0;
  for (let i = 1; i < s.length; i++) if (s[i] !== s[i - 1]) n++;
  return n;
}

const sgn = (q: Rational) => q.cmp(Rational.ZERO);
const signAtPlusInf = (p: Poly) => sgn(p[p.length - 1]!);
const signAtMinusInf = (p: Poly) => sgn(p[p.length - 1]!) * ((p.length - 1) % 2 === 0 ? 1 : -1);

/**
 * Number of distinct real roots of p, on the whole line or in the half-open interval (lo, hi].
 * Sturm's theorem counts distinct roots even when p has repeated ones.
 */
export function countRealRoots(p: Poly, lo?: Rational, hi?: Rational): number {
  const q = trim(p);
  if (q.length === 0) throw new RangeError('countRealRoots: zero polynomial');
  if (q.length === 1) return 0;
  const chain = sturmChain(q);
  const at = (x: Rational | undefined, inf: 1 | -1) =>
    signChanges(
      chain.map((c) => (x === undefined ? (inf > 0 ? signAtPlusInf(c) : signAtMinusInf(c)) : sgn(polyEval(c, x)))),
    );
  return at(lo, -1) - at(hi, 1);
}

/** True when p has a repeated root (a tangency in the problems that use it). */
export function hasRepeatedRoot(p: Poly): boolean {
  return degree(polyGcd(p, derivative(p))) > 0;
}

export const ints = (...xs: (number | bigint)[]): Poly => xs.map((x) => Rational.of(BigInt(x)));
