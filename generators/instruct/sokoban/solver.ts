// Exact shortest plans. Every (player, box set) state of a room gets a dense number, and one
// breadth-first search *backwards* from all solved states (player anywhere, boxes on the targets)
// gives every state its distance to the nearest solution. The optimal next move from any state is
// then a table look-up, which is what lets the closed loop name the oracle's move for whatever
// state a model has walked into. Room generation runs the same backward search from a single
// solved state ("reverse play": the player walks and pulls boxes away from the targets).
import { DIRS, isFloor, neighbor, type Board, type Dir, type State } from './board.js';
import { step } from './dynamics.js';

/** Above this many states a room is rejected rather than searched (tables are 2 bytes a state). */
export const MAX_STATES = 2_000_000;

/** Dense numbering of the states of one room with a fixed box count: boxes × player. */
export class StateSpace {
  /** Number of numbered states: F · C(F, k) for F floor cells and k boxes. */
  readonly size: number;
  readonly floorCount: number;
  /** cell → floor index, -1 on walls. */
  private readonly floorOf: Int32Array;
  /** cell·4 + direction → the neighbouring floor cell, or -1 (wall, or off the board). */
  readonly next: Int32Array;
  /** binom[n·(k+1) + r] = C(n, r) for r ≤ k. */
  private readonly binom: Float64Array;

  private constructor(
    readonly board: Board,
    readonly boxes: number,
  ) {
    const cells = board.rows * board.cols;
    this.floorOf = new Int32Array(cells).fill(-1);
    let f = 0;
    for (let cell = 0; cell < cells; cell++) if (isFloor(board, cell)) this.floorOf[cell] = f++;
    this.floorCount = f;
    this.next = new Int32Array(cells * 4).fill(-1);
    for (let cell = 0; cell < cells; cell++) {
      DIRS.forEach((dir, d) => {
        const n = neighbor(board, cell, dir);
        if (isFloor(board, n)) this.next[cell * 4 + d] = n;
      });
    }
    const k = boxes;
    this.binom = new Float64Array((f + 1) * (k + 1));
    for (let n = 0; n <= f; n++) {
      this.binom[n * (k + 1)] = 1;
      for (let r = 1; r <= k; r++)
        this.binom[n * (k + 1) + r] =
          n === 0 ? 0 : this.binom[(n - 1) * (k + 1) + r - 1]! + this.binom[(n - 1) * (k + 1) + r]!;
    }
    this.size = f * this.binom[f * (k + 1) + k]!;
  }

  /** The space of a room, or undefined when it has more than `maxStates` states. */
  static of(board: Board, boxes: number, maxStates = MAX_STATES): StateSpace | undefined {
    const space = new StateSpace(board, boxes);
    return space.size > 0 && space.size <= maxStates ? space : undefined;
  }

  /** The number of a state: combinatorial rank of the (ascending) box set, times F, plus the player. */
  index(player: number, boxes: ArrayLike<number>): number {
    const k1 = this.boxes + 1;
    let rank = 0;
    for (let i = 0; i < boxes.length; i++) rank += this.binom[this.floorOf[boxes[i]!]! * k1 + i + 1]!;
    return rank * this.floorCount + this.floorOf[player]!;
  }
}

/**
 * Breadth-first search backwards from `sources`: every state from which some source is reachable
 * in at most `maxDepth` moves gets that move count (others -1), visited nearest first. A move
 * into `p` in direction d came from the cell behind p; it either was a plain step, or pushed the
 * box now in front of p out of p (so, backwards, the player pulls that box).
 */
export function reverseSearch(
  space: StateSpace,
  sources: readonly State[],
  maxDepth: number,
  onVisit?: (player: number, boxes: readonly number[], depth: number) => void,
): Int16Array {
  const k = space.boxes;
  const dist = new Int16Array(space.size).fill(-1);
  const qPlayer = new Int32Array(space.size);
  const qDepth = new Int16Array(space.size);
  const qBoxes = new Int32Array(space.size * k);
  let head = 0;
  let tail = 0;
  const boxes: number[] = new Array(k).fill(0);
  const pulled: number[] = new Array(k).fill(0);

  const visit = (player: number, at: readonly number[], depth: number) => {
    const idx = space.index(player, at);
    if (dist[idx] !== -1) return;
    dist[idx] = depth;
    qPlayer[tail] = player;
    qDepth[tail] = depth;
    for (let i = 0; i < k; i++) qBoxes[tail * k + i] = at[i]!;
    tail++;
    onVisit?.(player, at, depth);
  };

  for (const s of sources) visit(s.player, s.boxes, 0);
  const depthCap = Math.min(maxDepth, 32_766);
  while (head < tail) {
    const p = qPlayer[head]!;
    const depth = qDepth[head]!;
    for (let i = 0; i < k; i++) boxes[i] = qBoxes[head * k + i]!;
    head++;
    if (depth >= depthCap) continue;
    for (let d = 0; d < 4; d++) {
      const from = space.next[p * 4 + (d ^ 1)]!; // the cell behind: Up↔Down, Left↔Right
      if (from < 0 || boxes.includes(from)) continue;
      const ahead = space.next[p * 4 + d]!;
      const pushed = ahead >= 0 ? boxes.indexOf(ahead) : -1;
      if (pushed >= 0) {
        for (let i = 0; i < k; i++) pulled[i] = i === pushed ? p : boxes[i]!;
        pulled.sort((a, b) => a - b);
        visit(from, pulled, depth + 1);
      }
      visit(from, boxes, depth + 1);
    }
  }
  return dist;
}

/** Distances to the nearest solved state for every state of a room, and the moves they imply. */
export class Solver {
  private constructor(
    readonly board: Board,
    readonly space: StateSpace,
    private readonly dist: Int16Array,
  ) {}

  /** Undefined when the room has more than `maxStates` states or a box count unlike its target count. */
  static of(board: Board, boxes: number, maxStates = MAX_STATES): Solver | undefined {
    if (board.targets.length !== boxes) return undefined;
    const space = StateSpace.of(board, boxes, maxStates);
    if (!space) return undefined;
    const solved: State[] = [];
    for (let cell = 0; cell < board.wall.length; cell++) {
      if (isFloor(board, cell) && !board.target[cell]) solved.push({ player: cell, boxes: board.targets });
    }
    return new Solver(board, space, reverseSearch(space, solved, Number.POSITIVE_INFINITY));
  }

  /** Moves to the nearest solution; -1 when no solution exists (a dead end). */
  distance(state: State): number {
    return this.dist[this.space.index(state.player, state.boxes)]!;
  }

  /** Every move that starts an optimal plan, in the order Up, Down, Left, Right. */
  optimalMoves(state: State): Dir[] {
    const d = this.distance(state);
    if (d <= 0) return [];
    return DIRS.filter((dir) => {
      const r = step(this.board, state, dir);
      return r.moved && this.distance(r.state) === d - 1;
    });
  }

  /** The oracle's move: the first optimal one; undefined when solved or dead. */
  bestMove(state: State): Dir | undefined {
    return this.optimalMoves(state)[0];
  }

  /** The oracle's full plan from `state`; undefined for a dead end. */
  plan(state: State): Dir[] | undefined {
    if (this.distance(state) < 0) return undefined;
    const moves: Dir[] = [];
    let s = state;
    for (let move = this.bestMove(s); move; move = this.bestMove(s)) {
      moves.push(move);
      s = step(this.board, s, move).state;
    }
    return moves;
  }
}
