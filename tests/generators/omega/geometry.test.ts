// Independent checks for the polygon families: perpendicularity and meeting from coordinates
// (the generators decide them on vertex numbers), face counts and corner totals of the rotated
// arrangement from Euler-type formulas over the intersection points (the generator splits
// convex cells), and colourings from rotated arrays.
import { describe, expect, it } from 'vitest';
import { answerOf, inputsOf, items, promptOf } from './helpers.js';
import { faceSideCounts, rotatedSetup } from '../../../generators/omega/geometry_polygon_rotation.js';

type Chord = [number, number];
const pt = (n: number, k: number) =>
  [Math.cos((2 * Math.PI * (k - 1)) / n), Math.sin((2 * Math.PI * (k - 1)) / n)] as const;

/** Intersection of two chords as segments (shared endpoints included), or undefined. */
function meet(n: number, p: Chord, q: Chord): readonly [number, number] | undefined {
  const [a, b] = [pt(n, p[0]), pt(n, p[1])];
  const [c, d] = [pt(n, q[0]), pt(n, q[1])];
  const r = [b[0] - a[0], b[1] - a[1]];
  const s = [d[0] - c[0], d[1] - c[1]];
  const den = r[0]! * s[1]! - r[1]! * s[0]!;
  if (Math.abs(den) < 1e-12) return undefined;
  const t = ((c[0] - a[0]) * s[1]! - (c[1] - a[1]) * s[0]!) / den;
  const u = ((c[0] - a[0]) * r[1]! - (c[1] - a[1]) * r[0]!) / den;
  if (t < -1e-9 || t > 1 + 1e-9 || u < -1e-9 || u > 1 + 1e-9) return undefined;
  return [a[0] + t * r[0]!, a[1] + t * r[1]!];
}

function perpendicularByDot(n: number, p: Chord, q: Chord): boolean {
  const [a, b] = [pt(n, p[0]), pt(n, p[1])];
  const [c, d] = [pt(n, q[0]), pt(n, q[1])];
  return Math.abs((b[0] - a[0]) * (d[0] - c[0]) + (b[1] - a[1]) * (d[1] - c[1])) < 1e-9;
}

function parseChords(text: string): Chord[] {
  return [...text.matchAll(/from vertex (\d+) to vertex (\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

describe('geometry_polygon_chords and geometry_perpendicular_intersection', () => {
  it('pairs and points recomputed from coordinates (dot product, segment intersection)', () => {
    for (let level = 1; level <= 5; level++) {
      for (const fam of ['geometry_polygon_chords', 'geometry_perpendicular_intersection']) {
        for (const p of items(fam, level, 20)) {
          const text = promptOf(p);
          const n = Number(/regular (\d+)-gon/.exec(text)![1]);
          const chords = parseChords(text);
          expect(chords).toEqual(inputsOf(p).diagonals);
          const points: (readonly [number, number])[] = [];
          let pairs = 0;
          for (let i = 0; i < chords.length; i++) {
            for (let j = i + 1; j < chords.length; j++) {
              const x = meet(n, chords[i]!, chords[j]!);
              if (!x || !perpendicularByDot(n, chords[i]!, chords[j]!)) continue;
              pairs++;
              if (!points.some((y) => Math.hypot(x[0] - y[0], x[1] - y[1]) < 1e-7)) points.push(x);
            }
          }
          expect(answerOf(p).value).toBe(String(fam === 'geometry_polygon_chords' ? pairs : points.length));
        }
      }
    }
  });

  it('the upstream example (6-gon, 7 diagonals) has 4 perpendicular pairs', () => {
    const chords: Chord[] = [
      [2, 4],
      [6, 3],
      [5, 1],
      [6, 2],
      [2, 5],
      [4, 1],
      [4, 6],
    ];
    let pairs = 0;
    for (let i = 0; i < chords.length; i++)
      for (let j = i + 1; j < chords.length; j++)
        if (meet(6, chords[i]!, chords[j]!) && perpendicularByDot(6, chords[i]!, chords[j]!)) pairs++;
    expect(pairs).toBe(4);
  });
});

describe('geometry_polygon_rotation', () => {
  /**
   * For chords of a convex polygon: faces = 1 + D + Σ_p (k_p − 1) over interior points p where k_p
   * chords cross, and Σ corners over faces = Σ_p 2·k_p + Σ_v (m_v + 1) over polygon vertices v
   * with m_v chords ending there.
   */
  function eulerTotals(n: number, chords: Chord[]): { faces: number; corners: number } {
    const pts: { x: readonly [number, number]; through: Set<number> }[] = [];
    chords.forEach((p, i) =>
      chords.forEach((q, j) => {
        if (j <= i || p.some((v) => q.includes(v))) return;
        const x = meet(n, p, q);
        if (!x) return;
        const hit = pts.find((y) => Math.hypot(x[0] - y.x[0], x[1] - y.x[1]) < 1e-7);
        if (hit) hit.through.add(i).add(j);
        else pts.push({ x, through: new Set([i, j]) });
      }),
    );
    const ends = Array.from({ length: n + 1 }, () => 0);
    for (const [a, b] of chords) {
      ends[a]!++;
      ends[b]!++;
    }
    const faces = 1 + chords.length + pts.reduce((s, p) => s + p.through.size - 1, 0);
    const corners = pts.reduce((s, p) => s + 2 * p.through.size, 0) + ends.slice(1).reduce((s, m) => s + m + 1, 0);
    return { faces, corners };
  }

  it('face counts per side number sum to the Euler face total and their corners to the corner total', () => {
    for (let level = 1; level <= 6; level++) {
      for (const p of items('geometry_polygon_rotation', level, level === 6 ? 6 : 15)) {
        const i = inputsOf(p);
        const text = promptOf(p);
        expect(parseChords(text)).toEqual(i.diagonals);
        expect(text).toContain(`rotate the entire setup, including the constructed diagonals, ${i.rotation} vert`);
        const rot = (v: number) => ((v - 1 + i.rotation) % i.n) + 1;
        const all = [...i.diagonals, ...i.diagonals.map(([a, b]: Chord) => [rot(a), rot(b)])] as Chord[];
        const chords = all.filter(
          (c, k) => all.findIndex((d) => (d[0] === c[0] && d[1] === c[1]) || (d[0] === c[1] && d[1] === c[0])) === k,
        );
        const counts = Object.entries(i.faceCounts as Record<string, number>);
        const { faces, corners } = eulerTotals(i.n, chords);
        expect(counts.reduce((s, [, c]) => s + c, 0)).toBe(faces);
        expect(counts.reduce((s, [k, c]) => s + Number(k) * c, 0)).toBe(corners);
        expect(answerOf(p).value).toBe(String(i.faceCounts[String(i.sides)]));
      }
    }
  });

  it("hand-checkable cases: a hexagon's three long diagonals make 6 triangles; a square's diagonals 4", () => {
    expect([
      ...faceSideCounts(6, [
        [1, 4],
        [2, 5],
        [3, 6],
      ])!,
    ]).toEqual([[3, 6]]);
    expect([
      ...faceSideCounts(4, [
        [1, 3],
        [2, 4],
      ])!,
    ]).toEqual([[3, 4]]);
    // One diagonal of a hexagon rotated by 3 is itself: two quadrilaterals.
    expect(rotatedSetup(6, [[1, 4]], 3)).toEqual([[1, 4]]);
    expect([...faceSideCounts(6, rotatedSetup(6, [[1, 4]], 3))!]).toEqual([[4, 2]]);
    // A pentagon with all 5 diagonals: 11 faces, a central pentagon and 10 triangles.
    const all: Chord[] = [
      [1, 3],
      [1, 4],
      [2, 4],
      [2, 5],
      [3, 5],
    ];
    expect(new Map(faceSideCounts(5, all))).toEqual(
      new Map([
        [3, 10],
        [5, 1],
      ]),
    );
  });
});

describe('geometry_polygon_color', () => {
  const other = (c: string) => (c === 'red' ? 'blue' : 'red');
  /** Rotating by r moves position i to i + r: the rotated array at position j holds the vertex from j − r. */
  const movedCount = (cols: string[], c: string, r: number) => {
    const n = cols.length;
    const rotated = cols.map((_, j) => cols[(j - r + n * 2) % n]!);
    return rotated.filter((x, j) => x === c && cols[j] === other(c)).length;
  };

  it('recomputes all three subtypes from the colour arrays in the prompt', () => {
    for (let level = 1; level <= 5; level++) {
      for (const p of items('geometry_polygon_color', level, 20)) {
        const i = inputsOf(p);
        const text = promptOf(p);
        const shown = [...text.matchAll(/vertex (\d+) is (red|blue|uncolored)/g)].map((m) => m[2]!);
        expect(shown).toHaveLength(i.n);
        let want: number;
        if (i.subtype === 'given_rotation') want = movedCount(shown, i.colour, i.rotation);
        else if (i.subtype === 'max_over_rotations')
          want = Math.max(...Array.from({ length: i.n - 1 }, (_, k) => movedCount(shown, i.colour, k + 1)));
        else {
          const blanks = shown.map((c, k) => (c === 'uncolored' ? k : -1)).filter((k) => k >= 0);
          expect(blanks).toHaveLength(3);
          want = 0;
          for (let mask = 0; mask < 8; mask++) {
            const full = shown.slice();
            blanks.forEach((k, b) => {
              full[k] = (mask >> b) & 1 ? 'red' : 'blue';
            });
            const total = full.filter((x) => x === i.colour).length;
            if (Array.from({ length: i.n }, (_, r) => movedCount(full, i.colour, r)).some((m) => m === total)) want++;
          }
        }
        expect(answerOf(p).value).toBe(String(want));
      }
    }
  });
});
