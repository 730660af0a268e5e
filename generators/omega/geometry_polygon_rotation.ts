// geometry_polygon_rotation: draw diagonals in a regular n-gon, rotate the drawing by r vertices,
// superimpose it on the original, and count the faces with exactly k sides. Upstream rasterised
// the picture and counted contours with OpenCV; here the faces are computed from the line
// arrangement (each diagonal splits every convex cell it crosses), corners are counted where the
// boundary turns, and near-degenerate geometry drops the instance.
import { integerAnswer } from './lib/answer.js';
import { defineFamily, drawKnob, guessInt, type Knob, countNoun } from './lib/family.js';
import {
  NearDegenerate,
  chordFaces,
  chordKey,
  cornerCount,
  diagonalList,
  randomDiagonals,
  type Chord,
} from './lib/polygon.js';

interface Level extends Record<string, unknown> {
  diagonals: Knob;
  sides: Knob;
}

/** The drawn diagonals plus their rotation by r vertices, without duplicates. */
export function rotatedSetup(n: number, chords: readonly Chord[], r: number): Chord[] {
  const rot = (v: number) => ((v - 1 + r) % n) + 1;
  const all = [...chords, ...chords.map(([a, b]) => [rot(a), rot(b)] as Chord)];
  const seen = new Set<string>();
  return all.filter((c) => (seen.has(chordKey(c)) ? false : (seen.add(chordKey(c)), true)));
}

/** Number of faces by corner count, or undefined if the geometry is too close to degenerate. */
export function faceSideCounts(n: number, chords: readonly Chord[]): Map<number, number> | undefined {
  try {
    const counts = new Map<number, number>();
    for (const face of chordFaces(n, chords)) {
      const k = cornerCount(face);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    return counts;
  } catch (err) {
    if (err instanceof NearDegenerate) return undefined;
    throw err;
  }
}

export const geometryPolygonRotation = defineFamily<Level>({
  family: 'geometry_polygon_rotation',
  domain: 'geometry',
  description:
    'OMEGA geometry_polygon_rotation: faces with k sides after superimposing a rotated copy of drawn diagonals (exact arrangement); levels grow the diagonals (1–6).',
  version: '1',
  levels: {
    1: { diagonals: 2, sides: [6, 11] },
    2: { diagonals: 3, sides: [6, 11] },
    3: { diagonals: 4, sides: [6, 11] },
    4: { diagonals: 5, sides: [6, 11] },
    5: { diagonals: 6, sides: [6, 11] },
    6: { diagonals: [7, 12], sides: [20, 24] },
  },
  knobs: ['diagonals', 'sides'],
  units: countNoun('polygon'),
  make(c, rng) {
    const n = drawKnob(rng, c.sides);
    const count = drawKnob(rng, c.diagonals);
    const chords = randomDiagonals(rng, n, count);
    const r = rng.int(1, n - 1);
    const drawn = rotatedSetup(n, chords, r);
    const counts = faceSideCounts(n, drawn);
    if (!counts) return undefined;
    const k = rng.pick([...counts.keys()].sort((a, b) => a - b));
    const rot = (r % n) + 1;
    return {
      question: `Suppose you have a regular ${n}-gon, with vertices numbered 1 through ${n} in counterclockwise order. Draw the diagonal ${diagonalList(chords)}. Then, rotate the entire setup, including the constructed diagonals, ${r} ${r === 1 ? 'vertex' : 'vertices'} counterclockwise (so that vertex 1 ends up where vertex ${rot} was), and superimpose it on the original (so that the resulting diagram contains both the original diagonals and the rotated versions of the diagonals). The original ${n}-gon will be partitioned into a collection of smaller polygons. (Only count the "smallest" polygons, i.e, those that do not have any of the diagonals running through them; this is not a combinatorics problem.) How many such polygons will there be with ${k} sides?`,
      answer: integerAnswer(counts.get(k)!),
      inputs: {
        n,
        diagonals: chords,
        rotation: r,
        sides: k,
        faceCounts: Object.fromEntries([...counts.entries()].sort((a, b) => a[0] - b[0])),
      },
      knobs: { diagonals: count, sides: n, rotation: r },
      guess: guessInt(0, 12),
    };
  },
});
