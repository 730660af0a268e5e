// The six labels: which formula of the pair each is asked on, how long its answer is, how the
// reference is found, and SATQuest's check (problem.py) for a candidate answer. Every check
// accepts any valid answer: any model, any optimal assignment, any minimal (not just minimum)
// correction or unsatisfiable subset.
import { maxSat } from './engine/maxsat.js';
import { solveFormula } from './engine/sat.js';
import { checkMcs, checkMus, deletionMus, growMcs, satisfiesClause, type SubsetCheck } from './engine/subsets.js';
import type { Clauses, SolverStats } from './engine/types.js';
import type { Label } from './params.js';

/** SATDP_SAT and SATSP are asked on the satisfiable partner, the rest on the unsatisfiable formula. */
export function asksSatPartner(label: Label): boolean {
  return label === 'SATDP_SAT' || label === 'SATSP';
}

/** 1 for a decision, n for an assignment, m for a clause subset. */
export function answerLength(label: Label, n: number, m: number): number {
  if (label === 'SATDP_SAT' || label === 'SATDP_UNSAT') return 1;
  if (label === 'SATSP' || label === 'MaxSAT') return n;
  return m;
}

export interface LabelSolution {
  /** One correct answer as a bit string. */
  reference: string;
  /** MaxSAT: the least number of clauses an assignment can falsify. */
  optimum?: number;
  /** Solver effort for finding the reference (SATQuest's difficulty measure). */
  stats: SolverStats;
}

export function solveLabel(label: Label, clauses: Clauses, n: number): LabelSolution {
  switch (label) {
    case 'SATDP_SAT':
    case 'SATDP_UNSAT': {
      const r = solveFormula(clauses, n);
      return { reference: r.sat ? '1' : '0', stats: r.stats };
    }
    case 'SATSP': {
      const r = solveFormula(clauses, n);
      if (!r.sat) throw new Error('satquest: SATSP asked on an unsatisfiable formula');
      return { reference: r.assignment!, stats: r.stats };
    }
    case 'MaxSAT': {
      const r = maxSat(clauses, n);
      return { reference: r.assignment, optimum: r.cost, stats: r.stats };
    }
    case 'MCS': {
      const r = growMcs(clauses, n);
      return { reference: subsetBits(r.mcs, clauses.length), stats: r.stats };
    }
    case 'MUS': {
      const r = deletionMus(clauses, n);
      return { reference: subsetBits(r.mus, clauses.length), stats: r.stats };
    }
  }
}

export interface CheckContext {
  label: Label;
  clauses: Clauses;
  n: number;
  /** SATDP: the right decision ('1' satisfiable, '0' not). */
  expected?: string;
  /** MaxSAT: the optimum number of falsified clauses. */
  optimum?: number;
}

/** SATQuest's check of a well-formed answer (bits of the right length). */
export function checkBits(bits: string, ctx: CheckContext): SubsetCheck {
  const { label, clauses, n } = ctx;
  switch (label) {
    case 'SATDP_SAT':
    case 'SATDP_UNSAT':
      return bits === ctx.expected
        ? { ok: true }
        : { ok: false, reason: `the formula is ${ctx.expected === '1' ? 'satisfiable' : 'unsatisfiable'}` };
    case 'SATSP': {
      const j = clauses.findIndex((c) => !satisfiesClause(c, bits));
      return j < 0 ? { ok: true } : { ok: false, reason: `the assignment falsifies clause ${j + 1}` };
    }
    case 'MaxSAT': {
      const falsified = clauses.filter((c) => !satisfiesClause(c, bits)).length;
      return falsified === ctx.optimum
        ? { ok: true }
        : { ok: false, reason: `the assignment falsifies ${falsified} clauses; the optimum falsifies ${ctx.optimum}` };
    }
    case 'MCS':
      return checkMcs(clauses, n, selectedIndices(bits));
    case 'MUS':
      return checkMus(clauses, n, selectedIndices(bits));
  }
}

export function subsetBits(indices: readonly number[], m: number): string {
  const bits = new Array<string>(m).fill('0');
  for (const i of indices) bits[i] = '1';
  return bits.join('');
}

export function selectedIndices(bits: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < bits.length; i++) if (bits[i] === '1') out.push(i);
  return out;
}
