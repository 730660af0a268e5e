// satquest: SAT-based logic problems on SATQuest's three axes: instance scale (n, m), problem type
// (six labels) and question format (four). A matched pair of CNFs, one unsatisfiable and one
// satisfiable with the same variables per clause, is sampled as SATQuest does; the label picks
// the formula and the question, the format renders it. Ground truth comes from the CDCL engine in
// engine/ and is re-checked by the verifier before an item is emitted.
// See generators/satquest/README.md for params, regions, truth fields and upstream quirks.
import type { Rng } from '../../src/core/rng.js';
import { stableHash } from '../../src/core/hash.js';
import type { Generator, Problem } from '../../src/core/types.js';
import { drawInstance } from './instance.js';
import { answerLength, asksSatPartner, solveLabel } from './labels.js';
import {
  parseSatQuestParams,
  satQuestSchema,
  type Format,
  type Label,
  type PromptStyle,
  type SatQuestParams,
} from './params.js';
import { formatAnswer, promptMessages, renderQuestion } from './prompt.js';
import { canonicalFormula } from './sampling.js';
import { SATQUEST_VERIFIER_VERSION, verifySatQuest, verifySatQuestTruth, type VerifyContext } from './verify.js';

export type { SatQuestParams } from './params.js';

/** Ground truth: enough to re-check any answer with any SAT solver. */
export interface SatQuestTruth {
  label: Label;
  format: Format;
  prompt: PromptStyle;
  /** Variables; assignment bit i is variable i+1. */
  n: number;
  /** Clauses; subset bit j is clause j+1 as shown. */
  m: number;
  /** m/n as drawn (m = ⌊n·ratio⌋). */
  ratio: number;
  /** The formula shown, in the shown order, DIMACS literals (3 = x_3, -3 = ¬x_3). */
  clauses: number[][];
  /** Whether `clauses` is satisfiable (true for SATDP_SAT and SATSP, false otherwise). */
  satisfiable: boolean;
  /** Required answer length: 1, n or m. */
  answerLength: number;
  /** One correct answer (the bits only, without "Answer:"). */
  reference: string;
  /** MaxSAT only: the least number of clauses any assignment falsifies. */
  optimum?: number;
}

export function generateSatQuest(params: SatQuestParams, rng: Rng): Problem {
  const { n, ratioHundredths, unsat, sat } = drawInstance(params, rng);
  const { label, format, prompt } = params;
  const satisfiable = asksSatPartner(label);
  const clauses = satisfiable ? sat : unsat;
  const m = clauses.length;
  const length = answerLength(label, n, m);
  const solution = solveLabel(label, clauses, n);

  const truth: SatQuestTruth = {
    label,
    format,
    prompt,
    n,
    m,
    ratio: ratioHundredths / 100,
    clauses,
    satisfiable,
    answerLength: length,
    reference: solution.reference,
  };
  if (solution.optimum !== undefined) truth.optimum = solution.optimum;
  const ctx: VerifyContext = {
    label,
    clauses,
    n,
    prompt,
    answerLength: length,
    optimum: solution.optimum,
    expected: label === 'SATDP_SAT' ? '1' : label === 'SATDP_UNSAT' ? '0' : undefined,
  };
  const reference = formatAnswer(prompt, solution.reference);
  // The reference came from the search routines; the verifier's checks (another algorithm on
  // the same engine) must accept it before the item is emitted.
  const self = verifySatQuest(reference, ctx);
  if (!self.correct)
    throw new Error(`satquest: the ${label} reference ${solution.reference} failed its own check: ${self.reason}`);

  return {
    messages: promptMessages(prompt, renderQuestion(format, label, clauses, n), length),
    truth,
    reference,
    difficulty: {
      n,
      m,
      ratio: ratioHundredths / 100,
      label,
      format,
      prompt,
      literals: clauses.reduce((s, c) => s + c.length, 0),
      decisions: solution.stats.decisions,
      conflicts: solution.stats.conflicts,
      propagations: solution.stats.propagations,
      solverCalls: solution.stats.solves,
    },
    dedupKey: pairKey(n, unsat),
    verify: (response) => verifySatQuestTruth(truth, response),
    randomAnswer: (r) => formatAnswer(prompt, randomBits(length, r)),
  };
}

/**
 * The instance identity is the pair, named by its unsatisfiable formula in SATQuest's canonical
 * form. Label and format are left out on purpose: training on a formula in one phrasing and
 * testing it in another is still a leak.
 */
function pairKey(n: number, unsat: readonly (readonly number[])[]): string {
  return `satquest|n=${n}|m=${unsat.length}|${stableHash(canonicalFormula(unsat), 32)}`;
}

function randomBits(length: number, rng: Rng): string {
  let s = '';
  for (let i = 0; i < length; i++) s += rng.bool() ? '1' : '0';
  return s;
}

export const satquest: Generator<SatQuestParams> = {
  name: 'satquest',
  version: '1',
  family: 'satquest',
  description:
    'SATQuest: CNF problems (decision on SAT/UNSAT partners, model, MaxSAT, MCS, MUS) in math, DIMACS, story and dual-story phrasing, n 3–64.',
  parseParams: parseSatQuestParams,
  params: satQuestSchema,
  generate: generateSatQuest,
  verifierVersion: SATQUEST_VERIFIER_VERSION,
  verify: verifySatQuestTruth,
};
