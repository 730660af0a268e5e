// Params of the satquest generator, declared once: parsing with defaults (the RFT-3k region: n 3–8,
// m/n on the 0.1 grid 2.1–4.0, SATSP, math), errors that name the field, and `bench list satquest`.
// The parsed params are plain JSON in one canonical shape, because they are hashed into item ids.
import { custom, defineParams, intRange, oneOf } from '../../src/core/params.js';
import { ParamError } from '../../src/core/types.js';
import { COOKIES, FRIENDS } from './names.js';
import { distinctClauseCount } from './sampling.js';

/** SATQuest's six evaluation labels (five problem types; decision is asked on both partners). */
export const LABELS = ['SATDP_SAT', 'SATDP_UNSAT', 'SATSP', 'MaxSAT', 'MCS', 'MUS'] as const;
export type Label = (typeof LABELS)[number];

export const FORMATS = ['math', 'dimacs', 'story', 'dualstory'] as const;
export type Format = (typeof FORMATS)[number];

/**
 * `eval`: eval_model.py's template, answer on the last "Answer:" line.
 * `rft`: rft.py's system prompt and <answer> tags, the form SATQuest trains with.
 */
export const PROMPTS = ['eval', 'rft'] as const;
export type PromptStyle = (typeof PROMPTS)[number];

export const MIN_VARS = 3;
/** The story formats name at most 64 cookies; the other formats share the cap so format is the only change. */
export const MAX_VARS = COOKIES.length;
/**
 * Rejection sampling needs both halves of a pair to be reasonably common. Below m/n = 2 an
 * unsatisfiable draw is rarer than 1 in 10,000 at n = 64; above 4.5 a satisfiable sign pattern
 * is rarer than 1 in 50 there (and at n = 3, ratio 6, it does not exist at all).
 */
export const MIN_RATIO = 2;
export const MAX_RATIO = 4.5;

const RATIO_TYPE = `a number from ${MIN_RATIO} to ${MAX_RATIO} with at most two decimals, or a range [min, max] on the 0.1 grid`;

export const satQuestSchema = defineParams(
  {
    label: oneOf(LABELS, {
      default: 'SATSP',
      ignoreCase: true,
      doc: "SATQuest's evaluation label (problem type; decision on both partners).",
    }),
    format: oneOf(FORMATS, {
      default: 'math',
      ignoreCase: true,
      doc: 'How the formula is written: math, DIMACS, or a cookie story.',
    }),
    prompt: oneOf(PROMPTS, {
      default: 'eval',
      ignoreCase: true,
      doc: "eval_model.py's template (eval) or rft.py's <answer> tags (rft).",
    }),
    n: intRange({
      min: MIN_VARS,
      max: MAX_VARS,
      single: true,
      default: [3, 8],
      doc: 'Variables, drawn uniformly from [min, max].',
    }),
    ratio: custom({
      type: RATIO_TYPE,
      default: [2.1, 4.0],
      parse: (raw) => parseRatio(raw),
      doc: 'Clauses per variable (m = ⌊ratio·n⌋), drawn uniformly from the 0.1 grid on [min, max].',
    }),
  },
  { check: checkClauses },
);

export type SatQuestParams = ReturnType<typeof satQuestSchema.parse>;

export function parseSatQuestParams(raw: unknown): SatQuestParams {
  return satQuestSchema.parse(raw);
}

function checkClauses({ format, n, ratio }: { format: Format; n: [number, number]; ratio: [number, number] }): void {
  const mMax = clauseCount(n[1], hundredths(ratio[1]));
  if ((format === 'story' || format === 'dualstory') && mMax > FRIENDS.length) {
    throw new ParamError(
      'ratio',
      `the ${format} format names at most ${FRIENDS.length} friends (clauses), but n=${n[1]} at ratio ${ratio[1]} gives ${mMax}; lower n or ratio`,
    );
  }
  // A guard: only n = 3 comes close (20 distinct clauses exist, m is at most ⌊3·4.5⌋ = 13).
  for (let v = n[0]; v <= n[1]; v++) {
    const m = clauseCount(v, hundredths(ratio[1]));
    if (m > distinctClauseCount(v))
      throw new ParamError('ratio', `n=${v} has only ${distinctClauseCount(v)} distinct clauses, fewer than m=${m}`);
  }
}

/** m = ⌊n·ratio⌋ in exact integer arithmetic (ratio in hundredths). */
export function clauseCount(n: number, ratioHundredths: number): number {
  return Math.floor((n * ratioHundredths) / 100);
}

export function hundredths(ratio: number): number {
  return Math.round(ratio * 100);
}

/**
 * A single ratio may have two decimals (4.26); a range [a, b] is sampled on the 0.1 grid
 * (SATQuest's RFT sets use 2.1, 2.2, …, 4.0), so its ends must be multiples of 0.1.
 */
function parseRatio(raw: unknown): [number, number] {
  const inRange = (x: unknown): x is number =>
    typeof x === 'number' && Number.isFinite(x) && x >= MIN_RATIO && x <= MAX_RATIO;
  const onGrid = (x: number, step: number) => Math.abs(x * 100 - Math.round((x * 100) / step) * step) < 1e-6;
  if (inRange(raw)) {
    if (!onGrid(raw, 1)) throw new ParamError('ratio', `${raw} has more than two decimals; expected ${RATIO_TYPE}`);
    return [hundredths(raw) / 100, hundredths(raw) / 100];
  }
  if (Array.isArray(raw) && raw.length === 2 && inRange(raw[0]) && inRange(raw[1])) {
    if (!onGrid(raw[0], 10) || !onGrid(raw[1], 10))
      throw new ParamError(
        'ratio',
        `range ends must be multiples of 0.1 (the sampling grid); got [${raw[0]}, ${raw[1]}]`,
      );
    if (raw[0] > raw[1])
      throw new ParamError('ratio', `range [${raw[0]}, ${raw[1]}] is empty: min must not exceed max`);
    return [hundredths(raw[0]) / 100, hundredths(raw[1]) / 100];
  }
  throw new ParamError('ratio', `expected ${RATIO_TYPE}; got ${JSON.stringify(raw)}`);
}
