// logic_puzzles_grid_chip (after AIME 2024 II #5, the 25 white and 25 black chips): chips on an
// N×N grid, at most one per cell, one colour per row and per column, and the placement maximal.
// A maximal placement is fixed by a colour for every row and column (a chip sits where the two
// agree), which both subtypes use:
// - count_fully_constrained: given chips cover every row and column, so the colours and the chip
//   count are determined;
// - max_num_color_cells: given chips of one colour fix their rows and columns; the most chips of
//   the other colour is (#free rows)·(#free columns). Upstream added the number of sampled
//   constraint cells to this answer; that inflation is gone.
import type { Rng } from '../../src/core/rng.js';
import { integerAnswer } from './lib/answer.js';
import { defineFamily, guessInt, countNoun } from './lib/family.js';

interface Level extends Record<string, unknown> {
  n: number;
}

export type Colour = 'white' | 'black';
export type ChipCell = { row: number; col: number; colour: Colour };

const RULES = (
  n: number,
) => `There is a collection of indistinguishable white chips and indistinguishable black chips, as many as needed. Chips are placed on the cells of a ${n}x${n} grid (rows and columns numbered 0 to ${n - 1}) such that:
a) each cell contains at most one chip;
b) all chips in the same row and all chips in the same column have the same colour;
c) any additional chip placed on the grid would violate one or more of the previous two conditions.`;

const cellList = (cells: ChipCell[]) => cells.map((c) => `cell (${c.row}, ${c.col}) is ${c.colour}`).join(', ');

function bothColours(xs: Colour[]): boolean {
  return xs.includes('white') && xs.includes('black');
}

function countFullyConstrained(n: number, rng: Rng) {
  const colour = (): Colour => (rng.bool() ? 'white' : 'black');
  const rows = Array.from({ length: n }, colour);
  const cols = Array.from({ length: n }, colour);
  if (!bothColours(rows) || !bothColours(cols)) return undefined;
  // Reveal chips until every row and column is covered, then drop the ones the rest make redundant.
  const chips: ChipCell[] = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) if (rows[i] === cols[j]) chips.push({ row: i, col: j, colour: rows[i]! });
  const order = rng.shuffle(chips);
  const given: ChipCell[] = [];
  const covered = (set: ChipCell[]) =>
    new Set(set.map((c) => c.row)).size === n && new Set(set.map((c) => c.col)).size === n;
  for (const c of order) {
    if (covered(given)) break;
    if (!given.some((g) => g.row === c.row) || !given.some((g) => g.col === c.col)) given.push(c);
  }
  for (const c of rng.shuffle(given)) {
    const rest = given.filter((g) => g !== c);
    if (covered(rest)) given.splice(given.indexOf(c), 1);
  }
  let total = 0;
  for (const c of ['white', 'black'] as const)
    total += rows.filter((x) => x === c).length * cols.filter((x) => x === c).length;
  return {
    question: `${RULES(n)}\nIt is known that the following cells contain chips: ${cellList(given)}. How many chips are placed on the grid?`,
    answer: total,
    inputs: { subtype: 'count_fully_constrained', n, given, rowColours: rows, columnColours: cols },
  };
}

function maxColourCells(n: number, rng: Rng) {
  const asked: Colour = rng.bool() ? 'white' : 'black';
  const other: Colour = asked === 'white' ? 'black' : 'white';
  const k = rng.int(1, Math.max(1, n - 1));
  const given: ChipCell[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < k; i++) {
    const row = rng.int(0, n - 1);
    const col = rng.int(0, n - 1);
    if (seen.has(`${row},${col}`)) continue;
    seen.add(`${row},${col}`);
    given.push({ row, col, colour: other });
  }
  const freeRows = n - new Set(given.map((c) => c.row)).size;
  const freeCols = n - new Set(given.map((c) => c.col)).size;
  if (freeRows === 0 || freeCols === 0) return undefined;
  return {
    question: `${RULES(n)}\nIt is known that the following cells contain ${other} chips: ${given.map((c) => `(${c.row}, ${c.col})`).join(', ')}. What is the maximum number of ${asked} chips that can be on the grid?`,
    answer: freeRows * freeCols,
    inputs: { subtype: 'max_num_color_cells', n, given, asked },
  };
}

export const logicPuzzlesGridChip = defineFamily<Level>({
  family: 'logic_puzzles_grid_chip',
  domain: 'logic',
  description:
    'OMEGA logic_puzzles_grid_chip: maximal chip placements on an N×N grid (chip count, or most chips of one colour; corrected answer); levels grow N (1–5).',
  version: '1',
  levels: { 1: { n: 4 }, 2: { n: 5 }, 3: { n: 6 }, 4: { n: 7 }, 5: { n: 8 } },
  knobs: ['n'],
  units: countNoun('chip'),
  make(c, rng) {
    const d = rng.bool() ? countFullyConstrained(c.n, rng) : maxColourCells(c.n, rng);
    if (!d) return undefined;
    return {
      question: d.question,
      answer: integerAnswer(d.answer),
      inputs: d.inputs,
      knobs: { n: c.n, subtype: d.inputs.subtype },
      guess: guessInt(1, c.n * c.n),
    };
  },
});
