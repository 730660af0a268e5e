// An independent Sokoban solver for the tests, deliberately unlike the one under test (which
// numbers states densely and searches backwards by pulling boxes): it plays forwards on rows of
// symbols, builds the explicit graph of every state reachable from the start, and then walks
// that graph's edges backwards from the solved states.

export type Move = 'Up' | 'Down' | 'Left' | 'Right';
export const MOVES: readonly Move[] = ['Up', 'Down', 'Left', 'Right'];
const DELTA: Record<Move, [number, number]> = { Up: [-1, 0], Down: [1, 0], Left: [0, -1], Right: [0, 1] };

/** Grid cells as characters; rows of '#', '_', 'O', 'X', '√', 'P', 'S'. */
type Grid = string[][];

const isBox = (ch: string | undefined) => ch === 'X' || ch === '√';
const isFree = (ch: string | undefined) => ch === '_' || ch === 'O';
const onTarget = (ch: string | undefined) => ch === 'O' || ch === '√' || ch === 'S';

/** The rows after one move, written from the rules of the game, not from the code under test. */
export function applyMove(rows: readonly string[], move: Move): string[] {
  const grid: Grid = rows.map((r) => [...r]);
  let pr = -1,
    pc = -1;
  grid.forEach((row, r) =>
    row.forEach((ch, c) => {
      if (ch === 'P' || ch === 'S') {
        pr = r;
        pc = c;
      }
    }),
  );
  const [dr, dc] = DELTA[move];
  const at = (r: number, c: number) => grid[r]?.[c];
  const leave = (r: number, c: number) => {
    grid[r]![c] = onTarget(at(r, c)) ? 'O' : '_';
  };
  const put = (r: number, c: number, what: 'player' | 'box') => {
    const t = onTarget(at(r, c));
    grid[r]![c] = what === 'player' ? (t ? 'S' : 'P') : t ? '√' : 'X';
  };
  const nr = pr + dr,
    nc = pc + dc;
  if (isFree(at(nr, nc))) {
    leave(pr, pc);
    put(nr, nc, 'player');
  } else if (isBox(at(nr, nc)) && isFree(at(nr + dr, nc + dc))) {
    leave(nr, nc);
    put(nr + dr, nc + dc, 'box');
    leave(pr, pc);
    put(nr, nc, 'player');
  }
  return grid.map((r) => r.join(''));
}

export function solved(rows: readonly string[]): boolean {
  return !rows.some((r) => r.includes('X'));
}

export interface BruteGraph {
  /** Every state reachable from the start, keyed by its rows joined with '/'. */
  states: Map<string, { rows: string[]; next: Record<Move, string> }>;
  /** Moves to the nearest solved state, for every reachable state; absent: no solution from there. */
  distance: Map<string, number>;
}

export function exploreAll(start: readonly string[], maxStates = 200_000): BruteGraph {
  const key = (rows: readonly string[]) => rows.join('/');
  const states: BruteGraph['states'] = new Map();
  const queue: string[][] = [start.slice()];
  states.set(key(start), { rows: start.slice(), next: {} as Record<Move, string> });
  for (let i = 0; i < queue.length; i++) {
    if (states.size > maxStates) throw new Error('brute force: too many states');
    const rows = queue[i]!;
    const entry = states.get(key(rows))!;
    for (const m of MOVES) {
      const after = applyMove(rows, m);
      const k = key(after);
      entry.next[m] = k;
      if (!states.has(k)) {
        states.set(k, { rows: after, next: {} as Record<Move, string> });
        queue.push(after);
      }
    }
  }
  const back = new Map<string, string[]>();
  for (const [k, { next }] of states)
    for (const m of MOVES) if (next[m] !== k) back.set(next[m], [...(back.get(next[m]) ?? []), k]);
  const distance = new Map<string, number>();
  const frontier: string[] = [];
  for (const [k, { rows }] of states)
    if (solved(rows)) {
      distance.set(k, 0);
      frontier.push(k);
    }
  for (let i = 0; i < frontier.length; i++) {
    const d = distance.get(frontier[i]!)!;
    for (const prev of back.get(frontier[i]!) ?? []) {
      if (!distance.has(prev)) {
        distance.set(prev, d + 1);
        frontier.push(prev);
      }
    }
  }
  return { states, distance };
}

/** The moves that start a shortest solution from a state of the graph. */
export function optimalMovesOf(graph: BruteGraph, k: string): Move[] {
  const d = graph.distance.get(k);
  if (d === undefined || d === 0) return [];
  const next = graph.states.get(k)!.next;
  return MOVES.filter((m) => next[m] !== k && graph.distance.get(next[m]) === d - 1);
}

/** Rows of symbols read back from the grid as a prompt shows it (" c \t" per cell). */
export function gridFromPrompt(text: string): string[] {
  const start = text.indexOf('[Current Observation]:\n');
  const end = text.indexOf('\nDecide ');
  if (start < 0 || end < 0) throw new Error('no grid in the prompt');
  return text
    .slice(start + '[Current Observation]:\n'.length, end)
    .split('\n')
    .map((line) =>
      line
        .split('\t')
        .map((c) => c.trim())
        .filter((c) => c !== '')
        .join(''),
    );
}

/** The labels of the prompt's Answers section, in the order shown (Up, Down, Left, Right); [] without one. */
export function labelsFromPrompt(text: string): string[] {
  const m = /Answers:\n(.*)\n/.exec(text);
  if (!m) return [];
  return [...m[1]!.matchAll(/<answer> (.*?) <\/answer>/g)].map((x) => x[1]!);
}
