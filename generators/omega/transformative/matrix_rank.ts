// Transformative setting 1, matrix rank (OMEGA trans_matrix_rank, "Advanced Linear Algebra").
// Familiar: arithmetic_matrix_rank, a printed 4×4 or 5×5 matrix that row reduction handles.
// Transformed: the same question for a 24×24 to 96×96 matrix given by a formula, where row
// reduction by hand is hopeless and the structure decides the rank:
// - polynomial entries a_ij = P(i, j): A = V_i·C·V_jᵀ with Vandermonde factors of full column
//   rank, so rank A = rank of the small coefficient matrix C of P in the monomials iˢ jᵗ;
// - circulant matrices: the eigenvalues are c(ω^k) over the n-th roots of unity, so the rank is n
//   minus the total degree of the cyclotomic factors Φ_d (d | n) that divide c(x).
// Ground truth comes from these exact facts; the tests re-derive small cases by elimination.
import { integerAnswer } from '../lib/answer.js';
import { defineFamily, guessInt } from '../lib/family.js';
import { rank } from '../lib/matrix.js';
import { arithmeticMatrixRank } from '../arithmetic_matrix_rank.js';
import { defineSetting } from '../compositional/lib/axis.js';

interface Level extends Record<string, unknown> {
  n: readonly [number, number];
}

export interface LinearTerm {
  p: number;
  q: number;
  r: number;
  d: number;
}

function binom(n: number, k: number): bigint {
  let r = 1n;
  for (let i = 0; i < k; i++) r = (r * BigInt(n - i)) / BigInt(i + 1);
  return r;
}

/** Coefficients of Σ (p·i + q·j + r)^d in the monomials i^s j^t, as a (D+1)×(D+1) matrix. */
export function coefficientMatrix(terms: readonly LinearTerm[]): bigint[][] {
  const D = Math.max(...terms.map((t) => t.d));
  const c = Array.from({ length: D + 1 }, () => new Array<bigint>(D + 1).fill(0n));
  for (const { p, q, r, d } of terms) {
    for (let s = 0; s <= d; s++)
      for (let t = 0; s + t <= d; t++) {
        const u = d - s - t;
        c[s]![t]! +=
          binom(d, s) * binom(d - s, t) * BigInt(p) ** BigInt(s) * BigInt(q) ** BigInt(t) * BigInt(r) ** BigInt(u);
      }
  }
  return c;
}

export function entry(terms: readonly LinearTerm[], i: number, j: number): bigint {
  return terms.reduce((s, { p, q, r, d }) => s + BigInt(p * i + q * j + r) ** BigInt(d), 0n);
}

/** Integer polynomial remainder by a monic divisor (lowest power first). */
function remMonic(a: bigint[], m: bigint[]): bigint[] {
  const r = a.slice();
  const dm = m.length - 1;
  for (let k = r.length - 1; k >= dm; k--) {
    const f = r[k]!;
    if (f === 0n) continue;
    for (let i = 0; i <= dm; i++) r[k - dm + i]! -= f * m[i]!;
  }
  return r.slice(0, dm);
}

const cyclotomicCache = new Map<number, bigint[]>();

/** Φ_d by dividing x^d − 1 by Φ_e for every proper divisor e of d. */
export function cyclotomic(d: number): bigint[] {
  const hit = cyclotomicCache.get(d);
  if (hit) return hit;
  let num: bigint[] = [-1n, ...new Array<bigint>(d - 1).fill(0n), 1n];
  for (let e = 1; e < d; e++) {
    if (d % e !== 0) continue;
    const div = cyclotomic(e);
    // exact division by a monic polynomial
    const q = new Array<bigint>(num.length - div.length + 1).fill(0n);
    const r = num.slice();
    for (let k = r.length - 1; k >= div.length - 1; k--) {
      const f = r[k]!;
      q[k - div.length + 1] = f;
      for (let i = 0; i < div.length; i++) r[k - div.length + 1 + i]! -= f * div[i]!;
    }
    num = q;
  }
  cyclotomicCache.set(d, num);
  return num;
}

function totient(d: number): number {
  let r = d;
  let m = d;
  for (let p = 2; p * p <= m; p++)
    if (m % p === 0) {
      while (m % p === 0) m /= p;
      r -= r / p;
    }
  if (m > 1) r -= r / m;
  return r;
}

/** Rank of the n×n circulant with first row c: n − Σ φ(d) over d | n with Φ_d | c(x). */
export function circulantRank(c: readonly bigint[]): number {
  const n = c.length;
  let lost = 0;
  for (let d = 1; d <= n; d++) {
    if (n % d !== 0) continue;
    if (remMonic(c.slice(), cyclotomic(d)).every((v) => v === 0n)) lost += totient(d);
  }
  return n - lost;
}

function termText({ p, q, r, d }: LinearTerm): string {
  const parts: string[] = [];
  const lin = (k: number, v: string) =>
    k === 0 ? '' : `${k < 0 ? '-' : parts.length ? '+' : ''}${Math.abs(k) === 1 ? '' : Math.abs(k)}${v}`;
  for (const [k, v] of [
    [p, 'i'],
    [q, 'j'],
  ] as const) {
    const t = lin(k, v);
    if (t) parts.push(t);
  }
  if (r !== 0) parts.push(`${r < 0 ? '-' : '+'}${Math.abs(r)}`);
  const inner = parts
    .join(' ')
    .replace(/ ([+-])/g, ' $1 ')
    .replace(/([+-])(\d|[ij])/g, '$1 $2')
    .replace(/^- /, '-');
  return d === 1 ? `(${inner})` : `(${inner})^${d}`;
}

const transformed = defineFamily<Level>({
  family: 'transformative/matrix_rank',
  domain: 'arithmetic',
  description: 'Rank of a large formula-defined matrix (polynomial entries or circulant): structure, not elimination.',
  version: '1',
  levels: { 1: { n: [24, 40] }, 2: { n: [41, 64] }, 3: { n: [65, 96] } },
  knobs: ['n'],
  make(c, rng) {
    const n = rng.int(c.n[0], c.n[1]);
    if (rng.bool()) {
      const count = rng.int(1, 2);
      const terms: LinearTerm[] = Array.from({ length: count }, () => ({
        p: rng.int(-3, 3),
        q: rng.int(-3, 3),
        r: rng.int(-4, 4),
        d: rng.int(1, 4),
      }));
      if (terms.some((t) => t.p === 0 && t.q === 0)) return undefined;
      const r = rank(coefficientMatrix(terms));
      if (r === 0) return undefined;
      const formula = terms.map(termText).join(' + ');
      return {
        question: `Let A be the ${n}×${n} matrix whose entry in row i and column j (1 ≤ i, j ≤ ${n}) is a_{ij} = ${formula}. What is the rank of A?`,
        answer: integerAnswer(r),
        inputs: {
          kind: 'polynomial',
          n,
          terms,
          coefficientMatrix: coefficientMatrix(terms).map((row) => row.map(String)),
        },
        knobs: { n, kind: 'polynomial' },
        guess: guessInt(1, n),
      };
    }
    // A circulant whose first row repeats a short pattern (period m dividing n), so that many
    // roots of unity are roots of c(x) and the rank drops far below n.
    const divisors = Array.from({ length: 10 }, (_, i) => i + 2).filter((m) => n % m === 0);
    if (divisors.length === 0) return undefined;
    const m = rng.pick(divisors);
    const pattern = Array.from({ length: m }, () => BigInt(rng.int(-2, 3)));
    if (pattern.every((v) => v === 0n)) return undefined;
    const row = Array.from({ length: n }, (_, k) => pattern[k % m]!);
    const r = circulantRank(row);
    return {
      question: `Let A be the ${n}×${n} circulant matrix whose entry in row i and column j (0 ≤ i, j ≤ ${n - 1}) is c_{(j − i) mod ${n}}, where the sequence c_0, c_1, …, c_{${n - 1}} is the block (${pattern.join(', ')}) repeated ${n / m} times. What is the rank of A?`,
      answer: integerAnswer(r),
      inputs: { kind: 'circulant', n, pattern: pattern.map(String) },
      knobs: { n, kind: 'circulant' },
      guess: guessInt(1, n),
    };
  },
});

export const transMatrixRank = defineSetting({
  axis: 'transformative',
  setting: 'matrix_rank',
  description:
    'OMEGA transformative 1: printed small matrices (familiar, elimination) → large formula-defined matrices (transformed, structure).',
  version: '1',
  parts: { familiar: arithmeticMatrixRank, transformed },
  testParts: ['transformed'],
});
