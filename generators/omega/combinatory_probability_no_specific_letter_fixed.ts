// combinatory_probability_no_specific_letter_fixed: probability that no occurrence of a named
// letter stays in place after shuffling a random word. Answer m + n for p = m/n.
import { defineFamily } from './lib/family.js';
import { SHUFFLE_LEVELS, makeShuffleInstance } from './lib/fixed_points.js';

export const combinatoryProbabilityNoSpecificLetterFixed = defineFamily({
  family: 'combinatory_probability_no_specific_letter_fixed',
  domain: 'combinatorics',
  description:
    'OMEGA combinatory_probability_no_specific_letter_fixed: P(no letter s stays in place) after shuffling a random word; levels grow word length and multiset (1–5).',
  version: '2',
  levels: SHUFFLE_LEVELS,
  knobs: ['wordLength', 'totalLetters', 'letterTypes'],
  make: (c, rng) =>
    makeShuffleInstance(c, rng, (m, r) => {
      const s = r.int(0, m.letters.length - 1);
      return {
        phrase: `no position that held a letter '${m.letters[s]}' before the shuffle holds a letter '${m.letters[s]}' after it`,
        event: (w, fixed) => !w.some((t, i) => t === s && fixed[i]),
        letter: s,
        params: { event: 'no_specific_letter_fixed', letter: m.letters[s] },
      };
    }),
});
