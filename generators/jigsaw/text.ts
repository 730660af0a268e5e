// jigsaw/text: the text-only twin of jigsaw/image, our own design (Jigsaw-R1 has no text variant,
// so its numbers are not comparable). An ASCII-art picture whose lines cross patch borders is cut
// into m×n patches and shuffled exactly like the image puzzles; the question types, answer
// convention, parsing and scoring are the same.
// See generators/jigsaw/README.md for the params, the ID/OOD regions and the design.
import { sha256 } from '../../src/core/hash.js';
import type { Rng } from '../../src/core/rng.js';
import type { Generator, Problem } from '../../src/core/types.js';
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
import { gridName, type GridShape } from './puzzle/grid.js';
import { promptBody } from './puzzle/prompt.js';
import { summarizeJigsawDetails } from './puzzle/verify.js';
import { JIGSAW_VERIFIER_VERSION, verifyJigsawTruth } from './puzzle/truth-verify.js';
import { cropLines, renderGrid, renderList, shuffleLines, weakTextEvidence, type TextLayout } from './text/layout.js';
import { parseTextJigsawParams, textJigsawSchema, type TextJigsawParams } from './text/params.js';
import { drawTextScene } from './text/scenes.js';

export type { TextJigsawParams } from './text/params.js';

export interface TextJigsawTruth extends PuzzleTruth {
  picture: {
    style: string;
    layout: TextLayout;
    /** Characters per line and lines of the puzzle picture (cropped to multiples of the grid). */
    width: number;
    height: number;
    patchWidth: number;
    patchHeight: number;
    /** The original picture and the shuffled one shown to the model (without the separators). */
    original: string[];
    shuffled: string[];
  };
}

function opening(g: GridShape, pw: number, ph: number, layout: TextLayout): string {
  const s = gridName(g);
  const size = `${pw} character${pw === 1 ? '' : 's'} by ${ph} line${ph === 1 ? '' : 's'}`;
  const borders =
    g.rows === 1
      ? 'a | marks each border between two patches'
      : g.cols === 1
        ? 'a line of - marks each border between two patches'
        : 'a | marks each border between patches side by side, and a line of - (crossed by +) each border between patches one above the other';
  const shown =
    layout === 'grid'
      ? `The shuffled picture is shown below; ${borders}.`
      : 'The patches are shown below one by one, by their current position.';
  return `The picture below is drawn with text characters and divided into ${s} patches of ${size} each that have been randomly permuted from their original positions. Your task is to solve this ${s} jigsaw puzzle and reconstruct the original picture. ${shown}`;
}

export function generateTextJigsaw(p: TextJigsawParams, rng: Rng): Problem {
  const puzzle = drawPuzzle(p, rng.fork('puzzle'));
  const g = puzzle.grid;
  // Minimum evidence (README): a picture with a blank or near-twin patch is redrawn from the same stream.
  const pictures = rng.fork('picture');
  const original = drawWithEvidence(
    () => cropLines(drawTextScene(p.style, p.width, p.height, pictures), g),
    (lines) => weakTextEvidence(lines, g),
    (why) =>
      `jigsaw/text: no ${p.style} picture with enough evidence in ${MAX_PICTURE_DRAWS} draws for a ${gridName(g)} grid (last: ${why}); use a larger picture or a smaller grid`,
  );
  const shuffled = shuffleLines(original, g, puzzle.forward);
  const pw = original[0]!.length / g.cols;
  const ph = original.length / g.rows;
  const picture = p.layout === 'grid' ? renderGrid(shuffled, g) : renderList(shuffled, g);

  const truth: TextJigsawTruth = {
    ...puzzleTruth(puzzle, p),
    picture: {
      style: p.style,
      layout: p.layout,
      width: original[0]!.length,
      height: original.length,
      patchWidth: pw,
      patchHeight: ph,
      original,
      shuffled,
    },
  };
  const text = `${opening(g, pw, ph, p.layout)}\n\n${picture}\n\n${promptBody(g, p.question, p.mode, puzzle.pair, 'picture')}`;
  return {
    messages: [{ role: 'user', content: text }],
    truth,
    reference: referenceAnswer(puzzle, p),
    difficulty: {
      ...puzzleDifficulty(puzzle, p),
      style: p.style,
      layout: p.layout,
      width: original[0]!.length,
      height: original.length,
    },
    dedupKey: `jigsaw-text|${puzzleKey(puzzle, p)}|${p.layout}|picture=${sha256(original.join('\n')).slice(0, 32)}`,
    verify: (response) => verifyJigsawTruth(truth, response),
    randomAnswer: (r) => randomAnswer(puzzle, p, r),
  };
}

export const textJigsaw: Generator<TextJigsawParams> = {
  name: 'jigsaw/text',
  version: '2',
  // Its own family: a text model's ID − OOD gap must not pool with the image puzzles'.
  family: 'jigsaw-text',
  description:
    'Text twin of the Jigsaw-R1 puzzles: an ASCII-art picture cut into m×n shuffled patches; pair or full-permutation questions.',
  parseParams: parseTextJigsawParams,
  params: textJigsawSchema,
  summarizeDetails: summarizeJigsawDetails,
  generate: generateTextJigsaw,
  verifierVersion: JIGSAW_VERIFIER_VERSION,
  verify: verifyJigsawTruth,
};
