// Params of jigsaw/text: the puzzle knobs plus the picture (style, size in characters and lines)
// and how the shuffled patches are shown.
import { ParamError } from '../../../src/core/types.js';
import { gridName, transposed } from '../puzzle/grid.js';
import { PUZZLE_FIELDS, integerIn, oneOf, paramRecord, parsePuzzleParams, type PuzzleParams } from '../puzzle/params.js';
import { TEXT_LAYOUTS, type TextLayout } from './layout.js';
import { TEXT_STYLES, type TextStyle } from './scenes.js';

export interface TextJigsawParams extends PuzzleParams {
  style: TextStyle;
  /** Picture size: characters per line and lines. */
  width: number;
  height: number;
  layout: TextLayout;
}

const FIELDS = [...PUZZLE_FIELDS, 'style', 'width', 'height', 'layout'];
export const MIN_PATCH_WIDTH = 3;
export const MIN_PATCH_HEIGHT = 2;

export function parseTextJigsawParams(raw: unknown): TextJigsawParams {
  const p = paramRecord(raw, FIELDS);
  const puzzle = parsePuzzleParams(p);
  const width = integerIn(p.width ?? 36, 'width', 6, 160);
  const height = integerIn(p.height ?? 18, 'height', 4, 80);
  for (const g of puzzle.swap ? [puzzle.grid, transposed(puzzle.grid)] : [puzzle.grid]) {
    if (width / g.cols < MIN_PATCH_WIDTH || height / g.rows < MIN_PATCH_HEIGHT) {
      throw new ParamError('grid', `patches of a ${gridName(g)} grid on a ${width}x${height} picture would be under ${MIN_PATCH_WIDTH} characters by ${MIN_PATCH_HEIGHT} lines; choose a larger width/height or a smaller grid`);
    }
  }
  return {
    ...puzzle,
    style: oneOf(p.style ?? 'landscape', 'style', TEXT_STYLES),
    width,
    height,
    layout: oneOf(p.layout ?? 'grid', 'layout', TEXT_LAYOUTS),
  };
}
