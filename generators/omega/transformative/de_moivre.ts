// Transformative setting 3, De Moivre (OMEGA trans_de_moivre, "Complex Analysis"). Familiar:
// algebra_polynomial_roots, where the rational-root search finds every root. Transformed: root
// questions about z^n = c and the n-th roots of unity with n from 13 to 400, where a root search
// is useless and the insight is De Moivre's formula and the factorisation z^n − 1 = ∏(z − ω^k):
// - products ∏_k (ω^{2k} − bω^k + c) = (r₁ⁿ − 1)(r₂ⁿ − 1) = cⁿ − Vₙ + 1 with Vₙ = r₁ⁿ + r₂ⁿ
//   from the recurrence Vₙ = b·Vₙ₋₁ − c·Vₙ₋₂ (after AIME 2023 II #8);
// - roots-of-unity filters Σ_k (1 + ω^k)^m = n·Σ_{j ≡ 0 (mod n)} C(m, j);
// - counting the roots of z^n = c (c = ±1, ±i) in a quadrant or half-plane from their angles.
// Everything is BigInt or integer angle arithmetic; the tests recompute small cases with floats.
import { integerAnswer } from '../lib/answer.js';
import { defineFamily, guessInt } from '../lib/family.js';
import { algebraPolynomialRoots } from '../algebra_polynomial_roots.js';
import { defineSetting } from '../compositional/lib/axis.js';

interface Level extends Record<string, unknown> {
  n: readonly [number, number];
  m: readonly [number, number];
}

/** ∏_{k=0}^{n−1} (ω^{2k} − b·ω^k + c) for ω = e^{2πi/n}, exactly. */
export function quadraticProduct(n: number, b: bigint, c: bigint): bigint {
  let v0 = 2n,
    v1 = b;
  for (let k = 1; k < n; k++) [v0, v1] = [v1, b * v1 - c * v0];
  const vn = n === 0 ? 2n : v1;
  return c ** BigInt(n) - vn + 1n;
}

/** Σ_{k=0}^{n−1} (1 + ω^k)^m = n · Σ_{j ≡ 0 mod n} C(m, j). */
export function filterSum(n: number, m: number): bigint {
  let s = 0n;
  let binom = 1n; // C(m, j)
  for (let j = 0; j <= m; j++) {
    if (j % n === 0) s += binom;
    binom = (binom * BigInt(m - j)) / BigInt(j + 1);
  }
  return BigInt(n) * s;
}

export type Region = 'first quadrant' | 'right half-plane' | 'upper half-plane';
/** c = i^phase: 1, i, −1, −i. */
export const PHASE_TEXT = ['1', 'i', '-1', '-i'];

/**
 * Roots of z^n = i^phase strictly inside a region. The k-th root has argument
 * (phase + 4k)·π/(2n); in units of π/(2n) the regions are open intervals mod 4n.
 */
export function rootsInRegion(n: number, phase: number, region: Region): number {
  let count = 0;
  for (let k = 0; k < n; k++) {
    const u = (phase + 4 * k) % (4 * n);
    const inside =
      region === 'first quadrant'
        ? u > 0 && u < n
        : region === 'upper half-plane'
          ? u > 0 && u < 2 * n
          : u < n || u > 3 * n;
    if (inside) count++;
  }
  return count;
}

const transformed = defineFamily<Level>({
  family: 'transformative/de_moivre',
  domain: 'algebra',
  description:
    'Roots of unity and z^n = c for large n: products, filters and root counts (De Moivre, not root search).',
  version: '1',
  levels: { 1: { n: [13, 40], m: [20, 40] }, 2: { n: [41, 120], m: [40, 90] }, 3: { n: [121, 400], m: [90, 200] } },
  knobs: ['n', 'm'],
  make(c, rng) {
    const kind = rng.pick(['product', 'filter', 'count'] as const);
    if (kind === 'product') {
      const n = rng.int(c.n[0], c.n[1]);
      const b = BigInt(rng.int(-4, 4));
      const cc = BigInt(rng.int(1, 5));
      const value = quadraticProduct(n, b, cc);
      if (value <= 0n) return undefined;
      const bText =
        b === 0n ? '' : ` ${b < 0n ? '+' : '-'} ${b < 0n ? (-b === 1n ? '' : -b) : b === 1n ? '' : b}\\omega^k`;
      return {
        question: `Let $\\omega = e^{2\\pi i/${n}}$ be a primitive ${n}-th root of unity. Find the remainder when $\\prod_{k=0}^{${n - 1}} \\left(\\omega^{2k}${bText} + ${cc}\\right)$ is divided by 1000.`,
        answer: integerAnswer(value % 1000n),
        inputs: { kind, n, b: b.toString(), c: cc.toString(), value: value.toString() },
        knobs: { n, kind },
        guess: guessInt(0, 999),
      };
    }
    if (kind === 'filter') {
      const n = rng.int(3, 12);
      const m = rng.int(c.m[0], c.m[1]);
      return {
        question: `Let $\\omega = e^{2\\pi i/${n}}$. Compute $\\sum_{k=0}^{${n - 1}} (1 + \\omega^k)^{${m}}$.`,
        answer: integerAnswer(filterSum(n, m)),
        inputs: { kind, n, m },
        knobs: { n: m, kind },
        guess: (r) => (2n ** BigInt(m - r.int(0, 3))).toString(),
      };
    }
    const n = rng.int(c.n[0], c.n[1]);
    const phase = rng.int(0, 3);
    const region = rng.pick(['first quadrant', 'right half-plane', 'upper half-plane'] as const);
    const where =
      region === 'first quadrant'
        ? 'have both positive real part and positive imaginary part'
        : region === 'right half-plane'
          ? 'have positive real part'
          : 'have positive imaginary part';
    return {
      question: `How many of the ${n} complex solutions of $z^{${n}} = ${PHASE_TEXT[phase]}$ ${where}?`,
      answer: integerAnswer(rootsInRegion(n, phase, region)),
      inputs: { kind, n, c: PHASE_TEXT[phase], region },
      knobs: { n, kind },
      guess: guessInt(0, n),
    };
  },
});

export const transDeMoivre = defineSetting({
  axis: 'transformative',
  setting: 'de_moivre',
  description:
    'OMEGA transformative 3: rational-root polynomials (familiar) → roots of unity and z^n = c for large n (transformed, De Moivre).',
  version: '1',
  parts: { familiar: algebraPolynomialRoots, transformed },
  testParts: ['transformed'],
});
