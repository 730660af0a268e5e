// Single-reply verifiers. Single-shot: the whole action sequence is played out and any sequence
// that puts every box on a target within the turn budget is correct (upstream compared with one
// BFS plan and so rejected other optimal or longer valid solutions). Closed-loop items, asked once
// (training rewards, `bench generate` exports): one action, correct when it starts an optimal plan.
import type { Verdict } from '../../../src/core/types.js';
import { correct, wrong } from '../../../src/core/verdict.js';
import { boxesOnTargets, isSolved, type Board, type Dir, type State } from './board.js';
import { readAction, readSequence } from './answers.js';
import { step } from './dynamics.js';
import type { Solver } from './solver.js';
import type { LabelTable } from './variants.js';

/** Everything a verifier or an episode needs to know about one item. */
export interface Game {
  board: Board;
  start: State;
  solver: Solver;
  /** The scoring vocabulary. */
  labels: LabelTable;
  maxTurns: number;
  /** Moves in an optimal plan from `start`. */
  optimal: number;
}

const LETTER: Record<Dir, string> = { Up: 'U', Down: 'D', Left: 'L', Right: 'R' };

/** Moves as one letter each (U, D, L, R), compact enough for verdict details. */
export function moveLetters(dirs: readonly Dir[]): string {
  return dirs.map((d) => LETTER[d]).join('');
}

export function verifySequence(reply: unknown, game: Game): Verdict {
  const read = readSequence(reply, game.labels);
  if ('failure' in read) return wrong(read.failure, false, undefined, 0, { optimalLength: game.optimal });
  let state = game.start;
  let executed = 0;
  for (const dir of read.dirs) {
    if (executed >= game.maxTurns || isSolved(game.board, state)) break;
    state = step(game.board, state, dir).state;
    executed++;
  }
  const details = {
    actions: read.dirs.length,
    executed,
    optimalLength: game.optimal,
    boxesOnTargets: boxesOnTargets(game.board, state),
    boxes: state.boxes.length,
  };
  const parsed = moveLetters(read.dirs.slice(0, game.maxTurns));
  if (isSolved(game.board, state)) return correct(parsed, details);
  const why =
    read.dirs.length > game.maxTurns && executed === game.maxTurns
      ? `the first ${game.maxTurns} actions (the budget) do not solve the puzzle`
      : `the actions leave ${details.boxes - details.boxesOnTargets} of ${details.boxes} boxes off target`;
  return wrong(why, true, parsed, 0, details);
}

export function verifyNextAction(reply: unknown, game: Game): Verdict {
  const read = readAction(reply, game.labels);
  const optimal = game.solver.optimalMoves(game.start);
  const details = { optimalActions: optimal.map((d) => game.labels[d]) };
  if ('failure' in read) return wrong(read.failure, false, undefined, 0, details);
  if (optimal.includes(read.dir)) return correct(read.dir, details);
  const moved = step(game.board, game.start, read.dir).moved;
  return wrong(
    moved ? `${read.dir} does not start a shortest solution` : `${read.dir} is blocked here`,
    true,
    read.dir,
    0,
    details,
  );
}
