// Grid helpers for the gridworld families: cells are (x, y) with x the column (0 = left) and y
// the row (0 = bottom), as OMEGA's prompts write them.
import type { Rng } from '../../../src/core/rng.js';

export type Cell = readonly [number, number];

export const cellText = (c: Cell) => `(${c[0]}, ${c[1]})`;

/** `count` distinct random cells of a w×h grid, none of them in `keepFree`. */
export function randomCells(
  rng: Rng,
  w: number,
  h: number,
  count: number,
  keepFree: readonly Cell[],
): [number, number][] {
  const free = new Set(keepFree.map(([x, y]) => y * w + x));
  const pool: number[] = [];
  for (let i = 0; i < w * h; i++) if (!free.has(i)) pool.push(i);
  return rng.sample(pool, Math.min(count, pool.length)).map((i) => [i % w, Math.floor(i / w)]);
}

/** A w×h occupancy mask, indexed y * w + x. */
export function blockedMask(w: number, h: number, cells: readonly Cell[]): Uint8Array {
  const m = new Uint8Array(w * h);
  for (const [x, y] of cells) m[y * w + x] = 1;
  return m;
}

/** Cells listed in reading order (by row, then column), so prompts don't depend on draw order. */
export function sortCells<T extends Cell>(cells: T[]): T[] {
  return cells.slice().sort((a, b) => a[1] - b[1] || a[0] - b[0]);
}

/**
 * Fewest moves from (0, 0) to (tx, ty) on a w×h grid by breadth-first search; −1 if unreachable.
 * `moves(x, y, reach)` calls `reach(nx, ny)` for every cell one move away that is on the grid.
 */
export function gridDistance(
  w: number,
  h: number,
  tx: number,
  ty: number,
  moves: (x: number, y: number, reach: (nx: number, ny: number) => void) => void,
): number {
  const dist = new Int32Array(w * h).fill(-1);
  const queue = [0];
  dist[0] = 0;
  for (let head = 0; head < queue.length; head++) {
    const cur = queue[head]!;
    const x = cur % w;
    const y = Math.floor(cur / w);
    if (x === tx && y === ty) return dist[cur]!;
    moves(x, y, (nx, ny) => {
      const j = ny * w + nx;
      if (dist[j] === -1) {
        dist[j] = dist[cur]! + 1;
        queue.push(j);
      }
    });
  }
  return -1;
}
