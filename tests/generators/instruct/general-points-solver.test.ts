import { describe, it, expect } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import { evaluateExact, parseFormula } from '../../../generators/instruct/general-points/formula.js';
import { solve } from '../../../generators/instruct/general-points/solver.js';
import { solvableByPermutations, solvableBySubsets } from './gp-brute-force.js';

function randomHand(rng: Rng, n: number, max: number): number[] {
  return Array.from({ length: n }, () => rng.int(1, max));
}

/** The solver's formula must use exactly the values and equal the target under BigInt evaluation. */
function expectValidSolution(formula: string, values: number[], target: number): void {
  const parsed = parseFormula(formula);
  expect(parsed.ok, formula).toBe(true);
  if (!parsed.ok) return;
  expect(parsed.numbers.map(Number).sort((a, b) => a - b)).toEqual([...values].sort((a, b) => a - b));
  expect(evaluateExact(parsed.ast)?.toString()).toBe(String(target));
}

describe('general-points solver', () => {
  it('agrees with a permutation × tree × operator brute force on random 4-card hands and targets', () => {
    const rng = Rng.fromKey('gp-solver-vs-permutations');
    let solvable = 0;
    let unsolvable = 0;
    for (let i = 0; i < 120; i++) {
      const values = randomHand(rng, 4, 13);
      const target = rng.bool(0.5) ? 24 : rng.int(1, 120);
      const expected = solvableByPermutations(values, target);
      const found = solve(values, target);
      expect(found !== undefined, `${values} → ${target}`).toBe(expected);
      if (found !== undefined) {
        solvable++;
        expectValidSolution(found, values, target);
      } else unsolvable++;
    }
    // Both outcomes must occur, or the agreement says little.
    expect(solvable).toBeGreaterThan(20);
    expect(unsolvable).toBeGreaterThan(20);
  });

  it('agrees with a sub-multiset brute force on 4- and 5-card hands, including values up to 19', () => {
    const rng = Rng.fromKey('gp-solver-vs-subsets');
    let unsolvable = 0;
    for (let i = 0; i < 250; i++) {
      const n = i < 230 ? 4 : 5;
      const values = randomHand(rng, n, i % 2 ? 19 : 13);
      const target = rng.bool(0.4) ? 24 : rng.int(1, n === 4 ? 150 : 2000);
      const expected = solvableBySubsets(values, target);
      const found = solve(values, target);
      expect(found !== undefined, `${values} → ${target}`).toBe(expected);
      if (found !== undefined) expectValidSolution(found, values, target);
      else unsolvable++;
    }
    expect(unsolvable).toBeGreaterThan(20);
  });

  it('finds solutions that need exact fractions', () => {
    for (const [values, target] of [
      [[3, 3, 8, 8], 24],
      [[1, 4, 5, 6], 24],
      [[3, 3, 7, 7], 24],
      [[1, 3, 4, 6], 24],
    ] as [number[], number][]) {
      expect(solvableByPermutations(values, target)).toBe(true);
      const found = solve(values, target);
      expect(found).toBeDefined();
      expectValidSolution(found!, values, target);
      expect(found).toContain('/');
    }
  });

  it('reports hands too small to reach 24 as unsolvable', () => {
    for (const values of [
      [1, 1, 1, 1],
      [1, 1, 1, 2],
      [1, 1, 2, 2],
      [1, 1, 1, 5],
      [1, 1, 1, 1, 1, 1],
    ]) {
      expect(solvableByPermutations(values, 24)).toBe(false);
      expect(solve(values, 24)).toBeUndefined();
    }
  });

  it('depends only on the multiset, not the order', () => {
    expect(solve([7, 4, 3, 10], 24)).toBe(solve([3, 10, 7, 4], 24));
  });

  it('stays fast on 6 cards, even when nothing reaches the target', () => {
    const rng = Rng.fromKey('gp-solver-six');
    const t0 = performance.now();
    for (let i = 0; i < 300; i++) {
      const values = randomHand(rng, 6, 13);
      const found = solve(values, 24);
      if (found) expectValidSolution(found, values, 24);
    }
    expect(solve([19, 18, 17, 16, 15, 14], 999_983)).toBeUndefined();
    expect(performance.now() - t0).toBeLessThan(5_000);
  });

  it('refuses inputs its safe-integer arithmetic cannot hold', () => {
    expect(() => solve([1_000_000, 1_000_000, 1_000_000], 24)).toThrow(RangeError);
    expect(() => solve([], 24)).toThrow(RangeError);
    expect(() => solve([1.5, 2], 24)).toThrow(RangeError);
  });
});
