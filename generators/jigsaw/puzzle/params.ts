// The puzzle params shared by the image puzzles and the text twin (grid, question, answer mode,
// orientation swap), declared once for both schemas, and the rule that patches stay visible.
import { boolean, custom, defineParams, oneOf } from '../../../src/core/params.js';
import { ParamError } from '../../../src/core/types.js';
import { MAX_SIDE, gridName, readGridName, transposed, type GridShape } from './grid.js';
import { ANSWER_MODES } from './prompt.js';
import { QUESTION_TYPES } from './question.js';

const GRID_TYPE = `'MxN' with M rows and N columns from 1 to ${MAX_SIDE} and at least 2 patches, e.g. '2x1', '1x2', '3x1', '2x2', '3x3'`;

/** The first fields of both jigsaw schemas, in this order (the parsed params' key order). */
export const PUZZLE_FIELDS = {
  grid: custom({
    type: GRID_TYPE,
    default: '2x1',
    parse: (raw) => parseGrid(raw),
    doc: "The region's grid, rows × cols ('2x1' = two rows).",
  }),
  question: oneOf(QUESTION_TYPES, {
    default: 'pair',
    doc: 'Ask for the relation of one pair of patches, or the full arrangement.',
  }),
  mode: oneOf(ANSWER_MODES, { default: 'thinking', doc: 'Reason in <think> before the answer, or answer directly.' }),
  swap: boolean({
    default: true,
    doc: "Jigsaw-R1's shuffle_mn: each item is transposed (2x1 ⇄ 1x2) with probability 1/2.",
  }),
};

const puzzleSchema = defineParams(PUZZLE_FIELDS);
export type PuzzleParams = ReturnType<typeof puzzleSchema.parse>;

export function parsePuzzleParams(raw: unknown): PuzzleParams {
  return puzzleSchema.parse(raw);
}

function parseGrid(raw: unknown): GridShape {
  const g = typeof raw === 'string' ? readGridName(raw) : undefined;
  if (!g) throw new ParamError('grid', `expected ${GRID_TYPE}; got ${JSON.stringify(raw)}`);
  if (g.rows < 1 || g.cols < 1 || g.rows > MAX_SIDE || g.cols > MAX_SIDE || g.rows * g.cols < 2) {
    throw new ParamError('grid', `expected ${GRID_TYPE}; got '${gridName(g)}'`);
  }
  return g;
}

/**
 * Either orientation may be drawn, so both must leave patches of at least `min` (pixels, or
 * characters by lines) on a width × height picture.
 */
export function checkPatchSize(
  p: { grid: GridShape; swap: boolean; width: number; height: number },
  min: { width: number; height: number },
  unit: string,
): void {
  for (const g of p.swap ? [p.grid, transposed(p.grid)] : [p.grid]) {
    if (p.width / g.cols < min.width || p.height / g.rows < min.height) {
      throw new ParamError(
        'grid',
        `patches of a ${gridName(g)} grid on a ${p.width}x${p.height} picture would be under ${unit}; choose a larger width/height or a smaller grid`,
      );
    }
  }
}
