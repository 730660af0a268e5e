// Independent recomputation for the matrix families: the matrix is read back from the prompt and
// the statistic recomputed by a different method than the generator's (cofactor expansion or
// rational elimination instead of Bareiss, naive products instead of squaring, Householder
// tridiagonalisation with Sturm bisection instead of Jacobi rotations).
import { describe, expect, it } from 'vitest';
import { Rational } from '../../../src/core/rational.js';
import { answerOf, inputsOf, items, promptMatrices, promptOf } from './helpers.js';

type M = bigint[][];

/** Determinant by Gaussian elimination over the rationals. */
function detRational(a: M): Rational {
  const m = a.map((r) => r.map((v) => Rational.of(v)));
  const n = m.length;
  let det = Rational.ONE;
  for (let c = 0; c < n; c++) {
    const p = m.findIndex((row, i) => i >= c && !row[c]!.isZero());
    if (p < 0) return Rational.ZERO;
    if (p !== c) {
      [m[c], m[p]] = [m[p]!, m[c]!];
      det = det.neg();
    }
    det = det.mul(m[c]![c]!);
    for (let i = c + 1; i < n; i++) {
      const f = m[i]![c]!.div(m[c]![c]!)!;
      m[i] = m[i]!.map((v, j) => v.sub(f.mul(m[c]![j]!)));
    }
  }
  return det;
}

/** Leibniz formula (permutations), for small n. */
function detLeibniz(a: M): bigint {
  const n = a.length;
  let total = 0n;
  const perm = Array.from({ length: n }, (_, i) => i);
  const rec = (k: number, sign: bigint) => {
    if (k === n) {
      total += sign * perm.reduce((p, c, r) => p * a[r]![c]!, 1n);
      return;
    }
    for (let i = k; i < n; i++) {
      [perm[k], perm[i]] = [perm[i]!, perm[k]!];
      rec(k + 1, i === k ? sign : -sign);
      [perm[k], perm[i]] = [perm[i]!, perm[k]!];
    }
  };
  rec(0, 1n);
  return total;
}

function rankRational(a: M): number {
  const m = a.map((r) => r.map((v) => Rational.of(v)));
  let r = 0;
  for (let c = 0; c < (m[0]?.length ?? 0) && r < m.length; c++) {
    const p = m.findIndex((row, i) => i >= r && !row[c]!.isZero());
    if (p < 0) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    for (let i = r + 1; i < m.length; i++) {
      const f = m[i]![c]!.div(m[r]![c]!)!;
      m[i] = m[i]!.map((v, j) => v.sub(f.mul(m[r]![j]!)));
    }
    r++;
  }
  return r;
}

const mul = (a: M, b: M): M => a.map((row) => b[0]!.map((_, j) => row.reduce((s, v, k) => s + v * b[k]![j]!, 0n)));
const minor = (a: M, r: number, c: number): M =>
  a.filter((_, i) => i !== r).map((row) => row.filter((_, j) => j !== c));

/** Inverse entries by the adjugate: (A⁻¹)_ij = (−1)^(i+j) det(minor_ji) / det A. */
function inverseByAdjugate(a: M): Rational[][] {
  const det = detRational(a);
  return a.map((_, i) =>
    a.map((__, j) =>
      detRational(minor(a, j, i))
        .mul(Rational.of((i + j) % 2 ? -1n : 1n))
        .div(det)!,
    ),
  );
}

const roundHalfUp = (q: Rational) => {
  const t = q.add(Rational.of(1n, 2n));
  return t.num >= 0n ? t.num / t.den : -((-t.num + t.den - 1n) / t.den);
};

/** Eigenvalues of a symmetric matrix: Householder to tridiagonal, then Sturm-count bisection. */
function eigenvaluesSturm(s: number[][]): number[] {
  const n = s.length;
  const a = s.map((r) => r.slice());
  for (let k = 0; k < n - 2; k++) {
    const x = a.slice(k + 1).map((r) => r[k]!);
    const alpha = -Math.sign(x[0]! || 1) * Math.hypot(...x);
    const v = x.slice();
    v[0]! -= alpha;
    const vn = Math.hypot(...v);
    if (vn < 1e-300) continue;
    for (let i = 0; i < v.length; i++) v[i]! /= vn;
    // A ← H A H with H = I − 2vvᵀ acting on rows/cols k+1..n−1.
    const idx = (i: number) => i + k + 1;
    for (const side of [0, 1]) {
      for (let c = 0; c < n; c++) {
        let dot = 0;
        for (let i = 0; i < v.length; i++) dot += v[i]! * (side === 0 ? a[idx(i)]![c]! : a[c]![idx(i)]!);
        for (let i = 0; i < v.length; i++) {
          if (side === 0) a[idx(i)]![c]! -= 2 * v[i]! * dot;
          else a[c]![idx(i)]! -= 2 * v[i]! * dot;
        }
      }
    }
  }
  const d = a.map((r, i) => r[i]!);
  const e = a.map((r, i) => (i + 1 < n ? r[i + 1]! : 0));
  const below = (t: number) => {
    let count = 0;
    let q = d[0]! - t;
    if (q < 0) count++;
    for (let i = 1; i < n; i++) {
      q = d[i]! - t - (e[i - 1]! * e[i - 1]!) / (q === 0 ? 1e-300 : q);
      if (q < 0) count++;
    }
    return count;
  };
  const bound = Math.max(...s.map((r) => r.reduce((t, v) => t + Math.abs(v), 0))) + 1;
  return Array.from({ length: n }, (_, k) => {
    let lo = -bound;
    let hi = bound;
    for (let it = 0; it < 200; it++) {
      const mid = (lo + hi) / 2;
      if (below(mid) > k) hi = mid;
      else lo = mid;
    }
    return (lo + hi) / 2;
  });
}

const LEVELS = [1, 2, 3, 4, 5, 6, 7];
const PER = (level: number) => (level <= 3 ? 12 : 4);

describe('arithmetic_matrix_determinant', () => {
  it('det mod 1000 equals rational elimination (and the Leibniz formula when small) on the prompt matrix', () => {
    for (const level of LEVELS) {
      for (const p of items('arithmetic_matrix_determinant', level, PER(level))) {
        const [a] = promptMatrices(promptOf(p));
        const det = detRational(a!);
        expect(det.isInteger()).toBe(true);
        if (a!.length <= 4) expect(detLeibniz(a!)).toBe(det.num);
        expect(answerOf(p).value).toBe((((det.num % 1000n) + 1000n) % 1000n).toString());
        expect(det.isZero()).toBe(false);
      }
    }
  });
});

describe('arithmetic_matrix_inverse', () => {
  it('the statistic of s·A⁻¹ by the adjugate, rounded, matches', () => {
    for (const level of [1, 2, 3, 4]) {
      for (const p of items('arithmetic_matrix_inverse', level, PER(level))) {
        const text = promptOf(p);
        const [a] = promptMatrices(text);
        const s = BigInt(/ 1\/(\d+) \* A/.exec(text)![1]!);
        const inv = inverseByAdjugate(a!).map((r) => r.map((v) => v.mul(Rational.of(s))));
        const flat = inv.flat();
        const i = inputsOf(p);
        let v: Rational;
        if (i.statistic === 'sum') v = flat.reduce((x, y) => x.add(y), Rational.ZERO);
        else if (i.statistic === 'sum_abs') v = flat.reduce((x, y) => x.add(y.abs()), Rational.ZERO);
        else if (i.statistic === 'trace') v = inv.reduce((x, r, k) => x.add(r[k]!), Rational.ZERO);
        else if (i.statistic === 'entry') {
          const [r, c] = /position \((\d+), (\d+)\)/.exec(text)!.slice(1).map(Number);
          v = inv[r! - 1]![c! - 1]!;
        } else v = flat.reduce((x, y) => (y.abs().cmp(x.abs()) > 0 ? y : x));
        expect(answerOf(p).value).toBe(roundHalfUp(v).toString());
      }
    }
  });
});

describe('arithmetic_matrix_eigenvalues', () => {
  it('Sturm bisection on the Householder tridiagonal form gives the same rounded statistic', () => {
    for (const level of LEVELS) {
      for (const p of items('arithmetic_matrix_eigenvalues', level, PER(level))) {
        const text = promptOf(p);
        const [a] = promptMatrices(text);
        const upper = a!.every((r, i) => r.every((v, j) => j >= i || v === 0n));
        const sym = a!.every((r, i) => r.every((v, j) => v === a![j]![i]));
        expect(upper || sym).toBe(true);
        const eig = sym ? eigenvaluesSturm(a!.map((r) => r.map(Number))) : a!.map((r, i) => Number(r[i]!));
        const abs = eig.map(Math.abs);
        const v = inputsOf(p).statistic === 'max_abs' ? Math.max(...abs) : abs.reduce((x, y) => x + y, 0);
        expect(Math.abs(v - inputsOf(p).value)).toBeLessThan(1e-6);
        expect(answerOf(p).value).toBe(String(Math.round(v)));
      }
    }
  });
});

describe('arithmetic_matrix_power', () => {
  it('naive repeated multiplication gives the same statistic', () => {
    for (const level of LEVELS) {
      for (const p of items('arithmetic_matrix_power', level, PER(level))) {
        const text = promptOf(p);
        const [a] = promptMatrices(text);
        const k = Number(/A\^(\d+)/.exec(text)![1]);
        let pow = a!;
        for (let i = 1; i < k; i++) pow = mul(pow, a!);
        const st = inputsOf(p).statistic;
        const v =
          st === 'sum'
            ? pow.flat().reduce((x, y) => x + y, 0n)
            : st === 'sum_abs'
              ? pow.flat().reduce((x, y) => x + (y < 0n ? -y : y), 0n)
              : (() => {
                  const [r, c] = /position \((\d+), (\d+)\)/.exec(text)!.slice(1).map(Number);
                  return pow[r! - 1]![c! - 1]!;
                })();
        expect(answerOf(p).value).toBe(v.toString());
      }
    }
  });
});

describe('arithmetic_matrix_multiplication', () => {
  it('the product of the two prompt matrices gives the same statistic', () => {
    for (const level of LEVELS) {
      for (const p of items('arithmetic_matrix_multiplication', level, PER(level))) {
        const text = promptOf(p);
        const [a, b] = promptMatrices(text);
        const prod = mul(a!, b!);
        const st = inputsOf(p).statistic;
        const v =
          st === 'sum'
            ? prod.flat().reduce((x, y) => x + y, 0n)
            : st === 'sum_abs'
              ? prod.flat().reduce((x, y) => x + (y < 0n ? -y : y), 0n)
              : st === 'trace'
                ? prod.reduce((x, r, i) => x + r[i]!, 0n)
                : (() => {
                    const [r, c] = /position \((\d+), (\d+)\)/.exec(text)!.slice(1).map(Number);
                    return prod[r! - 1]![c! - 1]!;
                  })();
        expect(answerOf(p).value).toBe(v.toString());
        if (st === 'trace') expect(prod.length).toBe(prod[0]!.length);
      }
    }
  });
});

describe('arithmetic_matrix_rank', () => {
  it('the answer is the true rank by rational elimination, never full rank', () => {
    for (const level of LEVELS) {
      for (const p of items('arithmetic_matrix_rank', level, PER(level) * 2)) {
        const [m] = promptMatrices(promptOf(p));
        const r = rankRational(m!);
        expect(answerOf(p).value).toBe(String(r));
        expect(r).toBeLessThan(m!.length);
        expect(r).toBeLessThanOrEqual(inputsOf(p).constructedRank);
      }
    }
  });

  it('products that lose rank (upstream labelled them with the constructed rank) get their true rank', () => {
    // About 0.2–0.3% of level-1 items: L·R with L 4×r, R r×4 and small entries can drop below r.
    const lost = items('arithmetic_matrix_rank', 1, 3000).filter(
      (x) => inputsOf(x).constructedRank !== Number(answerOf(x).value),
    );
    expect(lost.length).toBeGreaterThan(0);
    for (const p of lost) {
      expect(Number(answerOf(p).value)).toBeLessThan(inputsOf(p).constructedRank);
      expect(rankRational(promptMatrices(promptOf(p))[0]!)).toBe(Number(answerOf(p).value));
    }
  });
});

describe('arithmetic_matrix_svd', () => {
  it('singular values from Sturm bisection on AᵀA give the same rounded statistic', () => {
    for (const level of LEVELS) {
      for (const p of items('arithmetic_matrix_svd', level, PER(level))) {
        const [a] = promptMatrices(promptOf(p));
        const ata = mul(
          a!.map((_, j) => a!.map((r) => r[j]!)),
          a!,
        ).map((r) => r.map(Number));
        const sigma = eigenvaluesSturm(ata).map((l) => Math.sqrt(Math.max(0, l)));
        const st = inputsOf(p).statistic;
        const max = Math.max(...sigma);
        const v = st === 'max' ? max : st === 'sum' ? sigma.reduce((x, y) => x + y, 0) : max - Math.min(...sigma);
        expect(Math.abs(v - inputsOf(p).value)).toBeLessThan(1e-5);
        expect(answerOf(p).value).toBe(String(Math.round(v)));
      }
    }
  });
});
