// geometry_polygon_chords: in a regular n-gon with some diagonals drawn, how many pairs of
// diagonals meet (inside the polygon or on its boundary) at a right angle? Decided exactly on
// the vertex numbers: perpendicular iff 2(a+b−c−d) ≡ n (mod 2n); meeting iff they cross inside or
// share an endpoint. Odd n are kept 5% of the time, as upstream (they never have perpendicular
// diagonals).
import type { Rng } from '../../src/core/rng.js';
import { integerAnswer } from './lib/answer.js';
import { defineFamily, drawKnob, guessInt, type Knob, countNoun } from './lib/family.js';
import {
  allDiagonals,
  crossInside,
  diagonalList,
  perpendicular,
  randomDiagonals,
  shareEndpoint,
  type Chord,
} from './lib/polygon.js';

export interface DiagonalLevel extends Record<string, unknown> {
  diagonals: Knob;
}

export const DIAGONAL_LEVELS: Record<number, DiagonalLevel> = {
  1: { diagonals: [6, 7] },
  2: { diagonals: [8, 9] },
  3: { diagonals: [10, 11] },
  4: { diagonals: [12, 13] },
  5: { diagonals: [14, 15] },
};

/** n in 6..15 with enough diagonals; odd n survive with probability 5%. */
export function drawPolygon(rng: Rng, count: number): number | undefined {
  const n = rng.int(6, 15);
  if (n % 2 === 1 && !rng.bool(0.05)) return undefined;
  return allDiagonals(n).length >= count ? n : undefined;
}

/** The perpendicular pairs of drawn diagonals that meet, as index pairs. */
export function perpendicularMeetingPairs(n: number, chords: readonly Chord[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < chords.length; i++) {
    for (let j = i + 1; j < chords.length; j++) {
      const p = chords[i]!;
      const q = chords[j]!;
      if (perpendicular(n, p, q) && (shareEndpoint(p, q) || crossInside(p, q))) out.push([i, j]);
    }
  }
  return out;
}

export function polygonPrompt(n: number, chords: readonly Chord[]): string {
  return `Suppose you have a regular ${n}-gon, with vertices numbered 1 through ${n} in counterclockwise order. Draw the diagonal ${diagonalList(chords)}.`;
}

export const geometryPolygonChords = defineFamily<DiagonalLevel>({
  family: 'geometry_polygon_chords',
  domain: 'geometry',
  description:
    'OMEGA geometry_polygon_chords: pairs of drawn diagonals of a regular polygon meeting at a right angle (exact); levels grow the number of diagonals (1–5).',
  version: '1',
  levels: DIAGONAL_LEVELS,
  knobs: ['diagonals'],
  units: countNoun('pair'),
  make(c, rng) {
    const count = drawKnob(rng, c.diagonals);
    const n = drawPolygon(rng, count);
    if (n === undefined) return undefined;
    const chords = randomDiagonals(rng, n, count);
    const pairs = perpendicularMeetingPairs(n, chords);
    return {
      question: `${polygonPrompt(n, chords)} How many distinct pairs of diagonals meet at a perpendicular angle (within the polygon's interior or on its boundary)?`,
      answer: integerAnswer(pairs.length),
      inputs: { n, diagonals: chords },
      knobs: { diagonals: count, sides: n },
      guess: guessInt(0, 6),
    };
  },
});
