// Satisfiability of clause subsets through selector variables: clause i is added as
// (clause_i ∨ ¬s_i), and a subset is switched on by assuming its selectors. One incremental
// solver then answers every subset query of a formula, and its failed-assumption cores shrink
// the search (clause-set refinement).
import { modelBits, newSolver } from './sat.js';
import type { Clauses, SatSolver, SolverStats } from './types.js';

export class ClauseSubsetOracle {
  private readonly solver: SatSolver;
  private readonly selectorBase: number;

  constructor(
    readonly clauses: Clauses,
    readonly n: number,
  ) {
    this.solver = newSolver();
    for (let v = 1; v <= n; v++) this.solver.newVar();
    for (const c of clauses)
      for (const l of c)
        if (Math.abs(l) > n) throw new RangeError(`ClauseSubsetOracle: literal ${l} is outside 1..${n}`);
    this.selectorBase = n;
    clauses.forEach((c, i) => {
      const s = this.solver.newVar();
      if (s !== this.selectorBase + i + 1) throw new Error('ClauseSubsetOracle: unexpected variable numbering');
      this.solver.addClause([...c, -s]);
    });
  }

  get stats(): SolverStats {
    return this.solver.stats;
  }

  /** Are the clauses with these indices satisfiable together? */
  isSat(indices: Iterable<number>): boolean {
    const assumptions: number[] = [];
    for (const i of indices) assumptions.push(this.selectorBase + i + 1);
    return this.solver.solve(assumptions);
  }

  /** After an unsatisfiable isSat: clause indices that are unsatisfiable together (a subset of the query). */
  core(): number[] {
    return this.solver
      .core()
      .filter((l) => l > 0)
      .map((l) => l - this.selectorBase - 1)
      .sort((a, b) => a - b);
  }

  /** After a satisfiable isSat: the assignment to the formula's variables. */
  assignment(): string {
    return modelBits(this.solver.model(), this.n);
  }
}

/** Does the bit string (bit i = variable i+1) satisfy this clause? */
export function satisfiesClause(clause: readonly number[], bits: string): boolean {
  for (const l of clause) {
    const v = Math.abs(l);
    if ((bits.charCodeAt(v - 1) === 49) === l > 0) return true;
  }
  return false;
}

/** How many clauses the assignment falsifies. */
export function falsifiedCount(clauses: Clauses, bits: string): number {
  let k = 0;
  for (const c of clauses) if (!satisfiesClause(c, bits)) k++;
  return k;
}

/**
 * A minimal unsatisfiable subset by deletion: try dropping each clause; if the rest stays
 * unsatisfiable, keep only the solver's core of the rest. A clause whose removal makes the rest
 * satisfiable is necessary in every smaller unsatisfiable subset too, so the result is minimal.
 */
export function deletionMus(clauses: Clauses, n: number): { mus: number[]; stats: SolverStats } {
  const oracle = new ClauseSubsetOracle(clauses, n);
  const all = clauses.map((_, i) => i);
  if (oracle.isSat(all)) throw new Error('deletionMus: the formula is satisfiable');
  let current = new Set(oracle.core());
  const necessary = new Set<number>();
  for (const i of all) {
    if (!current.has(i) || necessary.has(i)) continue;
    const rest = [...current].filter((j) => j !== i);
    if (oracle.isSat(rest)) necessary.add(i);
    else current = new Set(oracle.core());
  }
  return { mus: [...current].sort((a, b) => a - b), stats: { ...oracle.stats } };
}

/**
 * A minimal correction subset by growing a maximal satisfiable subset in clause order: a clause
 * joins when it is satisfiable together with those already in, and every clause a found model
 * satisfies joins with it. The clauses left out form an MCS: each of them, added back alone,
 * conflicts with a subset of the final satisfiable set, hence with the set itself.
 */
export function growMcs(clauses: Clauses, n: number): { mcs: number[]; stats: SolverStats } {
  const oracle = new ClauseSubsetOracle(clauses, n);
  const inSet = new Array<boolean>(clauses.length).fill(false);
  const absorb = (bits: string) =>
    clauses.forEach((c, j) => {
      if (satisfiesClause(c, bits)) inSet[j] = true;
    });
  if (!oracle.isSat([])) throw new Error('growMcs: unexpected unsatisfiable empty set');
  absorb(oracle.assignment());
  const mcs: number[] = [];
  for (let i = 0; i < clauses.length; i++) {
    if (inSet[i]) continue;
    const trial = [...inSet.keys()].filter((j) => inSet[j] || j === i);
    if (oracle.isSat(trial)) absorb(oracle.assignment());
    else mcs.push(i);
  }
  return { mcs, stats: { ...oracle.stats } };
}

export type SubsetCheck = { ok: true } | { ok: false; reason: string };

/**
 * SATQuest's MUS check: the selected clauses are unsatisfiable, and dropping any single one of
 * them leaves a satisfiable set. Clause numbers in reasons are 1-based, as in the prompt.
 */
export function checkMus(clauses: Clauses, n: number, selected: readonly number[]): SubsetCheck {
  if (selected.length === 0) return { ok: false, reason: 'the empty set of clauses is satisfiable' };
  const oracle = new ClauseSubsetOracle(clauses, n);
  if (oracle.isSat(selected)) return { ok: false, reason: 'the selected clauses are satisfiable' };
  for (const i of selected) {
    if (!oracle.isSat(selected.filter((j) => j !== i)))
      return { ok: false, reason: `not minimal: without clause ${i + 1} the selected clauses are still unsatisfiable` };
  }
  return { ok: true };
}

/**
 * SATQuest's MCS check: the unselected clauses are satisfiable, and adding back any single
 * selected clause makes them unsatisfiable.
 */
export function checkMcs(clauses: Clauses, n: number, selected: readonly number[]): SubsetCheck {
  const chosen = new Set(selected);
  const rest = clauses.map((_, i) => i).filter((i) => !chosen.has(i));
  const oracle = new ClauseSubsetOracle(clauses, n);
  if (!oracle.isSat(rest))
    return { ok: false, reason: 'the clauses left after removing the selected ones are still unsatisfiable' };
  for (const i of selected) {
    if (oracle.isSat([...rest, i])) return { ok: false, reason: `not minimal: clause ${i + 1} need not be removed` };
  }
  return { ok: true };
}
