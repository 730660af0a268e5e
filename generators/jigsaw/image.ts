// jigsaw/image: Jigsaw-R1's grid puzzles (Wang et al., TMLR 2025) on pictures drawn here from the
// item's seed (or photos from a user folder). The picture is cut into m×n patches, shuffled into
// one PNG sent as an image part, and the model answers a pair question (relative position of two
// patches in the original) or the full forward permutation.
// See generators/jigsaw/README.md for the params, the ID/OOD regions and the upstream quirks.
import { sha256 } from '../../src/core/hash.js';
import type { Rng } from '../../src/core/rng.js';
import type { Generator, Problem } from '../../src/core/types.js';
import { encodePng } from './image/png.js';
import type { RgbImage } from './image/png-decode.js';
import { parseImageJigsawParams, imageJigsawSchema, type ImageJigsawParams } from './image/params.js';
import { drawPoolImage } from './image/pool.js';
import { drawScene } from './image/scenes/index.js';
import { cropToGrid, maskBorders, shuffleTiles, weakImageEvidence } from './image/tiles.js';
import {
  MAX_PICTURE_DRAWS,
  drawPuzzle,
  drawWithEvidence,
  puzzleDifficulty,
  puzzleKey,
  puzzleTruth,
  randomAnswer,
  referenceAnswer,
  type PuzzleTruth,
} from './puzzle/draw.js';
import { gridName } from './puzzle/grid.js';
import { imageOpening, promptBody } from './puzzle/prompt.js';
import { summarizeJigsawDetails } from './puzzle/verify.js';
import { JIGSAW_VERIFIER_VERSION, verifyJigsawTruth } from './puzzle/truth-verify.js';

export type { ImageJigsawParams } from './image/params.js';

export interface ImageJigsawTruth extends PuzzleTruth {
  image: {
    /** Size of the puzzle image (the picture cropped to multiples of the grid). */
    width: number;
    height: number;
    patchWidth: number;
    patchHeight: number;
    /** sha256 of the PNG bytes sent to the model. */
    sha256: string;
    /** sha256 of the puzzle image's raw RGB bytes (row-major), independent of the PNG encoder. */
    pixelsSha256: string;
    /** sha256 of the original (unshuffled, unmasked) picture's raw RGB bytes. */
    originalSha256: string;
    mask: number;
    /** The procedural style, or the photo file and its sha256. */
    style?: string;
    source?: { file: string; sha256: string };
  };
}

/** The picture before cutting: a procedural scene, or a photo from the pool. */
function drawPicture(p: ImageJigsawParams, rng: Rng): { picture: RgbImage; source?: { file: string; sha256: string } } {
  if (p.imageDir) {
    const photo = drawPoolImage(p.imageDir, p.width, p.height, rng);
    return { picture: photo.image, source: { file: photo.file, sha256: photo.sha256 } };
  }
  return { picture: { width: p.width, height: p.height, rgb: drawScene(p.style!, p.width, p.height, rng).toBytes() } };
}

export function generateImageJigsaw(p: ImageJigsawParams, rng: Rng): Problem {
  // Separate streams, so a change to the scene code never changes the permutations, and back.
  const puzzle = drawPuzzle(p, rng.fork('puzzle'));
  const g = puzzle.grid;
  const pictures = rng.fork('picture');
  // Minimum evidence (README): a picture with a blank or near-twin patch is redrawn from the same stream.
  const drawn = drawWithEvidence(
    () => {
      const { picture, source } = drawPicture(p, pictures);
      const original = cropToGrid(picture, g);
      if (original.width / g.cols < 1 || original.height / g.rows < 1) {
        throw new Error(
          `jigsaw/image: ${source?.file ?? 'the picture'} (${picture.width}x${picture.height}) is too small for a ${gridName(g)} grid`,
        );
      }
      return { picture, source, original, shuffled: shuffleTiles(original, g, puzzle.forward) };
    },
    ({ source, shuffled }) => {
      const weak = weakImageEvidence(shuffled, g, maskBorders(shuffled, g, p.mask));
      return weak && `${source?.file ?? `a ${p.style} picture`}: ${weak}`;
    },
    (why) =>
      `jigsaw/image: no picture with enough evidence in ${MAX_PICTURE_DRAWS} draws for a ${gridName(g)} grid (last: ${why}); use larger pictures, a smaller grid or a lower mask`,
  );
  const { source, original, shuffled } = drawn;
  const png = encodePng(shuffled.width, shuffled.height, shuffled.rgb);

  const truth: ImageJigsawTruth = {
    ...puzzleTruth(puzzle, p),
    image: {
      width: original.width,
      height: original.height,
      patchWidth: original.width / g.cols,
      patchHeight: original.height / g.rows,
      sha256: sha256(png),
      pixelsSha256: sha256(shuffled.rgb),
      originalSha256: sha256(original.rgb),
      mask: p.mask,
    },
  };
  if (source) truth.image.source = source;
  else truth.image.style = p.style;

  const text = `${imageOpening(g, p.mask > 0)}\n\n${promptBody(g, p.question, p.mode, puzzle.pair)}`;
  return {
    messages: [
      {
        role: 'user',
        content: [
          { type: 'image', mediaType: 'image/png', data: png.toString('base64') },
          { type: 'text', text },
        ],
      },
    ],
    truth,
    reference: referenceAnswer(puzzle, p),
    difficulty: {
      ...puzzleDifficulty(puzzle, p),
      style: p.style ?? 'photo',
      width: original.width,
      height: original.height,
      mask: p.mask,
    },
    dedupKey: `jigsaw-image|${puzzleKey(puzzle, p)}|mask=${p.mask}|picture=${source?.sha256 ?? truth.image.originalSha256}`,
    verify: (response) => verifyJigsawTruth(truth, response),
    randomAnswer: (r) => randomAnswer(puzzle, p, r),
  };
}

export const imageJigsaw: Generator<ImageJigsawParams> = {
  name: 'jigsaw/image',
  version: '2',
  family: 'jigsaw',
  description:
    'Jigsaw-R1 image puzzles: a procedural picture (or a photo) cut into m×n shuffled patches; pair or full-permutation questions.',
  parseParams: parseImageJigsawParams,
  params: imageJigsawSchema,
  summarizeDetails: summarizeJigsawDetails,
  generate: generateImageJigsaw,
  verifierVersion: JIGSAW_VERIFIER_VERSION,
  verify: verifyJigsawTruth,
};
