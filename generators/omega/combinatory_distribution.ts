// combinatory_distribution: in how many ways can a multiset of letters be placed into boxes of
// given sizes? Letters of one kind are identical; labeled boxes are told apart by position,
// unlabeled boxes of equal size are interchangeable. Counted exactly by enumerating the
// per-box letter counts (a canonical order within each size group for unlabeled boxes).
import { integerAnswer } from './lib/answer.js';
import { defineFamily, drawKnob, type Knob, countNoun } from './lib/family.js';
import { formatMultiset, randomComposition, randomMultiset } from './lib/multiset.js';

interface Level extends Record<string, unknown> {
  letterTypes: number;
  boxes: number;
  totalLetters: Knob;
}

/** Lexicographic comparison of two count vectors. */
function cmpVec(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** Number of fillings of boxes with the given sizes by letters with the given counts. */
export function countDistributions(counts: readonly number[], sizes: readonly number[], labeled: boolean): bigint {
  // Unlabeled: equal sizes adjacent, and within a run of equal sizes the fillings non-increasing.
  const order = labeled ? sizes.map((_, i) => i) : sizes.map((_, i) => i).sort((x, y) => sizes[x]! - sizes[y]!);
  const left = counts.slice();
  const chosen: number[][] = [];
  let total = 0n;
  const fill = (k: number) => {
    if (k === order.length) {
      total++;
      return;
    }
    const size = sizes[order[k]!]!;
    const prev = !labeled && k > 0 && sizes[order[k - 1]!] === size ? chosen[k - 1] : undefined;
    const vec = new Array(counts.length).fill(0);
    const compose = (t: number, remaining: number) => {
      if (t === counts.length - 1) {
        if (remaining > left[t]!) return;
        vec[t] = remaining;
        if (prev && cmpVec(vec, prev) > 0) return;
        for (let i = 0; i < vec.length; i++) left[i] -= vec[i];
        chosen[k] = vec.slice();
        fill(k + 1);
        for (let i = 0; i < vec.length; i++) left[i] += vec[i];
        return;
      }
      for (let x = Math.min(remaining, left[t]!); x >= 0; x--) {
        vec[t] = x;
        compose(t + 1, remaining - x);
      }
    };
    compose(0, size);
  };
  fill(0);
  return total;
}

export const combinatoryDistribution = defineFamily<Level>({
  family: 'combinatory_distribution',
  domain: 'combinatorics',
  description:
    'OMEGA combinatory_distribution: ways to place a letter multiset into labeled or unlabeled boxes of given sizes; levels grow letters and boxes (1–6).',
  version: '1',
  levels: {
    1: { letterTypes: 2, boxes: 2, totalLetters: [4, 5] },
    2: { letterTypes: 3, boxes: 3, totalLetters: [6, 7] },
    3: { letterTypes: 4, boxes: 4, totalLetters: [8, 10] },
    4: { letterTypes: 4, boxes: 4, totalLetters: [11, 11] },
    5: { letterTypes: 4, boxes: 4, totalLetters: [12, 12] },
    6: { letterTypes: 5, boxes: 5, totalLetters: [13, 14] },
  },
  knobs: ['letterTypes', 'boxes', 'totalLetters'],
  units: countNoun('way'),
  make(c, rng) {
    const total = drawKnob(rng, c.totalLetters);
    const m = randomMultiset(rng, c.letterTypes, total);
    const sizes = randomComposition(rng, total, c.boxes);
    if (sizes.some((s) => s > 10)) return undefined;
    const labeled = rng.bool();
    const ways = countDistributions(m.counts, sizes, labeled);
    const boxesText = labeled
      ? `${c.boxes} labeled boxes (box 1 to box ${c.boxes}) with sizes ${JSON.stringify(sizes)} respectively`
      : `${c.boxes} indistinguishable boxes with sizes ${JSON.stringify(sizes)}`;
    const rules = labeled
      ? 'Letters of the same kind are identical; the boxes are distinct and each box must be filled to exactly its size.'
      : 'Letters of the same kind are identical; boxes of the same size cannot be told apart, and each box must be filled to exactly its size.';
    return {
      question: `Given the letters ${formatMultiset(m, true)}, place them into ${boxesText}. ${rules} In how many ways can you do this?`,
      answer: integerAnswer(ways),
      inputs: { multiset: Object.fromEntries(m.letters.map((l, i) => [l, m.counts[i]])), sizes, labeled },
      knobs: { letterTypes: c.letterTypes, boxes: c.boxes, totalLetters: total, labeled: labeled ? 1 : 0 },
      guess: (r) => String(r.int(1, 200)),
    };
  },
});
