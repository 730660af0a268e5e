// combinatory_pattern_matching: the expected number of substrings of a random word that fully
// match a small regular expression (a.*b, a.*a, b.*b, ab+, a+b, ab*, a*b over letters of the
// multiset). Exact expectation over all ordered samples; the answer is asked to 2 decimals and
// any reply within half a unit of the exact value is accepted.
import { Rational } from '../../src/core/rational.js';
import { decimalAnswer } from './lib/answer.js';
import { defineFamily, drawKnob, type Knob } from './lib/family.js';
import { formatMultiset, randomMultiset } from './lib/multiset.js';

interface Level extends Record<string, unknown> {
  wordLength: number;
  totalLetters: Knob;
}

export type PatternKind = 'a.*b' | 'a.*a' | 'b.*b' | 'ab+' | 'a+b' | 'ab*' | 'a*b';
export const PATTERN_KINDS: readonly PatternKind[] = ['a.*b', 'a.*a', 'b.*b', 'ab+', 'a+b', 'ab*', 'a*b'];

/** The pattern with its placeholders replaced by letters. */
export function patternText(kind: PatternKind, a: string, b: string): string {
  return kind
    .replace(/a/g, '\u0000')
    .replace(/b/g, b)
    .replace(/\u0000/g, a);
}

/** Does s (non-empty) fully match the pattern? Written out per template, without a regex engine. */
export function fullMatch(kind: PatternKind, s: readonly string[], a: string, b: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  const all = (from: number, to: number, ch: string) => s.slice(from, to).every((x) => x === ch);
  switch (kind) {
    case 'a.*b':
      return n >= 2 && s[0] === a && s[n - 1] === b;
    case 'a.*a':
      return n >= 2 && s[0] === a && s[n - 1] === a;
    case 'b.*b':
      return n >= 2 && s[0] === b && s[n - 1] === b;
    case 'ab+':
      return n >= 2 && s[0] === a && all(1, n, b);
    case 'a+b':
      return n >= 2 && s[n - 1] === b && all(0, n - 1, a);
    case 'ab*':
      return s[0] === a && all(1, n, b);
    case 'a*b':
      return s[n - 1] === b && all(0, n - 1, a);
  }
}

/** Substrings w[i:j] (i < j) that fully match. */
export function occurrences(kind: PatternKind, w: readonly string[], a: string, b: string): number {
  let k = 0;
  for (let i = 0; i < w.length; i++)
    for (let j = i + 1; j <= w.length; j++) if (fullMatch(kind, w.slice(i, j), a, b)) k++;
  return k;
}

/** x(x−1)…(x−k+1) */
function falling(x: number, k: number): bigint {
  let f = 1n;
  for (let i = 0; i < k; i++) f *= BigInt(x - i);
  return f;
}

/**
 * Expected matches, by linearity: a window of length ℓ starts at L − ℓ + 1 places, and an ordered
 * sample without replacement is exchangeable, so every window of length ℓ is a uniform ℓ-sample.
 * The chance that it matches follows from the template: e.g. 'ab+' needs a first, then ℓ−1 b's.
 */
export function expectedOccurrences(
  kind: PatternKind,
  ca: number,
  cb: number,
  total: number,
  length: number,
): Rational {
  let sum = Rational.ZERO;
  for (let l = 1; l <= length; l++) {
    let ways: bigint;
    switch (kind) {
      case 'a.*b':
        ways = l >= 2 ? BigInt(ca * cb) * falling(total - 2, l - 2) : 0n;
        break;
      case 'a.*a':
        ways = l >= 2 ? falling(ca, 2) * falling(total - 2, l - 2) : 0n;
        break;
      case 'b.*b':
        ways = l >= 2 ? falling(cb, 2) * falling(total - 2, l - 2) : 0n;
        break;
      case 'ab+':
        ways = l >= 2 ? BigInt(ca) * falling(cb, l - 1) : 0n;
        break;
      case 'a+b':
        ways = l >= 2 ? falling(ca, l - 1) * BigInt(cb) : 0n;
        break;
      case 'ab*':
        ways = BigInt(ca) * falling(cb, l - 1);
        break;
      case 'a*b':
        ways = falling(ca, l - 1) * BigInt(cb);
        break;
    }
    if (ways > 0n) sum = sum.add(Rational.of(ways * BigInt(length - l + 1), falling(total, l)));
  }
  return sum;
}

export const combinatoryPatternMatching = defineFamily<Level>({
  family: 'combinatory_pattern_matching',
  domain: 'combinatorics',
  description:
    'OMEGA combinatory_pattern_matching: expected regex-pattern occurrences in a random word, to 2 decimals; levels grow word length and multiset (1–5).',
  version: '1',
  levels: {
    1: { wordLength: 2, totalLetters: [4, 5] },
    2: { wordLength: 3, totalLetters: [6, 8] },
    3: { wordLength: 4, totalLetters: [9, 9] },
    4: { wordLength: 5, totalLetters: [10, 11] },
    5: { wordLength: 6, totalLetters: [12, 13] },
  },
  knobs: ['wordLength', 'totalLetters'],
  make(c, rng) {
    const total = drawKnob(rng, c.totalLetters);
    const types = rng.int(2, Math.min(5, total));
    const m = randomMultiset(rng, types, total);
    const kind = rng.pick(PATTERN_KINDS);
    const [ia, ib] = rng.sample(
      m.letters.map((_, i) => i),
      2,
    ) as [number, number];
    const a = m.letters[ia]!;
    const b = m.letters[ib]!;
    const expected = expectedOccurrences(kind, m.counts[ia]!, m.counts[ib]!, total, c.wordLength);
    if (expected.isZero()) return undefined;
    const pattern = patternText(kind, a, b);
    return {
      question: `Form a word by randomly choosing ${c.wordLength} letters from the multiset ${formatMultiset(m)}. What is the expected number of occurrences of the pattern '${pattern}' in each word? (An occurrence is a contiguous substring that fully matches the regular expression '${pattern}'.) Round your answer to 2 decimal places.`,
      answer: decimalAnswer(expected, 2),
      inputs: {
        multiset: Object.fromEntries(m.letters.map((l, i) => [l, m.counts[i]])),
        wordLength: c.wordLength,
        pattern,
        kind,
      },
      knobs: { wordLength: c.wordLength, totalLetters: total, letterTypes: types },
      guess: (r) => (r.int(0, 300) / 100).toFixed(2),
    };
  },
});
