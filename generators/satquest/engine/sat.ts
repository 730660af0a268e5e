// Plain satisfiability: one call on a whole formula, with the statistics SATQuest reports as
// solver effort.
import { CdclSolver } from './cdcl.js';
import type { Clauses, SatSolver, SolverStats } from './types.js';

/** The default backend. */
export function newSolver(): SatSolver {
  return new CdclSolver();
}

export interface SolveResult {
  sat: boolean;
  /** For a satisfiable formula: bit i is the value of variable i+1 ('1' = true). */
  assignment?: string;
  stats: SolverStats;
}

/** Solves `clauses` over variables 1..n (variables that occur in no clause get '0'). */
export function solveFormula(clauses: Clauses, n: number): SolveResult {
  const solver = newSolver();
  for (let v = 1; v <= n; v++) solver.newVar();
  for (const c of clauses) solver.addClause(c);
  const sat = solver.solve();
  return sat
    ? { sat, assignment: modelBits(solver.model(), n), stats: { ...solver.stats } }
    : { sat, stats: { ...solver.stats } };
}

export function isSatisfiable(clauses: Clauses, n: number): boolean {
  return solveFormula(clauses, n).sat;
}

/** Variables 1..n of a model as a bit string. */
export function modelBits(model: readonly boolean[], n: number): string {
  let s = '';
  for (let v = 1; v <= n; v++) s += model[v] ? '1' : '0';
  return s;
}

export function addStats(into: SolverStats, from: SolverStats): void {
  into.decisions += from.decisions;
  into.conflicts += from.conflicts;
  into.propagations += from.propagations;
  into.solves += from.solves;
}

export function emptyStats(): SolverStats {
  return { decisions: 0, conflicts: 0, propagations: 0, solves: 0 };
}
