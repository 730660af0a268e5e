// Transformative setting 6, grid paths (OMEGA trans_gridworld, "Advanced Logic"). Familiar:
// logic_gridworld_blocked, monotone paths on grids up to about 10×10 with blocked cells, where the
// cell-by-cell sum (dynamic programming) is feasible by hand. Transformed: the same question on
// grids of 25×25 to 70×70 (the exploratory ladder tops out at 49 with many blocked cells), where the table has thousands of cells, and the answer needs a
// counting insight:
// - a few blocked cells: inclusion–exclusion over the blocked cells with binomial path counts;
// - a forbidden region above the diagonal y = x + c: the reflection principle gives
//   C(2n, n) − C(2n, n − c − 1) (ballot / Catalan numbers at c = 0).
// Ground truth comes from these formulas (BigInt); the tests recompute them by dynamic programming.
import { integerAnswer } from '../lib/answer.js';
import { defineFamily } from '../lib/family.js';
import { sortCells, type Cell } from '../lib/grid.js';
import { logicGridworldBlocked } from '../logic_gridworld_blocked.js';
import { defineSetting } from '../compositional/lib/axis.js';
import { choose } from './prob_letter.js';

interface Level extends Record<string, unknown> {
  size: readonly [number, number];
  blocked: readonly [number, number];
}

/** Monotone (right/up) paths from p to q. */
export function paths(p: Cell, q: Cell): bigint {
  const dx = q[0] - p[0];
  const dy = q[1] - p[1];
  return dx < 0 || dy < 0 ? 0n : choose(dx + dy, dx);
}

/** Paths from (0,0) to (w−1, h−1) avoiding the blocked cells, by inclusion–exclusion over them. */
export function pathsAvoiding(w: number, h: number, blocked: readonly Cell[]): bigint {
  const pts = sortCells(blocked.map((c) => [c[0], c[1]] as [number, number]));
  pts.sort((a, b) => a[0] + a[1] - (b[0] + b[1]));
  // f[i] = paths from the start to pts[i] that touch no earlier blocked cell
  const f: bigint[] = [];
  for (let i = 0; i < pts.length; i++) {
    let v = paths([0, 0], pts[i]!);
    for (let j = 0; j < i; j++) v -= f[j]! * paths(pts[j]!, pts[i]!);
    f.push(v);
  }
  const end: Cell = [w - 1, h - 1];
  return pts.reduce((s, p, i) => s - f[i]! * paths(p, end), paths([0, 0], end));
}

/** Paths from (0,0) to (n,n) that never visit a cell with y > x + c (reflection principle). */
export function pathsBelowDiagonal(n: number, c: number): bigint {
  return choose(2 * n, n) - choose(2 * n, n - c - 1);
}

const transformed = defineFamily<Level>({
  family: 'transformative/gridworld',
  domain: 'logic',
  description:
    'Monotone grid paths on large grids: inclusion–exclusion over a few blocked cells, or the reflection principle.',
  version: '1',
  levels: {
    1: { size: [25, 35], blocked: [1, 2] },
    2: { size: [36, 50], blocked: [2, 3] },
    3: { size: [51, 70], blocked: [3, 4] },
  },
  knobs: ['size', 'blocked'],
  make(c, rng) {
    if (rng.bool()) {
      const w = rng.int(c.size[0], c.size[1]);
      const h = rng.int(c.size[0], c.size[1]);
      const count = rng.int(c.blocked[0], c.blocked[1]);
      const cells: [number, number][] = [];
      while (cells.length < count) {
        const cell: [number, number] = [rng.int(1, w - 2), rng.int(1, h - 2)];
        if (!cells.some((x) => x[0] === cell[0] && x[1] === cell[1])) cells.push(cell);
      }
      const sorted = sortCells(cells);
      const v = pathsAvoiding(w, h, sorted);
      return {
        question: `In a ${w}x${h} grid (x from 0 to ${w - 1} left to right, y from 0 to ${h - 1} bottom to top), how many different paths are there from the bottom left (0, 0) to the top right (${w - 1}, ${h - 1}), if you can only move right or up at each step, subject to the constraint that you cannot move through the following cells: ${sorted.map((x) => `(${x[0]}, ${x[1]})`).join(', ')}?`,
        answer: integerAnswer(v),
        inputs: { kind: 'blocked', width: w, height: h, blocked: sorted },
        knobs: { size: Math.max(w, h), blocked: count, kind: 'blocked' },
        guess: (r) => (paths([0, 0], [w - 1, h - 1]) / BigInt(r.int(1, 9))).toString(),
      };
    }
    const side = rng.int(c.size[0], c.size[1]);
    const n = side - 1;
    const cc = rng.int(0, 4);
    const v = pathsBelowDiagonal(n, cc);
    return {
      question: `In a ${side}x${side} grid (x from 0 to ${n} left to right, y from 0 to ${n} bottom to top), how many different paths are there from the bottom left (0, 0) to the top right (${n}, ${n}), if you can only move right or up at each step, subject to the constraint that you cannot move through any cell (x, y) with y > x${cc === 0 ? '' : ` + ${cc}`}?`,
      answer: integerAnswer(v),
      inputs: { kind: 'diagonal', width: side, height: side, offset: cc },
      knobs: { size: side, blocked: 0, kind: 'diagonal' },
      guess: (r) => (choose(2 * n, n) / BigInt(r.int(1, n + 1))).toString(),
    };
  },
});

export const transGridworld = defineSetting({
  axis: 'transformative',
  setting: 'gridworld',
  description:
    'OMEGA transformative 6: small blocked grids (familiar, DP) → large grids (transformed, inclusion–exclusion and reflection).',
  version: '1',
  parts: { familiar: logicGridworldBlocked, transformed },
  testParts: ['transformed'],
});
