// Room generation after gym-sokoban (as used by RAGEN and the Debunk study): a random walk
// carves the floor out of a walled square, the player and the targets are placed on random floor
// cells, and reverse play from the solved position pulls the boxes away from their targets. The
// room is solvable by construction: the reverse play, read forwards, is a solution.
//
// Differences from upstream, on purpose (see the README): the reverse play is an exact
// breadth-first search to `searchDepth` moves rather than a depth-first search whose visited set
// ignores depth; its score is the boxes' displacement from the targets (upstream multiplies by a
// box-swap count that is 1 for one box); and RAGEN's short random walk of the player afterwards,
// which fixes "the player always stands next to the box", is on by default.
import type { Rng } from '../../../src/core/rng.js';
import { DIRS, isFloor, neighbor, type Board, type Dir, type State } from './board.js';
import { reverseSearch, StateSpace } from './solver.js';

export interface RoomOptions {
  /** Side of the square room, walls included. */
  size: number;
  boxes: number;
  /** Longest reverse play, in moves. */
  searchDepth: number;
  /** RAGEN's random walk of the player after reverse play. */
  playerWalk: boolean;
}

export interface Room {
  board: Board;
  state: State;
  /** Sum over boxes of the Manhattan distance to the nearest-matching target. */
  displacement: number;
}

/** Why an attempt produced no room; the caller draws the next attempt from the same stream. */
export type RoomFailure = 'too-little-floor' | 'too-many-states' | 'no-displacement';

/** The 3×3 stamps of the random walk (gym-sokoban's masks); each covers its centre. */
const MASKS: readonly (readonly number[])[] = [
  [0, 0, 0, 1, 1, 1, 0, 0, 0],
  [0, 1, 0, 0, 1, 0, 0, 1, 0],
  [0, 0, 0, 1, 1, 0, 0, 1, 0],
  [0, 0, 0, 1, 1, 0, 1, 1, 0],
  [0, 0, 0, 0, 1, 1, 0, 1, 0],
];
const STEPS: readonly (readonly [number, number])[] = [
  [1, 0],
  [0, 1],
  [-1, 0],
  [0, -1],
];
const P_CHANGE_DIRECTION = 0.35;

/** gym-sokoban's default walk length for a room of this size. */
export function walkSteps(size: number): number {
  return Math.floor(1.7 * (size + size));
}

/**
 * One attempt: topology, placement, reverse play, player walk. Everything is drawn from `rng`,
 * so a failed attempt leaves the stream where the next one continues.
 */
export function tryRoom(opts: RoomOptions, rng: Rng): Room | RoomFailure {
  const board = carveTopology(opts.size, rng);
  const floor: number[] = [];
  for (let cell = 0; cell < board.wall.length; cell++) if (!board.wall[cell]) floor.push(cell);
  if (floor.length <= opts.boxes + 1) return 'too-little-floor';

  // Upstream order: the player first, then each target on a remaining floor cell.
  const player = rng.pick(floor);
  const free = floor.filter((c) => c !== player);
  for (let i = 0; i < opts.boxes; i++) {
    const t = free.splice(rng.int(0, free.length - 1), 1)[0]!;
    board.target[t] = 1;
  }
  for (let cell = 0; cell < board.wall.length; cell++) if (board.target[cell]) board.targets.push(cell);

  const space = StateSpace.of(board, opts.boxes);
  if (!space) return 'too-many-states';
  const start = reversePlay(board, space, { player, boxes: board.targets }, opts.searchDepth);
  if (!start) return 'no-displacement';
  const state = opts.playerWalk ? walkPlayer(board, start.state, start.displacement, rng) : start.state;
  return { board, state, displacement: start.displacement };
}

/** A walled size×size room whose floor is what the random walk stamped. */
export function carveTopology(size: number, rng: Rng): Board {
  const level = new Uint8Array(size * size);
  let dir = rng.pick(STEPS);
  // As upstream, the start may lie on the border; the first step clamps it inside.
  let r = rng.int(1, size - 1);
  let c = rng.int(1, size - 1);
  for (let s = 0; s < walkSteps(size); s++) {
    if (rng.next() < P_CHANGE_DIRECTION) dir = rng.pick(STEPS);
    r = Math.max(Math.min(r + dir[0], size - 2), 1);
    c = Math.max(Math.min(c + dir[1], size - 2), 1);
    const mask = rng.pick(MASKS);
    for (let i = 0; i < 9; i++) if (mask[i]) level[(r - 1 + Math.floor(i / 3)) * size + (c - 1 + (i % 3))] = 1;
  }
  const wall = new Uint8Array(size * size);
  for (let rr = 0; rr < size; rr++) {
    for (let cc = 0; cc < size; cc++) {
      const border = rr === 0 || cc === 0 || rr === size - 1 || cc === size - 1;
      wall[rr * size + cc] = border || !level[rr * size + cc] ? 1 : 0;
    }
  }
  return { rows: size, cols: size, wall, target: new Uint8Array(size * size), targets: [] };
}

/**
 * Reverse play from the solved position: among the states reachable backwards within `depth`
 * moves with no box on any target, the one whose boxes lie farthest from the targets, the
 * nearest such state first on ties. Undefined when no box can leave its target.
 */
export function reversePlay(
  board: Board,
  space: StateSpace,
  solved: State,
  depth: number,
): { state: State; displacement: number } | undefined {
  let best: { state: State; displacement: number } | undefined;
  reverseSearch(space, [solved], depth, (player, boxes) => {
    if (boxes.some((b) => board.target[b])) return;
    const score = displacement(board, boxes);
    if (!best || score > best.displacement) best = { state: { player, boxes: boxes.slice() }, displacement: score };
  });
  return best;
}

/** Smallest total Manhattan distance over the ways of matching boxes to targets (k ≤ 3: ≤ 6 ways). */
export function displacement(board: Board, boxes: readonly number[]): number {
  const cols = board.cols;
  let best = Number.POSITIVE_INFINITY;
  for (const order of permutations(board.targets.length)) {
    let sum = 0;
    for (let i = 0; i < order.length; i++) {
      const b = boxes[i]!;
      const t = board.targets[order[i]!]!;
      sum += Math.abs(Math.floor(b / cols) - Math.floor(t / cols)) + Math.abs((b % cols) - (t % cols));
    }
    if (sum < best) best = sum;
  }
  return best;
}

const PERMUTATIONS = new Map<number, number[][]>();

function permutations(n: number): number[][] {
  let out = PERMUTATIONS.get(n);
  if (out) return out;
  if (n === 0) out = [[]];
  else {
    out = [];
    for (const p of permutations(n - 1))
      for (let i = 0; i <= p.length; i++) out.push([...p.slice(0, i), n - 1, ...p.slice(i)]);
  }
  PERMUTATIONS.set(n, out);
  return out;
}

/**
 * RAGEN's fix for reverse play leaving the player next to the box it pulled last: with
 * probability 0.8 (displacement 1) or 0.5, walk 1..3 steps over free cells without revisiting,
 * continuing after each step with probability 0.5. Plain steps are reversible, so the room stays
 * solvable.
 */
export function walkPlayer(board: Board, state: State, displaced: number, rng: Rng): State {
  if (rng.next() > (displaced === 1 ? 0.8 : 0.5)) return state;
  const visited = [state.player];
  let player = state.player;
  for (let steps = 0; steps < 3;) {
    const options = DIRS.map((d: Dir) => neighbor(board, player, d)).filter(
      (n) => isFloor(board, n) && !state.boxes.includes(n) && !visited.includes(n),
    );
    if (options.length === 0) break;
    player = rng.pick(options);
    visited.push(player);
    steps++;
    if (steps >= 3 || rng.next() > 0.5) break;
  }
  return { player, boxes: state.boxes };
}
