// Validated analysis of a component chain on an interval, without sampling grids:
// - level sets f(x) = y by inverting the chain component by component (closed forms), so
//   zeros are exact up to rounding, tangential zeros included;
// - critical points (f' = 0 or a corner) by the chain rule: x is critical iff some inner value
//   u_{j−1}(x) is a critical point of c_j, so they are level sets too; f' keeps one sign
//   between consecutive events, and its sign is read at a point between them;
// - crossings of two chains (f = g) by interval bisection: a box is dropped when the enclosure
//   of f − g excludes 0, and holds exactly one crossing when the enclosure of (f − g)' excludes
//   0 and the end values differ in sign.
// Anything close to degenerate (merging roots, a root on the interval's edge, a pole inside an
// inner component, a crossing that never separates) throws Unstable: the instance is dropped.
import {
  Unstable,
  applyComponent,
  chainImage,
  criticalPoints,
  evaluate,
  poleOf,
  preimages,
  slope,
  type Chain,
  type Interval,
} from './functions.js';

/** Sorted, merged within 1e-9; two points between 1e-9 and 1e-6 apart are a degenerate case. */
function settle(xs: number[]): number[] {
  const s = Float64Array.from(xs).sort();
  const out: number[] = [];
  for (const x of s) {
    const last = out[out.length - 1];
    if (last !== undefined && x - last <= 1e-9 * Math.max(1, Math.abs(x))) continue;
    if (last !== undefined && x - last < 1e-6) throw new Unstable('two points nearly coincide');
    out.push(x);
  }
  return out;
}

const MAX_POINTS = 5_000;
const MAX_MAGNITUDE = 1e6;

/**
 * A fast, sound early rejection: sampled inner values that already exceed the magnitude bound,
 * or straddle the pole of the next component, mean the exact checks below would reject too.
 */
function screen(f: Chain, lo: number, hi: number, n = 128): void {
  const us = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) us[i] = lo + ((hi - lo) * i) / n;
  for (let j = 0; j + 1 < f.length; j++) {
    const c = f[j]!;
    for (let i = 0; i <= n; i++) us[i] = applyComponent(c, us[i]!);
    const p = poleOf(f[j + 1]!);
    for (let i = 0; i <= n; i++) {
      const u = us[i]!;
      if (!Number.isFinite(u) || Math.abs(u) > MAX_MAGNITUDE) throw new Unstable('inner values too large');
      if (p !== undefined && i > 0 && (us[i - 1]! - p) * (u - p) <= 0)
        throw new Unstable('inner component has a pole on the interval');
    }
  }
}

export class ChainAnalysis {
  private readonly ranges: Interval[] = [];
  private readonly crit: number[][] = [];
  /** Points of [lo, hi] where f itself is undefined (a pole of the outermost Möbius map). */
  readonly poles: number[];

  constructor(
    readonly f: Chain,
    readonly lo: number,
    readonly hi: number,
  ) {
    screen(f, lo, hi);
    this.ranges[0] = [lo, hi];
    this.crit[0] = [];
    const k = f.length;
    for (let i = 1; i < k; i++) {
      const p = poleOf(f[i - 1]!);
      const [a, b] = this.ranges[i - 1]!;
      if (p !== undefined && p >= a - 1e-9 && p <= b + 1e-9)
        throw new Unstable('inner component has a pole on the interval');
      this.crit[i] = settle(this.crit[i - 1]!.concat(this.solve(i - 1, criticalPoints(f[i - 1]!, a, b))));
      let min = Infinity;
      let max = -Infinity;
      for (const x of [lo, hi, ...this.crit[i]!]) {
        const v = this.inner(i, x);
        if (!Number.isFinite(v)) throw new Unstable('inner values too large');
        if (v < min) min = v;
        if (v > max) max = v;
      }
      if (Math.abs(min) > MAX_MAGNITUDE || Math.abs(max) > MAX_MAGNITUDE) throw new Unstable('inner values too large');
      this.ranges[i] = [min, max];
    }
    const outer = f[k - 1]!;
    const p = poleOf(outer);
    const [a, b] = this.ranges[k - 1]!;
    this.poles = p !== undefined && p > a - 1e-9 && p < b + 1e-9 ? settle(this.solve(k - 1, [p])) : [];
    this.crit[k] = settle(this.crit[k - 1]!.concat(this.solve(k - 1, criticalPoints(outer, a, b))));
  }

  /** u_i(x): the first i components applied to x. */
  inner(i: number, x: number): number {
    let u = x;
    for (let j = 0; j < i; j++) u = applyComponent(this.f[j]!, u);
    return u;
  }

  /** All x in (lo, hi) with u_i(x) in `ys` (i ≤ k − 1 uses the known inner ranges). */
  private solve(i: number, ys: number[]): number[] {
    let level = ys;
    for (let j = i; j >= 1; j--) {
      const [a, b] = this.ranges[j - 1]!;
      const next: number[] = [];
      for (const y of level) for (const u of preimages(this.f[j - 1]!, y, a, b)) next.push(u);
      if (next.length > MAX_POINTS) throw new Unstable('too many solutions');
      level = next;
    }
    const out: number[] = [];
    for (const x of level) {
      if (Math.abs(x - this.lo) < 1e-7 || Math.abs(x - this.hi) < 1e-7)
        throw new Unstable('solution at the interval edge');
      if (x > this.lo && x < this.hi) out.push(x);
    }
    return out;
  }

  /** The x in (lo, hi) with f(x) = y, sorted. */
  levelSet(y: number): number[] {
    const k = this.f.length;
    const [a, b] = this.ranges[k - 1]!;
    const us = preimages(this.f[k - 1]!, y, a, b);
    return settle(this.solve(k - 1, us));
  }

  /** Points in (lo, hi) where f' is zero or undefined (corners), sorted. */
  criticalPoints(): number[] {
    return this.crit[this.f.length]!;
  }

  /**
   * The sign of f' on each open piece between consecutive events (critical points and poles),
   * read at the piece's midpoint; `events[i]` separates `signs[i]` and `signs[i + 1]`.
   */
  slopePieces(): { events: { x: number; pole: boolean }[]; signs: number[] } {
    const events = settle([...this.criticalPoints(), ...this.poles]).map((x) => ({
      x,
      pole: this.poles.some((p) => Math.abs(p - x) < 1e-9),
    }));
    const cuts = [this.lo, ...events.map((e) => e.x), this.hi];
    const signs = cuts.slice(1).map((b, i) => {
      const a = cuts[i]!;
      const d = slope(this.f, (a + b) / 2);
      if (!Number.isFinite(d) || Math.abs(d) < 1e-9) throw new Unstable('slope too flat to sign');
      return Math.sign(d);
    });
    return { events, signs };
  }

  /** Local extrema in (lo, hi): events where f' changes sign (never a pole). */
  extrema(): { x: number; kind: 'min' | 'max'; y: number }[] {
    const { events, signs } = this.slopePieces();
    const out: { x: number; kind: 'min' | 'max'; y: number }[] = [];
    events.forEach((e, i) => {
      if (e.pole || signs[i] === signs[i + 1]) return;
      out.push({ x: e.x, kind: signs[i]! < 0 ? 'min' : 'max', y: evaluate(this.f, e.x) });
    });
    return out;
  }

  /** Maximal intervals of (lo, hi) where f is strictly increasing (+1) or decreasing (−1). */
  monotoneRuns(direction: 1 | -1): number {
    const { events, signs } = this.slopePieces();
    let runs = 0;
    for (let i = 0; i < signs.length; i++) {
      const continues = i > 0 && signs[i - 1] === signs[i] && !events[i - 1]!.pole;
      if (signs[i] === direction && !continues) runs++;
    }
    return runs;
  }
}

/**
 * The crossings of f and g in (lo, hi), each refined to machine precision. The interval is cut
 * at every critical point and pole of either chain, so on each piece both are monotone:
 * - opposite directions: f − g is strictly monotone, one crossing iff the end values differ in sign;
 * - same direction: a box is empty when the (exact, monotone) value ranges of f and g are disjoint,
 *   holds one crossing when an enclosure of (f − g)' excludes 0 and the ends differ in sign, and
 *   is halved otherwise; a box that never settles (a tangency) makes the instance Unstable.
 * Returns undefined as soon as more than `maxCount` crossings are found (callers want few).
 */
export function crossings(
  f: ChainAnalysis,
  g: ChainAnalysis,
  maxCount = Infinity,
  maxBoxes = 200_000,
): number[] | undefined {
  const lo = f.lo;
  const hi = f.hi;
  for (const p of f.poles) for (const q of g.poles) if (Math.abs(p - q) < 1e-6) throw new Unstable('shared pole');
  const poles = [...f.poles, ...g.poles];
  const cuts = [lo, ...new Set([...f.criticalPoints(), ...g.criticalPoints(), ...poles].sort((a, b) => a - b)), hi];
  const fv = (x: number) => evaluate(f.f, x);
  const gv = (x: number) => evaluate(g.f, x);
  const h = (x: number) => fv(x) - gv(x);
  const out: number[] = [];
  let boxes = 0;
  const sideCheck = (x: number, hx: number) => {
    if (!poles.some((p) => Math.abs(p - x) < 1e-8) && Math.abs(hx) < 1e-9)
      throw new Unstable('crossing at a breakpoint');
  };
  for (let i = 0; i + 1 < cuts.length; i++) {
    let a = cuts[i]!;
    let b = cuts[i + 1]!;
    if (poles.some((p) => Math.abs(p - a) < 1e-12)) a += 1e-9;
    if (poles.some((p) => Math.abs(p - b) < 1e-12)) b -= 1e-9;
    if (b <= a) continue;
    const ha = h(a);
    const hb = h(b);
    sideCheck(a, ha);
    sideCheck(b, hb);
    const mid = (a + b) / 2;
    const sf = Math.sign(slope(f.f, mid));
    const sg = Math.sign(slope(g.f, mid));
    if (sf !== sg || sf === 0) {
      if (Math.sign(ha) !== Math.sign(hb)) out.push(refine(h, a, b));
      if (out.length > maxCount) return undefined;
      continue;
    }
    const stack: [number, number, number, number, number, number][] = [[a, b, fv(a), fv(b), gv(a), gv(b)]];
    while (stack.length) {
      if (++boxes > maxBoxes) throw new Unstable('crossing search did not settle');
      const [s, t, fs, ft, gs, gt] = stack.pop()!;
      // Monotone on [s, t]: the value ranges are spanned by the end values.
      if (Math.min(fs, ft) > Math.max(gs, gt) || Math.max(fs, ft) < Math.min(gs, gt)) continue;
      const hs = fs - gs;
      const ht = ft - gt;
      const F = chainImage(f.f, [s, t]);
      const G = chainImage(g.f, [s, t]);
      const D: Interval = [F.slope[0] - G.slope[1], F.slope[1] - G.slope[0]];
      if (D[0] > 0 || D[1] < 0) {
        if (Math.abs(hs) < 1e-12 || Math.abs(ht) < 1e-12) throw new Unstable('crossing on a box edge');
        if (Math.sign(hs) !== Math.sign(ht)) out.push(refine(h, s, t));
        if (out.length > maxCount) return undefined;
        continue;
      }
      if (t - s < 1e-7) throw new Unstable('crossing does not separate (tangency?)');
      const m = (s + t) / 2;
      const fm = fv(m);
      const gm = gv(m);
      stack.push([m, t, fm, ft, gm, gt], [s, m, fs, fm, gs, gm]);
    }
  }
  return settle(out);
}

/** Bisection to the limit of doubles, given a sign change on [s, t]. */
export function refine(h: (x: number) => number, s: number, t: number): number {
  let hs = h(s);
  for (let i = 0; i < 200 && t - s > 1e-13 * Math.max(1, Math.abs(s)); i++) {
    const m = (s + t) / 2;
    const hm = h(m);
    if (hm === 0) return m;
    if (Math.sign(hm) === Math.sign(hs)) {
      s = m;
      hs = hm;
    } else t = m;
  }
  return (s + t) / 2;
}

/** ∫ |f − g| over [a, b], cut at the given breakpoints, by composite 10-point Gauss–Legendre. */
export function integrateAbsDifference(
  f: Chain,
  g: Chain,
  a: number,
  b: number,
  breaks: number[],
  segments: number,
): number {
  const cuts = [a, ...breaks.filter((x) => x > a && x < b).sort((x, y) => x - y), b];
  let total = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const lo = cuts[i]!;
    const w = (cuts[i + 1]! - lo) / segments;
    for (let s = 0; s < segments; s++) {
      const mid = lo + (s + 0.5) * w;
      for (let q = 0; q < GL_X.length; q++) {
        const x = mid + (GL_X[q]! * w) / 2;
        total += ((GL_W[q]! * w) / 2) * Math.abs(evaluate(f, x) - evaluate(g, x));
      }
    }
  }
  return total;
}

const GL_X = [
  -0.9739065285171717, -0.8650633666889845, -0.6794095682990244, -0.4333953941292472, -0.1488743389816312,
  0.1488743389816312, 0.4333953941292472, 0.6794095682990244, 0.8650633666889845, 0.9739065285171717,
];
const GL_W = [
  0.0666713443086881, 0.1494513491505806, 0.219086362515982, 0.2692667193099963, 0.2955242247147529, 0.2955242247147529,
  0.2692667193099963, 0.219086362515982, 0.1494513491505806, 0.0666713443086881,
];

/**
 * Sign changes of f − g between neighbouring points of an n-point grid, skipping cells that hold
 * a pole: a lower bound on the number of crossings (each counted change is one by continuity).
 * A cheap screen before the certified search; it never decides an answer.
 */
export function gridSignChanges(f: ChainAnalysis, g: ChainAnalysis, n = 400): number {
  const poles = [...f.poles, ...g.poles].sort((a, b) => a - b);
  let changes = 0;
  let prevX = f.lo;
  let prev = evaluate(f.f, prevX) - evaluate(g.f, prevX);
  let pi = 0;
  for (let i = 1; i <= n; i++) {
    const x = f.lo + ((f.hi - f.lo) * i) / n;
    const v = evaluate(f.f, x) - evaluate(g.f, x);
    let pole = false;
    while (pi < poles.length && poles[pi]! <= x) {
      if (poles[pi]! >= prevX) pole = true;
      pi++;
    }
    if (
      !pole &&
      Number.isFinite(prev) &&
      Number.isFinite(v) &&
      prev !== 0 &&
      v !== 0 &&
      Math.sign(prev) !== Math.sign(v)
    )
      changes++;
    prevX = x;
    prev = v;
  }
  return changes;
}
