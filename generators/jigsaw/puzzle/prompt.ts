// Prompt text after Jigsaw-R1's `generate_grid_jigsaw_prompt` and `generate_instruction` (instruct
// models, forward convention). The opening sentence names what is cut (the image, or the text
// picture of the twin); the index grid, the question and the instruction are the same for both.
import { cellCount, endNames, gridName, layoutGrid, type GridShape } from './grid.js';
import { LETTERS, type PairQuestion, type QuestionType } from './question.js';

export type AnswerMode = 'thinking' | 'direct';
export const ANSWER_MODES: readonly AnswerMode[] = ['thinking', 'direct'];

const FENCE = '```';

/** The upstream opening for an image puzzle. */
export function imageOpening(g: GridShape, masked: boolean): string {
  const s = gridName(g);
  const mask = masked ? ' To increase the task difficulty, the borders of each patch have been masked out.' : '';
  return `The input image is divided into ${s} patches that have been randomly permuted from their original positions. Your task is to solve this ${s} jigsaw puzzle and reconstruct the original image.${mask}`;
}

/** "Consider a m×n grid …" and the fenced index grid. */
export function indexGridSection(g: GridShape): string {
  const s = gridName(g);
  const [first, last] = endNames(g);
  const indices = Array.from({ length: cellCount(g) }, (_, i) => i + 1);
  return `Consider a ${s} grid, where each number represents a position index ranging from 1 (${first}) to ${cellCount(g)} (${last}):\n\n${FENCE}\n${layoutGrid(indices, g)}\n${FENCE}`;
}

/** `noun` is what was cut: upstream's 'image', or the text twin's 'picture'. */
export function questionSection(question: QuestionType, pair?: PairQuestion, noun = 'image'): string {
  if (question === 'full') {
    return `For each patch, determine its correct position index in the original ${noun}. If a patch currently at position X should belong at position Y, place "Y" at position X.`;
  }
  const p = pair!;
  const options = p.options.map((o, i) => `(${LETTERS[i]}) ${o}`).join('\n');
  return `For patches currently at positions ${p.k} and ${p.l}, determine their relative position in the original ${noun}.\n\nSelect the correct answer from the following ${p.options.length} choices:\n\n${options}`;
}

export function instruction(mode: AnswerMode, question: QuestionType, g: GridShape): string {
  const how =
    mode === 'thinking'
      ? 'First, output the thinking process within <think> </think> tags. Then, provide the final answer within <answer> </answer> tags. '
      : 'Directly output the final answer. ';
  const what =
    question === 'full'
      ? `The final answer should be the position indexes arranged in a ${gridName(g)} grid.`
      : 'The final answer should be a single letter.';
  return how + what;
}

/** Everything after the opening (and, for the text twin, the picture). */
export function promptBody(
  g: GridShape,
  question: QuestionType,
  mode: AnswerMode,
  pair?: PairQuestion,
  noun = 'image',
): string {
  return `${indexGridSection(g)}\n\n${questionSection(question, pair, noun)}\n\n${instruction(mode, question, g)}`;
}

/** An answer in the requested shape: the bare answer, or wrapped in think/answer tags. */
export function wrapAnswer(answer: string, mode: AnswerMode, thought = ''): string {
  return mode === 'thinking' ? `<think>${thought}</think>\n<answer>${answer}</answer>` : answer;
}
