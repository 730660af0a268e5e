// Scoring as Jigsaw-R1's utils/reward.py: exact match is the headline (`correct`); a full answer
// also gets the fraction of positions right (`score`, upstream's RL accuracy reward) and the
// fraction of preserved adjacencies. Image puzzles and the text twin share this verifier.
import type { Verdict } from '../../../src/core/types.js';
import { correct, wrong } from '../../../src/core/verdict.js';
import { cellCount, rowCol, type GridShape } from './grid.js';
import { answerContent, asText, readGrid, readLetter, thinkingShapeOk } from './answer.js';
import { inverse, isPermutation } from './permutation.js';
import type { AnswerMode } from './prompt.js';
import { LETTERS, type QuestionType } from './question.js';

export interface JigsawScoring {
  grid: GridShape;
  mode: AnswerMode;
  question: QuestionType;
  /** forward[X-1] = Y: the patch now at X came from Y. */
  forward: readonly number[];
  /** Pair questions: the correct letter and how many options were offered. */
  letter?: string;
  options?: number;
}

export function verifyJigsaw(response: unknown, s: JigsawScoring): Verdict {
  const text = asText(response);
  const content = answerContent(text, s.mode);
  return s.question === 'pair' ? verifyPair(text, content, s) : verifyFull(text, content, s);
}

function verifyPair(text: string, content: string, s: JigsawScoring): Verdict {
  const letter = readLetter(content);
  // Upstream's format reward: thinking needs the tag shape and an uppercase letter in the answer
  // span; direct mode needs the raw output to be exactly one uppercase letter.
  const formatReward =
    s.mode === 'thinking'
      ? Number(thinkingShapeOk(text) && /[A-Z]/.test(content))
      : Number(text.length === 1 && /^[A-Z]$/.test(text));
  const details = { formatReward };
  if (letter === undefined) return wrong('no choice letter (A-Z) in the answer', false, undefined, 0, details);
  const offered = LETTERS.slice(0, s.options ?? 0);
  if (!offered.includes(letter))
    return wrong(
      `${letter} is not one of the choices ${offered[0]}-${offered[offered.length - 1]}`,
      false,
      letter,
      0,
      details,
    );
  if (letter !== s.letter) return wrong(`choice ${letter} is wrong`, true, letter, 0, details);
  return correct(letter, details);
}

function verifyFull(text: string, content: string, s: JigsawScoring): Verdict {
  const cells = cellCount(s.grid);
  const shapeOk = s.mode === 'direct' || thinkingShapeOk(text);
  const read = readGrid(content, cells);
  if (!read.ok) return wrong(read.reason, false, undefined, 0, { formatReward: 0, failure: read.failure });
  const parsed = read.values;
  if (read.count !== cells) {
    return wrong(
      `the answer has ${read.count} indices; the ${s.grid.rows}x${s.grid.cols} grid needs ${cells}`,
      false,
      parsed,
      0,
      { formatReward: 0, failure: 'length' },
    );
  }
  // Upstream accepted a grid that repeats an index (and gave it partial credit); a reconstruction
  // must place every patch once, so here it is malformed.
  if (!isPermutation(parsed)) {
    return wrong('the answer repeats a position index', false, parsed, 0, { formatReward: 0, failure: 'duplicate' });
  }
  const positions = positionScore(parsed, s.forward);
  const details = {
    formatReward: Number(shapeOk),
    positions,
    adjacency: adjacencyScore(parsed, s.forward, s.grid),
    upstreamAdjacency: upstreamConnectionScore(parsed, s.forward, s.grid),
  };
  if (positions === 1) return correct(parsed, details);
  return wrong(`${Math.round(positions * cells)} of ${cells} positions right`, true, parsed, positions, details);
}

/** Fraction of positions whose predicted original index is the true one (upstream `score_jigsaw_patches`). */
export function positionScore(pred: readonly number[], forward: readonly number[]): number {
  if (pred.length !== forward.length) return 0;
  let right = 0;
  for (let i = 0; i < forward.length; i++) if (pred[i] === forward[i]) right++;
  return right / forward.length;
}

/**
 * Fraction of the 2mn − m − n neighbouring slot pairs of the original layout that the predicted
 * reconstruction fills with two patches that really were neighbours, in that order (the usual
 * "neighbour comparison" of jigsaw solving). `pred` must be a permutation.
 */
export function adjacencyScore(pred: readonly number[], forward: readonly number[], g: GridShape): number {
  const placed = inverse(pred); // placed[Y-1] = the current patch the answer puts at original slot Y
  const origin = (slot: number) => forward[placed[slot - 1]! - 1]!; // where that patch really came from
  let good = 0;
  let total = 0;
  for (let slot = 1; slot <= cellCount(g); slot++) {
    const [r, c] = rowCol(slot, g);
    if (c + 1 < g.cols) {
      total++;
      const a = origin(slot);
      if (origin(slot + 1) === a + 1 && rowCol(a, g)[1] + 1 < g.cols) good++;
    }
    if (r + 1 < g.rows) {
      total++;
      if (origin(slot + g.cols) === origin(slot) + g.cols) good++;
    }
  }
  return total === 0 ? 0 : good / total;
}

/**
 * Upstream's `score_jigsaw_connections` (forward branch), kept for comparison with Jigsaw-R1
 * numbers. It reads the answer grid as if it were a layout of patch ids: for each pair of
 * neighbouring answer cells it checks whether their two values sit side by side, in order, in the
 * truth grid. For forward answers that measures agreement of the two grids up to a shift, not the
 * reconstruction; `adjacencyScore` is the reconstruction's.
 */
export function upstreamConnectionScore(pred: readonly number[], forward: readonly number[], g: GridShape): number {
  if (pred.length !== forward.length) return 0;
  const where = new Map<number, number>();
  forward.forEach((v, i) => where.set(v, i));
  let good = 0;
  for (let i = 0; i < g.rows; i++) {
    for (let j = 0; j < g.cols; j++) {
      const here = where.get(pred[i * g.cols + j]!);
      if (here === undefined) continue;
      if (j + 1 < g.cols) {
        const right = where.get(pred[i * g.cols + j + 1]!);
        if (
          right !== undefined &&
          Math.floor(here / g.cols) === Math.floor(right / g.cols) &&
          (right % g.cols) - (here % g.cols) === 1
        )
          good++;
      }
      if (i + 1 < g.rows) {
        const below = where.get(pred[(i + 1) * g.cols + j]!);
        if (
          below !== undefined &&
          here % g.cols === below % g.cols &&
          Math.floor(below / g.cols) - Math.floor(here / g.cols) === 1
        )
          good++;
      }
    }
  }
  const total = 2 * g.rows * g.cols - g.rows - g.cols;
  return total > 0 ? good / total : 0;
}

/**
 * The family's metrics over a task's verdict details (shown next to accuracy in reports): the
 * share of answers earning upstream's format reward and, for full puzzles, the mean fraction of
 * positions right and of preserved adjacencies (an unreadable answer counts 0, as upstream).
 */
export function summarizeJigsawDetails(details: readonly unknown[]): Record<string, number> {
  const rows = details.filter((d): d is Record<string, unknown> => !!d && typeof d === 'object');
  if (rows.length === 0) return {};
  const mean = (key: string) =>
    rows.reduce((s, d) => s + (typeof d[key] === 'number' ? (d[key] as number) : 0), 0) / rows.length;
  const out: Record<string, number> = { formatReward: mean('formatReward') };
  // Full answers always carry either the scores or the reason they could not be read.
  if (rows.some((d) => 'positions' in d || 'failure' in d)) {
    out.positions = mean('positions');
    out.adjacency = mean('adjacency');
  }
  return out;
}
