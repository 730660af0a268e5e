// logic_gridworld_blocked: the number of monotone (right/up) lattice paths across a w×h grid
// that avoid blocked cells, by dynamic programming in BigInt (counts reach 10^25 at level 5).
import { integerAnswer } from './lib/answer.js';
import { defineFamily, drawKnob, guessInt, type Knob, countNoun } from './lib/family.js';
import { blockedMask, cellText, randomCells, sortCells, type Cell } from './lib/grid.js';

interface Level extends Record<string, unknown> {
  side: Knob;
}

/** Right/up paths from (0,0) to (w−1,h−1) through unblocked cells. */
export function countMonotonePaths(w: number, h: number, blocked: readonly Cell[]): bigint {
  const b = blockedMask(w, h, blocked);
  const ways = new Array<bigint>(w * h).fill(0n);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (b[i]) continue;
      ways[i] = x === 0 && y === 0 ? 1n : (x > 0 ? ways[i - 1]! : 0n) + (y > 0 ? ways[i - w]! : 0n);
    }
  }
  return ways[w * h - 1]!;
}

export const logicGridworldBlocked = defineFamily<Level>({
  family: 'logic_gridworld_blocked',
  domain: 'logic',
  description:
    'OMEGA logic_gridworld_blocked: monotone paths across a grid avoiding blocked cells (exact DP); levels grow the grid side (1–5).',
  version: '1',
  levels: {
    1: { side: [5, 9] },
    2: { side: [10, 19] },
    3: { side: [20, 29] },
    4: { side: [30, 39] },
    5: { side: [40, 49] },
  },
  knobs: ['side'],
  units: countNoun('path'),
  make(c, rng) {
    const w = drawKnob(rng, c.side);
    const h = drawKnob(rng, c.side);
    const most = Math.floor(1.5 * w);
    const ends: Cell[] = [
      [0, 0],
      [w - 1, h - 1],
    ];
    let blocked = randomCells(rng, w, h, rng.int(Math.min(8, most), most), ends);
    let paths = countMonotonePaths(w, h, blocked);
    // Upstream's rule: an instance with more than a million paths gets one more block.
    if (paths > 1_000_000n) {
      blocked = [...blocked, ...randomCells(rng, w, h, 1, [...ends, ...blocked])];
      paths = countMonotonePaths(w, h, blocked);
    }
    if (paths === 0n) return undefined;
    const cells = sortCells(blocked);
    return {
      question: `In a ${w}x${h} grid (x from 0 to ${w - 1} left to right, y from 0 to ${h - 1} bottom to top), how many different paths are there from the bottom left (0, 0) to the top right (${w - 1}, ${h - 1}), if you can only move right or up at each step, subject to the constraint that you cannot move through the following cells: ${cells.map(cellText).join(', ')}?`,
      answer: integerAnswer(paths),
      inputs: { width: w, height: h, blocked: cells },
      knobs: { side: Math.max(w, h), width: w, height: h, blocked: cells.length },
      guess: guessInt(1, 1000),
    };
  },
});
