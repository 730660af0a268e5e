// logic_gridworld_knight_move: the fewest (a, b)-leaper moves from (0, 0) to a cell near the far
// corner, by breadth-first search. Upstream's BFS swapped the axes (x < height) and could place
// the target outside the grid; here bounds are x < width, y < height and the target is inside.
import { integerAnswer } from './lib/answer.js';
import { defineFamily, drawKnob, guessInt, type Knob, countNoun } from './lib/family.js';
import { gridDistance } from './lib/grid.js';

interface Level extends Record<string, unknown> {
  side: Knob;
}

/** Minimum leaper moves from (0,0) to (tx,ty) staying on the w×h board; −1 if unreachable. */
export function leaperDistance(w: number, h: number, a: number, b: number, tx: number, ty: number): number {
  const steps: [number, number][] = [];
  for (const [p, q] of [
    [a, b],
    [b, a],
  ] as const)
    for (const sx of [1, -1]) for (const sy of [1, -1]) steps.push([p * sx, q * sy]);
  return gridDistance(w, h, tx, ty, (x, y, reach) => {
    for (const [dx, dy] of steps) {
      const nx = x + dx;
      const ny = y + dy;
      if (nx >= 0 && ny >= 0 && nx < w && ny < h) reach(nx, ny);
    }
  });
}

/** Leaper shapes as upstream: 1 ≤ a, b ≤ 6, a ≠ b, a + b ≤ 7, (2,4)/(4,2) excluded. */
export const LEAPERS: [number, number][] = [];
for (let a = 1; a <= 6; a++)
  for (let b = 1; b <= 6; b++)
    if (a !== b && a + b <= 7 && !(a === 2 && b === 4) && !(a === 4 && b === 2)) LEAPERS.push([a, b]);

export const logicGridworldKnightMove = defineFamily<Level>({
  family: 'logic_gridworld_knight_move',
  domain: 'logic',
  description:
    'OMEGA logic_gridworld_knight_move: fewest generalized-knight moves to a target (BFS, correct bounds); levels grow the grid side (1–5).',
  version: '1',
  levels: {
    1: { side: [5, 9] },
    2: { side: [10, 19] },
    3: { side: [20, 29] },
    4: { side: [30, 39] },
    5: { side: [40, 49] },
  },
  knobs: ['side'],
  units: countNoun('step'),
  make(c, rng) {
    const w = drawKnob(rng, c.side);
    const h = drawKnob(rng, c.side);
    const [a, b] = rng.pick(LEAPERS);
    const tx = rng.int(w - 4, w - 1);
    const ty = rng.int(h - 4, h - 1);
    const d = leaperDistance(w, h, a, b, tx, ty);
    if (d <= 0) return undefined;
    const corner = tx === w - 1 && ty === h - 1;
    const target = corner ? `the top right (${tx}, ${ty})` : `(${tx}, ${ty})`;
    return {
      question: `Supposing you start in the bottom left (0, 0) cell of a ${w}x${h} grid (x from 0 to ${w - 1} left to right, y from 0 to ${h - 1} bottom to top), what is the minimum number of steps you can take to get to ${target}, if your only valid moves are to move over ${a} square${a > 1 ? 's' : ''} in one direction and over ${b} square${b > 1 ? 's' : ''} in a perpendicular direction (at once), without leaving the grid?`,
      answer: integerAnswer(d),
      inputs: { width: w, height: h, leaper: [a, b], target: [tx, ty] },
      knobs: { side: Math.max(w, h), width: w, height: h },
      guess: guessInt(1, Math.ceil((w + h) / 2)),
    };
  },
});
