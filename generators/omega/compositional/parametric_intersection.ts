// Compositional setting 4, parametric intersection (OMEGA comp_parametric_intersection). Skill A
// is combinatory_probability_no_specific_letter_fixed (probabilities of fixed letters when a
// random word is shuffled); skill B is algebra_func_intersection (how many solutions f(x) = g(x)
// has). Composed: the random number X of positions where a named letter stays put becomes the
// parameter of the equation f(x) = X, and the question is the probability that the equation has
// exactly k real solutions. That needs the whole distribution of X (not one event's probability)
// and the solution count as a function of the parameter (where X crosses f's critical values),
// combined term by term.
import { Rational } from '../../../src/core/rational.js';
import { integerAnswer } from '../lib/answer.js';
import { defineFamily, drawKnob, guessInt, type Knob } from '../lib/family.js';
import { shuffleProbability } from '../lib/fixed_points.js';
import { formatMultiset, randomMultiset } from '../lib/multiset.js';
import type { Poly } from '../lib/polynomial.js';
import { combinatoryProbabilityNoSpecificLetterFixed } from '../combinatory_probability_no_specific_letter_fixed.js';
import { algebraFuncIntersection } from '../algebra_func_intersection.js';
import { defineSetting } from './lib/axis.js';
import { countRealRoots } from './lib/sturm.js';
import { renderIntPoly } from './polynomial_gcd.js';

interface Level extends Record<string, unknown> {
  wordLength: number;
  totalLetters: Knob;
  letterTypes: number;
  degree: number;
}

/** Real solutions of f(x) = j for j = 0..maxJ. */
export function solutionCounts(coeffs: readonly bigint[], maxJ: number): number[] {
  return Array.from({ length: maxJ + 1 }, (_, j) => {
    const p: Poly = coeffs.map((c, i) => Rational.of(i === 0 ? c - BigInt(j) : c));
    return countRealRoots(p);
  });
}

const composed = defineFamily<Level>({
  family: 'compositional/parametric_intersection',
  domain: 'combinatorics',
  description:
    'P(f(x) = X has exactly k solutions) where X counts the fixed copies of a letter in a shuffled random word.',
  version: '1',
  levels: {
    1: { wordLength: 2, totalLetters: [4, 5], letterTypes: 3, degree: 3 },
    2: { wordLength: 3, totalLetters: [6, 7], letterTypes: 3, degree: 3 },
    3: { wordLength: 4, totalLetters: [8, 9], letterTypes: 3, degree: 4 },
  },
  knobs: ['wordLength', 'totalLetters', 'letterTypes', 'degree'],
  maxDraws: 5000,
  make(c, rng) {
    const coeffs = Array.from({ length: c.degree + 1 }, () => BigInt(rng.int(-3, 3)));
    if (coeffs[c.degree] === 0n) return undefined;
    const counts = solutionCounts(coeffs, c.wordLength);
    if (new Set(counts).size < 2) return undefined; // the parameter must matter
    const total = drawKnob(rng, c.totalLetters);
    const m = randomMultiset(rng, c.letterTypes, total);
    const letter = rng.int(0, c.letterTypes - 1);
    const dist = Array.from({ length: c.wordLength + 1 }, (_, j) =>
      shuffleProbability(
        m,
        c.wordLength,
        (w, fixed) => w.reduce((s, t, i) => s + (t === letter && fixed[i] ? 1 : 0), 0) === j,
        letter,
      ),
    );
    const k = rng.pick([...new Set(counts)]);
    const p = dist.reduce((s, q, j) => (counts[j] === k ? s.add(q) : s), Rational.ZERO);
    if (p.isZero() || p.eq(Rational.ONE)) return undefined;
    const l = m.letters[letter]!;
    const question = `Form a word by randomly choosing ${c.wordLength} letters from the multiset ${formatMultiset(m)}, then shuffle the letters in the word (every rearrangement of its ${c.wordLength} positions equally likely). Let X be the number of positions that held the letter '${l}' before the shuffle and still hold '${l}' after it. What is the probability that the equation ${renderIntPoly(coeffs, 'x')} = X has exactly ${k} distinct real solution${k === 1 ? '' : 's'} x? If the probability can be written as $\\frac{m}{n}$, where $m$ and $n$ are relatively prime positive integers, find $m + n$.`;
    return {
      question,
      answer: integerAnswer(p.num + p.den),
      inputs: {
        multiset: Object.fromEntries(m.letters.map((x, i) => [x, m.counts[i]])),
        wordLength: c.wordLength,
        letter: l,
        f: coeffs.map(String),
        solutions: k,
        distribution: dist.map((q) => q.toString()),
        solutionCounts: counts,
        probability: p.toString(),
      },
      knobs: { wordLength: c.wordLength, totalLetters: total, letterTypes: c.letterTypes, degree: c.degree },
      guess: guessInt(2, 500),
    };
  },
});

export const parametricIntersection = defineSetting({
  axis: 'compositional',
  setting: 'parametric_intersection',
  description:
    'OMEGA compositional 4: fixed-letter probability (A) + function intersection (B) → solution count of f(x) = X for a random parameter X (composed).',
  version: '1',
  parts: { a: combinatoryProbabilityNoSpecificLetterFixed, b: algebraFuncIntersection, composed },
  testParts: ['composed'],
});
