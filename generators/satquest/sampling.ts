// CNF sampling as SATQuest's gen_cnf_dataset.py / gen_cnf_rft_dataset.py do it, on the item's
// seeded stream instead of the global Python and NumPy generators:
//   clause width k = min(k_base + G, n), k_base = 1 w.p. 0.3 else 2, G ~ Geometric(0.7) on 1, 2, …;
//   k distinct variables, each with a fair random sign, sorted by variable;
//   m distinct clauses, redrawn from scratch until the formula is unsatisfiable;
//   the satisfiable partner flips every literal's sign with probability 1/2, redrawn until
//   satisfiable (same variables and widths per clause; it may repeat a clause);
//   finally each formula is shuffled: literal order within clauses, then clause order.
import type { Rng } from '../../src/core/rng.js';
import { isSatisfiable } from './engine/sat.js';

export type Formula = number[][];

export interface CnfPair {
  n: number;
  m: number;
  /** The unsatisfiable formula as shown to the model (shuffled). */
  unsat: Formula;
  /** Its satisfiable partner (shuffled independently). */
  sat: Formula;
}

const P_BASE_ONE = 0.3;
const P_GEOMETRIC = 0.7;

/** Width before the cap at n: 2 + … with P(2)=0.21, P(3)=0.553, P(4)=0.166, mean ≈ 3.13. */
export function drawWidth(n: number, rng: Rng): number {
  const base = rng.next() < P_BASE_ONE ? 1 : 2;
  let g = 1;
  while (rng.next() >= P_GEOMETRIC) g++; // comparisons only: no float log, same on every engine
  return Math.min(base + g, n);
}

/** k distinct variables uniformly (as random.sample), each with a fair sign, sorted by variable. */
export function drawClause(n: number, rng: Rng): number[] {
  const k = drawWidth(n, rng);
  // Redraw repeats instead of shuffling 1..n: k is about 3, n up to 64, and drawing clauses is
  // most of the cost of rejection sampling.
  const vars: number[] = [];
  while (vars.length < k) {
    const v = rng.int(1, n);
    if (!vars.includes(v)) vars.push(v);
  }
  return vars.map((v) => (rng.bool() ? v : -v)).sort((a, b) => Math.abs(a) - Math.abs(b));
}

/** Distinct clauses over n ≥ 2 variables with widths 2..n: Σ_k C(n,k)·2^k = 3^n − 1 − 2n. */
export function distinctClauseCount(n: number): number {
  return 3 ** n - 1 - 2 * n;
}

/** m distinct clauses (as SATQuest's set of tuples), in the order first drawn. */
export function drawDistinctClauses(n: number, m: number, rng: Rng): Formula {
  if (m > distinctClauseCount(n))
    throw new RangeError(`drawDistinctClauses: ${m} distinct clauses do not exist over ${n} variables`);
  const seen = new Set<string>();
  const out: Formula = [];
  while (out.length < m) {
    const c = drawClause(n, rng);
    const key = c.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out;
}

export class SamplingLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SamplingLimitError';
  }
}

/**
 * Redraws before giving up. params.ts keeps (n, ratio) where an unsatisfiable draw has
 * probability ≥ 1e-4 and a satisfiable sign pattern ≥ 0.01, so these limits are hit with
 * probability below e^-100: they guard against bugs, not against bad luck.
 */
export const MAX_UNSAT_DRAWS = 1_000_000;
export const MAX_FLIP_ROUNDS = 100_000;

export function drawUnsatFormula(n: number, m: number, rng: Rng): { clauses: Formula; draws: number } {
  for (let draws = 1; draws <= MAX_UNSAT_DRAWS; draws++) {
    const clauses = drawDistinctClauses(n, m, rng);
    if (!isSatisfiable(clauses, n)) return { clauses, draws };
  }
  throw new SamplingLimitError(
    `satquest: no unsatisfiable formula with n=${n}, m=${m} in ${MAX_UNSAT_DRAWS} draws; raise the clause ratio`,
  );
}

/** SATQuest's unsat2sat: fair sign flips over the whole formula until it is satisfiable. */
export function satPartner(unsat: Formula, n: number, rng: Rng): { clauses: Formula; rounds: number } {
  for (let rounds = 1; rounds <= MAX_FLIP_ROUNDS; rounds++) {
    const clauses = unsat.map((c) => c.map((l) => (rng.bool() ? -l : l)));
    if (isSatisfiable(clauses, n)) return { clauses, rounds };
  }
  throw new SamplingLimitError(
    `satquest: no satisfiable sign pattern for an n=${n}, m=${unsat.length} formula in ${MAX_FLIP_ROUNDS} rounds`,
  );
}

/** Literal order within each clause, then clause order (as SATQuest's CNF.shuffle). */
export function shuffleFormula(clauses: Formula, rng: Rng): Formula {
  return rng.shuffle(clauses.map((c) => rng.shuffle(c)));
}

/**
 * The matched pair for one item. Upstream shuffles every item with the same two seeds; here each
 * formula gets its own stream forked from the item's, so shuffles are independent across items.
 */
export function drawPair(n: number, m: number, rng: Rng): CnfPair {
  const unsat = drawUnsatFormula(n, m, rng);
  const sat = satPartner(unsat.clauses, n, rng);
  return {
    n,
    m,
    sat: shuffleFormula(sat.clauses, rng.fork('satquest:shuffle:sat')),
    unsat: shuffleFormula(unsat.clauses, rng.fork('satquest:shuffle:unsat')),
  };
}

/** Literals sorted by variable, clauses sorted lexicographically: SATQuest's dedup form. */
export function canonicalFormula(clauses: readonly (readonly number[])[]): Formula {
  const sorted = clauses.map((c) => [...c].sort((a, b) => Math.abs(a) - Math.abs(b) || a - b));
  return sorted.sort(compareClauses);
}

function compareClauses(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
