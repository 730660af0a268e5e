// The verifier: SATQuest's extraction (answer.ts), its format check (exactly L binary digits,
// which the extraction guarantees), and its per-label check (labels.ts). Total: any string in,
// a Verdict out.
import type { Verdict } from '../../src/core/types.js';
import { correct, wrong } from '../../src/core/verdict.js';
import { extractBits } from './answer.js';
import { checkBits, type CheckContext } from './labels.js';
import type { PromptStyle } from './params.js';

export interface VerifyContext extends CheckContext {
  prompt: PromptStyle;
  answerLength: number;
}

export function verifySatQuest(response: unknown, ctx: VerifyContext): Verdict {
  try {
    const ex = extractBits(response, ctx.prompt, ctx.answerLength);
    if (!ex.ok) {
      const where = ctx.prompt === 'rft' ? 'an <answer>…</answer> span' : 'an "Answer:" line';
      const reason = ex.stage === 'no-answer'
        ? `no answer found: the reply has no ${where}`
        : `the answer has no run of ${ctx.answerLength} binary digits ('0'/'1')`;
      return wrong(reason, false, undefined, 0, { failure: ex.stage });
    }
    const check = checkBits(ex.bits, ctx);
    if (!check.ok) return wrong(check.reason, true, ex.bits, 0, { failure: 'wrong' });
    return correct(ex.bits);
  } catch (err) {
    // Not expected (the engine is total on well-formed clauses); kept so a bug scores 0, never throws.
    return wrong(`verifier error: ${(err as Error)?.message ?? String(err)}`, false, undefined, 0, { failure: 'error' });
  }
}
