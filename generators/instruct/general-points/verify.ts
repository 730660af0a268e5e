// The verifier: extraction and legality as upstream (SFTvsRL / Debunk `calculate_rewards`), with
// three documented fixes: whitespace is stripped (Debunk), evaluation is exact (8/(3-8/3) = 24),
// and a real parser replaces the token-order scan. Only the formula is scored; the "cards" and
// "number" fields of the answer are not checked, as upstream.
import { clampText, firstJsonObject } from '../../../src/core/extract.js';
import { Rational } from '../../../src/core/rational.js';
import type { Verdict } from '../../../src/core/types.js';
import { correct, wrong } from '../../../src/core/verdict.js';
import { evaluateExact, evaluateFloat, parseFormula } from './formula.js';

/** Upstream reward table (paper App. A.3); reported in `details.reward`, never as the score. */
export const REWARD = {
  correct: 5,
  wrongValue: -1,
  numberMisuse: -2,
  illegal: -3,
} as const;

export type Failure = 'no-formula' | 'illegal-characters' | 'syntax' | 'numbers' | 'division-by-zero' | 'value';

export interface Scoring {
  /** Card values under the scoring rule. */
  values: readonly number[];
  target: number;
}

/** How much of the formula a verdict keeps: enough to read, not a megabyte of garbage. */
const MAX_PARSED_CHARS = 1_000;

export function verifyAnswer(response: unknown, scoring: Scoring): Verdict {
  const extracted = extractFormula(clampText(response));
  if ('failure' in extracted) return fail(extracted.failure, 'no-formula', false, undefined, REWARD.illegal);

  // Cut at the first '=' ("…=24" is the requested shape) and drop whitespace (Debunk's fix).
  const formula = extracted.formula.split('=')[0]!.replace(/\s+/g, '');
  const parsed = formula.length > MAX_PARSED_CHARS ? `${formula.slice(0, MAX_PARSED_CHARS)}...` : formula;
  if (formula === '') return fail('your formula is empty', 'syntax', false, parsed, REWARD.illegal);

  const syntax = parseFormula(formula);
  if (!syntax.ok) return fail(syntax.reason, syntax.kind, false, parsed, REWARD.illegal);

  const misuse = numberMisuse(syntax.numbers, scoring.values);
  if (misuse) return fail(misuse, 'numbers', true, parsed, REWARD.numberMisuse);

  // Only now evaluate: the formula holds exactly the card values, so the tree is tiny.
  const value = evaluateExact(syntax.ast);
  if (!value) return fail('your formula divides by zero', 'division-by-zero', true, parsed, REWARD.wrongValue);
  const target = Rational.of(scoring.target);
  if (!value.eq(target)) {
    return fail('your formula is incorrect', 'value', true, parsed, REWARD.wrongValue, { value: value.toString() });
  }
  const details: Record<string, unknown> = { reward: REWARD.correct, value: value.toString() };
  // Upstream compared a Python float to the target; say so when that would have failed.
  if (evaluateFloat(syntax.ast) !== scoring.target) details.floatMismatch = true;
  return correct(parsed, details);
}

function fail(
  reason: string,
  failure: Failure,
  formatOk: boolean,
  parsed: string | undefined,
  reward: number,
  extra: Record<string, unknown> = {},
): Verdict {
  return wrong(reason, formatOk, parsed, 0, { reward, failure, ...extra });
}

/**
 * The formula string: the `formula` field of the first JSON object, otherwise the first
 * `"formula": "…"` in the text. The upstream regex knows double quotes only; single quotes are
 * accepted as well because the prompt's own skeleton shows `'an equation that equals 24'`.
 */
export function extractFormula(text: string): { formula: string } | { failure: string } {
  const json = firstJsonObject(text);
  if (json && 'formula' in json) {
    if (typeof json.formula === 'string') return { formula: json.formula };
    return { failure: 'the "formula" field is not a string' };
  }
  const m = /["']formula["']\s*:\s*(?:"([^"]*)"|'([^']*)')/.exec(text);
  if (m) return { formula: m[1] ?? m[2] ?? '' };
  return { failure: 'your answer has no "formula" field' };
}

/**
 * Upstream checks, in order, values that are not among the cards, values used more often than
 * the cards allow, and card values left unused; all cost the same reward. The reason lists every
 * kind found so the revision feedback is complete.
 */
export function numberMisuse(numbers: readonly string[], values: readonly number[]): string | undefined {
  const available = countOf(values.map(String));
  const used = countOf(numbers);
  const invalid: string[] = [];
  const overused: string[] = [];
  const unused: string[] = [];
  for (const [n, k] of used) {
    const have = available.get(n) ?? 0;
    if (have === 0) invalid.push(n);
    else if (k > have) overused.push(n);
  }
  for (const [n, k] of available) if ((used.get(n) ?? 0) < k) unused.push(n);
  const parts: string[] = [];
  if (invalid.length) parts.push(`you used invalid numbers: ${listOf(invalid)}`);
  if (overused.length) parts.push(`you used numbers more times than the cards allow: ${listOf(overused)}`);
  if (unused.length) parts.push(`you didn't use numbers: ${listOf(unused)}`);
  return parts.length ? parts.join('; ') : undefined;
}

function countOf(items: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of items) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

/** "[15, 4]" like the upstream Python lists; long junk is clipped. */
function listOf(items: string[]): string {
  const shown = items.slice(0, 10).map((s) => (s.length > 12 ? `${s.slice(0, 12)}...` : s));
  return `[${shown.join(', ')}${items.length > 10 ? ', ...' : ''}]`;
}
