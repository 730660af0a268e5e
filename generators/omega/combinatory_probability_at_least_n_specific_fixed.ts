// combinatory_probability_at_least_n_specific_fixed: probability that at least n occurrences of
// a named letter stay in place after shuffling a random word. Answer m + n for p = m/n.
import { defineFamily } from './lib/family.js';
import { SHUFFLE_LEVELS, makeShuffleInstance } from './lib/fixed_points.js';

export const combinatoryProbabilityAtLeastNSpecificFixed = defineFamily({
  family: 'combinatory_probability_at_least_n_specific_fixed',
  domain: 'combinatorics',
  description:
    'OMEGA combinatory_probability_at_least_n_specific_fixed: P(at least n letters s stay in place) after shuffling a random word; levels grow word length and multiset (1–5).',
  version: '2',
  levels: SHUFFLE_LEVELS,
  knobs: ['wordLength', 'totalLetters', 'letterTypes'],
  make: (c, rng) =>
    makeShuffleInstance(c, rng, (m, r) => {
      const s = r.int(0, m.letters.length - 1);
      const n = r.int(1, Math.min(3, m.counts[s]!, c.wordLength));
      return {
        phrase: `at least ${n} of the positions that held a letter '${m.letters[s]}' before the shuffle ${n === 1 ? 'holds' : 'hold'} a letter '${m.letters[s]}' after it`,
        event: (w, fixed) => w.filter((t, i) => t === s && fixed[i]).length >= n,
        letter: s,
        params: { event: 'at_least_n_specific_fixed', letter: m.letters[s], n },
      };
    }),
});
