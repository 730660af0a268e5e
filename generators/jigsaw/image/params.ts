// Params of jigsaw/image: the puzzle knobs plus the picture (procedural style or a photo folder,
// size) and the border mask. Parsed params are plain JSON: they are hashed into item ids.
import { defineParams, integer, number, oneOf, string } from '../../../src/core/params.js';
import { ParamError } from '../../../src/core/types.js';
import { PUZZLE_FIELDS, checkPatchSize } from '../puzzle/params.js';
import { poolFiles } from './pool.js';
import { SCENE_STYLES, type SceneStyle } from './scenes/index.js';

/** 336 = 12 × 28: whole Qwen2.5-VL merge windows, and small enough to keep suites light. */
export const DEFAULT_SIZE = 336;
export const MIN_PATCH = 8;
export const MAX_MASK = 0.4;

/** style and imageDir come last in the parsed params; a photo folder replaces the style. */
export const imageJigsawSchema = defineParams(
  {
    ...PUZZLE_FIELDS,
    width: integer({
      min: 16,
      max: 2048,
      default: DEFAULT_SIZE,
      doc: 'Picture width in pixels (for photos: the box they are shrunk to fit).',
    }),
    height: integer({ min: 16, max: 2048, default: DEFAULT_SIZE, doc: 'Picture height in pixels.' }),
    mask: number({
      min: 0,
      max: MAX_MASK,
      default: 0,
      doc: 'Upstream mask_ratio: the share of each patch side blacked out at its borders.',
    }),
    style: oneOf(SCENE_STYLES, { default: 'landscape', doc: 'Procedural picture style (not with imageDir).' }),
    imageDir: string({
      type: 'a folder path',
      max: Infinity,
      doc: 'A folder of PNG/JPEG photos used instead of procedural scenes.',
    }),
  },
  {
    check(p, raw) {
      checkPatchSize(p, { width: MIN_PATCH, height: MIN_PATCH }, `${MIN_PATCH} pixels`);
      if (p.imageDir === undefined) return;
      if (raw.style !== undefined)
        throw new ParamError('style', 'give either style (procedural pictures) or imageDir (a photo folder), not both');
      try {
        poolFiles(p.imageDir);
      } catch (err) {
        throw new ParamError('imageDir', (err as Error).message);
      }
    },
  },
);

/** `style` is absent when the pictures come from `imageDir`. */
export type ImageJigsawParams = Omit<ReturnType<typeof imageJigsawSchema.parse>, 'style'> & { style?: SceneStyle };

export function parseImageJigsawParams(raw: unknown): ImageJigsawParams {
  const parsed: ImageJigsawParams = imageJigsawSchema.parse(raw);
  if (parsed.imageDir !== undefined) delete parsed.style;
  return parsed;
}
