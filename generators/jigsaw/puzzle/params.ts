// Param parsing shared by the image puzzles and the text twin: the puzzle knobs (grid, question,
// answer mode, orientation swap) and small validators whose errors name the field and the accepted
// values.
import { didYouMean } from '../../../src/core/suggest.js';
import { ParamError } from '../../../src/core/types.js';
import { MAX_SIDE, gridName, readGridName, type GridShape } from './grid.js';
import { ANSWER_MODES, type AnswerMode } from './prompt.js';
import { QUESTION_TYPES, type QuestionType } from './question.js';

export interface PuzzleParams {
  /** The region's grid, rows × cols ('2x1' = two rows). */
  grid: GridShape;
  question: QuestionType;
  mode: AnswerMode;
  /** Jigsaw-R1's `shuffle_mn`: each item is transposed (2x1 ⇄ 1x2) with probability 1/2. */
  swap: boolean;
}

export const PUZZLE_FIELDS = ['grid', 'question', 'mode', 'swap'];

/** The raw params as a record, with unknown fields rejected. */
export function paramRecord(raw: unknown, fields: readonly string[]): Record<string, unknown> {
  const obj = raw ?? {};
  if (typeof obj !== 'object' || Array.isArray(obj)) throw new ParamError('params', `expected a mapping with the fields ${fields.join(', ')}`);
  const p = obj as Record<string, unknown>;
  for (const key of Object.keys(p)) {
    if (!fields.includes(key)) throw new ParamError(key, `unknown field.${didYouMean(key, fields)} Accepted fields: ${fields.join(', ')}`);
  }
  return p;
}

export function parsePuzzleParams(p: Record<string, unknown>): PuzzleParams {
  const grid = parseGrid(p.grid ?? '2x1');
  const question = oneOf(p.question ?? 'pair', 'question', QUESTION_TYPES);
  const mode = oneOf(p.mode ?? 'thinking', 'mode', ANSWER_MODES);
  const swap = p.swap ?? true;
  if (typeof swap !== 'boolean') throw new ParamError('swap', `expected true or false; got ${JSON.stringify(swap)}`);
  return { grid, question, mode, swap };
}

function parseGrid(raw: unknown): GridShape {
  const expected = `expected 'MxN' with M rows and N columns from 1 to ${MAX_SIDE} and at least 2 patches, e.g. '2x1', '1x2', '3x1', '2x2', '3x3'`;
  const g = typeof raw === 'string' ? readGridName(raw) : undefined;
  if (!g) throw new ParamError('grid', `${expected}; got ${JSON.stringify(raw)}`);
  if (g.rows < 1 || g.cols < 1 || g.rows > MAX_SIDE || g.cols > MAX_SIDE || g.rows * g.cols < 2) {
    throw new ParamError('grid', `${expected}; got '${gridName(g)}'`);
  }
  return g;
}

export function oneOf<T extends string>(raw: unknown, field: string, allowed: readonly T[]): T {
  if (typeof raw === 'string' && (allowed as readonly string[]).includes(raw)) return raw as T;
  throw new ParamError(field, `expected one of ${allowed.map((a) => `'${a}'`).join(', ')}; got ${JSON.stringify(raw)}`);
}

export function integerIn(raw: unknown, field: string, min: number, max: number): number {
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= min && raw <= max) return raw;
  throw new ParamError(field, `expected an integer from ${min} to ${max}; got ${JSON.stringify(raw)}`);
}

export function numberIn(raw: unknown, field: string, min: number, max: number): number {
  if (typeof raw === 'number' && Number.isFinite(raw) && raw >= min && raw <= max) return raw;
  throw new ParamError(field, `expected a number from ${min} to ${max}; got ${JSON.stringify(raw)}`);
}
