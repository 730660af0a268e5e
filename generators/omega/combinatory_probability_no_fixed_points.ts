// combinatory_probability_no_fixed_points: probability that no position of a shuffled random word
// keeps its letter (lib/fixed_points.ts has the shared model). Answer m + n for p = m/n.
import { defineFamily } from './lib/family.js';
import { SHUFFLE_LEVELS, makeShuffleInstance } from './lib/fixed_points.js';

export const combinatoryProbabilityNoFixedPoints = defineFamily({
  family: 'combinatory_probability_no_fixed_points',
  domain: 'combinatorics',
  description:
    'OMEGA combinatory_probability_no_fixed_points: P(no letter stays in place) after shuffling a random word; levels grow word length and multiset (1–5).',
  version: '2',
  levels: SHUFFLE_LEVELS,
  knobs: ['wordLength', 'totalLetters', 'letterTypes'],
  make: (c, rng) =>
    makeShuffleInstance(c, rng, () => ({
      phrase: 'every position holds a different letter after the shuffle than before it',
      event: (_w, fixed) => !fixed.includes(true),
      params: { event: 'no_fixed_points' },
    })),
});
