// CNF sampling as SATQuest does it: the clause-width distribution, distinct clauses, m = ⌊ratio·n⌋,
// and the UNSAT-first pairing that yields one unsatisfiable and one satisfiable formula with the
// same variables per clause.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import { clauseCount, hundredths } from '../../../generators/satquest/params.js';
import {
  canonicalFormula,
  distinctClauseCount,
  drawClause,
  drawDistinctClauses,
  drawPair,
  drawWidth,
  shuffleFormula,
} from '../../../generators/satquest/sampling.js';
import { bruteForce, formulaSat } from './brute-force.js';

/** Variables of each clause as a sorted key, for comparing formulas up to order and signs. */
const shape = (clauses: number[][]) =>
  clauses
    .map((c) =>
      c
        .map(Math.abs)
        .sort((a, b) => a - b)
        .join(','),
    )
    .sort();

describe('clause sampling', () => {
  it('draws widths with SATQuest’s distribution: P(2)=0.21, P(3)=0.553, P(4)=0.166, P(5)=0.050', () => {
    const rng = Rng.forItem('widths', 0);
    const N = 40_000;
    const counts = new Map<number, number>();
    for (let i = 0; i < N; i++) {
      const k = drawWidth(64, rng);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    // k = base + G: P(2) = 0.3·0.7, P(3) = 0.3·0.21 + 0.7·0.7, P(4) = 0.3·0.063 + 0.7·0.21, …
    const p = (k: number) => 0.3 * 0.7 * 0.3 ** (k - 2) + (k >= 3 ? 0.7 * 0.7 * 0.3 ** (k - 3) : 0);
    for (const k of [2, 3, 4, 5]) {
      const sd = Math.sqrt((p(k) * (1 - p(k))) / N);
      expect(Math.abs(counts.get(k)! / N - p(k)), `width ${k}`).toBeLessThan(5 * sd);
    }
    expect(Math.min(...counts.keys())).toBe(2);
  });

  it('caps the width at n and picks distinct variables, sorted by variable, with both signs', () => {
    const rng = Rng.forItem('clauses', 0);
    let negative = 0;
    let literals = 0;
    for (let i = 0; i < 1500; i++) {
      const n = 3 + (i % 5);
      const c = drawClause(n, rng);
      expect(c.length).toBeGreaterThanOrEqual(2);
      expect(c.length).toBeLessThanOrEqual(n);
      const vars = c.map(Math.abs);
      expect(new Set(vars).size).toBe(c.length);
      expect(vars).toEqual([...vars].sort((a, b) => a - b));
      for (const v of vars) expect(v >= 1 && v <= n).toBe(true);
      negative += c.filter((l) => l < 0).length;
      literals += c.length;
    }
    expect(negative / literals).toBeGreaterThan(0.47);
    expect(negative / literals).toBeLessThan(0.53);
  });

  it('draws m distinct clauses and counts the distinct clauses that exist', () => {
    expect(distinctClauseCount(3)).toBe(20); // 3 pairs × 4 signs + 1 triple × 8 signs
    expect(distinctClauseCount(4)).toBe(6 * 4 + 4 * 8 + 16);
    const rng = Rng.forItem('distinct', 0);
    const all = drawDistinctClauses(3, 20, rng);
    expect(new Set(all.map((c) => c.join(','))).size).toBe(20);
    expect(() => drawDistinctClauses(3, 21, rng)).toThrow(RangeError);
  });

  it('computes m = ⌊ratio·n⌋ exactly, where floats would round wrongly', () => {
    expect(clauseCount(3, hundredths(2.1))).toBe(6);
    expect(clauseCount(45, hundredths(2.8))).toBe(126); // 45 * 2.8 = 125.99999999999999 in floats (Python too)
    expect(Math.floor(45 * 2.8)).toBe(125);
    expect(clauseCount(16, hundredths(4))).toBe(64);
    expect(clauseCount(7, hundredths(4.26))).toBe(29);
  });
});

describe('the UNSAT-first pairing', () => {
  it('gives an unsatisfiable formula and a satisfiable partner with the same clause shapes (brute force)', () => {
    for (let i = 0; i < 150; i++) {
      const rng = Rng.forItem('pairs', i);
      const n = 3 + (i % 12);
      const m = clauseCount(n, 10 * rng.int(21, 40));
      const pair = drawPair(n, m, rng);
      expect(pair.unsat).toHaveLength(m);
      expect(pair.sat).toHaveLength(m);
      expect(formulaSat(bruteForce(pair.unsat, n))).toBe(false);
      expect(formulaSat(bruteForce(pair.sat, n))).toBe(true);
      expect(shape(pair.sat)).toEqual(shape(pair.unsat));
      expect(new Set(pair.unsat.map((c) => [...c].sort((a, b) => a - b).join(','))).size).toBe(m); // distinct
      for (const c of [...pair.sat, ...pair.unsat]) for (const l of c) expect(Math.abs(l) <= n && l !== 0).toBe(true);
    }
  });

  it('shuffles literal order within clauses and clause order, keeping the clause multiset', () => {
    const rng = Rng.forItem('shuffle', 0);
    const clauses = drawDistinctClauses(12, 48, rng);
    const shuffled = shuffleFormula(clauses, Rng.forItem('shuffle', 1));
    expect(canonicalFormula(shuffled)).toEqual(canonicalFormula(clauses));
    expect(shuffled.map((c) => c.join(','))).not.toEqual(clauses.map((c) => c.join(',')));
    expect(shuffled.some((c) => c.some((l, i) => i > 0 && Math.abs(l) < Math.abs(c[i - 1]!)))).toBe(true);
  });

  it('is a pure function of the stream', () => {
    expect(drawPair(9, 36, Rng.forItem(5, 5))).toEqual(drawPair(9, 36, Rng.forItem(5, 5)));
    expect(drawPair(9, 36, Rng.forItem(5, 5)).unsat).not.toEqual(drawPair(9, 36, Rng.forItem(5, 6)).unsat);
  });

  it('canonicalFormula sorts literals by variable and clauses lexicographically (SATQuest’s dedup form)', () => {
    expect(
      canonicalFormula([
        [3, -1],
        [2, 1],
        [-2, -1, 3],
      ]),
    ).toEqual([
      [-1, -2, 3],
      [-1, 3],
      [1, 2],
    ]);
  });
});
