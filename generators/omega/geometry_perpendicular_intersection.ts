// geometry_perpendicular_intersection: from the same drawings as geometry_polygon_chords, how
// many distinct points (inside the polygon or on its boundary) are meeting points of two
// diagonals at a right angle? Pairs are found exactly; two pairs can share a point (several
// diameters through the centre), so crossing points are merged within 1e-9 and the instance is
// dropped if two distinct points come closer than 1e-6.
import { integerAnswer } from './lib/answer.js';
import { defineFamily, drawKnob, guessInt, countNoun } from './lib/family.js';
import {
  DIAGONAL_LEVELS,
  drawPolygon,
  perpendicularMeetingPairs,
  polygonPrompt,
  type DiagonalLevel,
} from './geometry_polygon_chords.js';
import { crossingPoint, randomDiagonals, shareEndpoint, type Chord, type Point } from './lib/polygon.js';

/** Distinct meeting points of perpendicular pairs: shared vertices exactly, crossings by coordinates. */
export function perpendicularPoints(n: number, chords: readonly Chord[]): number | undefined {
  const vertices = new Set<number>();
  const points: Point[] = [];
  for (const [i, j] of perpendicularMeetingPairs(n, chords)) {
    const p = chords[i]!;
    const q = chords[j]!;
    if (shareEndpoint(p, q)) {
      vertices.add([p[0], p[1]].find((v) => v === q[0] || v === q[1])!);
      continue;
    }
    const x = crossingPoint(n, p, q);
    const near = points.map((y) => Math.hypot(x[0] - y[0], x[1] - y[1]));
    if (near.some((d) => d > 1e-9 && d < 1e-6)) return undefined;
    if (!near.some((d) => d <= 1e-9)) points.push(x);
  }
  return vertices.size + points.length;
}

export const geometryPerpendicularIntersection = defineFamily<DiagonalLevel>({
  family: 'geometry_perpendicular_intersection',
  domain: 'geometry',
  description:
    'OMEGA geometry_perpendicular_intersection: distinct points where drawn diagonals of a regular polygon meet at a right angle; levels grow the number of diagonals (1–5).',
  version: '1',
  levels: DIAGONAL_LEVELS,
  knobs: ['diagonals'],
  units: countNoun('point'),
  make(c, rng) {
    const count = drawKnob(rng, c.diagonals);
    const n = drawPolygon(rng, count);
    if (n === undefined) return undefined;
    const chords = randomDiagonals(rng, n, count);
    const points = perpendicularPoints(n, chords);
    if (points === undefined) return undefined;
    return {
      question: `${polygonPrompt(n, chords)} How many distinct points (in the polygon's interior or on its boundary) are there at which two of the drawn diagonals meet at a perpendicular angle?`,
      answer: integerAnswer(points),
      inputs: { n, diagonals: chords },
      knobs: { diagonals: count, sides: n },
      guess: guessInt(0, 6),
    };
  },
});
