// Params of instruct/general-points: validation with errors that name the field and the accepted
// values, and defaults. The parsed params are plain JSON (they are hashed into item ids).
import { didYouMean } from '../../../src/core/suggest.js';
import { ParamError } from '../../../src/core/types.js';
import { SAMPLINGS, maxRank, type Sampling } from './cards.js';
import { parseRule, sameMapping, type FaceRule } from './rules.js';

export type Protocol = 'single' | 'revision';
export const PROTOCOLS: readonly Protocol[] = ['single', 'revision'];
export const CARD_COUNTS = [4, 5, 6] as const;

export interface GeneralPointsParams {
  /** Cards per hand. */
  cards: 4 | 5 | 6;
  target: number;
  /** The face-card rule answers are scored under. */
  rule: FaceRule;
  /** The rule the prompt states, present only when it differs from `rule` (a Fake control). */
  promptRule?: FaceRule;
  sampling: Sampling;
  protocol: Protocol;
  /** Attempts in the revision protocol (upstream verify_iter = 5). */
  maxAttempts: number;
  /** Draws per round when resampling for a solvable hand (upstream: 50). */
  resample: number;
}

const FIELDS = ['cards', 'target', 'rule', 'promptRule', 'sampling', 'protocol', 'maxAttempts', 'resample'];
export const MAX_TARGET = 1_000_000;

export function parseGeneralPointsParams(raw: unknown): GeneralPointsParams {
  const obj = raw ?? {};
  if (typeof obj !== 'object' || Array.isArray(obj)) throw new ParamError('params', `expected a mapping with the fields ${FIELDS.join(', ')}`);
  const p = obj as Record<string, unknown>;
  for (const key of Object.keys(p)) {
    if (!FIELDS.includes(key)) throw new ParamError(key, `unknown field.${didYouMean(key, FIELDS)} Accepted fields: ${FIELDS.join(', ')}`);
  }

  const cards = p.cards ?? 4;
  if (!CARD_COUNTS.includes(cards as 4)) throw new ParamError('cards', `expected 4, 5 or 6; got ${JSON.stringify(cards)}`);
  const rule = parseRule(p.rule ?? 'face10', 'rule');
  const stated = p.promptRule === undefined ? undefined : parseRule(p.promptRule, 'promptRule');
  const sampling = p.sampling ?? 'normal';
  if (!SAMPLINGS.includes(sampling as Sampling)) throw new ParamError('sampling', `expected one of ${SAMPLINGS.map((s) => `'${s}'`).join(', ')}; got ${JSON.stringify(sampling)}`);
  const protocol = p.protocol ?? 'single';
  if (!PROTOCOLS.includes(protocol as Protocol)) throw new ParamError('protocol', `expected 'single' or 'revision'; got ${JSON.stringify(protocol)}`);
  if (p.maxAttempts !== undefined && protocol !== 'revision') throw new ParamError('maxAttempts', "applies only with protocol: revision");
  const maxAttempts = integerIn(p.maxAttempts ?? 5, 'maxAttempts', 1, 20);
  const resample = integerIn(p.resample ?? 50, 'resample', 1, 10_000);
  const target = integerIn(p.target ?? 24, 'target', 1, MAX_TARGET);

  const parsed: GeneralPointsParams = { cards: cards as 4 | 5 | 6, target, rule, sampling: sampling as Sampling, protocol: protocol as Protocol, maxAttempts, resample };
  // A prompt rule equal to the scoring rule is no control at all; keep the params canonical.
  if (stated && !sameMapping(stated, rule)) parsed.promptRule = stated;
  checkReachable(parsed);
  return parsed;
}

function integerIn(raw: unknown, field: string, min: number, max: number): number {
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= min && raw <= max) return raw;
  throw new ParamError(field, `expected an integer from ${min} to ${max}; got ${JSON.stringify(raw)}`);
}

/**
 * No expression over n values of at most M exceeds 2^(n-1)·M^n in absolute value (the solver's
 * bound), so a larger target could never be dealt a solvable hand. Reject it here rather than
 * resample forever.
 */
function checkReachable(p: GeneralPointsParams): void {
  const rules = p.promptRule ? [p.rule, p.promptRule] : [p.rule];
  for (const rule of rules) {
    const maxValue = Math.max(maxRank(p.sampling) > 13 ? maxRank(p.sampling) : 10, rule.J, rule.Q, rule.K);
    const bound = 2 ** (p.cards - 1) * maxValue ** p.cards;
    if (p.target > bound) throw new ParamError('target', `${p.target} cannot be reached with ${p.cards} cards worth at most ${maxValue} (rule ${rule.name}): no expression over them exceeds ${bound}`);
  }
}
