// The shared model of the four combinatory_probability_* families: draw a word from a letter
// multiset, shuffle its positions uniformly (all L! position permutations, identical letters
// counted as distinct), and ask for the probability of a fixed-point event. Exact.
import { Rational } from '../../../src/core/rational.js';
import type { Rng } from '../../../src/core/rng.js';
import { integerAnswer } from './answer.js';
import { drawKnob, type Instance, type Knob } from './family.js';
import { factorial, formatMultiset, permutations, randomMultiset, type Multiset } from './multiset.js';

export interface ShuffleLevel extends Record<string, unknown> {
  wordLength: number;
  totalLetters: Knob;
  letterTypes: number;
}

/** Word length and total letters per level (spec §1.4.4); both range ends are used (defect 10). */
export const SHUFFLE_LEVELS: Record<number, ShuffleLevel> = {
  1: { wordLength: 2, totalLetters: [4, 5], letterTypes: 3 },
  2: { wordLength: 3, totalLetters: [6, 7], letterTypes: 3 },
  3: { wordLength: 4, totalLetters: [8, 9], letterTypes: 3 },
  4: { wordLength: 4, totalLetters: [10, 10], letterTypes: 4 },
  5: { wordLength: 5, totalLetters: [11, 12], letterTypes: 5 },
};

/**
 * An event on (word, shuffled word): `fixed[i]` says position i kept its letter. `word` holds
 * letter indices, so events about one letter compare against its index.
 */
export type ShuffleEvent = (word: readonly number[], fixed: readonly boolean[]) => boolean;

/**
 * P(event) exactly: Σ over words of P(word) · (#permutations with the event) / L!. A word's
 * probability is (∏ falling counts) / (total falling L), so the sum runs over integer weights and
 * is divided once. The permutation count depends only on the word's letter pattern, so it is
 * cached per pattern: letters relabelled by first appearance, except the one the event names.
 */
export function shuffleProbability(m: Multiset, length: number, event: ShuffleEvent, distinguished = -1): Rational {
  const perms = permutations(length);
  const total = m.counts.reduce((s, c) => s + c, 0);
  const hitsByPattern = new Map<string, number>();
  const fixed: boolean[] = new Array(length).fill(false);
  let weighted = 0n;
  for (const { word, weight } of weightedWords(m, length)) {
    const key = patternKey(word, distinguished);
    let hits = hitsByPattern.get(key);
    if (hits === undefined) {
      hits = 0;
      for (const p of perms) {
        for (let i = 0; i < length; i++) fixed[i] = word[p[i]!] === word[i];
        if (event(word, fixed)) hits++;
      }
      hitsByPattern.set(key, hits);
    }
    weighted += weight * BigInt(hits);
  }
  let den = factorial(length);
  for (let i = 0; i < length; i++) den *= BigInt(total - i);
  return Rational.of(weighted, den);
}

function patternKey(word: readonly number[], distinguished: number): string {
  const label = new Map<number, number>();
  return word
    .map((t) => {
      if (t === distinguished) return 'S';
      if (!label.has(t)) label.set(t, label.size);
      return label.get(t)!;
    })
    .join(',');
}

/** Words of the given length with integer weights ∏ (falling counts); total weight = total falling L. */
function* weightedWords(m: Multiset, length: number): Generator<{ word: number[]; weight: bigint }> {
  const left = m.counts.slice();
  const word: number[] = [];
  function* walk(weight: bigint): Generator<{ word: number[]; weight: bigint }> {
    if (word.length === length) {
      yield { word, weight };
      return;
    }
    for (let t = 0; t < left.length; t++) {
      const c = left[t]!;
      if (c === 0) continue;
      left[t] = c - 1;
      word.push(t);
      yield* walk(weight * BigInt(c));
      word.pop();
      left[t] = c;
    }
  }
  yield* walk(1n);
}

export interface EventChoice {
  /** The event clause after "what is the probability that". */
  phrase: string;
  event: ShuffleEvent;
  /** Event parameters for the truth record (the letter, n). */
  params: Record<string, unknown>;
  /** The letter index the event talks about, if any. */
  letter?: number;
}

/** One instance of a shuffle-probability family: draw, evaluate exactly, reject 0 and 1. */
export function makeShuffleInstance(
  c: ShuffleLevel,
  rng: Rng,
  choose: (m: Multiset, rng: Rng) => EventChoice | undefined,
): Instance | undefined {
  const total = drawKnob(rng, c.totalLetters);
  const m = randomMultiset(rng, c.letterTypes, total);
  const choice = choose(m, rng);
  if (!choice) return undefined;
  const p = shuffleProbability(m, c.wordLength, choice.event, choice.letter);
  if (p.isZero() || p.eq(Rational.ONE)) return undefined;
  const question = `What is the probability of such event happening: Form a word by randomly choosing ${c.wordLength} letters from the multiset ${formatMultiset(m)}, shuffle the letters in the word (every rearrangement of its ${c.wordLength} positions equally likely), what is the probability that ${choice.phrase}? (Copies of a letter are interchangeable: a position counts by the letter it holds.) If the probability can be written as the form $\\frac{m}{n}$, where $m$ and $n$ are relatively prime positive integers, find $m + n$.`;
  return {
    question,
    answer: integerAnswer(p.num + p.den),
    inputs: {
      multiset: Object.fromEntries(m.letters.map((l, i) => [l, m.counts[i]])),
      wordLength: c.wordLength,
      ...choice.params,
      probability: p.toString(),
    },
    knobs: { wordLength: c.wordLength, totalLetters: total, letterTypes: c.letterTypes },
    guess: (r) => String(r.int(2, 500)),
  };
}
