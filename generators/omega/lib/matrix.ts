// Linear algebra for the matrix families. Integer matrices stay exact: products and powers in
// BigInt, determinant and rank by fraction-free (Bareiss) elimination, the inverse over exact
// rationals. Eigenvalues and singular values are irrational in general: they come from the cyclic
// Jacobi method on a symmetric float matrix, and callers drop answers too close to a rounding
// boundary (see stableRound).
import { Rational } from '../../../src/core/rational.js';
import type { Rng } from '../../../src/core/rng.js';

export type IntMatrix = bigint[][];
export type MatrixType = 'plain' | 'symmetric' | 'upper';

export function identity(n: number): IntMatrix {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1n : 0n)));
}

export function transpose(a: IntMatrix): IntMatrix {
  return a[0]!.map((_, j) => a.map((row) => row[j]!));
}

export function multiply(a: IntMatrix, b: IntMatrix): IntMatrix {
  const inner = b.length;
  if (a[0]!.length !== inner) throw new RangeError('multiply: dimension mismatch');
  return a.map((row) =>
    b[0]!.map((_, j) => {
      let s = 0n;
      for (let k = 0; k < inner; k++) s += row[k]! * b[k]![j]!;
      return s;
    }),
  );
}

/** A^k by repeated squaring (k ≥ 0). */
export function power(a: IntMatrix, k: number): IntMatrix {
  let result = identity(a.length);
  let base = a;
  for (let e = k; e > 0; e >>= 1) {
    if (e & 1) result = multiply(result, base);
    if (e > 1) base = multiply(base, base);
  }
  return result;
}

/** Determinant by Bareiss' fraction-free elimination: every division is exact. */
export function determinant(a: IntMatrix): bigint {
  const n = a.length;
  const m = a.map((r) => r.slice());
  let sign = 1n;
  let prev = 1n;
  for (let k = 0; k < n - 1; k++) {
    if (m[k]![k] === 0n) {
      const swap = m.findIndex((row, i) => i > k && row[k] !== 0n);
      if (swap < 0) return 0n;
      [m[k], m[swap]] = [m[swap]!, m[k]!];
      sign = -sign;
    }
    const pivot = m[k]![k]!;
    for (let i = k + 1; i < n; i++) {
      for (let j = k + 1; j < n; j++) m[i]![j] = (m[i]![j]! * pivot - m[i]![k]! * m[k]![j]!) / prev;
      m[i]![k] = 0n;
    }
    prev = pivot;
  }
  return sign * m[n - 1]![n - 1]!;
}

/** Rank by fraction-free elimination with column scanning (any shape). */
export function rank(a: IntMatrix): number {
  const m = a.map((r) => r.slice());
  const rows = m.length;
  const cols = m[0]?.length ?? 0;
  let r = 0;
  let prev = 1n;
  for (let c = 0; c < cols && r < rows; c++) {
    const p = m.findIndex((row, i) => i >= r && row[c] !== 0n);
    if (p < 0) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    const pivot = m[r]![c]!;
    for (let i = r + 1; i < rows; i++) {
      for (let j = c + 1; j < cols; j++) m[i]![j] = (m[i]![j]! * pivot - m[i]![c]! * m[r]![j]!) / prev;
      m[i]![c] = 0n;
    }
    prev = pivot;
    r++;
  }
  return r;
}

/**
 * The exact inverse by fraction-free Gauss–Jordan (Bareiss' rule applied to every row): the left
 * block ends as det·I and the right block as det·A⁻¹, all in BigInt; undefined if singular.
 */
export function inverse(a: IntMatrix): Rational[][] | undefined {
  const n = a.length;
  const m = a.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1n : 0n))]);
  let prev = 1n;
  for (let k = 0; k < n; k++) {
    if (m[k]![k] === 0n) {
      const swap = m.findIndex((row, i) => i > k && row[k] !== 0n);
      if (swap < 0) return undefined;
      [m[k], m[swap]] = [m[swap]!, m[k]!];
    }
    const pivot = m[k]![k]!;
    for (let i = 0; i < n; i++) {
      if (i === k) continue;
      const f = m[i]![k]!;
      for (let j = 0; j < 2 * n; j++) if (j !== k) m[i]![j] = (m[i]![j]! * pivot - f * m[k]![j]!) / prev;
      m[i]![k] = 0n;
    }
    prev = pivot;
  }
  return m.map((row, i) => row.slice(n).map((v) => Rational.of(v, row[i]!)));
}

export function toFloat(a: IntMatrix): number[][] {
  return a.map((r) => r.map(Number));
}

/**
 * Eigenvalues of a real symmetric matrix, ascending, by cyclic Jacobi rotations. Accurate to a
 * few ulps of the matrix norm, which is what stableRound's margin assumes.
 */
export function symmetricEigenvalues(s: number[][]): number[] {
  const n = s.length;
  const a = s.map((r) => r.slice());
  const norm = Math.sqrt(a.reduce((t, r) => t + r.reduce((u, v) => u + v * v, 0), 0)) || 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += a[i]![j]! * a[i]![j]!;
    if (Math.sqrt(off) <= 1e-15 * norm) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p]![q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const sn = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k]![p]!;
          const akq = a[k]![q]!;
          a[k]![p] = c * akp - sn * akq;
          a[k]![q] = sn * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p]![k]!;
          const aqk = a[q]![k]!;
          a[p]![k] = c * apk - sn * aqk;
          a[q]![k] = sn * apk + c * aqk;
        }
      }
    }
  }
  return a.map((r, i) => r[i]!).sort((x, y) => x - y);
}

/** Singular values, descending: square roots of the eigenvalues of the exact integer AᵀA. */
export function singularValues(a: IntMatrix): number[] {
  const ata = multiply(transpose(a), a);
  return symmetricEigenvalues(toFloat(ata))
    .map((l) => Math.sqrt(Math.max(0, l)))
    .sort((x, y) => y - x);
}

/**
 * round(x) when x is at least `margin` away from a half-integer, else undefined: a float answer
 * whose rounding could flip under the algorithm's error is dropped, never guessed.
 */
export function stableRound(x: number, margin = 1e-4): number | undefined {
  if (!Number.isFinite(x)) return undefined;
  const frac = x - Math.floor(x);
  if (Math.abs(frac - 0.5) < margin) return undefined;
  return Math.round(x);
}

/** Nearest integer to an exact rational; undefined on an exact tie (x.5). */
export function roundExact(q: Rational): bigint | undefined {
  const twice = q.mul(Rational.of(2n));
  if (twice.isInteger() && !q.isInteger()) return undefined;
  // floor(q + 1/2)
  const t = q.add(Rational.of(1n, 2n));
  const fl = t.num >= 0n ? t.num / t.den : -((-t.num + t.den - 1n) / t.den);
  return fl;
}

/** Integer entries uniform in [-range, range]; symmetric mirrors the upper triangle, upper zeroes the lower. */
export function randomMatrix(
  rng: Rng,
  rows: number,
  cols: number,
  range: number,
  type: MatrixType = 'plain',
): IntMatrix {
  const m: IntMatrix = Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () => BigInt(rng.int(-range, range))),
  );
  if (type === 'symmetric') for (let i = 0; i < rows; i++) for (let j = 0; j < i; j++) m[i]![j] = m[j]![i]!;
  if (type === 'upper') for (let i = 0; i < rows; i++) for (let j = 0; j < Math.min(i, cols); j++) m[i]![j] = 0n;
  return m;
}

/** Nested bracket rows, one row per line: [[1, 2],\n [3, 4]]. */
export function formatMatrix(a: readonly (readonly (bigint | number | string)[])[]): string {
  return `[${a.map((r) => `[${r.join(', ')}]`).join(',\n ')}]`;
}

/** A matrix as plain JSON (strings, since entries can exceed 2^53). */
export function matrixJson(a: IntMatrix): string[][] {
  return a.map((r) => r.map(String));
}

export const sumEntries = (a: IntMatrix): bigint => a.flat().reduce((s, v) => s + v, 0n);
export const sumAbsEntries = (a: IntMatrix): bigint => a.flat().reduce((s, v) => s + (v < 0n ? -v : v), 0n);
export const trace = (a: IntMatrix): bigint => a.reduce((s, r, i) => s + r[i]!, 0n);
