// The SAT engine against brute force: decisions, models, assumptions and cores, incremental use,
// the cardinality encoding, MaxSAT optima, and MUS / MCS extraction and checking, on thousands
// of random small formulas (n 1..16, clause widths 1..5, duplicates and unit clauses allowed).
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import { CdclSolver } from '../../../generators/satquest/engine/cdcl.js';
import { atMostK, maxSat } from '../../../generators/satquest/engine/maxsat.js';
import { solveFormula } from '../../../generators/satquest/engine/sat.js';
import {
  checkMcs,
  checkMus,
  deletionMus,
  falsifiedCount,
  growMcs,
} from '../../../generators/satquest/engine/subsets.js';
import {
  allClauses,
  assignmentIndex,
  bruteForce,
  falsifiedBy,
  formulaSat,
  indicesOf,
  isMcsBrute,
  isMusBrute,
  maxSatCost,
  setOf,
  subsetSat,
} from './brute-force.js';

/** A random formula with no structure in common with the generator's sampler. */
function randomFormula(rng: Rng, n: number, m: number, maxWidth = 4): number[][] {
  return Array.from({ length: m }, () => {
    const k = rng.int(1, Math.min(maxWidth, n));
    const vars = rng.sample(
      Array.from({ length: n }, (_, i) => i + 1),
      k,
    );
    return vars.map((v) => (rng.bool() ? v : -v));
  });
}

/** Formulas around the satisfiability threshold so both answers are common. */
function* formulas(
  seed: number,
  count: number,
  nMin: number,
  nMax: number,
): Generator<{ clauses: number[][]; n: number }> {
  for (let i = 0; i < count; i++) {
    const rng = Rng.forItem(seed, i);
    const n = rng.int(nMin, nMax);
    const m = rng.int(1, Math.max(2, Math.round(n * rng.float(1.5, 6))));
    yield { clauses: randomFormula(rng, n, m, rng.pick([2, 3, 4, 5])), n };
  }
}

describe('CDCL decision and models', () => {
  it('agrees with brute force on 2,000 random formulas with n 1..12', () => {
    let sat = 0;
    for (const { clauses, n } of formulas(1, 2000, 1, 12)) {
      const bf = bruteForce(clauses, n);
      const r = solveFormula(clauses, n);
      expect(r.sat).toBe(formulaSat(bf));
      if (r.sat) {
        sat++;
        expect(r.assignment).toHaveLength(n);
        expect(falsifiedBy(bf, assignmentIndex(r.assignment!))).toBe(0);
      }
    }
    expect(sat).toBeGreaterThan(400); // both answers well represented
    expect(sat).toBeLessThan(1600);
  });

  it('agrees with brute force on 150 formulas with n 13..16', () => {
    for (const { clauses, n } of formulas(2, 150, 13, 16)) {
      const bf = bruteForce(clauses, n);
      const r = solveFormula(clauses, n);
      expect(r.sat).toBe(formulaSat(bf));
      if (r.sat) expect(falsifiedCount(clauses, r.assignment!)).toBe(0);
    }
  });

  it('handles the degenerate cases: no clauses, an empty clause, tautologies, repeated literals', () => {
    expect(solveFormula([], 3).sat).toBe(true);
    const s = new CdclSolver();
    expect(s.addClause([])).toBe(false);
    expect(s.solve()).toBe(false);
    expect(
      solveFormula(
        [
          [1, -1],
          [2, 2, 2],
          [-2, 3],
        ],
        3,
      ),
    ).toMatchObject({ sat: true });
    expect(solveFormula([[1], [-1]], 1).sat).toBe(false);
    const t = new CdclSolver();
    expect(() => t.addClause([0])).toThrow(RangeError);
  });

  it('proves the pigeonhole formula PHP(6 pigeons, 5 holes) unsatisfiable', () => {
    const P = 6;
    const H = 5;
    const x = (p: number, h: number) => p * H + h + 1;
    const clauses: number[][] = [];
    for (let p = 0; p < P; p++) clauses.push(Array.from({ length: H }, (_, h) => x(p, h)));
    for (let h = 0; h < H; h++)
      for (let p = 0; p < P; p++) for (let q = p + 1; q < P; q++) clauses.push([-x(p, h), -x(q, h)]);
    const r = solveFormula(clauses, P * H);
    expect(r.sat).toBe(false);
    expect(r.stats.conflicts).toBeGreaterThan(0);
  });

  it('stays sound past thousands of conflicts (learnt-clause reduction and restarts at work)', () => {
    const P = 8;
    const H = 7;
    const x = (p: number, h: number) => p * H + h + 1;
    const php: number[][] = [];
    for (let p = 0; p < P; p++) php.push(Array.from({ length: H }, (_, h) => x(p, h)));
    for (let h = 0; h < H; h++)
      for (let p = 0; p < P; p++) for (let q = p + 1; q < P; q++) php.push([-x(p, h), -x(q, h)]);
    const r = solveFormula(php, P * H);
    expect(r.sat).toBe(false);
    expect(r.stats.conflicts).toBeGreaterThan(2500); // past the first clause-database reduction
    const rng = Rng.forItem('3sat', 0);
    let sat = 0;
    for (let i = 0; i < 6; i++) {
      const n = 120;
      const clauses = Array.from({ length: Math.round(4.2 * n) }, () =>
        rng
          .sample(
            Array.from({ length: n }, (_, j) => j + 1),
            3,
          )
          .map((v) => (rng.bool() ? v : -v)),
      );
      const res = solveFormula(clauses, n);
      if (res.sat) {
        sat++;
        expect(falsifiedCount(clauses, res.assignment!)).toBe(0);
      }
    }
    expect(sat).toBeGreaterThan(0);
  });

  it('is deterministic: the same formula gives the same model and the same statistics', () => {
    for (const { clauses, n } of formulas(3, 50, 8, 30)) {
      expect(solveFormula(clauses, n)).toEqual(solveFormula(clauses, n));
    }
  });
});

describe('CDCL assumptions, cores and incremental use', () => {
  it('answers 2,000 assumption queries like brute force, with cores that are contradictory subsets', () => {
    let unsatQueries = 0;
    for (const { clauses, n } of formulas(4, 200, 2, 10)) {
      const solver = new CdclSolver();
      for (let v = 1; v <= n; v++) solver.newVar();
      for (const c of clauses) solver.addClause(c);
      const rng = Rng.forItem(5, n * 1000 + clauses.length);
      for (let q = 0; q < 10; q++) {
        // one solver, many queries: learnt clauses must stay sound
        const k = rng.int(0, n);
        const assumptions = rng
          .sample(
            Array.from({ length: n }, (_, i) => i + 1),
            k,
          )
          .map((v) => (rng.bool() ? v : -v));
        const withUnits = [...clauses, ...assumptions.map((a) => [a])];
        const expected = formulaSat(bruteForce(withUnits, n));
        expect(solver.solve(assumptions)).toBe(expected);
        if (expected) {
          const model = solver.model();
          for (const a of assumptions) expect(model[Math.abs(a)]).toBe(a > 0);
        } else {
          unsatQueries++;
          const core = solver.core();
          for (const a of core) expect(assumptions).toContain(a);
          expect(formulaSat(bruteForce([...clauses, ...core.map((a) => [a])], n))).toBe(false);
        }
      }
    }
    expect(unsatQueries).toBeGreaterThan(300);
  });

  it('reports contradictory assumptions as their own core', () => {
    const s = new CdclSolver();
    s.addClause([1, 2]);
    expect(s.solve([3, -3])).toBe(false);
    expect(s.core().sort()).toEqual([-3, 3]);
    expect(s.solve()).toBe(true); // the assumptions did not stick
  });

  it('keeps answering correctly when clauses are added between solves', () => {
    for (const { clauses, n } of formulas(6, 100, 3, 10)) {
      const solver = new CdclSolver();
      for (let i = 0; i < clauses.length; i++) {
        solver.addClause(clauses[i]!);
        if (i % 3 === 2 || i === clauses.length - 1) {
          expect(solver.solve()).toBe(formulaSat(bruteForce(clauses.slice(0, i + 1), n)));
        }
      }
    }
  });
});

describe('cardinality encoding', () => {
  it('at most k of m ≤ 7 inputs: satisfiable under a full input assignment iff popcount ≤ k', () => {
    for (let m = 1; m <= 7; m++) {
      for (let k = 0; k <= m; k++) {
        const solver = new CdclSolver();
        const xs = Array.from({ length: m }, () => solver.newVar());
        atMostK(solver, xs, k);
        for (let a = 0; a < 1 << m; a++) {
          const assumptions = xs.map((x, i) => (a & (1 << i) ? x : -x));
          const ones = xs.filter((_, i) => a & (1 << i)).length;
          expect(solver.solve(assumptions), `m=${m} k=${k} a=${a}`).toBe(ones <= k);
        }
      }
    }
  });
});

describe('MaxSAT, MUS and MCS against brute force', () => {
  it('MaxSAT optimum and an optimal assignment on 600 formulas with n 2..12', () => {
    for (const { clauses, n } of formulas(7, 600, 2, 12)) {
      const bf = bruteForce(clauses, n);
      const r = maxSat(clauses, n);
      expect(r.cost).toBe(maxSatCost(bf));
      expect(falsifiedBy(bf, assignmentIndex(r.assignment))).toBe(r.cost);
    }
  });

  it('MaxSAT on 40 formulas with n 13..16', () => {
    for (const { clauses, n } of formulas(8, 40, 13, 16)) {
      const bf = bruteForce(clauses, n);
      expect(maxSat(clauses, n).cost).toBe(maxSatCost(bf));
    }
  });

  it('deletion MUS and grown MCS are minimal by definition, on every unsatisfiable formula of 1,000 (n 2..16)', () => {
    let checked = 0;
    for (const { clauses, n } of formulas(9, 1000, 2, 16)) {
      if (n > 12 && checked % 4 !== 0) {
        checked++;
        continue;
      } // keep the large end cheap
      const bf = bruteForce(clauses, n);
      if (formulaSat(bf)) continue;
      checked++;
      const mus = deletionMus(clauses, n).mus;
      expect(isMusBrute(bf, setOf(bf, mus))).toBe(true);
      const mcs = growMcs(clauses, n).mcs;
      expect(isMcsBrute(bf, setOf(bf, mcs))).toBe(true);
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('checkMus / checkMcs agree with the definitions on random and near-miss subsets', () => {
    let cases = 0;
    for (const { clauses, n } of formulas(10, 400, 2, 10)) {
      const bf = bruteForce(clauses, n);
      if (formulaSat(bf)) continue;
      const rng = Rng.forItem(11, clauses.length * 31 + n);
      const m = clauses.length;
      const mus = deletionMus(clauses, n).mus;
      const mcs = growMcs(clauses, n).mcs;
      const candidates: number[][] = [mus, mcs];
      for (const base of [mus, mcs]) {
        for (let j = 0; j < m; j++)
          candidates.push(base.includes(j) ? base.filter((x) => x !== j) : [...base, j].sort((a, b) => a - b));
      }
      for (let r = 0; r < 10; r++)
        candidates.push(Array.from({ length: m }, (_, i) => i).filter(() => rng.bool(rng.pick([0.2, 0.5, 0.8]))));
      candidates.push(
        [],
        Array.from({ length: m }, (_, i) => i),
      );
      for (const c of candidates) {
        const set = setOf(bf, c);
        expect(checkMus(clauses, n, c).ok, `MUS ${c}`).toBe(isMusBrute(bf, set));
        expect(checkMcs(clauses, n, c).ok, `MCS ${c}`).toBe(isMcsBrute(bf, set));
        cases++;
      }
    }
    expect(cases).toBeGreaterThan(3000);
  });

  it('finds a MUS that is a proper subset when the formula has redundant clauses', () => {
    // (x1)(¬x1) is the only MUS; the rest is satisfiable padding.
    const clauses = [[2, 3], [1], [-2, 3], [-1], [2, -3]];
    expect(deletionMus(clauses, 3).mus).toEqual([1, 3]);
    const bf = bruteForce(clauses, 3);
    expect(indicesOf(setOf(bf, growMcs(clauses, 3).mcs))).toHaveLength(1);
    expect(subsetSat(bf, allClauses(bf))).toBe(false);
  });
});
