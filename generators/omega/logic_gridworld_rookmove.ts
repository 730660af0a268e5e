// logic_gridworld_rookmove: the fewest rook moves (right or up, any distance, never through a
// blocked cell) from (0, 0) to the top right corner, by breadth-first search over cells.
// Unreachable instances are redrawn, so the prompt's "-1" option is never the answer.
import { integerAnswer } from './lib/answer.js';
import { defineFamily, drawKnob, guessInt, type Knob, countNoun } from './lib/family.js';
import { blockedMask, cellText, gridDistance, randomCells, sortCells, type Cell } from './lib/grid.js';

interface Level extends Record<string, unknown> {
  side: Knob;
  blockedShare: readonly [number, number];
}

/** Fewest right/up rook moves from (0,0) to (w−1,h−1); −1 if unreachable. */
export function rookDistance(w: number, h: number, blocked: readonly Cell[]): number {
  const b = blockedMask(w, h, blocked);
  return gridDistance(w, h, w - 1, h - 1, (x, y, reach) => {
    for (let nx = x + 1; nx < w && !b[y * w + nx]; nx++) reach(nx, y);
    for (let ny = y + 1; ny < h && !b[ny * w + x]; ny++) reach(x, ny);
  });
}

export const logicGridworldRookmove = defineFamily<Level>({
  family: 'logic_gridworld_rookmove',
  domain: 'logic',
  description:
    'OMEGA logic_gridworld_rookmove: fewest right/up rook moves around blocked cells (BFS); levels grow the grid side (1–5).',
  version: '1',
  levels: {
    1: { side: [5, 9], blockedShare: [0.1, 0.2] },
    2: { side: [10, 19], blockedShare: [0.1, 0.2] },
    3: { side: [20, 29], blockedShare: [0.1, 0.2] },
    4: { side: [30, 39], blockedShare: [0.1, 0.2] },
    5: { side: [40, 49], blockedShare: [0.1, 0.2] },
  },
  knobs: ['side'],
  units: countNoun('step'),
  make(c, rng) {
    const w = drawKnob(rng, c.side);
    const h = drawKnob(rng, c.side);
    const count = Math.round(w * h * rng.float(c.blockedShare[0], c.blockedShare[1]));
    const blocked = sortCells(
      randomCells(rng, w, h, count, [
        [0, 0],
        [w - 1, h - 1],
      ]),
    );
    const d = rookDistance(w, h, blocked);
    if (d < 0) return undefined;
    return {
      question: `In a ${w}x${h} grid (x from 0 to ${w - 1} left to right, y from 0 to ${h - 1} bottom to top), what is the fewest number of steps it takes to get from the bottom left (0, 0) to the top right (${w - 1}, ${h - 1}), provided you can move right or up by any number of cells (like a chess rook) at each step, subject to the constraint that you cannot move through the following cells: ${blocked.map(cellText).join(', ')}? If it's impossible, answer with -1.`,
      answer: integerAnswer(d),
      inputs: { width: w, height: h, blocked },
      knobs: { side: Math.max(w, h), width: w, height: h, blocked: blocked.length },
      guess: guessInt(2, 8),
    };
  },
});
