// Compositional setting 2, n-gon (OMEGA comp_n_gon). Skill A is geometry_polygon_rotation
// (regions cut out of a regular n-gon by diagonals and their rotated copies); skill B is
// combinatory_pattern_matching (occurrences of a pattern such as 'a.*b' in a random word, and
// expectations over random words). Composed: a random arrangement of a letter multiset labels
// the vertices; every occurrence of the pattern 'x.*y' in the label word becomes a diagonal; the
// figure is rotated and superimposed, and the question is the *expected* number of regions.
// Neither order works alone: which diagonals exist depends on the pattern occurrences of each
// word, and the region count of each resulting figure must be found before averaging.
import { Rational } from '../../../src/core/rational.js';
import { integerAnswer } from '../lib/answer.js';
import { defineFamily } from '../lib/family.js';
import { formatMultiset, type Multiset } from '../lib/multiset.js';
import { chordFaces, NearDegenerate, type Chord } from '../lib/polygon.js';
import { geometryPolygonRotation } from '../geometry_polygon_rotation.js';
import { combinatoryPatternMatching } from '../combinatory_pattern_matching.js';
import { defineSetting } from './lib/axis.js';

interface Level extends Record<string, unknown> {
  n: number;
  first: number;
  second: number;
}

/** Every distinct arrangement of the multiset (letter indices), each equally likely. */
export function arrangements(counts: readonly number[]): number[][] {
  const out: number[][] = [];
  const left = counts.slice();
  const total = counts.reduce((s, c) => s + c, 0);
  const word: number[] = [];
  const rec = () => {
    if (word.length === total) {
      out.push(word.slice());
      return;
    }
    for (let t = 0; t < left.length; t++) {
      if (left[t] === 0) continue;
      left[t]!--;
      word.push(t);
      rec();
      word.pop();
      left[t]!++;
    }
  };
  rec();
  return out;
}

/** Chords (1-based vertices) for every occurrence of 'x.*y': positions i < j with x at i and y at j. */
export function patternChords(word: readonly number[], x: number, y: number): Chord[] {
  const out: Chord[] = [];
  for (let i = 0; i < word.length; i++)
    for (let j = i + 1; j < word.length; j++) if (word[i] === x && word[j] === y) out.push([i + 1, j + 1]);
  return out;
}

export function rotateChord(n: number, [a, b]: Chord, k: number): Chord {
  return [((a - 1 + k) % n) + 1, ((b - 1 + k) % n) + 1];
}

/** Regions of the regular n-gon cut by the chords and their copies rotated by k vertices. */
export function regionCount(n: number, chords: readonly Chord[], k: number): number {
  const all = [...chords, ...chords.map((c) => rotateChord(n, c, k))];
  return chordFaces(n, all).length;
}

/** E[regions] over all arrangements, exactly (a rational with denominator dividing #arrangements). */
export function expectedRegions(n: number, counts: readonly number[], x: number, y: number, k: number): Rational {
  const cache = new Map<string, number>();
  let total = 0n;
  const words = arrangements(counts);
  for (const w of words) {
    const chords = patternChords(w, x, y);
    const key = chords.map(([a, b]) => `${a}-${b}`).join(',');
    let r = cache.get(key);
    if (r === undefined) {
      r = regionCount(n, chords, k);
      cache.set(key, r);
    }
    total += BigInt(r);
  }
  return Rational.of(total, BigInt(words.length));
}

const composed = defineFamily<Level>({
  family: 'compositional/n_gon',
  domain: 'geometry',
  description:
    'Expected regions of a rotated n-gon figure whose diagonals are the pattern occurrences of a random vertex labelling.',
  version: '1',
  levels: { 1: { n: 6, first: 2, second: 2 }, 2: { n: 7, first: 2, second: 2 }, 3: { n: 8, first: 3, second: 2 } },
  knobs: ['n', 'first', 'second'],
  make(c, rng) {
    const letters = rng.sample('abcdefghijkmnpqrstuvwxyz'.split(''), 3);
    const m: Multiset = { letters, counts: [c.first, c.second, c.n - c.first - c.second] };
    const k = rng.int(1, c.n - 1);
    let e: Rational;
    try {
      e = expectedRegions(c.n, m.counts, 0, 1, k);
    } catch (err) {
      if (err instanceof NearDegenerate) return undefined;
      throw err;
    }
    const pattern = `${letters[0]}.*${letters[1]}`;
    const question = `The ${c.n} vertices of a regular ${c.n}-gon are numbered 1 through ${c.n} in counterclockwise order and labelled with the letters of a word formed by randomly arranging all letters of the multiset ${formatMultiset(m)} (vertex i gets the i-th letter; every arrangement equally likely). For every occurrence of the pattern '${pattern}' in this word, i.e. every pair of positions i < j with '${letters[0]}' at position i and '${letters[1]}' at position j, draw the segment from vertex i to vertex j. Then rotate the entire setup, including the drawn segments, ${k} vertices counterclockwise (so that vertex 1 ends up where vertex ${1 + k} was), and superimpose it on the original. Into how many regions is the interior of the ${c.n}-gon divided, in expectation? If the expected number of regions is $\\frac{m}{n}$ with $m$ and $n$ relatively prime positive integers, find $m + n$.`;
    return {
      question,
      answer: integerAnswer(e.num + e.den),
      inputs: {
        n: c.n,
        multiset: Object.fromEntries(letters.map((l, i) => [l, m.counts[i]])),
        pattern,
        rotation: k,
        expected: e.toString(),
      },
      knobs: { n: c.n, first: c.first, second: c.second },
      guess: (r) => String(r.int(2, 200)),
    };
  },
});

export const nGon = defineSetting({
  axis: 'compositional',
  setting: 'n_gon',
  description:
    'OMEGA compositional 2: polygon rotation (A) + pattern matching (B) → expected regions of a rotated figure drawn from pattern occurrences (composed).',
  version: '1',
  parts: { a: geometryPolygonRotation, b: combinatoryPatternMatching, composed },
  testParts: ['composed'],
});
