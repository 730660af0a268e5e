// Contract checks for the seven transformative settings and independent brute-force
// recomputation of every transformed answer at small sizes (the familiar method, which is
// feasible there, against the insight-based ground truth).
import { describe, expect, it } from 'vitest';
import { Rational } from '../../../src/core/rational.js';
import { rank } from '../../../generators/omega/lib/matrix.js';
import { transformativeSettings } from '../../../generators/omega/transformative/index.js';
import { registry, familyOf } from '../../../generators/index.js';
import {
  coefficientMatrix,
  entry,
  circulantRank,
  transMatrixRank,
} from '../../../generators/omega/transformative/matrix_rank.js';
import { zigzagSolutions, transFuncIntersection } from '../../../generators/omega/transformative/func_intersection.js';
import {
  quadraticProduct,
  filterSum,
  rootsInRegion,
  PHASE_TEXT,
  transDeMoivre,
} from '../../../generators/omega/transformative/de_moivre.js';
import { letterProbability, transProbLetter } from '../../../generators/omega/transformative/prob_letter.js';
import {
  betaIntegral,
  KING_WEIGHTS,
  ODD_FACTORS,
  transIntegrations,
} from '../../../generators/omega/transformative/integrations.js';
import {
  pathsAvoiding,
  pathsBelowDiagonal,
  transGridworld,
} from '../../../generators/omega/transformative/gridworld.js';
import {
  latticePointsFormula,
  chordRegions,
  curveRegions,
  transCircles,
} from '../../../generators/omega/transformative/circles.js';
import { contractTests, inputsOf, items, truthOf } from '../omega-compositional/helpers.js';

describe('omega transformative settings', () => {
  it('registers seven settings with parts familiar and transformed under family omega-transformative', () => {
    expect(transformativeSettings).toHaveLength(7);
    for (const g of transformativeSettings) {
      expect(registry.get(g.name)).toBe(g);
      expect(familyOf(g)).toBe('omega-transformative');
      expect(Object.keys(g.setting.parts)).toEqual(['familiar', 'transformed']);
      expect(g.setting.testParts).toEqual(['transformed']);
    }
  });
  for (const g of transformativeSettings) contractTests(g, 4);
});

describe('the transformed family really is out of reach of the familiar method (the knob)', () => {
  it('matrix rank: familiar matrices are at most 5×5, transformed at least 24×24', () => {
    for (const p of items(transMatrixRank, 'familiar', [1, 2], 10)) expect(p.difficulty.n).toBeLessThanOrEqual(5);
    for (const p of items(transMatrixRank, 'transformed', [1, 2, 3], 10))
      expect(p.difficulty.n).toBeGreaterThanOrEqual(24);
  });
  it('function intersection: transformed equations have more solutions than a [−10, 10] plot shows', () => {
    const fam = items(transFuncIntersection, 'familiar', [1, 2], 10).map((p) => Number(truthOf(p).answer.value));
    const tr = items(transFuncIntersection, 'transformed', [2, 3], 10).map((p) => Number(truthOf(p).answer.value));
    expect(Math.min(...tr)).toBeGreaterThan(Math.max(...fam));
  });
  it('prob letter: familiar words have ≤ 3 letters, transformed ≥ 16', () => {
    for (const p of items(transProbLetter, 'familiar', [1, 2], 10))
      expect(p.difficulty.wordLength).toBeLessThanOrEqual(3);
    for (const p of items(transProbLetter, 'transformed', [1, 2, 3], 10))
      expect(p.difficulty.length).toBeGreaterThanOrEqual(16);
  });
  it('gridworld: transformed grids are larger than any familiar one', () => {
    const fam = items(transGridworld, 'familiar', [1, 2], 10).map((p) =>
      Math.max(inputsOf(p).width, inputsOf(p).height),
    );
    const tr = items(transGridworld, 'transformed', [1, 2, 3], 10).map((p) => inputsOf(p).width);
    expect(Math.min(...tr)).toBeGreaterThan(Math.max(...fam));
  });
  it('circles: transformed sizes exceed familiar ones in every kind', () => {
    const size = (p: any) => Number(p.difficulty.size);
    for (const kind of ['chords', 'curves']) {
      const fam = items(transCircles, 'familiar', [1, 2], 30)
        .filter((p) => p.difficulty.kind === kind)
        .map(size);
      const tr = items(transCircles, 'transformed', [1, 2, 3], 30)
        .filter((p) => p.difficulty.kind === kind)
        .map(size);
      expect(Math.min(...tr)).toBeGreaterThan(Math.max(...fam));
    }
  });
});

describe('brute-force cross-checks at small sizes', () => {
  it('matrix rank: structure theorems agree with elimination on the explicit matrix', () => {
    for (const p of items(transMatrixRank, 'transformed', 1, 20)) {
      const x = inputsOf(p);
      const n = 12;
      if (x.kind === 'polynomial') {
        const A = Array.from({ length: n }, (_, i) =>
          Array.from({ length: n }, (_, j) => entry(x.terms, i + 1, j + 1)),
        );
        expect(rank(A)).toBe(rank(coefficientMatrix(x.terms)));
      } else {
        const row = Array.from({ length: n }, (_, k) => BigInt(x.pattern[k % x.pattern.length]));
        if (n % x.pattern.length !== 0) continue;
        const C = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => row[(j - i + n) % n]!));
        expect(circulantRank(row)).toBe(rank(C));
      }
    }
    for (const n of [6, 8, 9, 10, 12])
      for (let seed = 0; seed < 6; seed++) {
        const row = Array.from({ length: n }, (_, k) =>
          BigInt(((k * 7 + seed * 3) % 5) - 2 + (k % (seed + 2) === 0 ? 1 : 0)),
        );
        const C = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => row[(j - i + n) % n]!));
        expect(circulantRank(row)).toBe(rank(C));
      }
  });

  it('function intersection: exact count equals a fine numeric sign-change count', () => {
    const tri = (u: number) => Math.abs(u - Math.round(u));
    for (const z of [
      { a: 1, b: 5, d: 3, e: 2 },
      { a: 2, b: 7, d: 4, e: -3 },
      { a: 1, b: 11, d: 5, e: 0 },
      { a: 3, b: 6, d: 2, e: 1 },
    ]) {
      const exact = zigzagSolutions(z);
      // Only compare where no solution sits on a corner of the zig-zag (a sign change would miss a touch).
      if (exact.some((x) => Rational.of(2n).mul(x).mul(Rational.of(z.b)).isInteger())) continue;
      const h = (x: number) => z.a * tri(z.b * x) - (x + z.e) / z.d;
      const lo = -z.e - 1,
        hi = -z.e + (z.a * z.d) / 2 + 1,
        steps = 400_000;
      let changes = 0,
        prev = h(lo);
      for (let i = 1; i <= steps; i++) {
        const v = h(lo + ((hi - lo) * i) / steps);
        if (Math.sign(v) !== Math.sign(prev)) changes++;
        prev = v;
      }
      expect(exact.length).toBe(changes);
    }
  });

  it('De Moivre: products, filters and root counts agree with complex floating point', () => {
    type C = [number, number];
    const mul = (a: C, b: C): C => [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
    const root = (n: number, k: number): C => [Math.cos((2 * Math.PI * k) / n), Math.sin((2 * Math.PI * k) / n)];
    expect(quadraticProduct(13, 2n, 2n) % 1000n).toBe(321n); // AIME 2023 II #8
    for (const [n, b, c] of [
      [5, 1n, 2n],
      [7, -3n, 4n],
      [9, 2n, 3n],
      [6, 0n, 5n],
    ] as const) {
      let prod: C = [1, 0];
      for (let k = 0; k < n; k++) {
        const w = root(n, k);
        const w2 = mul(w, w);
        prod = mul(prod, [w2[0] - Number(b) * w[0] + Number(c), w2[1] - Number(b) * w[1]]);
      }
      expect(Math.round(prod[0])).toBe(Number(quadraticProduct(n, b, c)));
      expect(Math.abs(prod[1])).toBeLessThan(1e-6);
    }
    for (const [n, m] of [
      [3, 10],
      [4, 9],
      [5, 12],
      [6, 7],
    ] as const) {
      let s = 0;
      for (let k = 0; k < n; k++) {
        let t: C = [1, 0];
        const w = root(n, k);
        for (let i = 0; i < m; i++) t = mul(t, [1 + w[0], w[1]]);
        s += t[0];
      }
      expect(Math.round(s)).toBe(Number(filterSum(n, m)));
    }
    for (const n of [5, 8, 13])
      for (let phase = 0; phase < 4; phase++) {
        const zs = Array.from({ length: n }, (_, k) => ((Math.PI / 2) * phase + 2 * Math.PI * k) / n).map(
          (t) => [Math.cos(t), Math.sin(t)] as C,
        );
        const eps = 1e-9;
        expect(rootsInRegion(n, phase, 'first quadrant')).toBe(zs.filter(([x, y]) => x > eps && y > eps).length);
        expect(rootsInRegion(n, phase, 'right half-plane')).toBe(zs.filter(([x]) => x > eps).length);
        expect(rootsInRegion(n, phase, 'upper half-plane')).toBe(zs.filter(([, y]) => y > eps).length);
        expect(PHASE_TEXT[phase]).toBeDefined();
      }
  });

  it('prob letter: the hypergeometric formula matches enumerating every shuffle of a short word', () => {
    const perms = (n: number): number[][] =>
      n === 0
        ? [[]]
        : perms(n - 1).flatMap((p) => Array.from({ length: n }, (_, k) => [...p.slice(0, k), n - 1, ...p.slice(k)]));
    for (const [word, k] of [
      [[0, 0, 1, 2, 1, 0], 3],
      [[0, 1, 0, 1, 2, 2, 0], 3],
      [[0, 0, 1, 1], 2],
    ] as const) {
      const L = word.length;
      const counts = new Array(k + 1).fill(0);
      const all = perms(L);
      for (const s of all) counts[word.reduce((c, t, i) => c + (t === 0 && word[s[i]!] === 0 ? 1 : 0), 0)]++;
      for (let j = 0; j <= k; j++)
        expect(letterProbability(L, k, { kind: 'exactly', j }).eq(Rational.of(counts[j], all.length))).toBe(true);
      expect(letterProbability(L, k, { kind: 'none' }).eq(Rational.of(counts[0], all.length))).toBe(true);
      expect(
        letterProbability(L, k, { kind: 'atLeast', j: 1 }).eq(Rational.of(all.length - counts[0], all.length)),
      ).toBe(true);
    }
  });

  it('integrations: every transformed answer matches Simpson quadrature', () => {
    const simpson = (f: (x: number) => number, a: number, b: number, n = 20_000) => {
      const h = (b - a) / n;
      let s = f(a) + f(b);
      for (let i = 1; i < n; i++) s += f(a + i * h) * (i % 2 ? 4 : 2);
      return (s * h) / 3;
    };
    for (const p of items(transIntegrations, 'transformed', [1, 2], 24)) {
      const x = inputsOf(p);
      const want = Rational.parse(truthOf(p).answer.value)!.toNumber();
      let got: number;
      if (x.kind === 'beta') got = simpson((t) => t ** x.m * (1 - t) ** x.n, 0, 1);
      else if (x.kind === 'king') {
        const g = (t: number) => KING_WEIGHTS[x.weight]!.f(t, x.shift);
        got = simpson((t) => g(t) / (g(t) + g(x.a + x.b - t)), x.a, x.b);
      } else {
        const even = (t: number) => x.even.reduce((s: number, c: string, i: number) => s + Number(c) * t ** i, 0);
        got = simpson((t) => even(t) + x.oddCoefficient * t ** x.oddPower * ODD_FACTORS[x.factor]!.f(t), -x.c, x.c);
      }
      expect(Math.abs(got - want)).toBeLessThan(1e-6 * Math.max(1, Math.abs(want)));
    }
    expect(betaIntegral(1, 1).toString()).toBe('1/6');
  });

  it('gridworld: closed forms equal the cell-by-cell dynamic programme', () => {
    const dp = (w: number, h: number, blocked: (x: number, y: number) => boolean) => {
      const t = Array.from({ length: w }, () => new Array<bigint>(h).fill(0n));
      for (let x = 0; x < w; x++)
        for (let y = 0; y < h; y++) {
          if (blocked(x, y)) continue;
          t[x]![y] = x === 0 && y === 0 ? 1n : (x > 0 ? t[x - 1]![y]! : 0n) + (y > 0 ? t[x]![y - 1]! : 0n);
        }
      return t[w - 1]![h - 1]!;
    };
    for (const p of items(transGridworld, 'transformed', [1, 2, 3], 20)) {
      const x = inputsOf(p);
      const want = BigInt(truthOf(p).answer.value);
      if (x.kind === 'blocked')
        expect(dp(x.width, x.height, (a, b) => x.blocked.some((c: number[]) => c[0] === a && c[1] === b))).toBe(want);
      else expect(dp(x.width, x.height, (a, b) => b > a + x.offset)).toBe(want);
    }
    expect(pathsBelowDiagonal(5, 0)).toBe(42n); // Catalan
    expect(pathsAvoiding(3, 3, [[1, 1]])).toBe(2n);
  });

  it('circles: formulas equal enumeration and an Euler count', () => {
    for (let N = 1; N <= 2000; N++) {
      let count = 0;
      const r = Math.floor(Math.sqrt(N));
      for (let x = -r; x <= r; x++) {
        const y2 = N - x * x;
        const y = Math.round(Math.sqrt(y2));
        if (y * y === y2) count += y === 0 ? 1 : 2;
      }
      expect(latticePointsFormula(BigInt(N))).toBe(BigInt(count));
    }
    for (let n = 1; n <= 12; n++) {
      // n points on a circle, chords between all pairs; two chords cross iff their endpoints interleave.
      let crossings = 0;
      const chords: [number, number][] = [];
      for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) chords.push([a, b]);
      for (let i = 0; i < chords.length; i++)
        for (let j = i + 1; j < chords.length; j++) {
          const [a, b] = chords[i]!,
            [c, d] = chords[j]!;
          if ((a < c && c < b && b < d) || (c < a && a < d && d < b)) crossings++;
        }
      // Each chord is cut into (its crossings + 1) edges; V = n + crossings; arcs = n (n ≥ 2)
      const V = n + crossings;
      const E = chords.length + 2 * crossings + (n >= 2 ? n : 0);
      const F = n >= 2 ? E - V + 1 : 1; // interior faces (Euler, outer face removed)
      expect(chordRegions(n)).toBe(BigInt(F));
    }
    expect(curveRegions(0, 3)).toBe(7n);
    expect(curveRegions(3, 0)).toBe(8n);
    expect(curveRegions(1, 1)).toBe(4n);
  });
});
