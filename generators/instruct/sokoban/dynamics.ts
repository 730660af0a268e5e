// The game rules of gym-sokoban: the player steps onto free floor or pushes the one box in front
// of it onto free floor. A push into a wall or into a second box does nothing (the player stays
// put too), and boxes are never pulled.
import { isFloor, neighbor, type Board, type Dir, type State } from './board.js';

export interface StepResult {
  state: State;
  /** The player changed cell (upstream's "action_is_effective"). */
  moved: boolean;
  pushed: boolean;
}

export function step(board: Board, state: State, dir: Dir): StepResult {
  const next = neighbor(board, state.player, dir);
  if (!isFloor(board, next)) return { state, moved: false, pushed: false };
  const boxAt = state.boxes.indexOf(next);
  if (boxAt < 0) return { state: { player: next, boxes: state.boxes }, moved: true, pushed: false };

  const beyond = neighbor(board, next, dir);
  if (!isFloor(board, beyond) || state.boxes.includes(beyond)) return { state, moved: false, pushed: false };
  const boxes = state.boxes.slice();
  boxes[boxAt] = beyond;
  boxes.sort((a, b) => a - b);
  return { state: { player: next, boxes }, moved: true, pushed: true };
}

/** The state after a sequence of moves. */
export function play(board: Board, state: State, dirs: readonly Dir[]): State {
  return dirs.reduce((s, d) => step(board, s, d).state, state);
}
