// The function grammar of the algebra_func_* families: a function is a chain of components
// applied in turn (f = c_k ∘ … ∘ c_1), each a linear, quadratic, absolute-value, Möbius,
// sine/cosine or exponential map with small integer parameters. This module draws, prints and
// evaluates them, and gives each component's closed-form inverse, critical points and interval
// image: the analysis (function_analysis.ts) is built from those, not from sampling a grid.
import type { Rng } from '../../../src/core/rng.js';

export type Component =
  | { kind: 'linear'; a: number; b: number }
  | { kind: 'quadratic'; a: number; b: number; c: number }
  | { kind: 'abs'; a: number; b: number; c: number }
  | { kind: 'rational'; a: number; b: number; c: number; d: number }
  | { kind: 'trig'; fn: 'sin' | 'cos'; a: number; b: number; c: number; d: number }
  | { kind: 'exp'; a: number; b: number; c: number };

/** Applied first to last: parts[0] takes x. */
export type Chain = Component[];

/** Upstream's difficulty score per component kind. */
export const COMPONENT_SCORE: Record<Component['kind'], number> = {
  linear: 1,
  quadratic: 2,
  abs: 3,
  exp: 3,
  trig: 4,
  rational: 4,
};

export const chainScore = (f: Chain) => f.reduce((s, c) => s + COMPONENT_SCORE[c.kind], 0);

/** Thrown when an instance sits too close to a degenerate case to be labelled with confidence. */
export class Unstable extends Error {}

const nonzero = (rng: Rng, m: number) => {
  for (;;) {
    const v = rng.int(-m, m);
    if (v !== 0) return v;
  }
};

export function randomBasic(rng: Rng): Component {
  switch (rng.pick(['linear', 'quadratic', 'abs', 'rational'] as const)) {
    case 'linear':
      return { kind: 'linear', a: nonzero(rng, 5), b: rng.int(-5, 5) };
    case 'quadratic':
      return { kind: 'quadratic', a: nonzero(rng, 5), b: rng.int(-5, 5), c: rng.int(-5, 5) };
    case 'abs':
      return { kind: 'abs', a: nonzero(rng, 3), b: rng.int(-3, 3), c: rng.int(-3, 3) };
    case 'rational': {
      for (;;) {
        const [a, b, c, d] = [rng.int(-3, 3), rng.int(-3, 3), nonzero(rng, 3), rng.int(-3, 3)];
        if (a * d - b * c !== 0) return { kind: 'rational', a, b, c, d };
      }
    }
  }
}

export function randomAdvanced(rng: Rng): Component {
  if (rng.bool(0.7))
    return {
      kind: 'trig',
      fn: rng.pick(['sin', 'cos'] as const),
      a: nonzero(rng, 3),
      b: rng.int(1, 3),
      c: rng.int(-3, 3),
      d: rng.int(-3, 3),
    };
  return { kind: 'exp', a: nonzero(rng, 3), b: rng.pick([-2, -1, 1, 2]), c: rng.int(-3, 3) };
}

/** `n` components; a coin flip decides whether exactly one of them (at a random place) is advanced. */
export function randomChain(rng: Rng, n: number): Chain {
  const out = Array.from({ length: n }, () => randomBasic(rng));
  if (rng.bool()) out[rng.int(0, n - 1)] = randomAdvanced(rng);
  return out;
}

// ---- printing ----

const coef = (a: number) => (a === 1 ? '' : a === -1 ? '-' : `${a}`);
const plus = (b: number) => (b === 0 ? '' : b > 0 ? ` + ${b}` : ` - ${-b}`);
const wrap = (u: string) => (u === 'x' ? 'x' : `(${u})`);

export function componentText(c: Component, u: string): string {
  switch (c.kind) {
    case 'linear':
      return `${coef(c.a)}${wrap(u)}${plus(c.b)}`;
    case 'quadratic': {
      const lin = c.b === 0 ? '' : `${c.b > 0 ? ' + ' : ' - '}${coef(Math.abs(c.b))}${wrap(u)}`;
      return `${coef(c.a)}${wrap(u)}^2${lin}${plus(c.c)}`;
    }
    // Inner expressions go in parentheses inside the bars, so nested bars never meet: |(2|x| + 1) - 3|.
    case 'abs':
      return `${coef(c.a)}|${wrap(u)}${plus(-c.b)}|${plus(c.c)}`;
    case 'rational': {
      const num = c.a === 0 ? `${c.b}` : `${coef(c.a)}${wrap(u)}${plus(c.b)}`;
      return `(${num})/(${coef(c.c)}${wrap(u)}${plus(c.d)})`;
    }
    case 'trig':
      return `${coef(c.a)}${c.fn}(${c.b === 1 ? '' : c.b}π${wrap(u)}${plus(c.c)})${plus(c.d)}`;
    case 'exp':
      return `${coef(c.a)}e^(${coef(c.b)}${wrap(u)})${plus(c.c)}`;
  }
}

export function chainText(f: Chain): string {
  return f.reduce((u, c) => componentText(c, u), 'x');
}

// ---- evaluation ----

export function applyComponent(c: Component, u: number): number {
  switch (c.kind) {
    case 'linear':
      return c.a * u + c.b;
    case 'quadratic':
      return c.a * u * u + c.b * u + c.c;
    case 'abs':
      return c.a * Math.abs(u - c.b) + c.c;
    case 'rational':
      return (c.a * u + c.b) / (c.c * u + c.d);
    case 'trig':
      return c.a * (c.fn === 'sin' ? Math.sin : Math.cos)(c.b * Math.PI * u + c.c) + c.d;
    case 'exp':
      return c.a * Math.exp(c.b * u) + c.c;
  }
}

/** Derivative of one component at u (at a kink, either one-sided slope). */
export function componentSlope(c: Component, u: number): number {
  switch (c.kind) {
    case 'linear':
      return c.a;
    case 'quadratic':
      return 2 * c.a * u + c.b;
    case 'abs':
      return c.a * Math.sign(u - c.b);
    case 'rational':
      return (c.a * c.d - c.b * c.c) / (c.c * u + c.d) ** 2;
    case 'trig': {
      const t = c.b * Math.PI * u + c.c;
      return c.a * c.b * Math.PI * (c.fn === 'sin' ? Math.cos(t) : -Math.sin(t));
    }
    case 'exp':
      return c.a * c.b * Math.exp(c.b * u);
  }
}

export function evaluate(f: Chain, x: number): number {
  return f.reduce((u, c) => applyComponent(c, u), x);
}

/** f'(x) by the chain rule. */
export function slope(f: Chain, x: number): number {
  let u = x;
  let d = 1;
  for (const c of f) {
    d *= componentSlope(c, u);
    u = applyComponent(c, u);
  }
  return d;
}

// ---- closed forms ----

const TOUCH = 1e-9;

/**
 * Solutions u in [lo, hi] of c(u) = y; Unstable when a solution grazes a bound or merges.
 * (Hot path: written without inner closures, which cost a property definition each under tsx.)
 */
export function preimages(c: Component, y: number, lo: number, hi: number): number[] {
  const cand: number[] = [];
  switch (c.kind) {
    case 'linear':
      cand.push((y - c.b) / c.a);
      break;
    case 'quadratic': {
      const disc = c.b * c.b - 4 * c.a * (c.c - y);
      const scale = Math.max(1, c.b * c.b, Math.abs(4 * c.a * (c.c - y)));
      if (disc === 0) cand.push(-c.b / (2 * c.a));
      else if (Math.abs(disc) < 1e-9 * scale) throw new Unstable('quadratic at a double root');
      else if (disc > 0) {
        // Numerically stable pair of roots.
        const q = -0.5 * (c.b + Math.sign(c.b || 1) * Math.sqrt(disc));
        cand.push(q / c.a, (c.c - y) / q);
      }
      break;
    }
    case 'abs': {
      const t = (y - c.c) / c.a;
      if (t === 0) cand.push(c.b);
      else if (Math.abs(t) < 1e-12) throw new Unstable('absolute value at its corner');
      else if (t > 0) cand.push(c.b - t, c.b + t);
      break;
    }
    case 'rational': {
      const den = c.a - c.c * y;
      if (Math.abs(den) < 1e-12) {
        if (den !== 0) throw new Unstable('Möbius asymptote');
        break;
      }
      cand.push((c.d * y - c.b) / den);
      break;
    }
    case 'exp': {
      const t = (y - c.c) / c.a;
      if (Math.abs(t) < 1e-12 && t !== 0) throw new Unstable('exponential near its asymptote');
      if (t > 0) cand.push(Math.log(t) / c.b);
      break;
    }
    case 'trig': {
      const s = (y - c.d) / c.a;
      if (Math.abs(s) > 1 + 1e-12) break;
      if (Math.abs(Math.abs(s) - 1) < 1e-9 && Math.abs(s) !== 1) throw new Unstable('trig at a peak');
      const clamped = Math.max(-1, Math.min(1, s));
      const base = c.fn === 'sin' ? Math.asin(clamped) : Math.acos(clamped);
      // sin: t = base + 2kπ or π − base + 2kπ; cos: t = ±base + 2kπ; u = (t − c)/(bπ).
      const second = c.fn === 'sin' ? Math.PI - base : -base;
      const w = c.b * Math.PI;
      for (let branch = 0; branch < (Math.abs(s) === 1 ? 1 : 2); branch++) {
        const r = branch === 0 ? base : second;
        const kLo = Math.floor((w * lo + c.c - r) / (2 * Math.PI)) - 1;
        const kHi = Math.ceil((w * hi + c.c - r) / (2 * Math.PI)) + 1;
        if (kHi - kLo > 20_000) throw new Unstable('too many oscillations');
        for (let k = kLo; k <= kHi; k++) cand.push((r + 2 * Math.PI * k - c.c) / w);
      }
      break;
    }
  }
  const out: number[] = [];
  const tolLo = TOUCH * Math.max(1, Math.abs(lo));
  const tolHi = TOUCH * Math.max(1, Math.abs(hi));
  for (const u of cand) {
    if (!Number.isFinite(u)) continue;
    if (Math.abs(u - lo) < tolLo || Math.abs(u - hi) < tolHi) throw new Unstable('preimage at the edge of the range');
    if (u > lo && u < hi) out.push(u);
  }
  return out;
}

/** Points in (lo, hi) where the component's slope is zero or undefined (corners). */
export function criticalPoints(c: Component, lo: number, hi: number): number[] {
  const out: number[] = [];
  switch (c.kind) {
    case 'quadratic':
      out.push(-c.b / (2 * c.a));
      break;
    case 'abs':
      out.push(c.b);
      break;
    case 'trig': {
      // Peaks of sin/cos(t): t = π/2 + kπ (sin) or kπ (cos).
      const w = c.b * Math.PI;
      const off = c.fn === 'sin' ? Math.PI / 2 : 0;
      const kLo = Math.floor((w * lo + c.c - off) / Math.PI) - 1;
      const kHi = Math.ceil((w * hi + c.c - off) / Math.PI) + 1;
      if (kHi - kLo > 20_000) throw new Unstable('too many oscillations');
      for (let k = kLo; k <= kHi; k++) out.push((off + k * Math.PI - c.c) / w);
      break;
    }
    default:
      break;
  }
  const inside: number[] = [];
  for (const u of out) if (u > lo && u < hi) inside.push(u);
  return inside;
}

/** Where the component is undefined (a Möbius map's pole). */
export function poleOf(c: Component): number | undefined {
  return c.kind === 'rational' ? -c.d / c.c : undefined;
}

// ---- interval images (for certified root isolation) ----

export type Interval = readonly [number, number];

// Relative padding for rounding (an absolute pad would flip the sign of tiny bounds, such as a
// squared denominator near a pole, and with it the sign of a slope).
const widen = ([lo, hi]: Interval): Interval => [lo - 1e-12 * Math.abs(lo), hi + 1e-12 * Math.abs(hi)];
const span = (vals: number[]): Interval => widen([Math.min(...vals), Math.max(...vals)]);
const mulI = ([a, b]: Interval, [c, d]: Interval): Interval =>
  span([a * c, a * d, b * c, b * d].map((v) => (Number.isNaN(v) ? 0 : v)));

function trigRange(fn: 'sin' | 'cos', [lo, hi]: Interval): Interval {
  if (hi - lo >= 2 * Math.PI) return [-1, 1];
  const f = fn === 'sin' ? Math.sin : Math.cos;
  const vals = [f(lo), f(hi)];
  const off = fn === 'sin' ? Math.PI / 2 : 0;
  for (let k = Math.ceil((lo - off) / Math.PI); k * Math.PI + off <= hi; k++) vals.push(k % 2 === 0 ? 1 : -1);
  return span(vals);
}

/** An enclosure of c over U. */
export function componentImage(c: Component, u: Interval): Interval {
  const [lo, hi] = u;
  switch (c.kind) {
    case 'linear':
      return span([c.a * lo + c.b, c.a * hi + c.b]);
    case 'quadratic': {
      const v = -c.b / (2 * c.a);
      const pts = [lo, hi, ...(v > lo && v < hi ? [v] : [])];
      return span(pts.map((p) => applyComponent(c, p)));
    }
    case 'abs':
      return span([lo, hi, ...(c.b > lo && c.b < hi ? [c.b] : [])].map((p) => applyComponent(c, p)));
    case 'rational': {
      const p = -c.d / c.c;
      if (p >= lo && p <= hi) return [-Infinity, Infinity];
      return span([applyComponent(c, lo), applyComponent(c, hi)]);
    }
    case 'trig': {
      const t = span([c.b * Math.PI * lo + c.c, c.b * Math.PI * hi + c.c]);
      const [s0, s1] = trigRange(c.fn, t);
      return span([c.a * s0 + c.d, c.a * s1 + c.d]);
    }
    case 'exp':
      return span([applyComponent(c, lo), applyComponent(c, hi)]);
  }
}

/** An enclosure of c' over U. */
export function componentSlopeImage(c: Component, u: Interval): Interval {
  const [lo, hi] = u;
  switch (c.kind) {
    case 'linear':
      return [c.a, c.a];
    case 'quadratic':
      return span([2 * c.a * lo + c.b, 2 * c.a * hi + c.b]);
    case 'abs':
      return c.b > lo && c.b < hi ? [-Math.abs(c.a), Math.abs(c.a)] : span([componentSlope(c, (lo + hi) / 2)]);
    case 'rational': {
      const p = -c.d / c.c;
      if (p >= lo && p <= hi) return [-Infinity, Infinity];
      const den = span([c.c * lo + c.d, c.c * hi + c.d]);
      const sq: Interval =
        den[0] > 0 || den[1] < 0
          ? [Math.min(den[0] ** 2, den[1] ** 2) * (1 - 1e-12), Math.max(den[0] ** 2, den[1] ** 2) * (1 + 1e-12)]
          : [0, Math.max(den[0] ** 2, den[1] ** 2)];
      const k = c.a * c.d - c.b * c.c;
      return span([k / sq[0], k / sq[1]].map((v) => (Number.isFinite(v) ? v : Math.sign(k) * Infinity)));
    }
    case 'trig': {
      const t = span([c.b * Math.PI * lo + c.c, c.b * Math.PI * hi + c.c]);
      const [s0, s1] = trigRange(c.fn === 'sin' ? 'cos' : 'sin', t);
      const k = c.a * c.b * Math.PI * (c.fn === 'sin' ? 1 : -1);
      return span([k * s0, k * s1]);
    }
    case 'exp':
      return span([c.a * c.b * Math.exp(c.b * lo), c.a * c.b * Math.exp(c.b * hi)]);
  }
}

/** Enclosures of f and f' over X. */
export function chainImage(f: Chain, x: Interval): { value: Interval; slope: Interval } {
  let u: Interval = x;
  let d: Interval = [1, 1];
  for (const c of f) {
    d = mulI(d, componentSlopeImage(c, u));
    u = componentImage(c, u);
  }
  return { value: u, slope: d };
}
