// Verification from the stored truth alone (the puzzle part every jigsaw truth carries): the
// scoring of verify.ts, with the truth's shape checked first so bad input is a wrong answer.
import type { Verdict } from '../../../src/core/types.js';
import { wrong } from '../../../src/core/verdict.js';
import { MAX_SIDE } from './grid.js';
import { isPermutation } from './permutation.js';
import { verifyJigsaw, type JigsawScoring } from './verify.js';

/** Bump when a verdict for the same truth and reply changes (both jigsaw generators share it). */
export const JIGSAW_VERIFIER_VERSION = '1';

function scoringOf(truth: unknown): JigsawScoring | string {
  const t = truth as Record<string, any> | null;
  if (!t || typeof t !== 'object') return 'truth is not an object';
  const side = (x: unknown) => Number.isInteger(x) && (x as number) >= 1 && (x as number) <= MAX_SIDE;
  if (!side(t.rows) || !side(t.cols)) return `truth.rows and truth.cols must be integers 1..${MAX_SIDE}`;
  if (t.question !== 'pair' && t.question !== 'full') return "truth.question must be 'pair' or 'full'";
  if (t.mode !== 'thinking' && t.mode !== 'direct') return "truth.mode must be 'thinking' or 'direct'";
  if (!Array.isArray(t.forward) || t.forward.length !== t.rows * t.cols || !isPermutation(t.forward))
    return 'truth.forward must be a permutation of 1..rows·cols';
  const s: JigsawScoring = {
    grid: { rows: t.rows, cols: t.cols },
    mode: t.mode,
    question: t.question,
    forward: t.forward,
  };
  if (t.question === 'pair') {
    if (typeof t.answer !== 'string' || !Array.isArray(t.pair?.options))
      return 'pair questions need truth.answer (the letter) and truth.pair.options';
    s.letter = t.answer;
    s.options = t.pair.options.length;
  }
  return s;
}

export function verifyJigsawTruth(truth: unknown, response: string): Verdict {
  const s = scoringOf(truth);
  if (typeof s === 'string') return wrong(`cannot verify: ${s}`, false);
  return verifyJigsaw(response, s);
}
