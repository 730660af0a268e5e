// Independent checks for the algebra_func_* families. The generators invert the chain in closed
// form and certify crossings with interval arithmetic; these tests instead read the printed
// formula back, and recount on a dense grid with bisection, which is slow but shares no code.
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../src/core/types.js';
import { answerOf, evalFunctionText, inputsOf, items, promptOf } from './helpers.js';

type Comp = Record<string, any> & { kind: string };

/** The chain from the truth record, evaluated with the test's own formulas. */
function chainEval(f: Comp[], x: number): number {
  let u = x;
  for (const c of f) {
    switch (c.kind) {
      case 'linear':
        u = c.a * u + c.b;
        break;
      case 'quadratic':
        u = c.a * u * u + c.b * u + c.c;
        break;
      case 'abs':
        u = c.a * Math.abs(u - c.b) + c.c;
        break;
      case 'rational':
        u = (c.a * u + c.b) / (c.c * u + c.d);
        break;
      case 'trig':
        u = c.a * (c.fn === 'sin' ? Math.sin(c.b * Math.PI * u + c.c) : Math.cos(c.b * Math.PI * u + c.c)) + c.d;
        break;
      case 'exp':
        u = c.a * Math.exp(c.b * u) + c.c;
        break;
      default:
        throw new Error(`unknown component ${c.kind}`);
    }
  }
  return u;
}

const hasPole = (f: Comp[]) => f.some((c) => c.kind === 'rational');
const N = 200_000;

/** Sign changes of h on a dense grid, each confirmed by bisection as a zero (not a pole). */
function gridZeros(h: (x: number) => number, lo: number, hi: number, n = N): number[] {
  const out: number[] = [];
  let xa = lo;
  let ha = h(xa);
  for (let i = 1; i <= n; i++) {
    const xb = lo + ((hi - lo) * i) / n;
    const hb = h(xb);
    if (hb === 0 && i < n) out.push(xb); // a zero exactly on a grid point (x = 0, x = -3.25, …)
    if (Number.isFinite(ha) && Number.isFinite(hb) && Math.sign(ha) * Math.sign(hb) < 0) {
      let a = xa;
      let b = xb;
      let fa = ha;
      for (let k = 0; k < 80; k++) {
        const m = (a + b) / 2;
        const fm = h(m);
        if (Math.sign(fm) === Math.sign(fa)) {
          a = m;
          fa = fm;
        } else b = m;
      }
      // A zero shrinks |h| far below the grid values; a pole blows it up.
      if (Math.abs(h((a + b) / 2)) < Math.max(1e-6, 1e-6 * Math.min(Math.abs(ha), Math.abs(hb)))) out.push((a + b) / 2);
    }
    xa = xb;
    ha = hb;
  }
  return out;
}

/** Grid points that are strict local minima (−1) or maxima (+1) of f, away from poles. */
function gridExtrema(f: (x: number) => number, lo: number, hi: number, n = N): { x: number; kind: number }[] {
  const out: { x: number; kind: number }[] = [];
  const xs = (i: number) => lo + ((hi - lo) * i) / n;
  let a = f(xs(0));
  let b = f(xs(1));
  for (let i = 1; i < n; i++) {
    const c = f(xs(i + 1));
    if ([a, b, c].every(Number.isFinite)) {
      if (b > a && b > c) out.push({ x: xs(i), kind: 1 });
      if (b < a && b < c) out.push({ x: xs(i), kind: -1 });
    }
    a = b;
    b = c;
  }
  return out;
}

function checkPrinted(text: string, f: Comp[]): void {
  for (const x of [-9.37, -4.2, -1.1, 0.3, 2.71, 6.6, 9.1]) {
    const want = chainEval(f, x);
    const got = evalFunctionText(text, x);
    if (Number.isFinite(want) && Math.abs(want) < 1e9)
      expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
  }
}

/** Sample sizes; helpers.items scales them by OMEGA_TEST_SCALE for deep validation runs. */
const many = (n: number) => n;

const fOf = (p: Problem) => inputsOf(p).f as Comp[];
const gOf = (p: Problem) => inputsOf(p).g as Comp[];
const LEVELS = [1, 2, 3];

describe('algebra_func_*: printed formulas', () => {
  it('every printed f (and g) evaluates like its recorded chain', () => {
    for (const fam of [
      'zeros',
      'extrema',
      'derivative_sign',
      'extrema_coords',
      'intersection',
      'intersection_coords',
      'area',
    ]) {
      for (const level of [1, 3, 5]) {
        for (const p of items(`algebra_func_${fam}`, level, many(3))) {
          const text = promptOf(p);
          const fText =
            /f\(x\) = (.+?)(?: equals zero| for -10| is strictly| in the interval| and g\(x\)|\. Round|$)/.exec(
              text,
            )?.[1];
          if (fam === 'intersection') {
            const [, l, r] = /equation (.+) = (.+) have for x/.exec(text)!;
            checkPrinted(l!, fOf(p));
            checkPrinted(r!, gOf(p));
            continue;
          }
          checkPrinted(fText!, fOf(p));
          if (gOf(p)) checkPrinted(/g\(x\) = (.+?)(?: between|\. Round)/.exec(text)![1]!, gOf(p));
          expect(fOf(p)).toHaveLength(level + 1);
        }
      }
    }
  });
});

describe('algebra_func_zeros', () => {
  it('a dense grid finds the same zeros, tangential ones by minimising |f|', () => {
    for (const level of LEVELS) {
      for (const p of items('algebra_func_zeros', level, many(5))) {
        const f = fOf(p);
        const h = (x: number) => chainEval(f, x);
        const crossing = gridZeros(h, -10, 10);
        const listed = inputsOf(p).zeros as number[];
        for (const z of listed) expect(Math.abs(h(z))).toBeLessThan(1e-6);
        // Every crossing the grid sees is listed; listed zeros it does not see are touching zeros.
        for (const z of crossing) expect(listed.some((y) => Math.abs(y - z) < 1e-6)).toBe(true);
        for (const z of listed.filter((y) => !crossing.some((c) => Math.abs(c - y) < 1e-6))) {
          expect(Math.abs(h(z - 1e-5)) + Math.abs(h(z + 1e-5))).toBeGreaterThan(0);
          expect(Math.sign(h(z - 1e-5)) * Math.sign(h(z + 1e-5))).toBeGreaterThanOrEqual(0);
        }
        expect(answerOf(p).value).toBe(String(listed.length));
      }
    }
  });
});

describe('algebra_func_extrema and derivative_sign', () => {
  it('grid extrema agree with the answer for pole-free functions; each listed extremum is one', () => {
    for (const level of LEVELS) {
      for (const p of items('algebra_func_extrema', level, many(5))) {
        const f = fOf(p);
        const fx = (x: number) => chainEval(f, x);
        const listed = inputsOf(p).extrema as { x: number; kind: string }[];
        for (const e of listed) {
          const s = e.kind === 'max' ? 1 : -1;
          expect(s * (fx(e.x) - fx(e.x - 1e-6))).toBeGreaterThan(-1e-12);
          expect(s * (fx(e.x) - fx(e.x + 1e-6))).toBeGreaterThan(-1e-12);
        }
        if (hasPole(f)) continue;
        const grid = gridExtrema(fx, -10, 10);
        const ask = inputsOf(p).ask as string;
        const count = grid.filter((e) => ask === 'extrema' || (ask === 'max') === (e.kind === 1)).length;
        expect(answerOf(p).value).toBe(String(count));
      }
    }
  });

  it('monotone runs counted on a grid agree for pole-free functions', () => {
    for (const level of LEVELS) {
      for (const p of items('algebra_func_derivative_sign', level, many(5))) {
        const f = fOf(p);
        if (hasPole(f)) continue;
        const dir = inputsOf(p).direction === 'increasing' ? 1 : -1;
        // Runs of the increasing direction = extrema that start one, plus one if it starts at −10.
        const grid = gridExtrema((x) => chainEval(f, x), -10, 10);
        const startsUp = chainEval(f, -10 + 1e-7) > chainEval(f, -10) ? 1 : -1;
        const starts = grid.filter((e) => e.kind === -dir).length + (startsUp === dir ? 1 : 0);
        expect(answerOf(p).value).toBe(String(starts));
      }
    }
  });
});

describe('algebra_func_extrema_coords', () => {
  it('the rounded answer matches the recorded extrema, which the grid confirms for pole-free functions', () => {
    for (const level of LEVELS) {
      for (const p of items('algebra_func_extrema_coords', level, many(5))) {
        const i = inputsOf(p);
        expect(answerOf(p).value).toBe(String(Math.round(i.value)));
        if (hasPole(fOf(p))) continue;
        const grid = gridExtrema((x) => chainEval(fOf(p), x), -10, 10).filter(
          (e) => i.kind === 'any' || (i.kind === 'max') === (e.kind === 1),
        );
        expect(grid.length).toBe(i.extrema.length);
        grid.forEach((e, k) => expect(Math.abs(e.x - i.extrema[k].x)).toBeLessThan(1e-3));
      }
    }
  });
});

describe('algebra_func_intersection and intersection_coords', () => {
  it('grid sign changes of f − g (bisected, poles excluded) give the same crossings', () => {
    for (const fam of ['algebra_func_intersection', 'algebra_func_intersection_coords']) {
      for (const level of LEVELS) {
        for (const p of items(fam, level, many(4))) {
          const f = fOf(p);
          const g = gOf(p);
          const xs = gridZeros((x) => chainEval(f, x) - chainEval(g, x), -10, 10);
          const listed = inputsOf(p).crossings as number[];
          expect(xs.length).toBe(listed.length);
          xs.forEach((x, k) => expect(Math.abs(x - listed[k]!)).toBeLessThan(1e-6));
          if (fam === 'algebra_func_intersection') expect(answerOf(p).value).toBe(String(xs.length));
          else expect(answerOf(p).value).toBe(String(Math.round(inputsOf(p).value)));
        }
      }
    }
  });
});

describe('algebra_func_area', () => {
  it('adaptive Simpson between the printed bounds agrees to the rounding', () => {
    const simpson = (h: (x: number) => number, a: number, b: number): number => {
      const rec = (a: number, b: number, fa: number, fm: number, fb: number, whole: number, depth: number): number => {
        const m = (a + b) / 2;
        const lm = (a + m) / 2;
        const rm = (m + b) / 2;
        const flm = h(lm);
        const frm = h(rm);
        const left = ((m - a) / 6) * (fa + 4 * flm + fm);
        const right = ((b - m) / 6) * (fm + 4 * frm + fb);
        if (depth > 40 || Math.abs(left + right - whole) < 1e-11) return left + right + (left + right - whole) / 15;
        return rec(a, m, fa, flm, fm, left, depth + 1) + rec(m, b, fm, frm, fb, right, depth + 1);
      };
      let total = 0;
      const pieces = 2000;
      for (let k = 0; k < pieces; k++) {
        const s = a + ((b - a) * k) / pieces;
        const t = a + ((b - a) * (k + 1)) / pieces;
        const fs = h(s);
        const fm = h((s + t) / 2);
        const ft = h(t);
        total += rec(s, t, fs, fm, ft, ((t - s) / 6) * (fs + 4 * fm + ft), 0);
      }
      return total;
    };
    for (const level of LEVELS) {
      for (const p of items('algebra_func_area', level, many(3))) {
        const [a, b] = /x = (-?\d+\.\d) and x = (-?\d+\.\d)/.exec(promptOf(p))!.slice(1).map(Number);
        expect([a, b]).toEqual(inputsOf(p).bounds);
        const area = simpson((x) => Math.abs(chainEval(fOf(p), x) - chainEval(gOf(p), x)), a!, b!);
        expect(Math.abs(area - inputsOf(p).area)).toBeLessThan(1e-6);
        expect(p.verify(`\\boxed{${area.toFixed(1)}}`).correct).toBe(true);
      }
    }
  });
});
