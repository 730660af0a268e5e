// The interface the SATQuest tasks need from a SAT solver, so the backend can be swapped (a
// wasm MiniSat, a CLI through DIMACS files) without touching the tasks. Literals are DIMACS
// integers: variable v is `v`, its negation `-v`.

/** A clause list in DIMACS convention: each clause an array of non-zero signed variable indices. */
export type Clauses = readonly (readonly number[])[];

export interface SolverStats {
  decisions: number;
  conflicts: number;
  propagations: number;
  /** Calls of solve(). */
  solves: number;
}

export interface SatSolver {
  readonly numVars: number;
  /** A fresh variable; returns its index. */
  newVar(): number;
  /** Adds a clause for good. Returns false once the clause set is unsatisfiable. */
  addClause(lits: readonly number[]): boolean;
  /** Satisfiable with these literals forced true for this call only? */
  solve(assumptions?: readonly number[]): boolean;
  /** After a satisfiable call: entry v is the value of variable v (entry 0 unused). */
  model(): boolean[];
  /** After an unsatisfiable call: assumptions that are contradictory together (empty if the clauses alone are). */
  core(): number[];
  readonly stats: SolverStats;
}
