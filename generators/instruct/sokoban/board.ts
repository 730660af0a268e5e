// The Sokoban board: the fixed part (walls, targets) and the movable part (player, boxes), with
// the symbol set of gym-sokoban's text rendering. Cells are numbered row-major; a State keeps its
// boxes sorted so that equal positions are equal arrays.

export type Dir = 'Up' | 'Down' | 'Left' | 'Right';
/** The order of the upstream action ids 1..4; also the oracle's tie-break order. */
export const DIRS: readonly Dir[] = ['Up', 'Down', 'Left', 'Right'];

export interface Board {
  rows: number;
  cols: number;
  /** 1 where the cell is a wall. */
  wall: Uint8Array;
  /** 1 where the cell is a target. */
  target: Uint8Array;
  /** Target cells, ascending. */
  targets: number[];
}

export interface State {
  player: number;
  /** Box cells, ascending. */
  boxes: number[];
}

export const SYMBOL = {
  wall: '#',
  floor: '_',
  target: 'O',
  boxOnTarget: '√',
  box: 'X',
  player: 'P',
  playerOnTarget: 'S',
} as const;

/** The cell one step from `cell` in `dir`, or -1 off the board. Walls are the caller's concern. */
export function neighbor(board: Board, cell: number, dir: Dir): number {
  const r = Math.floor(cell / board.cols);
  const c = cell % board.cols;
  switch (dir) {
    case 'Up':
      return r > 0 ? cell - board.cols : -1;
    case 'Down':
      return r < board.rows - 1 ? cell + board.cols : -1;
    case 'Left':
      return c > 0 ? cell - 1 : -1;
    case 'Right':
      return c < board.cols - 1 ? cell + 1 : -1;
  }
}

export function isFloor(board: Board, cell: number): boolean {
  return cell >= 0 && cell < board.wall.length && board.wall[cell] === 0;
}

export function rowCol(board: Board, cell: number): [number, number] {
  return [Math.floor(cell / board.cols), cell % board.cols];
}

export function boxesOnTargets(board: Board, state: State): number {
  return state.boxes.filter((b) => board.target[b] === 1).length;
}

export function isSolved(board: Board, state: State): boolean {
  return boxesOnTargets(board, state) === state.boxes.length;
}

/** The state as rows of symbols, e.g. ['######', '#_PXO#', ...]. */
export function renderRows(board: Board, state: State): string[] {
  const boxes = new Set(state.boxes);
  const rows: string[] = [];
  for (let r = 0; r < board.rows; r++) {
    let line = '';
    for (let c = 0; c < board.cols; c++) line += symbolAt(board, state, boxes, r * board.cols + c);
    rows.push(line);
  }
  return rows;
}

function symbolAt(board: Board, state: State, boxes: ReadonlySet<number>, cell: number): string {
  if (board.wall[cell]) return SYMBOL.wall;
  const onTarget = board.target[cell] === 1;
  if (cell === state.player) return onTarget ? SYMBOL.playerOnTarget : SYMBOL.player;
  if (boxes.has(cell)) return onTarget ? SYMBOL.boxOnTarget : SYMBOL.box;
  return onTarget ? SYMBOL.target : SYMBOL.floor;
}

/**
 * Reads rows of symbols back into a board and state (for hand-written rooms and for checking a
 * `truth` independently). Throws on unknown symbols, ragged rows, or not exactly one player.
 */
export function parseRows(rows: readonly string[]): { board: Board; state: State } {
  const grid = rows.map((r) => [...r]);
  const cols = grid[0]?.length ?? 0;
  if (grid.length === 0 || cols === 0 || grid.some((r) => r.length !== cols))
    throw new Error('rows must be non-empty and of equal length');
  const n = grid.length * cols;
  const board: Board = { rows: grid.length, cols, wall: new Uint8Array(n), target: new Uint8Array(n), targets: [] };
  const boxes: number[] = [];
  const players: number[] = [];
  grid.flat().forEach((ch, cell) => {
    switch (ch) {
      case SYMBOL.wall:
        board.wall[cell] = 1;
        break;
      case SYMBOL.floor:
        break;
      case SYMBOL.target:
        board.target[cell] = 1;
        break;
      case SYMBOL.box:
        boxes.push(cell);
        break;
      case SYMBOL.boxOnTarget:
        board.target[cell] = 1;
        boxes.push(cell);
        break;
      case SYMBOL.player:
        players.push(cell);
        break;
      case SYMBOL.playerOnTarget:
        board.target[cell] = 1;
        players.push(cell);
        break;
      default:
        throw new Error(`unknown symbol '${ch}'`);
    }
  });
  if (players.length !== 1) throw new Error(`expected one player, found ${players.length}`);
  for (let cell = 0; cell < n; cell++) if (board.target[cell]) board.targets.push(cell);
  return { board, state: { player: players[0]!, boxes } };
}
