// Compositional setting 5, matrix rank + probability (OMEGA comp_matrix_rank). Skill A is
// arithmetic_matrix_rank (rank by elimination); skill B is
// combinatory_probability_no_specific_letter_fixed (random words, shuffles, exact probabilities).
// Composed: a random word is shuffled and the 0/1 "letter match" matrix X (X[i][j] = 1 when the
// shuffled word's i-th letter equals the original word's j-th letter) is formed; the question is
// the probability that X − I is invertible. The rank depends on the shuffle in a structured way
// (X − I is singular exactly when the letter-transition count matrix has eigenvalue 1), so one
// has to reason about rank over the whole random experiment, not rank one matrix and then count.
import { Rational } from '../../../src/core/rational.js';
import { integerAnswer } from '../lib/answer.js';
import { defineFamily, drawKnob, guessInt, type Knob } from '../lib/family.js';
import { rank } from '../lib/matrix.js';
import { formatMultiset, permutations, randomMultiset, wordsOf, type Multiset } from '../lib/multiset.js';
import { arithmeticMatrixRank } from '../arithmetic_matrix_rank.js';
import { combinatoryProbabilityNoSpecificLetterFixed } from '../combinatory_probability_no_specific_letter_fixed.js';
import { defineSetting } from './lib/axis.js';

interface Level extends Record<string, unknown> {
  wordLength: number;
  totalLetters: Knob;
  letterTypes: number;
}

/** X − I for a word and a position permutation (shuffled[i] = word[perm[i]]). */
export function matchMinusIdentity(word: readonly number[], perm: readonly number[]): bigint[][] {
  const n = word.length;
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (word[perm[i]!] === word[j] ? 1n : 0n) - (i === j ? 1n : 0n)),
  );
}

/** P(rank(X − I) = L), exactly: Σ over words of P(word) · (#invertible shuffles / L!). */
export function invertibleProbability(m: Multiset, length: number): Rational {
  const perms = permutations(length);
  const byPattern = new Map<string, number>();
  let p = Rational.ZERO;
  for (const { word, probability } of wordsOf(m, length)) {
    const label = new Map<number, number>();
    const key = word
      .map((t) => {
        if (!label.has(t)) label.set(t, label.size);
        return label.get(t)!;
      })
      .join(',');
    let hits = byPattern.get(key);
    if (hits === undefined) {
      hits = perms.filter((perm) => rank(matchMinusIdentity(word, perm)) === length).length;
      byPattern.set(key, hits);
    }
    p = p.add(probability.mul(Rational.of(hits, perms.length)));
  }
  return p;
}

const composed = defineFamily<Level>({
  family: 'compositional/matrix_rank',
  domain: 'combinatorics',
  description: 'Probability that X − I is invertible, X the letter-match matrix of a shuffled random word.',
  version: '1',
  levels: {
    1: { wordLength: 3, totalLetters: [5, 6], letterTypes: 3 },
    2: { wordLength: 4, totalLetters: [7, 8], letterTypes: 3 },
    3: { wordLength: 5, totalLetters: [9, 10], letterTypes: 4 },
  },
  knobs: ['wordLength', 'totalLetters', 'letterTypes'],
  make(c, rng) {
    const total = drawKnob(rng, c.totalLetters);
    const m = randomMultiset(rng, c.letterTypes, total);
    const p = invertibleProbability(m, c.wordLength);
    if (p.isZero() || p.eq(Rational.ONE)) return undefined;
    const L = c.wordLength;
    const question = `Form a word w by randomly choosing ${L} letters from the multiset ${formatMultiset(m)}, then shuffle its letters (every rearrangement of its ${L} positions equally likely) to get a word w'. Let X be the ${L}×${L} matrix with X[i][j] = 1 if the i-th letter of w' equals the j-th letter of w, and X[i][j] = 0 otherwise, and let I be the ${L}×${L} identity matrix. What is the probability that the matrix X − I has rank ${L}? If the probability can be written as $\\frac{m}{n}$, where $m$ and $n$ are relatively prime positive integers, find $m + n$.`;
    return {
      question,
      answer: integerAnswer(p.num + p.den),
      inputs: {
        multiset: Object.fromEntries(m.letters.map((x, i) => [x, m.counts[i]])),
        wordLength: L,
        probability: p.toString(),
      },
      knobs: { wordLength: L, totalLetters: total, letterTypes: c.letterTypes },
      guess: guessInt(2, 500),
    };
  },
});

export const matrixRank = defineSetting({
  axis: 'compositional',
  setting: 'matrix_rank',
  description:
    'OMEGA compositional 5: matrix rank (A) + fixed-letter probability (B) → probability a shuffle-defined matrix is invertible (composed).',
  version: '1',
  parts: { a: arithmeticMatrixRank, b: combinatoryProbabilityNoSpecificLetterFixed, composed },
  testParts: ['composed'],
});
