// Transformative setting 4, letter probabilities (OMEGA trans_prob_letter, "Advanced
// Combinatorics"). Familiar: combinatory_probability_no_specific_letter_fixed, 2–4 letter words
// where listing the shuffles (casework) works. Transformed: the same events for a whole word of
// 16 to 120 letters, where casework explodes and a counting argument is needed: after a uniform
// shuffle the k copies of a letter occupy a uniformly random k-subset of the positions, so
// P(exactly j of them on their own original positions) = C(k, j)·C(L − k, k − j) / C(L, k)
// (hypergeometric); "none" is j = 0 and "at least j" sums the tail. The tests recompute small
// words by enumerating every shuffle.
import { Rational } from '../../../src/core/rational.js';
import { integerAnswer } from '../lib/answer.js';
import { defineFamily, guessInt } from '../lib/family.js';
import { formatMultiset, randomMultiset } from '../lib/multiset.js';
import { combinatoryProbabilityNoSpecificLetterFixed } from '../combinatory_probability_no_specific_letter_fixed.js';
import { defineSetting } from '../compositional/lib/axis.js';

interface Level extends Record<string, unknown> {
  length: readonly [number, number];
  types: number;
}

export function choose(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let r = 1n;
  for (let i = 0; i < k; i++) r = (r * BigInt(n - i)) / BigInt(i + 1);
  return r;
}

export type Event = { kind: 'none' } | { kind: 'exactly'; j: number } | { kind: 'atLeast'; j: number };

/** P(event on the number of the k copies that land on original copy positions), word length L. */
export function letterProbability(L: number, k: number, e: Event): Rational {
  const pj = (j: number) => choose(k, j) * choose(L - k, k - j);
  let num = 0n;
  if (e.kind === 'none') num = pj(0);
  else if (e.kind === 'exactly') num = pj(e.j);
  else for (let j = e.j; j <= k; j++) num += pj(j);
  return Rational.of(num, choose(L, k));
}

const transformed = defineFamily<Level>({
  family: 'transformative/prob_letter',
  domain: 'combinatorics',
  description: 'Fixed-letter probabilities after shuffling a whole long word (hypergeometric counting, not casework).',
  version: '2',
  levels: { 1: { length: [16, 30], types: 3 }, 2: { length: [31, 60], types: 4 }, 3: { length: [61, 120], types: 5 } },
  knobs: ['length', 'types'],
  make(c, rng) {
    const L = rng.int(c.length[0], c.length[1]);
    const m = randomMultiset(rng, c.types, L);
    const letter = rng.int(0, c.types - 1);
    const k = m.counts[letter]!;
    if (k < 2 || 2 * k > L + 2) return undefined;
    const kind = rng.pick(['none', 'exactly', 'atLeast'] as const);
    const j = rng.int(1, Math.min(k, 4));
    const e: Event = kind === 'none' ? { kind } : { kind, j };
    const p = letterProbability(L, k, e);
    if (p.isZero() || p.eq(Rational.ONE)) return undefined;
    const l = m.letters[letter]!;
    const held = `the positions that held a letter '${l}' before the shuffle`;
    const phrase =
      e.kind === 'none'
        ? `no position that held a letter '${l}' before the shuffle holds a letter '${l}' after it`
        : e.kind === 'exactly'
          ? `exactly ${e.j} of ${held} ${e.j === 1 ? 'holds' : 'hold'} a letter '${l}' after it`
          : `at least ${e.j} of ${held} ${e.j === 1 ? 'holds' : 'hold'} a letter '${l}' after it`;
    return {
      question: `What is the probability of such event happening: Form a word using all ${L} letters of the multiset ${formatMultiset(m)} in some fixed order, shuffle the letters in the word (every rearrangement of its ${L} positions equally likely), what is the probability that ${phrase}? (Copies of a letter are interchangeable: a position counts by the letter it holds.) If the probability can be written as the form $\\frac{m}{n}$, where $m$ and $n$ are relatively prime positive integers, find $m + n$.`,
      answer: integerAnswer(p.num + p.den),
      inputs: {
        multiset: Object.fromEntries(m.letters.map((x, i) => [x, m.counts[i]])),
        length: L,
        letter: l,
        copies: k,
        event: e,
        probability: p.toString(),
      },
      knobs: { length: L, types: c.types },
      guess: guessInt(2, 10_000),
    };
  },
});

export const transProbLetter = defineSetting({
  axis: 'transformative',
  setting: 'prob_letter',
  description:
    'OMEGA transformative 4: short-word fixed-letter probabilities (familiar, casework) → long whole-word shuffles (transformed, counting argument).',
  version: '2',
  parts: { familiar: combinatoryProbabilityNoSpecificLetterFixed, transformed },
  testParts: ['transformed'],
});
