// One puzzle drawn from its own stream: orientation, permutation and question; plus the pieces of
// a Problem that do not depend on what is cut (truth, reference, chance-level answer, verifier).
import type { Rng } from '../../../src/core/rng.js';
import type { Verdict } from '../../../src/core/types.js';
import { cellCount, gridName, layoutGrid, transposed, type GridShape } from './grid.js';
import type { PuzzleParams } from './params.js';
import { drawForward } from './permutation.js';
import { wrapAnswer, type AnswerMode } from './prompt.js';
import {
  LETTERS,
  RELATIONS,
  drawPair,
  fullAnswer,
  optionText,
  type PairQuestion,
  type QuestionType,
} from './question.js';
import { verifyJigsaw } from './verify.js';

export interface DrawnPuzzle {
  /** The grid of this item (the region's grid, transposed half the time when `swap` is on). */
  grid: GridShape;
  forward: number[];
  pair?: PairQuestion;
}

export function drawPuzzle(p: PuzzleParams, rng: Rng): DrawnPuzzle {
  // The coin is drawn even for square grids, so every item uses its stream the same way.
  const flip = rng.bool();
  const grid = p.swap && flip ? transposed(p.grid) : p.grid;
  const forward = drawForward(cellCount(grid), rng);
  return p.question === 'pair' ? { grid, forward, pair: drawPair(grid, forward, rng) } : { grid, forward };
}

/** The puzzle part of `truth`, shared by both generators (documented in the family README). */
export interface PuzzleTruth {
  rows: number;
  cols: number;
  question: QuestionType;
  mode: AnswerMode;
  /** forward[X-1] = Y: the patch now at position X came from original position Y. */
  forward: number[];
  /** The answer content: the letter, or the forward grid as rows of space-separated indices. */
  answer: string;
  /** Pair questions: the two current positions, the true relation and the options in letter order. */
  pair?: { k: number; l: number; relation: string; options: string[] };
}

export function puzzleTruth(d: DrawnPuzzle, p: PuzzleParams): PuzzleTruth {
  const t: PuzzleTruth = {
    rows: d.grid.rows,
    cols: d.grid.cols,
    question: p.question,
    mode: p.mode,
    forward: d.forward,
    answer: d.pair ? d.pair.letter : fullAnswer(d.forward, d.grid),
  };
  if (d.pair) t.pair = { k: d.pair.k, l: d.pair.l, relation: d.pair.relation, options: d.pair.options };
  return t;
}

export function referenceAnswer(d: DrawnPuzzle, p: PuzzleParams): string {
  return wrapAnswer(d.pair ? d.pair.letter : fullAnswer(d.forward, d.grid), p.mode);
}

/** Chance level: a uniform letter among the options, or a uniform permutation grid. */
export function randomAnswer(d: DrawnPuzzle, p: PuzzleParams, rng: Rng): string {
  const answer = d.pair
    ? LETTERS[rng.int(0, d.pair.options.length - 1)]!
    : layoutGrid(rng.shuffle(Array.from({ length: cellCount(d.grid) }, (_, i) => i + 1)), d.grid);
  return wrapAnswer(answer, p.mode);
}

export function verifierFor(d: DrawnPuzzle, p: PuzzleParams): (response: string) => Verdict {
  const scoring = {
    grid: d.grid,
    mode: p.mode,
    question: p.question,
    forward: d.forward,
    letter: d.pair?.letter,
    options: d.pair?.options.length,
  };
  return (response) => verifyJigsaw(response, scoring);
}

/** The puzzle knobs of `difficulty`. */
export function puzzleDifficulty(d: DrawnPuzzle, p: PuzzleParams): Record<string, number | string> {
  return {
    grid: gridName(p.grid),
    shape: gridName(d.grid),
    cells: cellCount(d.grid),
    question: p.question,
    choices: d.pair ? d.pair.options.length : 0,
    mode: p.mode,
  };
}

/** The puzzle part of a dedup key: shape, permutation and question. */
export function puzzleKey(d: DrawnPuzzle, p: PuzzleParams): string {
  const order = d.pair?.options
    .map((o) => RELATIONS.findIndex((r) => o === optionText(d.pair!.k, r, d.pair!.l)))
    .join('');
  const q = d.pair ? `pair:${d.pair.k},${d.pair.l}:${order}` : 'full';
  return `${gridName(d.grid)}|${d.forward.join(',')}|${q}|${p.mode}`;
}

/** Pictures drawn (from the item's picture stream) before giving up on minimum evidence. */
export const MAX_PICTURE_DRAWS = 20;

/**
 * Minimum evidence (README), for both generators: draws pictures until `weak` (why a picture gives
 * too little evidence, or undefined) passes one, at most MAX_PICTURE_DRAWS times; then throws
 * `fail` of the last reason.
 */
export function drawWithEvidence<T>(
  draw: () => T,
  weak: (picture: T) => string | undefined,
  fail: (why: string) => string,
): T {
  let why = '';
  for (let attempt = 0; attempt < MAX_PICTURE_DRAWS; attempt++) {
    const picture = draw();
    const w = weak(picture);
    if (!w) return picture;
    why = w;
  }
  throw new Error(fail(why));
}
