import { describe, it, expect } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import { DIRS, isSolved, parseRows, renderRows, type Dir } from '../../../generators/instruct/sokoban/board.js';
import { play, step } from '../../../generators/instruct/sokoban/dynamics.js';
import { renderGrid } from '../../../generators/instruct/sokoban/prompt.js';
import { carveTopology, tryRoom, type Room } from '../../../generators/instruct/sokoban/room.js';
import { Solver, StateSpace } from '../../../generators/instruct/sokoban/solver.js';
import { applyMove, exploreAll, optimalMovesOf } from './sokoban-brute-force.js';

/** One move on rows, through the code under test. */
function moved(rows: string[], dir: Dir): string[] {
  const { board, state } = parseRows(rows);
  return renderRows(board, step(board, state, dir).state);
}

describe('sokoban dynamics: hand-checked cases', () => {
  it('walks onto floor and targets, and off them again', () => {
    expect(moved(['#####', '#P_O#', '#####'], 'Right')).toEqual(['#####', '#_PO#', '#####']);
    expect(moved(['#####', '#_PO#', '#####'], 'Right')).toEqual(['#####', '#__S#', '#####']);
    expect(moved(['#####', '#__S#', '#####'], 'Left')).toEqual(['#####', '#_PO#', '#####']);
  });

  it('does nothing when walking into a wall', () => {
    const rows = ['####', '#P_#', '####'];
    for (const d of ['Up', 'Down', 'Left'] as Dir[]) expect(moved(rows, d)).toEqual(rows);
    const { board, state } = parseRows(rows);
    expect(step(board, state, 'Up').moved).toBe(false);
  });

  it('pushes a box onto free floor and onto a target', () => {
    expect(moved(['######', '#PX__#', '######'], 'Right')).toEqual(['######', '#_PX_#', '######']);
    const after = moved(['#####', '#PXO#', '#####'], 'Right');
    expect(after).toEqual(['#####', '#_P√#', '#####']);
    const { board, state } = parseRows(after);
    expect(isSolved(board, state)).toBe(true);
  });

  it('pushes a box off a target', () => {
    expect(moved(['#####', '#P√_#', '#####'], 'Right')).toEqual(['#####', '#_SX#', '#####']);
  });

  it('does nothing when pushing a box into a wall', () => {
    const rows = ['#####', '#PX##', '#####'];
    expect(moved(rows, 'Right')).toEqual(rows);
    const vertical = ['###', '#P#', '#X#', '###'];
    expect(moved(vertical, 'Down')).toEqual(vertical);
  });

  it('does nothing when pushing a box into a second box', () => {
    const rows = ['#######', '#PXX_O#', '#_O___#', '#######'];
    expect(moved(rows, 'Right')).toEqual(rows);
    const { board, state } = parseRows(rows);
    const r = step(board, state, 'Right');
    expect(r.moved).toBe(false);
    expect(r.state).toBe(state);
  });

  it('never pulls: walking away from a box leaves it', () => {
    expect(moved(['######', '#XP_O#', '######'], 'Right')).toEqual(['######', '#X_PO#', '######']);
  });

  it('solves the spec example in one push Right', () => {
    const rows = ['######', '#_####', '#__###', '#__###', '#_PXO#', '######'];
    const { board, state } = parseRows(rows);
    const solver = Solver.of(board, 1)!;
    expect(solver.distance(state)).toBe(1);
    expect(solver.optimalMoves(state)).toEqual(['Right']);
    expect(isSolved(board, play(board, state, ['Right']))).toBe(true);
  });

  it('renders cells as upstream: " c " and a tab, one row per line', () => {
    const { board, state } = parseRows(['###', '#P#', '###']);
    expect(renderGrid(board, state)).toBe(' # \t # \t # \t\n # \t P \t # \t\n # \t # \t # \t');
  });

  it('reads rows back to the same rows, all seven symbols', () => {
    const rows = ['#######', '#_OX√S#', '#######'];
    const { board, state } = parseRows(rows);
    expect(renderRows(board, state)).toEqual(rows);
    expect(() => parseRows(['#P#', '#P#'])).toThrow(/one player/);
    expect(() => parseRows(['#?#'])).toThrow(/unknown symbol/);
  });
});

/** Generated rooms of a few small shapes, from the room generator alone. */
function rooms(size: number, boxes: number, n: number, seed: number, playerWalk = true): Room[] {
  const out: Room[] = [];
  for (let i = 0; out.length < n && i < n * 10; i++) {
    const r = tryRoom({ size, boxes, searchDepth: 30, playerWalk }, Rng.forItem(seed, i));
    if (typeof r !== 'string') out.push(r);
  }
  return out;
}

describe('sokoban solver: cross-checked against a brute-force forward search', () => {
  const shapes: [number, number, number][] = [
    [5, 1, 12],
    [6, 1, 12],
    [7, 1, 8],
    [6, 2, 8],
    [7, 2, 4],
    [6, 3, 2],
  ];
  for (const [size, boxes, n] of shapes) {
    it(`${size}×${size}, ${boxes} box(es): same distance and same optimal moves in every reachable state`, () => {
      let checked = 0;
      let dead = 0;
      for (const room of rooms(size, boxes, n, 100 + size * 10 + boxes)) {
        const start = renderRows(room.board, room.state);
        const graph = exploreAll(start);
        const solver = Solver.of(room.board, boxes)!;
        for (const [key, { rows }] of graph.states) {
          const { state } = parseRows(rows);
          const brute = graph.distance.get(key) ?? -1;
          expect(solver.distance(state), key).toBe(brute);
          expect(solver.optimalMoves(state), key).toEqual(optimalMovesOf(graph, key));
          checked++;
          if (brute < 0) dead++;
        }
        // The start is solvable by construction and not already solved.
        expect(graph.distance.get(start.join('/'))).toBeGreaterThan(0);
      }
      expect(checked).toBeGreaterThan(n * 5);
      if (boxes > 0 && size >= 6) expect(dead).toBeGreaterThan(0); // dead ends were really compared
    });
  }

  it('agrees with the brute-force rules move by move on random walks', () => {
    const rng = Rng.fromKey('walks');
    for (const room of rooms(7, 2, 10, 7)) {
      let rows = renderRows(room.board, room.state);
      let state = room.state;
      for (let t = 0; t < 60; t++) {
        const d = rng.pick(DIRS);
        state = step(room.board, state, d).state;
        rows = applyMove(rows, d);
        expect(renderRows(room.board, state)).toEqual(rows);
      }
    }
  });

  it('plans are optimal and solve the room when played', () => {
    for (const room of rooms(8, 2, 10, 8)) {
      const solver = Solver.of(room.board, 2)!;
      const plan = solver.plan(room.state)!;
      expect(plan).toHaveLength(solver.distance(room.state));
      expect(isSolved(room.board, play(room.board, room.state, plan))).toBe(true);
    }
  });

  it('numbers states densely and without collisions', () => {
    const { board } = parseRows(['######', '#P___#', '#_O__#', '#__O_#', '######']);
    const space = StateSpace.of(board, 2)!;
    expect(space.floorCount).toBe(12);
    expect(space.size).toBe(12 * 66);
    const seen = new Set<number>();
    const floor = [...board.wall.keys()].filter((c) => !board.wall[c]);
    for (const p of floor)
      for (const a of floor)
        for (const b of floor) {
          if (a < b && p !== a && p !== b) seen.add(space.index(p, [a, b]));
        }
    expect(seen.size).toBe((12 * 11 * 10) / 2);
    expect(Math.max(...seen)).toBeLessThan(space.size);
    expect(StateSpace.of(board, 2, 100)).toBeUndefined();
  });
});

describe('sokoban room generation', () => {
  it('carves a walled, connected floor', () => {
    for (let i = 0; i < 50; i++) {
      const size = 5 + (i % 6);
      const board = carveTopology(size, Rng.forItem('topology', i));
      const floor = [...board.wall.keys()].filter((c) => !board.wall[c]);
      expect(floor.length).toBeGreaterThan(0);
      for (let c = 0; c < size; c++) {
        for (const cell of [c, (size - 1) * size + c, c * size, c * size + size - 1]) expect(board.wall[cell]).toBe(1);
      }
      const reach = new Set([floor[0]!]);
      const queue = [floor[0]!];
      while (queue.length) {
        const c = queue.pop()!;
        for (const n of [c - 1, c + 1, c - size, c + size])
          if (!board.wall[n] && !reach.has(n)) {
            reach.add(n);
            queue.push(n);
          }
      }
      expect(reach.size).toBe(floor.length);
    }
  });

  it('places every box off the targets, with as many targets as boxes', () => {
    for (const [size, boxes] of [
      [6, 1],
      [6, 2],
      [10, 2],
    ] as const) {
      for (const room of rooms(size, boxes, 20, size + boxes)) {
        expect(room.state.boxes).toHaveLength(boxes);
        expect(room.board.targets).toHaveLength(boxes);
        expect(room.state.boxes.every((b) => !room.board.target[b])).toBe(true);
        expect(room.state.boxes).not.toContain(room.state.player);
        expect(room.displacement).toBeGreaterThan(0);
      }
    }
  });

  it('leaves the player next to a box without the walk (the upstream artefact), and not always with it', () => {
    const adjacent = (room: Room) =>
      room.state.boxes.some((b) => [1, -1, room.board.cols, -room.board.cols].includes(b - room.state.player));
    expect(rooms(6, 1, 40, 3, false).every(adjacent)).toBe(true);
    const walked = rooms(6, 1, 40, 3, true);
    expect(walked.filter(adjacent).length).toBeLessThan(walked.length);
  });

  it('reports failures instead of looping: no room fits 1 floor cell', () => {
    const outcomes = new Set(
      Array.from({ length: 30 }, (_, i) =>
        tryRoom({ size: 4, boxes: 3, searchDepth: 30, playerWalk: true }, Rng.forItem(1, i)),
      ),
    );
    expect([...outcomes].some((o) => typeof o === 'string')).toBe(true);
  });
});
