// Compositional setting 7, grid chips + probability (OMEGA comp_grid_chips). Skill A is
// logic_puzzles_grid_chip (maximal one-colour-per-line chip placements, AIME 2024 II #5); skill B
// is combinatory_probability_no_specific_letter_fixed (exact probabilities over a uniform random
// choice). Composed: among all valid maximal placements that contain the given chips, one is
// chosen uniformly at random; what is the probability that it holds exactly k white chips? The
// sample space is the set of placements, which only the grid-chip structure (a colour per row and
// column, with the degenerate cases removed) describes; the probability is then a count over it,
// so the two skills have to be used together rather than one after the other.
import { Rational } from '../../../src/core/rational.js';
import { integerAnswer } from '../lib/answer.js';
import { defineFamily, guessInt } from '../lib/family.js';
import { logicPuzzlesGridChip } from '../logic_puzzles_grid_chip.js';
import { combinatoryProbabilityNoSpecificLetterFixed } from '../combinatory_probability_no_specific_letter_fixed.js';
import { defineSetting } from './lib/axis.js';

interface Level extends Record<string, unknown> {
  n: number;
  given: number;
}

/** A placement: 0 empty, 1 white, 2 black, row-major. */
export type Placement = Uint8Array;
export interface Given {
  row: number;
  col: number;
  colour: 1 | 2;
}

/** Conditions a–c: one chip per cell is implicit; lines are one-coloured; no chip can be added. */
export function isValidMaximal(n: number, g: Placement): boolean {
  const lineColour = (cells: number[]) => {
    let c = 0;
    for (const v of cells) {
      if (v === 0) continue;
      if (c !== 0 && c !== v) return -1;
      c = v;
    }
    return c;
  };
  const rows = Array.from({ length: n }, (_, i) => lineColour(Array.from({ length: n }, (_, j) => g[i * n + j]!)));
  const cols = Array.from({ length: n }, (_, j) => lineColour(Array.from({ length: n }, (_, i) => g[i * n + j]!)));
  if (rows.includes(-1) || cols.includes(-1)) return false;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      if (g[i * n + j] !== 0) continue;
      for (const c of [1, 2]) if ((rows[i] === 0 || rows[i] === c) && (cols[j] === 0 || cols[j] === c)) return false;
    }
  return true;
}

/**
 * Every valid maximal placement: each is "chip where the row colour equals the column colour"
 * for some colouring of rows and columns, so enumerating those 4^n colourings, keeping the
 * maximal results and removing duplicates lists them all (the tests check this by brute force).
 */
const placementCache = new Map<number, Placement[]>();

export function maximalPlacements(n: number): Placement[] {
  const hit = placementCache.get(n);
  if (hit) return hit;
  const seen = new Map<string, Placement>();
  for (let rm = 0; rm < 1 << n; rm++)
    for (let cm = 0; cm < 1 << n; cm++) {
      const g = new Uint8Array(n * n);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          const r = (rm >> i) & 1;
          if (r === ((cm >> j) & 1)) g[i * n + j] = r + 1;
        }
      if (!isValidMaximal(n, g)) continue;
      seen.set(g.join(''), g);
    }
  const out = [...seen.values()];
  placementCache.set(n, out);
  return out;
}

export const whiteCount = (g: Placement) => g.reduce((s, v) => s + (v === 1 ? 1 : 0), 0);

const composed = defineFamily<Level>({
  family: 'compositional/grid_chips',
  domain: 'logic',
  description:
    'Probability that a uniformly random valid maximal chip placement (with given chips) holds exactly k white chips.',
  version: '1',
  levels: { 1: { n: 3, given: 1 }, 2: { n: 4, given: 2 }, 3: { n: 5, given: 2 } },
  knobs: ['n', 'given'],
  make(c, rng) {
    const all = maximalPlacements(c.n);
    const given: Given[] = [];
    const used = new Set<number>();
    while (given.length < c.given) {
      const cell = rng.int(0, c.n * c.n - 1);
      if (used.has(cell)) continue;
      used.add(cell);
      given.push({ row: Math.floor(cell / c.n), col: cell % c.n, colour: rng.bool() ? 1 : 2 });
    }
    const space = all.filter((g) => given.every((x) => g[x.row * c.n + x.col] === x.colour));
    if (space.length < 2) return undefined;
    const counts = space.map(whiteCount);
    const k = rng.pick(counts);
    const p = Rational.of(counts.filter((x) => x === k).length, space.length);
    if (p.eq(Rational.ONE)) return undefined;
    const colourName = (v: number) => (v === 1 ? 'white' : 'black');
    const question = `There is a collection of indistinguishable white chips and indistinguishable black chips, as many as needed. Chips are placed on the cells of a ${c.n}x${c.n} grid (rows and columns numbered 0 to ${c.n - 1}) such that:
a) each cell contains at most one chip;
b) all chips in the same row and all chips in the same column have the same colour;
c) any additional chip placed on the grid would violate one or more of the previous two conditions.
Among all such placements in which ${given.map((x) => `cell (${x.row}, ${x.col}) holds a ${colourName(x.colour)} chip`).join(' and ')}, one is chosen uniformly at random. What is the probability that it contains exactly ${k} white chip${k === 1 ? '' : 's'}? If the probability can be written as $\\frac{m}{n}$, where $m$ and $n$ are relatively prime positive integers, find $m + n$.`;
    return {
      question,
      answer: integerAnswer(p.num + p.den),
      inputs: {
        n: c.n,
        given: given.map((x) => ({ row: x.row, col: x.col, colour: colourName(x.colour) })),
        white: k,
        placements: space.length,
        probability: p.toString(),
      },
      knobs: { n: c.n, given: c.given },
      guess: guessInt(2, 200),
    };
  },
});

export const gridChips = defineSetting({
  axis: 'compositional',
  setting: 'grid_chips',
  description:
    'OMEGA compositional 7: grid chips (A) + probability (B) → probability over uniformly random maximal placements (composed).',
  version: '1',
  parts: { a: logicPuzzlesGridChip, b: combinatoryProbabilityNoSpecificLetterFixed, composed },
  testParts: ['composed'],
});
