// One place that turns a family's level table and instance maker into a Generator: params
// parsing (`level`), the rejection loop, the prompt suffix, truth, reference, verifier, chance
// answers and the de-duplication key. A family file only says how to make one instance.
import { stableHash } from '../../../src/core/hash.js';
import type { Rng } from '../../../src/core/rng.js';
import { defineParams, integer, list } from '../../../src/core/params.js';
import type { Generator, Problem } from '../../../src/core/types.js';
import { answerText, boxed, type Answer, type ReadOptions } from './answer.js';
import { OMEGA_VERIFIER_VERSION, verifyOmegaTruth } from './truth-verify.js';

/** The Eurus-2/PRIME instruction OMEGA appends to every question (spec §1.2). */
export const ANSWER_SUFFIX = '\n\nPresent the answer in LaTex format: \\boxed{Your answer}';

export type Domain = 'arithmetic' | 'algebra' | 'combinatorics' | 'number_theory' | 'geometry' | 'logic';

/** A knob's value at one level: a fixed number or an inclusive range. */
export type Knob = number | readonly [number, number];

/** What a family's maker returns for one accepted draw. */
export interface Instance {
  /** The question, without the answer-format suffix. */
  question: string;
  answer: Answer;
  /** The structured inputs the answer was computed from (plain JSON): matrix, numbers, grid… */
  inputs: Record<string, unknown>;
  /** The knob values this instance was drawn with (each within its level's range), plus labels. */
  knobs: Record<string, number | string>;
  /** A chance-level answer (the text inside \boxed{}), from prompt-visible information only. */
  guess: (rng: Rng) => string;
}

export interface FamilySpec<C extends Record<string, unknown>> {
  /** The OMEGA config name, e.g. 'arithmetic_gcd'; the generator is `omega/<family>`. */
  family: string;
  domain: Domain;
  description: string;
  /** Bump when the Problem for the same (params, seed, index) changes. */
  version: string;
  /** Level → settings. Levels are 1..n with no gaps. */
  levels: Readonly<Record<number, C>>;
  /** The fields of C that are difficulty knobs: numbers or [min, max]; tests check items against them. */
  knobs: readonly (keyof C & string)[];
  /** One draw; undefined rejects it (the loop draws again from the same stream). */
  make(config: C, rng: Rng, level: number): Instance | undefined;
  /** Draws before giving up (a family whose level admits almost no instance is a bug). */
  maxDraws?: number;
  /**
   * The unit words the question asks for (`12 \\text{ paths}`), lower case, from the item's
   * inputs; a reply's trailing unit is stripped only when it is one of these (README, "Reading
   * answers"). Absent: no unit accepted.
   */
  units?: (inputs: Record<string, unknown>) => readonly string[];
}

/** A counted noun, singular and plural, as unit words. */
export const countNoun =
  (singular: string, plural = `${singular}s`) =>
  (): readonly string[] => [singular, plural];

export interface OmegaParams {
  /** The levels items are drawn from, uniformly; one level is the usual case. */
  levels: number[];
}

/** A generator plus the metadata the tests, the README and the benchmark read. */
export interface OmegaGenerator extends Generator<OmegaParams> {
  omega: {
    family: string;
    domain: Domain;
    maxLevel: number;
    levels: Readonly<Record<number, Record<string, unknown>>>;
    knobs: readonly string[];
  };
}

export interface OmegaTruth {
  family: string;
  level: number;
  answer: Answer;
  inputs: Record<string, unknown>;
}

/** `level`: one level or a list of them (drawn uniformly); parsed into sorted distinct `levels`. */
export function levelSchema(maxLevel: number) {
  return defineParams({
    level: list(integer({ min: 1, max: maxLevel, doc: '' }), {
      single: true,
      minLength: 1,
      default: 1,
      doc: 'The level items are drawn from, or a list of levels drawn uniformly.',
    }),
  });
}

export function defineFamily<C extends Record<string, unknown>>(spec: FamilySpec<C>): OmegaGenerator {
  const maxLevel = Object.keys(spec.levels).length;
  for (let l = 1; l <= maxLevel; l++)
    if (!spec.levels[l]) throw new Error(`omega/${spec.family}: level table must have levels 1..${maxLevel}`);
  const name = `omega/${spec.family}`;
  const maxDraws = spec.maxDraws ?? 2000;

  const schema = levelSchema(maxLevel);
  const parseParams = (raw: unknown): OmegaParams => ({
    levels: [...new Set(schema.parse(raw).level)].sort((a, b) => a - b),
  });

  function generate(params: OmegaParams, rng: Rng): Problem {
    const level = params.levels.length === 1 ? params.levels[0]! : rng.pick(params.levels);
    const config = spec.levels[level]!;
    for (let draw = 0; draw < maxDraws; draw++) {
      const inst = spec.make(config, rng, level);
      if (inst) return problemOf(inst, level);
    }
    throw new Error(`${name}: no acceptable instance in ${maxDraws} draws at level ${level} (a generator bug)`);
  }

  function unitsOf(truth: unknown): readonly string[] {
    const inputs = (truth as { inputs?: unknown } | null)?.inputs;
    if (!spec.units || !inputs || typeof inputs !== 'object') return [];
    try {
      return spec.units(inputs as Record<string, unknown>);
    } catch {
      return []; // a malformed truth: no unit is accepted
    }
  }

  function problemOf(inst: Instance, level: number): Problem {
    // A JSON round trip makes the stored truth exactly what a reader gets back (-0 becomes 0).
    const inputs = JSON.parse(JSON.stringify(inst.inputs)) as Record<string, unknown>;
    const truth: OmegaTruth = { family: spec.family, level, answer: inst.answer, inputs };
    const answer = inst.answer;
    const read: ReadOptions = { units: spec.units?.(inputs) ?? [] };
    return {
      messages: [{ role: 'user', content: inst.question + ANSWER_SUFFIX }],
      truth,
      reference: boxed(answerText(answer)),
      difficulty: { level, ...inst.knobs },
      verify: (response) => verifyOmegaTruth(truth, response, read),
      randomAnswer: (r) => boxed(inst.guess(r)),
      dedupKey: `${name}|${stableHash(inputs, 24)}`,
    };
  }

  return {
    name,
    version: spec.version,
    family: 'omega',
    description: spec.description,
    parseParams,
    params: schema,
    generate,
    verifierVersion: OMEGA_VERIFIER_VERSION,
    // The asked units come from the stored inputs, so verification still needs only the truth.
    verify: (truth, response) => verifyOmegaTruth(truth, response, { units: unitsOf(truth) }),
    omega: { family: spec.family, domain: spec.domain, maxLevel, levels: spec.levels, knobs: spec.knobs },
  };
}

/** Uniform draw within a knob: the number itself, or an integer in [min, max]. */
export function drawKnob(rng: Rng, k: Knob): number {
  return typeof k === 'number' ? k : rng.int(k[0], k[1]);
}

/** Uniform real draw within a knob (entropy budgets), rounded to 2 decimals so it prints cleanly. */
export function drawReal(rng: Rng, k: Knob): number {
  if (typeof k === 'number') return k;
  return Math.round(rng.float(k[0], k[1]) * 100) / 100;
}

/** A chance-level integer guess in [lo, hi]. */
export function guessInt(lo: number, hi: number): (rng: Rng) => string {
  return (rng) => String(rng.int(Math.min(lo, hi), Math.max(lo, hi)));
}
