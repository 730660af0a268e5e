// Unweighted MaxSAT (every clause soft, weight 1): the least number of clauses any assignment
// falsifies, and one assignment that achieves it. Linear UNSAT→SAT search: k = 0, 1, 2, …, each
// step one SAT call on the formula with a relaxation variable per clause and "at most k
// relaxed" as a sequential counter (Sinz 2005). The first satisfiable k is the optimum. SATQuest's
// optima are small (a handful of clauses), so the search takes few steps.
import { emptyStats, addStats, modelBits, newSolver } from './sat.js';
import { falsifiedCount } from './subsets.js';
import type { Clauses, SatSolver, SolverStats } from './types.js';

export interface MaxSatResult {
  /** The minimum number of falsified clauses. */
  cost: number;
  /** An assignment with exactly `cost` falsified clauses (bit i = variable i+1). */
  assignment: string;
  stats: SolverStats;
}

export function maxSat(clauses: Clauses, n: number): MaxSatResult {
  const stats = emptyStats();
  for (let k = 0; k <= clauses.length; k++) {
    const solver = newSolver();
    for (let v = 1; v <= n; v++) solver.newVar();
    const relax = clauses.map((c) => {
      const r = solver.newVar();
      solver.addClause([...c, r]);
      return r;
    });
    atMostK(solver, relax, k);
    const sat = solver.solve();
    addStats(stats, solver.stats);
    if (!sat) continue;
    const assignment = modelBits(solver.model(), n);
    const cost = falsifiedCount(clauses, assignment);
    // At most k clauses are relaxed and k-1 was infeasible, so exactly k are falsified.
    if (cost !== k) throw new Error(`maxSat: model falsifies ${cost} clauses at bound ${k}`);
    return { cost, assignment, stats };
  }
  throw new Error('maxSat: no bound was satisfiable'); // unreachable: k = m relaxes everything
}

/** Sinz's sequential counter: at most k of `xs` are true. */
export function atMostK(solver: SatSolver, xs: readonly number[], k: number): void {
  const m = xs.length;
  if (k >= m) return;
  if (k === 0) {
    for (const x of xs) solver.addClause([-x]);
    return;
  }
  // s[i][j]: at least j+1 of xs[0..i] are true.
  const s: number[][] = [];
  for (let i = 0; i < m - 1; i++) s.push(Array.from({ length: k }, () => solver.newVar()));
  solver.addClause([-xs[0]!, s[0]![0]!]);
  for (let j = 1; j < k; j++) solver.addClause([-s[0]![j]!]);
  for (let i = 1; i < m - 1; i++) {
    solver.addClause([-xs[i]!, s[i]![0]!]);
    solver.addClause([-s[i - 1]![0]!, s[i]![0]!]);
    for (let j = 1; j < k; j++) {
      solver.addClause([-xs[i]!, -s[i - 1]![j - 1]!, s[i]![j]!]);
      solver.addClause([-s[i - 1]![j]!, s[i]![j]!]);
    }
    solver.addClause([-xs[i]!, -s[i - 1]![k - 1]!]);
  }
  solver.addClause([-xs[m - 1]!, -s[m - 2]![k - 1]!]);
}
