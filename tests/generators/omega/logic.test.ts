// Independent recomputation for the logic families: path enumeration and a top-right-to-bottom-
// left DP for blocked grids, relaxation to a fixed point for knight and rook distances, brute
// force over row and column colourings for the chip puzzles (maximality checked cell by cell),
// and brute force over all assignments for small zebra puzzles.
import { describe, expect, it } from 'vitest';
import { answerOf, inputsOf, items, promptOf } from './helpers.js';
import { leaperDistance } from '../../../generators/omega/logic_gridworld_knight_move.js';

const blockedIn = (text: string) =>
  [...(/following cells: (.+)\?/.exec(text)?.[1] ?? '').matchAll(/\((\d+), (\d+)\)/g)].map(
    (m) => [Number(m[1]), Number(m[2])] as const,
  );

describe('logic_gridworld_blocked', () => {
  it('a DP from the far corner backwards (and path enumeration when small) gives the same count', () => {
    for (let level = 1; level <= 5; level++) {
      for (const p of items('logic_gridworld_blocked', level, 10)) {
        const { width: w, height: h } = inputsOf(p);
        const text = promptOf(p);
        const blocked = new Set(blockedIn(text).map(([x, y]) => `${x},${y}`));
        expect(blocked.size).toBe(inputsOf(p).blocked.length);
        const ways = new Map<string, bigint>();
        for (let x = w - 1; x >= 0; x--) {
          for (let y = h - 1; y >= 0; y--) {
            const k = `${x},${y}`;
            if (blocked.has(k)) {
              ways.set(k, 0n);
              continue;
            }
            ways.set(
              k,
              x === w - 1 && y === h - 1 ? 1n : (ways.get(`${x + 1},${y}`) ?? 0n) + (ways.get(`${x},${y + 1}`) ?? 0n),
            );
          }
        }
        const total = ways.get('0,0')!;
        expect(answerOf(p).value).toBe(total.toString());
        if (total <= 20_000n) {
          let paths = 0;
          const walk = (x: number, y: number) => {
            if (x >= w || y >= h || blocked.has(`${x},${y}`)) return;
            if (x === w - 1 && y === h - 1) {
              paths++;
              return;
            }
            walk(x + 1, y);
            walk(x, y + 1);
          };
          walk(0, 0);
          expect(BigInt(paths)).toBe(total);
        }
      }
    }
  });
});

describe('logic_gridworld_knight_move', () => {
  /** Fewest leaper moves by relaxing every cell to a fixed point (no queue, no visited set). */
  function relaxedDistance(w: number, h: number, a: number, b: number, tx: number, ty: number): number {
    const dist = Array.from({ length: w }, () => new Array<number>(h).fill(Infinity));
    dist[0]![0] = 0;
    for (let changed = true; changed;) {
      changed = false;
      for (let x = 0; x < w; x++)
        for (let y = 0; y < h; y++) {
          for (const [dx, dy] of [
            [a, b],
            [b, a],
            [-a, b],
            [-b, a],
            [a, -b],
            [b, -a],
            [-a, -b],
            [-b, -a],
          ]) {
            const nx = x + dx!;
            const ny = y + dy!;
            if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
            if (dist[nx]![ny]! + 1 < dist[x]![y]!) {
              dist[x]![y] = dist[nx]![ny]! + 1;
              changed = true;
            }
          }
        }
    }
    return dist[tx]![ty]!;
  }

  it('relaxation to a fixed point gives the same distance; the target is on the board', () => {
    for (let level = 1; level <= 4; level++) {
      for (const p of items('logic_gridworld_knight_move', level, 8)) {
        const {
          width: w,
          height: h,
          leaper: [a, b],
          target: [tx, ty],
        } = inputsOf(p);
        expect(tx).toBeLessThan(w);
        expect(ty).toBeLessThan(h);
        expect(promptOf(p)).toContain(`${w}x${h} grid`);
        expect(answerOf(p).value).toBe(String(relaxedDistance(w, h, a, b, tx, ty)));
      }
    }
  });

  it('the upstream example: a (4,3)-leaper on a 9x9 board reaches (6, 8) in 2 moves', () => {
    expect(relaxedDistance(9, 9, 4, 3, 6, 8)).toBe(2);
    // Upstream's BFS bounded x by the height; on a non-square board the generator must agree with the
    // relaxation for every target cell (the random boards above are non-square too).
    for (let tx = 1; tx < 6; tx++)
      for (let ty = 8; ty < 12; ty++)
        expect(leaperDistance(6, 12, 1, 2, tx, ty)).toBe(relaxedDistance(6, 12, 1, 2, tx, ty));
  });
});

describe('logic_gridworld_rookmove', () => {
  it('relaxation over right/up slides gives the same fewest moves', () => {
    for (let level = 1; level <= 4; level++) {
      for (const p of items('logic_gridworld_rookmove', level, 8)) {
        const { width: w, height: h } = inputsOf(p);
        const blocked = new Set(blockedIn(promptOf(p)).map(([x, y]) => `${x},${y}`));
        const dist = new Map<string, number>([['0,0', 0]]);
        for (let changed = true; changed;) {
          changed = false;
          for (const [k, d] of [...dist]) {
            const [x, y] = k.split(',').map(Number) as [number, number];
            const slides: string[] = [];
            for (let nx = x + 1; nx < w && !blocked.has(`${nx},${y}`); nx++) slides.push(`${nx},${y}`);
            for (let ny = y + 1; ny < h && !blocked.has(`${x},${ny}`); ny++) slides.push(`${x},${ny}`);
            for (const s of slides)
              if ((dist.get(s) ?? Infinity) > d + 1) {
                dist.set(s, d + 1);
                changed = true;
              }
          }
        }
        expect(answerOf(p).value).toBe(String(dist.get(`${w - 1},${h - 1}`)));
      }
    }
  });
});

describe('logic_puzzles_grid_chip', () => {
  type C = 'white' | 'black' | 'none';
  /** All maximal placements of the form "chip where row and column colour agree", checked cell by cell. */
  function* maximalPlacements(n: number): Generator<{ rows: C[]; cols: C[]; chip: (i: number, j: number) => C }> {
    const opts: C[] = ['white', 'black', 'none'];
    const total = 3 ** (2 * n);
    for (let code = 0; code < total; code++) {
      let c = code;
      const rows: C[] = [];
      const cols: C[] = [];
      for (let i = 0; i < n; i++) {
        rows.push(opts[c % 3]!);
        c = Math.floor(c / 3);
      }
      for (let j = 0; j < n; j++) {
        cols.push(opts[c % 3]!);
        c = Math.floor(c / 3);
      }
      const chip = (i: number, j: number): C => (rows[i] !== 'none' && rows[i] === cols[j] ? rows[i]! : 'none');
      // Rows and columns must really have the colour they are labelled with (no empty labelled line).
      if (rows.some((r, i) => r !== 'none' && !cols.some((_, j) => chip(i, j) === r))) continue;
      if (cols.some((col, j) => col !== 'none' && !rows.some((_, i) => chip(i, j) === col))) continue;
      // Maximal: no empty cell takes a chip of either colour without breaking a row or column.
      let maximal = true;
      for (let i = 0; i < n && maximal; i++)
        for (let j = 0; j < n && maximal; j++) {
          if (chip(i, j) !== 'none') continue;
          for (const colour of ['white', 'black'] as const) {
            const rowOk = rows[i] === 'none' || rows[i] === colour;
            const colOk = cols[j] === 'none' || cols[j] === colour;
            if (rowOk && colOk) maximal = false;
          }
        }
      if (maximal) yield { rows, cols, chip };
    }
  }

  it('levels 1–2: the answer is the unique chip count (or the largest colour count) among consistent maximal placements', () => {
    for (const level of [1, 2]) {
      for (const p of items('logic_puzzles_grid_chip', level, 10)) {
        const i = inputsOf(p);
        const given = i.given as { row: number; col: number; colour: C }[];
        const values = new Set<number>();
        for (const pl of maximalPlacements(i.n)) {
          if (!given.every((g) => pl.chip(g.row, g.col) === g.colour)) continue;
          let count = 0;
          for (let r = 0; r < i.n; r++)
            for (let c = 0; c < i.n; c++) {
              const x = pl.chip(r, c);
              if (i.subtype === 'count_fully_constrained' ? x !== 'none' : x === i.asked) count++;
            }
          values.add(count);
        }
        if (i.subtype === 'count_fully_constrained') expect([...values]).toEqual([Number(answerOf(p).value)]);
        else expect(Math.max(...values)).toBe(Number(answerOf(p).value));
      }
    }
  });

  it('the upstream defect: one white constraint on a 4x4 board allows 9 black chips, not 10', () => {
    let best = 0;
    for (const pl of maximalPlacements(4)) {
      if (pl.chip(2, 1) !== 'white') continue;
      let k = 0;
      for (let r = 0; r < 4; r++) for (let c = 0; c < 4; c++) if (pl.chip(r, c) === 'black') k++;
      best = Math.max(best, k);
    }
    expect(best).toBe(9);
  });
});

describe('logic_zebralogic', () => {
  type Ref = [number, number];
  const holds = (c: Record<string, any>, h: (r: Ref) => number) => {
    switch (c.kind) {
      case 'found_at':
        return h(c.x) === c.house;
      case 'not_at':
        return h(c.x) !== c.house;
      case 'same':
        return h(c.x) === h(c.y);
      case 'not_same':
        return h(c.x) !== h(c.y);
      case 'left_of':
        return h(c.x) + 1 === h(c.y);
      case 'somewhere_left':
        return h(c.x) < h(c.y);
      case 'next_to':
        return Math.abs(h(c.x) - h(c.y)) === 1;
      case 'one_between':
        return Math.abs(h(c.x) - h(c.y)) === 2;
      default:
        throw new Error(c.kind);
    }
  };
  const perms = (n: number): number[][] =>
    n === 0
      ? [[]]
      : perms(n - 1).flatMap((p) => Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)]));

  it('small puzzles: brute force over all assignments finds exactly one solution, the recorded one, and the answer', () => {
    for (const level of [1, 2]) {
      for (const p of items('logic_zebralogic', level, 12)) {
        const i = inputsOf(p);
        const H = i.houses as number;
        const A = (i.attributes as unknown[]).length;
        const ps = perms(H);
        const sols: number[][][] = [];
        const rec = (a: number, cur: number[][]) => {
          if (a === A) {
            if (i.clues.every((c: Record<string, any>) => holds(c, (r) => cur[r[0]]![r[1]]!)))
              sols.push(cur.map((x) => x.slice()));
            return;
          }
          for (const q of ps) {
            cur.push(q);
            rec(a + 1, cur);
            cur.pop();
          }
        };
        rec(0, []);
        expect(sols).toEqual([i.solution]);
        // Removing any clue breaks uniqueness: the clue set is minimal.
        for (let k = 0; k < i.clues.length; k++) {
          const rest = i.clues.filter((_: unknown, j: number) => j !== k);
          let count = 0;
          const rec2 = (a: number, cur: number[][]) => {
            if (count > 1) return;
            if (a === A) {
              if (rest.every((c: Record<string, any>) => holds(c, (r) => cur[r[0]]![r[1]]!))) count++;
              return;
            }
            for (const q of ps) {
              cur.push(q);
              rec2(a + 1, cur);
              cur.pop();
            }
          };
          rec2(0, []);
          expect(count).toBeGreaterThan(1);
        }
        const text = promptOf(p);
        expect(text).toContain('When answering, please specify the number corresponding to the correct choice');
        const m = /Question: (.+)\n/.exec(text)![1]!;
        const options = i.options as string[];
        const picked = options[Number(answerOf(p).value)]!;
        const house = /House (\d+)\?$/.exec(m);
        if (house) {
          const a = (i.attributes as { values: string[] }[]).findIndex((x) => x.values.includes(picked));
          expect(i.solution[a][i.attributes[a].values.indexOf(picked)]).toBe(Number(house[1]) - 1);
        } else {
          const target = (i.attributes as { values: string[] }[])
            .flatMap((x, a) => x.values.map((v, k) => ({ a, k, v })))
            .find((x) => m.includes(x.v))!;
          expect(picked).toBe(`House ${i.solution[target.a][target.k] + 1}`);
        }
      }
    }
  });

  it('levels 3–5: the recorded solution satisfies every clue, and the prompt lists every clue', () => {
    for (const level of [3, 4, 5]) {
      for (const p of items('logic_zebralogic', level, 3)) {
        const i = inputsOf(p);
        for (const c of i.clues) expect(holds(c, (r) => i.solution[r[0]][r[1]])).toBe(true);
        const section = /## Clues:\n([\s\S]*?)\n\nQuestion:/.exec(promptOf(p))![1]!;
        expect(section.split('\n')).toHaveLength(i.clues.length);
      }
    }
  });
});
