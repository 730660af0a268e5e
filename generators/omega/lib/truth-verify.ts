// Verification of every OMEGA item (exploratory, compositional, transformative) from its stored
// truth alone: `truth.answer` is the typed answer the \boxed verifier compares with.
import type { Verdict } from '../../../src/core/types.js';
import { wrong } from '../../../src/core/verdict.js';
import { verifyAnswer, type Answer, type ReadOptions } from './answer.js';

/** Bump when a verdict for the same truth and reply changes (answer parsing included). */
// 2: one answer-reading policy (issue 17): mixed numbers, grouping, asked units, \over, repeating
// decimals, powers, scientific notation; rounded answers must be a correct rounding.
export const OMEGA_VERIFIER_VERSION = '2';

function answerOf(truth: unknown): Answer | string {
  const a = (truth as { answer?: Record<string, unknown> } | null)?.answer;
  if (!a || typeof a !== 'object') return 'truth.answer is missing';
  switch (a.type) {
    case 'integer':
    case 'rational':
      return typeof a.value === 'string' && a.value.length <= 10_000
        ? (a as Answer)
        : `truth.answer.value must be a string`;
    case 'decimal':
      return typeof a.exact === 'string' &&
        a.exact.length <= 10_000 &&
        Number.isInteger(a.places) &&
        (a.places as number) >= 0 &&
        (a.places as number) <= 100
        ? (a as Answer)
        : 'a decimal truth.answer needs exact (a string) and places (0..100)';
    case 'choice':
      return Number.isInteger(a.value) ? (a as Answer) : 'a choice truth.answer needs an integer value';
    default:
      return `truth.answer.type must be integer, rational, decimal or choice`;
  }
}

export function verifyOmegaTruth(truth: unknown, response: string, read: ReadOptions = {}): Verdict {
  const answer = answerOf(truth);
  if (typeof answer === 'string') return wrong(`cannot verify: ${answer}`, false);
  return verifyAnswer(answer, response, read);
}
