// Params of instruct/general-points, declared once: parsing with defaults, errors that name the
// field, and the table `bench list instruct/general-points` prints. Parsed params are plain JSON
// (they are hashed into item ids).
import { custom, defineParams, integer, oneOf } from '../../../src/core/params.js';
import { ParamError } from '../../../src/core/types.js';
import { SAMPLINGS, maxRank } from './cards.js';
import { RULE_TYPE, parseRule, sameMapping } from './rules.js';

export type Protocol = 'single' | 'revision';
export const PROTOCOLS: readonly Protocol[] = ['single', 'revision'];
export const MAX_TARGET = 1_000_000;

/** Field order is the parsed params' key order (hashed into item ids): promptRule comes last. */
export const generalPointsSchema = defineParams(
  {
    cards: oneOf([4, 5, 6], { default: 4, doc: 'Cards per hand.' }),
    target: integer({ min: 1, max: MAX_TARGET, default: 24, doc: 'The value the formula must reach.' }),
    rule: custom({
      type: RULE_TYPE,
      default: 'face10',
      parse: (raw, field) => parseRule(raw, field),
      doc: 'The face-card rule answers are scored under.',
    }),
    sampling: oneOf(SAMPLINGS, { default: 'normal', doc: 'How card ranks are drawn (see README, "Sampling").' }),
    protocol: oneOf(PROTOCOLS, {
      default: 'single',
      type: "'single' or 'revision'",
      doc: 'One answer, or sequential revision with feedback.',
    }),
    maxAttempts: integer({
      min: 1,
      max: 20,
      default: 5,
      doc: 'Attempts in the revision protocol (upstream verify_iter = 5); only with protocol: revision.',
    }),
    resample: integer({
      min: 1,
      max: 10_000,
      default: 50,
      doc: 'Draws per round when resampling for a solvable hand (upstream: 50).',
    }),
    promptRule: custom({
      type: RULE_TYPE,
      parse: (raw, field) => parseRule(raw, field),
      doc: 'The rule the prompt states, when it differs from rule (a Fake control).',
    }),
  },
  {
    check(p, raw) {
      if (raw.maxAttempts !== undefined && p.protocol !== 'revision')
        throw new ParamError('maxAttempts', 'applies only with protocol: revision');
      checkReachable(p);
    },
  },
);

export type GeneralPointsParams = ReturnType<typeof generalPointsSchema.parse>;

export function parseGeneralPointsParams(raw: unknown): GeneralPointsParams {
  const parsed = generalPointsSchema.parse(raw);
  // A prompt rule equal to the scoring rule is no control at all; keep the params canonical.
  if (parsed.promptRule && sameMapping(parsed.promptRule, parsed.rule)) delete parsed.promptRule;
  return parsed;
}

/**
 * No expression over n values of at most M exceeds 2^(n-1)·M^n in absolute value (the solver's
 * bound), so a larger target could never be dealt a solvable hand. Reject it here rather than
 * resample forever.
 */
function checkReachable(p: Pick<GeneralPointsParams, 'cards' | 'target' | 'rule' | 'promptRule' | 'sampling'>): void {
  const rules = p.promptRule ? [p.rule, p.promptRule] : [p.rule];
  for (const rule of rules) {
    const maxValue = Math.max(maxRank(p.sampling) > 13 ? maxRank(p.sampling) : 10, rule.J, rule.Q, rule.K);
    const bound = 2 ** (p.cards - 1) * maxValue ** p.cards;
    if (p.target > bound)
      throw new ParamError(
        'target',
        `${p.target} cannot be reached with ${p.cards} cards worth at most ${maxValue} (rule ${rule.name}): no expression over them exceeds ${bound}`,
      );
  }
}
