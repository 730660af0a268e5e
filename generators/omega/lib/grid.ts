// Grid helpers for the gridworld families: cells are (x, y) with x the column (0 = left) and y
// the row (0 = bottom), as OMEGA's prompts write them.
import type { Rng } from '../../../src/core/rng.js';

export type Cell = readonly [number, number];

export const cellText = (c: Cell) => `(${c[0]}, ${c[1]})`;

/** `count` distinct random cells of a w×h grid, none of them in `keepFree`. */
export function randomCells(rng: Rng, w: number, h: number, count: number, keepFree: readonly Cell[]): [number, number][] {
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
