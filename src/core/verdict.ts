import type { Verdict } from './types.js';

export function correct(parsed?: unknown, details?: Record<string, unknown>): Verdict {
  return { correct: true, score: 1, formatOk: true, parsed, details };
}

/** A wrong answer. `formatOk` says whether it at least parsed in the requested format. */
export function wrong(
  reason: string,
  formatOk: boolean,
  parsed?: unknown,
  score = 0,
  details?: Record<string, unknown>,
): Verdict {
  return { correct: false, score, formatOk, parsed, reason, details };
}

/**
 * Runs a verifier and turns any exception into a wrong answer. Verifiers are written to be total;
 * this is the harness's second line of defence, and the reason says it was a verifier bug.
 */
export function safeVerify(verify: (response: string) => Verdict, response: string): Verdict {
  try {
    const v = verify(typeof response === 'string' ? response : String(response ?? ''));
    const score = Number.isFinite(v.score) ? Math.min(1, Math.max(0, v.score)) : 0;
    return { ...v, score };
  } catch (err) {
    return wrong(`verifier error: ${(err as Error)?.message ?? String(err)}`, false);
  }
}
