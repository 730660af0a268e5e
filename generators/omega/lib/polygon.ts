// Regular polygons and their diagonals (the polygon families). Vertices are numbered 1..n
// counterclockwise, vertex k at angle 2π(k−1)/n on the unit circle. Whether two diagonals are
// perpendicular or cross is decided on the vertex numbers alone (exact); the faces that
// diagonals cut the polygon into come from splitting convex cells line by line in floating
// point, with every near-degenerate case reported so the caller can drop the instance.
import type { Rng } from '../../../src/core/rng.js';

export type Chord = readonly [number, number];
export type Point = readonly [number, number];

export function vertex(n: number, k: number): Point {
  const t = (2 * Math.PI * (k - 1)) / n;
  return [Math.cos(t), Math.sin(t)];
}

/** A diagonal joins two vertices that are not adjacent. */
export function isDiagonal(n: number, [a, b]: Chord): boolean {
  const d = (((a - b) % n) + n) % n;
  return a !== b && d !== 1 && d !== n - 1;
}

export const chordKey = ([a, b]: Chord) => (a < b ? `${a}-${b}` : `${b}-${a}`);

/** Every diagonal of an n-gon. */
export function allDiagonals(n: number): Chord[] {
  const out: Chord[] = [];
  for (let a = 1; a <= n; a++) for (let b = a + 2; b <= n; b++) if (isDiagonal(n, [a, b])) out.push([a, b]);
  return out;
}

/** `count` distinct random diagonals, each with its endpoints in random order. */
export function randomDiagonals(rng: Rng, n: number, count: number): Chord[] {
  return rng.sample(allDiagonals(n), count).map(([a, b]) => (rng.bool() ? [a, b] : [b, a]) as Chord);
}

/**
 * Chords ab and cd are perpendicular iff their directions differ by π/2: the direction of ab is
 * π(a+b−2)/n + π/2, so the test is 2(a+b−c−d) ≡ n (mod 2n). Exact.
 */
export function perpendicular(n: number, [a, b]: Chord, [c, d]: Chord): boolean {
  const m = 2 * n;
  return (((2 * (a + b - c - d) - n) % m) + m) % m === 0;
}

/** Do the chords share an endpoint? */
export function shareEndpoint([a, b]: Chord, [c, d]: Chord): boolean {
  return a === c || a === d || b === c || b === d;
}

/** Do the chords cross strictly inside the circle (endpoints interleave)? */
export function crossInside([a, b]: Chord, [c, d]: Chord): boolean {
  if (shareEndpoint([a, b], [c, d])) return false;
  const [lo, hi] = a < b ? [a, b] : [b, a];
  const inC = lo < c && c < hi;
  const inD = lo < d && d < hi;
  return inC !== inD;
}

/** Intersection point of two crossing chords (floating point). */
export function crossingPoint(n: number, p: Chord, q: Chord): Point {
  const [x1, y1] = vertex(n, p[0]);
  const [x2, y2] = vertex(n, p[1]);
  const [x3, y3] = vertex(n, q[0]);
  const [x4, y4] = vertex(n, q[1]);
  const den = (x1 - x2) * (y3 - y4) - (y1 - y2) * (x3 - x4);
  const t = ((x1 - x3) * (y3 - y4) - (y1 - y3) * (x3 - x4)) / den;
  return [x1 + t * (x2 - x1), y1 + t * (y2 - y1)];
}

/** Thrown-away sentinel: an instance whose geometry is too close to degenerate to trust. */
export class NearDegenerate extends Error {}

const EPS = 1e-9;
const DOUBT = 1e-6;

/**
 * The faces the chords cut a regular n-gon into, as convex polygons (vertex lists). Each chord
 * spans the polygon, so its line splits every cell it passes through in two. A vertex within
 * 1e-9 of a line is on it; one between 1e-9 and 1e-6 throws NearDegenerate.
 */
export function chordFaces(n: number, chords: readonly Chord[]): Point[][] {
  let cells: Point[][] = [Array.from({ length: n }, (_, i) => vertex(n, i + 1))];
  for (const [a, b] of chords) {
    const [px, py] = vertex(n, a);
    const [qx, qy] = vertex(n, b);
    const len = Math.hypot(qx - px, qy - py);
    const side = ([x, y]: Point) => ((qx - px) * (y - py) - (qy - py) * (x - px)) / len;
    const next: Point[][] = [];
    for (const cell of cells) {
      const s = cell.map(side);
      for (const v of s)
        if (Math.abs(v) > EPS && Math.abs(v) < DOUBT) throw new NearDegenerate('vertex close to a chord');
      if (!s.some((v) => v > EPS) || !s.some((v) => v < -EPS)) {
        next.push(cell);
        continue;
      }
      const left: Point[] = [];
      const right: Point[] = [];
      for (let i = 0; i < cell.length; i++) {
        const p = cell[i]!;
        const q = cell[(i + 1) % cell.length]!;
        const sp = s[i]!;
        const sq = s[(i + 1) % cell.length]!;
        if (sp >= -EPS) left.push(p);
        if (sp <= EPS) right.push(p);
        if ((sp > EPS && sq < -EPS) || (sp < -EPS && sq > EPS)) {
          const t = sp / (sp - sq);
          const x: Point = [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])];
          left.push(x);
          right.push(x);
        }
      }
      next.push(left, right);
    }
    cells = next;
  }
  return cells;
}

/** Corners of a convex cell: vertices where the boundary turns (collinear points are not corners). */
export function cornerCount(cell: readonly Point[]): number {
  // Merge repeated points first (a split can reproduce a vertex that was already on the line).
  const pts: Point[] = [];
  for (const p of cell) {
    const last = pts[pts.length - 1];
    if (!last || Math.hypot(p[0] - last[0], p[1] - last[1]) > EPS) pts.push(p);
  }
  while (
    pts.length > 1 &&
    Math.hypot(pts[0]![0] - pts[pts.length - 1]![0], pts[0]![1] - pts[pts.length - 1]![1]) <= EPS
  )
    pts.pop();
  let corners = 0;
  for (let i = 0; i < pts.length; i++) {
    const a = pts[(i + pts.length - 1) % pts.length]!;
    const b = pts[i]!;
    const c = pts[(i + 1) % pts.length]!;
    const u: Point = [b[0] - a[0], b[1] - a[1]];
    const v: Point = [c[0] - b[0], c[1] - b[1]];
    const sin = (u[0] * v[1] - u[1] * v[0]) / (Math.hypot(u[0], u[1]) * Math.hypot(v[0], v[1]));
    if (Math.abs(sin) > EPS && Math.abs(sin) < DOUBT) throw new NearDegenerate('nearly straight corner');
    if (Math.abs(sin) > EPS) corners++;
  }
  return corners;
}

/** "from vertex 2 to vertex 4, from vertex 6 to vertex 3, and from vertex 5 to vertex 1" */
export function diagonalList(chords: readonly Chord[]): string {
  const parts = chords.map(([a, b]) => `from vertex ${a} to vertex ${b}`);
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')}, and ${parts[parts.length - 1]}`;
}
