// Params of jigsaw/image: the puzzle knobs plus the picture (procedural style or a photo folder,
// size) and the border mask. Parsed params are plain JSON: they are hashed into item ids.
import { ParamError } from '../../../src/core/types.js';
import { gridName, transposed } from '../puzzle/grid.js';
import { PUZZLE_FIELDS, integerIn, numberIn, oneOf, paramRecord, parsePuzzleParams, type PuzzleParams } from '../puzzle/params.js';
import { poolFiles } from './pool.js';
import { SCENE_STYLES, type SceneStyle } from './scenes/index.js';

export interface ImageJigsawParams extends PuzzleParams {
  /** Procedural style; absent when the pictures come from `imageDir`. */
  style?: SceneStyle;
  /** A folder of PNG/JPEG photos used instead of procedural scenes. */
  imageDir?: string;
  /** Picture size in pixels (for photos: the box they are shrunk to fit). */
  width: number;
  height: number;
  /** Upstream `mask_ratio`: the share of each patch side blacked out at its borders. */
  mask: number;
}

const FIELDS = [...PUZZLE_FIELDS, 'style', 'imageDir', 'width', 'height', 'mask'];

/** 336 = 12 × 28: whole Qwen2.5-VL merge windows, and small enough to keep suites light. */
export const DEFAULT_SIZE = 336;
export const MIN_PATCH = 8;
export const MAX_MASK = 0.4;

export function parseImageJigsawParams(raw: unknown): ImageJigsawParams {
  const p = paramRecord(raw, FIELDS);
  const puzzle = parsePuzzleParams(p);
  const width = integerIn(p.width ?? DEFAULT_SIZE, 'width', 16, 2048);
  const height = integerIn(p.height ?? DEFAULT_SIZE, 'height', 16, 2048);
  const mask = numberIn(p.mask ?? 0, 'mask', 0, MAX_MASK);

  // Either orientation may be drawn, so both must leave patches of a visible size.
  for (const g of puzzle.swap ? [puzzle.grid, transposed(puzzle.grid)] : [puzzle.grid]) {
    if (width / g.cols < MIN_PATCH || height / g.rows < MIN_PATCH) {
      throw new ParamError('grid', `patches of a ${gridName(g)} grid on a ${width}x${height} picture would be under ${MIN_PATCH} pixels; choose a larger width/height or a smaller grid`);
    }
  }

  const out: ImageJigsawParams = { ...puzzle, width, height, mask };
  if (p.imageDir !== undefined) {
    if (p.style !== undefined) throw new ParamError('style', 'give either style (procedural pictures) or imageDir (a photo folder), not both');
    if (typeof p.imageDir !== 'string' || p.imageDir.trim() === '') throw new ParamError('imageDir', `expected a folder path; got ${JSON.stringify(p.imageDir)}`);
    try {
      poolFiles(p.imageDir);
    } catch (err) {
      throw new ParamError('imageDir', (err as Error).message);
    }
    out.imageDir = p.imageDir;
  } else {
    out.style = oneOf(p.style ?? 'landscape', 'style', SCENE_STYLES);
  }
  return out;
}
