// The two question types of Jigsaw-R1 (utils/prompt.py, utils/jigsaw_utils.py):
//  - pair: for two current positions k ≠ l, the relation of k's original place to l's, as a
//    multiple choice (2 options on a 1-row or 1-column grid, 8 otherwise);
//  - full: the whole forward permutation laid out as the m×n grid.
import type { Rng } from '../../../src/core/rng.js';
import { cellCount, layoutGrid, rowCol, type GridShape } from './grid.js';

export type QuestionType = 'pair' | 'full';
export const QUESTION_TYPES: readonly QuestionType[] = ['pair', 'full'];

/** Upstream's eight relations, in upstream's list order (1-row grids use the first two, 1-column grids the next two). */
export const RELATIONS = [
  'directly to the left of',
  'directly to the right of',
  'directly above',
  'directly below',
  'on the upper left of',
  'on the upper right of',
  'on the lower left of',
  'on the lower right of',
] as const;
export type Relation = (typeof RELATIONS)[number];

export const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export interface PairQuestion {
  /** Current positions asked about (1-based, distinct). */
  k: number;
  l: number;
  /** Where k's original place lies relative to l's. */
  relation: Relation;
  /** The option texts in letter order: options[0] is (A). */
  options: string[];
  /** The correct letter. */
  letter: string;
}

/** The relations a grid can offer. */
export function relationsFor(g: GridShape): Relation[] {
  if (g.rows === 1) return RELATIONS.slice(0, 2);
  if (g.cols === 1) return RELATIONS.slice(2, 4);
  return RELATIONS.slice();
}

/** Where original position a lies relative to original position b (a ≠ b), from rows and columns. */
export function relationBetween(a: number, b: number, g: GridShape): Relation {
  const [ar, ac] = rowCol(a, g);
  const [br, bc] = rowCol(b, g);
  if (ar === br) return ac < bc ? 'directly to the left of' : 'directly to the right of';
  if (ac === bc) return ar < br ? 'directly above' : 'directly below';
  if (ar < br) return ac < bc ? 'on the upper left of' : 'on the upper right of';
  return ac < bc ? 'on the lower left of' : 'on the lower right of';
}

export const optionText = (k: number, relation: Relation, l: number): string => `${k} is ${relation} ${l}`;

/**
 * As upstream: the letter slot of the answer is drawn first, then (k, l) as an ordered sample of
 * two distinct positions, then the option list is shuffled and the correct option swapped into
 * the drawn slot, so the answer letter is uniform whatever the relation.
 */
export function drawPair(g: GridShape, forward: readonly number[], rng: Rng): PairQuestion {
  const relations = relationsFor(g);
  const slot = rng.int(0, relations.length - 1);
  const [k, l] = rng.sample(
    Array.from({ length: cellCount(g) }, (_, i) => i + 1),
    2,
  ) as [number, number];
  const relation = relationBetween(forward[k - 1]!, forward[l - 1]!, g);
  const order = rng.shuffle(relations);
  const at = order.indexOf(relation);
  [order[at], order[slot]] = [order[slot]!, order[at]!];
  return { k, l, relation, options: order.map((r) => optionText(k, r, l)), letter: LETTERS[slot]! };
}

/** The full answer: the forward permutation as rows of space-separated indices. */
export const fullAnswer = (forward: readonly number[], g: GridShape): string => layoutGrid(forward, g);
