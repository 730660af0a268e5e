// The verifier: SATQuest's extraction (answer.ts), its format check (exactly L binary digits,
// which the extraction guarantees), and its per-label check (labels.ts). Total: any string in,
// a Verdict out.
import type { Verdict } from '../../src/core/types.js';
import { correct, wrong } from '../../src/core/verdict.js';
import { extractBits } from './answer.js';
import { checkBits, type CheckContext } from './labels.js';
import { LABELS, PROMPTS, type Label, type PromptStyle } from './params.js';

export interface VerifyContext extends CheckContext {
  prompt: PromptStyle;
  answerLength: number;
}

export function verifySatQuest(response: unknown, ctx: VerifyContext): Verdict {
  try {
    const ex = extractBits(response, ctx.prompt, ctx.answerLength);
    if (!ex.ok) {
      const where = ctx.prompt === 'rft' ? 'an <answer>…</answer> span' : 'an "Answer:" line';
      const reason =
        ex.stage === 'no-answer'
          ? `no answer found: the reply has no ${where}`
          : `the answer has no run of ${ctx.answerLength} binary digits ('0'/'1')`;
      return wrong(reason, false, undefined, 0, { failure: ex.stage });
    }
    const check = checkBits(ex.bits, ctx);
    if (!check.ok) return wrong(check.reason, true, ex.bits, 0, { failure: 'wrong' });
    return correct(ex.bits);
  } catch (err) {
    // Not expected (the engine is total on well-formed clauses); kept so a bug scores 0, never throws.
    return wrong(`verifier error: ${(err as Error)?.message ?? String(err)}`, false, undefined, 0, {
      failure: 'error',
    });
  }
}

/** Bump when a verdict for the same truth and reply changes. */
export const SATQUEST_VERIFIER_VERSION = '1';

/** The check context from a stored truth, or what is wrong with the truth. */
function contextOf(truth: unknown): VerifyContext | string {
  const t = truth as Record<string, any> | null;
  if (!t || typeof t !== 'object') return 'truth is not an object';
  if (!(LABELS as readonly string[]).includes(t.label)) return `truth.label must be one of ${LABELS.join(', ')}`;
  if (!(PROMPTS as readonly string[]).includes(t.prompt)) return `truth.prompt must be one of ${PROMPTS.join(', ')}`;
  if (!Number.isSafeInteger(t.n) || t.n < 1 || t.n > 10_000) return 'truth.n must be a positive integer';
  if (!Number.isSafeInteger(t.answerLength) || t.answerLength < 1 || t.answerLength > 100_000)
    return 'truth.answerLength must be a positive integer';
  const lit = (x: unknown) => Number.isSafeInteger(x) && x !== 0 && Math.abs(x as number) <= t.n;
  if (!Array.isArray(t.clauses) || !t.clauses.every((c: unknown) => Array.isArray(c) && c.every(lit)))
    return 'truth.clauses must be lists of non-zero literals within ±n';
  if (t.optimum !== undefined && !Number.isSafeInteger(t.optimum)) return 'truth.optimum must be an integer';
  const label = t.label as Label;
  return {
    label,
    clauses: t.clauses,
    n: t.n,
    prompt: t.prompt,
    answerLength: t.answerLength,
    optimum: t.optimum,
    expected: label === 'SATDP_SAT' ? '1' : label === 'SATDP_UNSAT' ? '0' : undefined,
  };
}

export function verifySatQuestTruth(truth: unknown, response: string): Verdict {
  const ctx = contextOf(truth);
  if (typeof ctx === 'string') return wrong(`cannot verify: ${ctx}`, false);
  return verifySatQuest(response, ctx);
}
