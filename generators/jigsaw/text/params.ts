// Params of jigsaw/text: the puzzle knobs plus the picture (style, size in characters and lines)
// and how the shuffled patches are shown. Parsed params are plain JSON: they are hashed into item ids.
import { defineParams, integer, oneOf } from '../../../src/core/params.js';
import { PUZZLE_FIELDS, checkPatchSize } from '../puzzle/params.js';
import { TEXT_LAYOUTS } from './layout.js';
import { TEXT_STYLES } from './scenes.js';

export const MIN_PATCH_WIDTH = 3;
export const MIN_PATCH_HEIGHT = 2;

export const textJigsawSchema = defineParams(
  {
    ...PUZZLE_FIELDS,
    style: oneOf(TEXT_STYLES, { default: 'landscape', doc: 'What the text picture shows.' }),
    width: integer({ min: 6, max: 160, default: 36, doc: 'Picture width in characters per line.' }),
    height: integer({ min: 4, max: 80, default: 18, doc: 'Picture height in lines.' }),
    layout: oneOf(TEXT_LAYOUTS, { default: 'grid', doc: 'How the shuffled patches are shown.' }),
  },
  {
    check: (p) =>
      checkPatchSize(
        p,
        { width: MIN_PATCH_WIDTH, height: MIN_PATCH_HEIGHT },
        `${MIN_PATCH_WIDTH} characters by ${MIN_PATCH_HEIGHT} lines`,
      ),
  },
);

export type TextJigsawParams = ReturnType<typeof textJigsawSchema.parse>;

export function parseTextJigsawParams(raw: unknown): TextJigsawParams {
  return textJigsawSchema.parse(raw);
}
