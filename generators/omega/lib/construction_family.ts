// Random construction programs for the geometry_{basic,circle,triangle,polygon} families: a
// chain of steps from the family's command pool, each using the previous step's object, then one
// measurement of the last object. Draws that are ill-formed, not invariant under rigid motions,
// out of range or too close to a rounding boundary are rejected (see construction.ts).
import type { Rng } from '../../../src/core/rng.js';
import { decimalAnswerFromFloat } from './answer.js';
import {
  ANGLES,
  IllFormed,
  invariantValue,
  measureText,
  runProgram,
  stepText,
  type Measure,
  type Step,
} from './construction.js';
import type { Instance, Knob } from './family.js';
import { drawKnob } from './family.js';

export interface ConstructionLevel extends Record<string, unknown> {
  /** Number of construction steps, the first (segment, triangle or polygon) included. */
  steps: Knob;
}

/** Upstream's minimum lengths 6, 10, …, with the maximum it ignored (defect 11) now enforced. */
export const CONSTRUCTION_LEVELS: Record<number, ConstructionLevel> = {
  1: { steps: [6, 9] },
  2: { steps: [10, 13] },
  3: { steps: [14, 17] },
  4: { steps: [18, 21] },
  5: { steps: [22, 25] },
};

export type Pool = 'basic' | 'circle' | 'triangle' | 'polygon';

const POINT_OPS = [
  'midpoint',
  'reflect_point',
  'rotate',
  'translate',
  'ratio',
  'ray_distance',
  'reflect_line',
  'foot',
  'intersect',
] as const;
const TRIANGLE_OPS = ['centroid', 'circumcenter', 'incenter', 'orthocenter'] as const;
const CIRCLE_MAKERS = ['circle_through', 'circle_radius', 'tangent_circle'] as const;
const CIRCLE_USERS = ['invert', 'ray_circle', 'tangent_circle'] as const;
/** Segment ratios in lowest terms (1:1 is left to the midpoint command). */
const RATIOS: [number, number][] = [
  [1, 2],
  [2, 1],
  [1, 3],
  [3, 1],
  [2, 3],
  [3, 2],
  [1, 4],
  [4, 1],
  [3, 4],
  [4, 3],
];
const LATIN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
const GREEK = ['ω', 'γ', 'σ', 'τ', 'κ', 'λ', 'μ', 'ρ', 'φ', 'ψ', 'ν', 'ξ'];

interface Draft {
  steps: Step[];
  points: string[];
  circles: string[];
  /** The object the next step must use. */
  last: string;
  lastIsCircle: boolean;
}

function firstStep(pool: Pool, rng: Rng, names: string[]): Draft | undefined {
  if (pool === 'triangle') {
    const [a, b, c] = [rng.int(3, 12), rng.int(3, 12), rng.int(3, 12)];
    if (a + b <= c || b + c <= a || a + c <= b) return undefined;
    const out = names.splice(0, 3) as [string, string, string];
    return {
      steps: [{ op: 'triangle', out, sides: [a, b, c] }],
      points: [...out],
      circles: [],
      last: out[2],
      lastIsCircle: false,
    };
  }
  if (pool === 'polygon') {
    const n = rng.int(3, 8);
    const out = names.splice(0, n);
    const center = names.splice(0, 1)[0]!;
    return {
      steps: [{ op: 'polygon', out, center, circumradius: rng.int(2, 12) }],
      points: [...out, center],
      circles: [],
      last: rng.pick(out),
      lastIsCircle: false,
    };
  }
  const out = names.splice(0, 2) as [string, string];
  return {
    steps: [{ op: 'segment', out, length: rng.int(1, 12) }],
    points: [...out],
    circles: [],
    last: out[1],
    lastIsCircle: false,
  };
}

/** A step that uses `d.last`, or undefined when the draw cannot continue. */
function nextStep(pool: Pool, d: Draft, rng: Rng, latin: string[], greek: string[]): Step | undefined {
  const others = (k: number, exclude: string[]) => {
    const pool2 = d.points.filter((p) => !exclude.includes(p));
    return pool2.length >= k ? rng.sample(pool2, k) : undefined;
  };
  if (d.lastIsCircle) {
    const op = rng.pick(CIRCLE_USERS);
    if (op === 'tangent_circle') {
      const [c] = others(1, []) ?? [];
      const name = greek.shift();
      return c && name ? { op, out: name, args: [c, d.last] } : undefined;
    }
    const name = latin.shift();
    if (!name) return undefined;
    if (op === 'invert') {
      const [x] = others(1, []) ?? [];
      return x ? { op, out: name, args: [x, d.last] } : undefined;
    }
    const ab = others(2, []);
    return ab ? { op: 'ray_circle', out: name, args: [ab[0]!, ab[1]!, d.last] } : undefined;
  }
  const ops: string[] = [...POINT_OPS];
  if (pool === 'circle') ops.push('circle_through', 'circle_radius', 'circle_through', 'circle_radius');
  if (pool === 'triangle') ops.push(...TRIANGLE_OPS, ...TRIANGLE_OPS);
  const op = rng.pick(ops);
  const L = d.last;
  if ((CIRCLE_MAKERS as readonly string[]).includes(op)) {
    const name = greek.shift();
    if (!name) return undefined;
    if (op === 'circle_radius') return { op, out: name, args: [L], radius: rng.int(1, 12) };
    const [y] = others(1, [L]) ?? [];
    return y ? { op: 'circle_through', out: name, args: rng.bool() ? [L, y] : [y, L] } : undefined;
  }
  const out = latin.shift();
  if (!out) return undefined;
  /** `k` arguments with the last object at a random position. */
  const withLast = (k: number): string[] | undefined => {
    const rest = others(k - 1, [L]);
    if (!rest) return undefined;
    const at = rng.int(0, k - 1);
    return [...rest.slice(0, at), L, ...rest.slice(at)];
  };
  switch (op) {
    case 'rotate': {
      const a = withLast(2);
      return a && { op, out, args: [a[0]!, a[1]!], angle: rng.pick(ANGLES).text };
    }
    case 'ratio': {
      const a = withLast(2);
      return a && { op, out, args: [a[0]!, a[1]!], ratio: rng.pick(RATIOS) };
    }
    case 'ray_distance': {
      const a = withLast(2);
      return a && { op, out, args: [a[0]!, a[1]!], distance: rng.int(1, 12) };
    }
    case 'midpoint':
    case 'reflect_point': {
      const a = withLast(2);
      return a && { op, out, args: a };
    }
    case 'translate':
    case 'reflect_line':
    case 'foot':
    case 'centroid':
    case 'circumcenter':
    case 'incenter':
    case 'orthocenter': {
      const a = withLast(3);
      return a && { op: op as 'foot', out, args: a };
    }
    case 'intersect': {
      const a = withLast(4);
      return a && { op, out, args: a };
    }
  }
  return undefined;
}

function pickMeasure(pool: Pool, d: Draft, rng: Rng): Measure | undefined {
  if (d.lastIsCircle) return { kind: 'radius', args: [d.last] };
  const others = d.points.filter((p) => p !== d.last);
  if (others.length < 2) return undefined;
  const [x, y] = rng.sample(others, 2) as [string, string];
  const kinds =
    pool === 'triangle'
      ? (['distance', 'distance', 'angle', 'area', 'inradius', 'circumradius'] as const)
      : (['distance', 'distance', 'angle', 'area'] as const);
  const kind = rng.pick(kinds);
  if (kind === 'distance') return { kind, args: [x, d.last] };
  if (kind === 'angle') return { kind, args: rng.bool() ? [x, d.last, y] : [d.last, x, y] };
  return { kind, args: [x, y, d.last] };
}

const LENGTH_UNITS = ['unit', 'units', 'length unit', 'length units'];
/** The unit words a construction question's measurement allows (README, "Reading answers"). */
export function constructionUnits(inputs: Record<string, unknown>): readonly string[] {
  const kind = (inputs.measure as Measure | undefined)?.kind;
  if (kind === 'angle') return ['rad', 'rads', 'radian', 'radians'];
  if (kind === 'area') return ['square unit', 'square units', 'sq units', 'unit^2', 'units^2'];
  return LENGTH_UNITS;
}

/** One draw of a construction instance for `pool` with `steps` steps, or undefined to redraw. */
export function makeConstruction(pool: Pool, c: ConstructionLevel, rng: Rng): Instance | undefined {
  const total = drawKnob(rng, c.steps);
  const latin = rng.shuffle(LATIN);
  const greek = rng.shuffle(GREEK);
  const d = firstStep(pool, rng, latin);
  if (!d) return undefined;
  while (d.steps.length < total) {
    let added = false;
    for (let attempt = 0; attempt < 30 && !added; attempt++) {
      const l = latin.slice();
      const g = greek.slice();
      const s = nextStep(pool, d, rng, l, g);
      if (!s) continue;
      try {
        runProgram([...d.steps, s]);
      } catch (err) {
        if (err instanceof IllFormed) continue;
        throw err;
      }
      latin.splice(0, latin.length, ...l);
      greek.splice(0, greek.length, ...g);
      d.steps.push(s);
      const isCircle = 'out' in s && typeof s.out === 'string' && GREEK.includes(s.out);
      if (typeof s.out === 'string') (isCircle ? d.circles : d.points).push(s.out);
      d.last = s.out as string;
      d.lastIsCircle = isCircle;
      added = true;
    }
    if (!added) return undefined;
  }
  const ops = d.steps.map((s) => s.op);
  if (pool === 'circle' && !ops.some((o) => o.startsWith('circle_'))) return undefined;
  if (pool === 'triangle' && !ops.some((o) => (TRIANGLE_OPS as readonly string[]).includes(o))) return undefined;
  const m = pickMeasure(pool, d, rng);
  if (!m) return undefined;
  const value = invariantValue(d.steps, m, rng);
  if (value === undefined || value < 1e-3 || value > 1e4) return undefined;
  // Keep the 2-decimal rounding unambiguous: at least 1e-4 of a hundredth away from a boundary.
  const t = value * 100;
  if (Math.abs(t - Math.floor(t) - 0.5) < 1e-4) return undefined;
  const question = `${d.steps.map(stepText).join(' ')} ${measureText(m)} Express your answer as a decimal number rounded to 2 decimal places.`;
  return {
    question,
    answer: decimalAnswerFromFloat(value, 2),
    inputs: { steps: d.steps, measure: m, value },
    knobs: { steps: total, measure: m.kind },
    guess: (r) => (r.int(1, 2000) / 100).toFixed(2),
  };
}
