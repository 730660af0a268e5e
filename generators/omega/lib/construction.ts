// A small ruler-and-compass construction language for the geometry_{basic,circle,triangle,
// polygon} families (our replacement for OMEGA's construction pipeline, spec §1.4.5).
//
// A program is a chain of steps: every step uses the object the previous step made, so nothing is
// pruned and the level is exactly the number of steps. Steps are deterministic (no "some point on
// the circle"): the figure is fixed up to a rigid motion by the numbers the text states, so the
// measured value is well-defined. The generator checks that numerically (the discriminator):
// the program is re-run under several random rigid motions and every run must agree, every
// intermediate step must be well-formed (distinct points, non-parallel lines, a point inside a
// circle before a ray leaves it…), and the value must be safely away from a rounding boundary.
import type { Rng } from '../../../src/core/rng.js';

export type Pt = readonly [number, number];
export interface Circle {
  c: Pt;
  r: number;
}
export type Obj = { kind: 'point'; p: Pt } | { kind: 'circle'; circle: Circle };

/** The angles rotations use, as printed ("pi/3") and in radians. */
export const ANGLES: readonly { text: string; value: number }[] = [
  { text: 'pi/6', value: Math.PI / 6 },
  { text: 'pi/4', value: Math.PI / 4 },
  { text: 'pi/3', value: Math.PI / 3 },
  { text: 'pi/2', value: Math.PI / 2 },
  { text: '2pi/3', value: (2 * Math.PI) / 3 },
  { text: '3pi/4', value: (3 * Math.PI) / 4 },
  { text: '5pi/6', value: (5 * Math.PI) / 6 },
];

/** One step: an operation, the names it reads, the name it writes, and its numbers. */
export type Step =
  | { op: 'segment'; out: [string, string]; length: number }
  | { op: 'triangle'; out: [string, string, string]; sides: [number, number, number] }
  | { op: 'polygon'; out: string[]; center: string; circumradius: number }
  | {
      op:
        | 'midpoint'
        | 'reflect_point'
        | 'circumcenter'
        | 'incenter'
        | 'centroid'
        | 'orthocenter'
        | 'translate'
        | 'reflect_line'
        | 'foot'
        | 'intersect';
      out: string;
      args: string[];
    }
  | { op: 'rotate'; out: string; args: [string, string]; angle: string }
  | { op: 'ratio'; out: string; args: [string, string]; ratio: [number, number] }
  | { op: 'ray_distance'; out: string; args: [string, string]; distance: number }
  | { op: 'circle_through'; out: string; args: [string, string] }
  | { op: 'circle_radius'; out: string; args: [string]; radius: number }
  | { op: 'tangent_circle'; out: string; args: [string, string] }
  | { op: 'invert'; out: string; args: [string, string] }
  | { op: 'ray_circle'; out: string; args: [string, string, string] };

export type Measure =
  | { kind: 'distance'; args: [string, string] }
  | { kind: 'angle'; args: [string, string, string] }
  | { kind: 'area'; args: [string, string, string] }
  | { kind: 'radius'; args: [string] }
  | { kind: 'inradius' | 'circumradius'; args: [string, string, string] };

export class IllFormed extends Error {}

const sub = (a: Pt, b: Pt): Pt => [a[0] - b[0], a[1] - b[1]];
const add = (a: Pt, b: Pt): Pt => [a[0] + b[0], a[1] + b[1]];
const scale = (a: Pt, k: number): Pt => [a[0] * k, a[1] * k];
const dist = (a: Pt, b: Pt) => Math.hypot(a[0] - b[0], a[1] - b[1]);
const cross = (a: Pt, b: Pt) => a[0] * b[1] - a[1] * b[0];
const dot = (a: Pt, b: Pt) => a[0] * b[0] + a[1] * b[1];
const rot = (a: Pt, t: number): Pt => [
  a[0] * Math.cos(t) - a[1] * Math.sin(t),
  a[0] * Math.sin(t) + a[1] * Math.cos(t),
];

/** A rigid motion (rotation then translation) applied to the figure's first placement. */
export interface Frame {
  angle: number;
  shift: Pt;
}
export const IDENTITY: Frame = { angle: 0, shift: [0, 0] };
const place = (p: Pt, f: Frame): Pt => add(rot(p, f.angle), f.shift);

const MIN_GAP = 1e-3;
const MAX_COORD = 1e3;

function need(ok: boolean, why: string): void {
  if (!ok) throw new IllFormed(why);
}

function lineFoot(x: Pt, a: Pt, b: Pt): Pt {
  const d = sub(b, a);
  return add(a, scale(d, dot(sub(x, a), d) / dot(d, d)));
}

function triangleCenters(a: Pt, b: Pt, c: Pt) {
  const area2 = cross(sub(b, a), sub(c, a));
  need(Math.abs(area2) > 1e-3 * Math.max(1, dist(a, b) * dist(a, c)), 'degenerate triangle');
  const la = dist(b, c);
  const lb = dist(c, a);
  const lc = dist(a, b);
  const d = 2 * area2;
  const sq = (p: Pt) => dot(p, p);
  const circum: Pt = [
    (sq(a) * (b[1] - c[1]) + sq(b) * (c[1] - a[1]) + sq(c) * (a[1] - b[1])) / d,
    (sq(a) * (c[0] - b[0]) + sq(b) * (a[0] - c[0]) + sq(c) * (b[0] - a[0])) / d,
  ];
  const per = la + lb + lc;
  const incenter: Pt = [(la * a[0] + lb * b[0] + lc * c[0]) / per, (la * a[1] + lb * b[1] + lc * c[1]) / per];
  const centroid: Pt = [(a[0] + b[0] + c[0]) / 3, (a[1] + b[1] + c[1]) / 3];
  const ortho: Pt = sub(add(add(a, b), c), scale(circum, 2));
  return {
    circum,
    incenter,
    centroid,
    ortho,
    area: Math.abs(area2) / 2,
    inradius: Math.abs(area2) / per,
    circumradius: (la * lb * lc) / (2 * Math.abs(area2)),
  };
}

/** Runs a program under a rigid motion; throws IllFormed at the first ill-formed step. */
export function runProgram(steps: readonly Step[], frame: Frame = IDENTITY): Map<string, Obj> {
  const env = new Map<string, Obj>();
  const P = (name: string): Pt => {
    const o = env.get(name);
    if (!o || o.kind !== 'point') throw new IllFormed(`${name} is not a point`);
    return o.p;
  };
  const C = (name: string): Circle => {
    const o = env.get(name);
    if (!o || o.kind !== 'circle') throw new IllFormed(`${name} is not a circle`);
    return o.circle;
  };
  const putPoint = (name: string, p: Pt) => {
    need(
      Number.isFinite(p[0]) && Number.isFinite(p[1]) && Math.abs(p[0]) < MAX_COORD && Math.abs(p[1]) < MAX_COORD,
      'point out of range',
    );
    for (const o of env.values())
      if (o.kind === 'point') need(dist(o.p, p) > MIN_GAP, 'point coincides with an earlier one');
    env.set(name, { kind: 'point', p });
  };
  const putCircle = (name: string, c: Circle) => {
    need(c.r > MIN_GAP && c.r < MAX_COORD, 'bad radius');
    env.set(name, { kind: 'circle', circle: c });
  };
  const line = (a: Pt, b: Pt) => need(dist(a, b) > MIN_GAP, 'line through coincident points');

  for (const s of steps) {
    switch (s.op) {
      case 'segment':
        putPoint(s.out[0], place([0, 0], frame));
        putPoint(s.out[1], place([s.length, 0], frame));
        break;
      case 'triangle': {
        const [ab, bc, ca] = s.sides;
        const x = (ab * ab + ca * ca - bc * bc) / (2 * ab);
        const y2 = ca * ca - x * x;
        need(y2 > 1e-6, 'sides violate the triangle inequality');
        putPoint(s.out[0], place([0, 0], frame));
        putPoint(s.out[1], place([ab, 0], frame));
        putPoint(s.out[2], place([x, Math.sqrt(y2)], frame));
        break;
      }
      case 'polygon': {
        putPoint(s.center, place([0, 0], frame));
        const n = s.out.length;
        s.out.forEach((v, k) => putPoint(v, place(rot([s.circumradius, 0], (2 * Math.PI * k) / n), frame)));
        break;
      }
      case 'midpoint':
        putPoint(s.out, scale(add(P(s.args[0]!), P(s.args[1]!)), 0.5));
        break;
      case 'reflect_point':
        putPoint(s.out, sub(scale(P(s.args[1]!), 2), P(s.args[0]!)));
        break;
      case 'rotate': {
        const angle = ANGLES.find((a) => a.text === s.angle)!.value;
        const centre = P(s.args[1]);
        putPoint(s.out, add(centre, rot(sub(P(s.args[0]), centre), angle)));
        break;
      }
      case 'translate':
        putPoint(s.out, add(P(s.args[0]!), sub(P(s.args[2]!), P(s.args[1]!))));
        break;
      case 'ratio': {
        const [a, b] = [P(s.args[0]), P(s.args[1])];
        const [m, n] = s.ratio;
        putPoint(s.out, add(a, scale(sub(b, a), m / (m + n))));
        break;
      }
      case 'ray_distance': {
        const [a, b] = [P(s.args[0]), P(s.args[1])];
        line(a, b);
        putPoint(s.out, add(a, scale(sub(b, a), s.distance / dist(a, b))));
        break;
      }
      case 'reflect_line': {
        const [x, a, b] = [P(s.args[0]!), P(s.args[1]!), P(s.args[2]!)];
        line(a, b);
        putPoint(s.out, sub(scale(lineFoot(x, a, b), 2), x));
        break;
      }
      case 'foot': {
        const [x, a, b] = [P(s.args[0]!), P(s.args[1]!), P(s.args[2]!)];
        line(a, b);
        putPoint(s.out, lineFoot(x, a, b));
        break;
      }
      case 'intersect': {
        const [a, b, c, d] = s.args.map(P) as [Pt, Pt, Pt, Pt];
        line(a, b);
        line(c, d);
        const r = sub(b, a);
        const q = sub(d, c);
        const den = cross(r, q);
        need(Math.abs(den) > 1e-2 * Math.hypot(...r) * Math.hypot(...q), 'lines nearly parallel');
        putPoint(s.out, add(a, scale(r, cross(sub(c, a), q) / den)));
        break;
      }
      case 'centroid':
      case 'circumcenter':
      case 'incenter':
      case 'orthocenter': {
        const t = triangleCenters(P(s.args[0]!), P(s.args[1]!), P(s.args[2]!));
        putPoint(
          s.out,
          s.op === 'centroid'
            ? t.centroid
            : s.op === 'circumcenter'
              ? t.circum
              : s.op === 'incenter'
                ? t.incenter
                : t.ortho,
        );
        break;
      }
      case 'circle_through':
        putCircle(s.out, { c: P(s.args[0]), r: dist(P(s.args[0]), P(s.args[1])) });
        break;
      case 'circle_radius':
        putCircle(s.out, { c: P(s.args[0]), r: s.radius });
        break;
      case 'tangent_circle': {
        const c = P(s.args[0]);
        const w = C(s.args[1]);
        putCircle(s.out, { c, r: dist(c, w.c) - w.r });
        break;
      }
      case 'invert': {
        const x = P(s.args[0]);
        const w = C(s.args[1]);
        const d = dist(x, w.c);
        need(d > MIN_GAP, 'inverting the centre');
        putPoint(s.out, add(w.c, scale(sub(x, w.c), (w.r * w.r) / (d * d))));
        break;
      }
      case 'ray_circle': {
        const [a, b] = [P(s.args[0]), P(s.args[1])];
        const w = C(s.args[2]);
        line(a, b);
        need(dist(a, w.c) < w.r - MIN_GAP, 'ray must start inside the circle');
        const u = scale(sub(b, a), 1 / dist(a, b));
        const f = sub(a, w.c);
        const t = -dot(f, u) + Math.sqrt(dot(f, u) ** 2 - (dot(f, f) - w.r * w.r));
        putPoint(s.out, add(a, scale(u, t)));
        break;
      }
    }
  }
  return env;
}

/** The measured value; throws IllFormed on a degenerate measurement. */
export function measure(env: Map<string, Obj>, m: Measure): number {
  const P = (name: string): Pt => {
    const o = env.get(name);
    if (!o || o.kind !== 'point') throw new IllFormed(`${name} is not a point`);
    return o.p;
  };
  switch (m.kind) {
    case 'distance':
      return dist(P(m.args[0]), P(m.args[1]));
    case 'angle': {
      const [a, b, c] = m.args.map(P) as [Pt, Pt, Pt];
      const u = sub(a, b);
      const v = sub(c, b);
      need(Math.hypot(...u) > MIN_GAP && Math.hypot(...v) > MIN_GAP, 'angle with a zero side');
      return Math.atan2(Math.abs(cross(u, v)), dot(u, v)); // in [0, π]
    }
    case 'area': {
      const [a, b, c] = m.args.map(P) as [Pt, Pt, Pt];
      return Math.abs(cross(sub(b, a), sub(c, a))) / 2;
    }
    case 'radius': {
      const o = env.get(m.args[0]);
      if (!o || o.kind !== 'circle') throw new IllFormed('not a circle');
      return o.circle.r;
    }
    case 'inradius':
    case 'circumradius': {
      const t = triangleCenters(P(m.args[0]), P(m.args[1]), P(m.args[2]));
      return m.kind === 'inradius' ? t.inradius : t.circumradius;
    }
  }
}

/** The value under several random rigid motions; undefined unless every run agrees (and is well-formed). */
export function invariantValue(steps: readonly Step[], m: Measure, rng: Rng, runs = 6): number | undefined {
  let first: number | undefined;
  for (let k = 0; k < runs; k++) {
    const frame: Frame =
      k === 0 ? IDENTITY : { angle: rng.float(0, 2 * Math.PI), shift: [rng.float(-20, 20), rng.float(-20, 20)] };
    let v: number;
    try {
      v = measure(runProgram(steps, frame), m);
    } catch (err) {
      if (err instanceof IllFormed) return undefined;
      throw err;
    }
    if (!Number.isFinite(v)) return undefined;
    if (first === undefined) first = v;
    else if (Math.abs(v - first) > 1e-9 * Math.max(1, Math.abs(first))) return undefined;
  }
  return first;
}

// ---- English ----

const joinNames = (xs: readonly string[]) => xs.join('');
const POLYGON_NAMES: Record<number, string> = {
  3: 'equilateral triangle',
  4: 'square',
  5: 'regular pentagon',
  6: 'regular hexagon',
  7: 'regular heptagon',
  8: 'regular octagon',
};

export function stepText(s: Step): string {
  switch (s.op) {
    case 'segment':
      return `Let ${joinNames(s.out)} = ${s.length}.`;
    case 'triangle': {
      const [a, b, c] = s.out;
      return `Let ${a}${b}${c} be a triangle with ${a}${b} = ${s.sides[0]}, ${b}${c} = ${s.sides[1]}, and ${c}${a} = ${s.sides[2]}, its vertices ${a}, ${b}, ${c} in counterclockwise order.`;
    }
    case 'polygon': {
      const name = POLYGON_NAMES[s.out.length]!;
      return `Let ${joinNames(s.out)} be ${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name} with center ${s.center} and circumradius ${s.circumradius}, its vertices ${s.out.join(', ')} in counterclockwise order.`;
    }
    case 'midpoint':
      return `Let ${s.out} be the midpoint of segment ${joinNames(s.args)}.`;
    case 'reflect_point':
      return `Let ${s.out} be the reflection of point ${s.args[0]} across point ${s.args[1]}.`;
    case 'rotate':
      return `Let ${s.out} be the rotation of point ${s.args[0]} by angle ${s.angle} counterclockwise around point ${s.args[1]}.`;
    case 'translate':
      return `Let ${s.out} be the translation of point ${s.args[0]} by vector ${s.args[1]}${s.args[2]}.`;
    case 'ratio':
      return `Let ${s.out} be the point on segment ${s.args[0]}${s.args[1]} such that ${s.args[0]}${s.out}:${s.out}${s.args[1]} = ${s.ratio[0]}:${s.ratio[1]}.`;
    case 'ray_distance':
      return `Let ${s.out} be the point on ray ${s.args[0]}${s.args[1]} such that ${s.args[0]}${s.out} = ${s.distance}.`;
    case 'reflect_line':
      return `Let ${s.out} be the reflection of point ${s.args[0]} across line ${s.args[1]}${s.args[2]}.`;
    case 'foot':
      return `Let ${s.out} be the foot of the perpendicular from point ${s.args[0]} to line ${s.args[1]}${s.args[2]}.`;
    case 'intersect':
      return `Let ${s.out} be the intersection of lines ${s.args[0]}${s.args[1]} and ${s.args[2]}${s.args[3]}.`;
    case 'centroid':
    case 'circumcenter':
    case 'incenter':
    case 'orthocenter':
      return `Let ${s.out} be the ${s.op} of triangle ${joinNames(s.args)}.`;
    case 'circle_through':
      return `Let ${s.out} be the circle with center ${s.args[0]} passing through point ${s.args[1]}.`;
    case 'circle_radius':
      return `Let ${s.out} be the circle with center ${s.args[0]} and radius ${s.radius}.`;
    case 'tangent_circle':
      return `Let ${s.out} be the circle with center ${s.args[0]} that is externally tangent to circle ${s.args[1]}.`;
    case 'invert':
      return `Let ${s.out} be the inversion of point ${s.args[0]} in circle ${s.args[1]}.`;
    case 'ray_circle':
      return `Let ${s.out} be the point where ray ${s.args[0]}${s.args[1]} meets circle ${s.args[2]}.`;
  }
}

export function measureText(m: Measure): string {
  switch (m.kind) {
    case 'distance':
      return `What is the length of segment ${m.args.join('')}?`;
    case 'angle':
      return `What is the measure of angle ${m.args.join('')}, in radians (between 0 and pi)?`;
    case 'area':
      return `What is the area of triangle ${m.args.join('')}?`;
    case 'radius':
      return `What is the radius of circle ${m.args[0]}?`;
    case 'inradius':
      return `What is the inradius of triangle ${m.args.join('')}?`;
    case 'circumradius':
      return `What is the circumradius of triangle ${m.args.join('')}?`;
  }
}
