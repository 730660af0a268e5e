// Independent check of the construction-geometry families: the English prompt is read back
// sentence by sentence and the figure rebuilt with the test's own complex-number geometry (the
// first placement chosen differently from the generator's), then the asked quantity measured.
import { describe, expect, it } from 'vitest';
import { answerOf, inputsOf, items, promptOf } from './helpers.js';

type C = { re: number; im: number };
const c = (re: number, im = 0): C => ({ re, im });
const plus = (a: C, b: C) => c(a.re + b.re, a.im + b.im);
const minus = (a: C, b: C) => c(a.re - b.re, a.im - b.im);
const times = (a: C, b: C) => c(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re);
const over = (a: C, b: C) => {
  const d = b.re * b.re + b.im * b.im;
  return c((a.re * b.re + a.im * b.im) / d, (a.im * b.re - a.re * b.im) / d);
};
const conj = (a: C) => c(a.re, -a.im);
const abs = (a: C) => Math.hypot(a.re, a.im);
const cis = (t: number) => c(Math.cos(t), Math.sin(t));
const real = (k: number, a: C) => c(k * a.re, k * a.im);

/** Reflection of z across the line through a and b: a + (b − a)·conj((z − a)/(b − a)). */
const reflectLine = (z: C, a: C, b: C) => plus(a, times(minus(b, a), conj(over(minus(z, a), minus(b, a)))));
const foot = (z: C, a: C, b: C) => real(0.5, plus(z, reflectLine(z, a, b)));
const angleOf = (t: string) => {
  const m = /^(\d*)pi\/(\d+)$/.exec(t)!;
  return (Number(m[1] || 1) * Math.PI) / Number(m[2]);
};

/**
 * The figure the prompt describes, measured. `flipLabels` labels the first triangle or polygon the
 * other way round (rotations keep their stated direction): the reading the prompt must rule out.
 */
function rebuild(text: string, flipLabels = false): number {
  const pts = new Map<string, C>();
  const circles = new Map<string, { c: C; r: number }>();
  const P = (n: string) => {
    const v = pts.get(n);
    if (!v) throw new Error(`unknown point ${n}`);
    return v;
  };
  const twoPt = (s: string) => [P(s[0]!), P(s[1]!)] as const;
  const sentences = text.split(/(?<=\.) (?=Let |What )/);
  // A different first placement than the generator's: rotated by 1 radian and shifted.
  const frame = (z: C) => plus(times(z, cis(1)), c(3, -2));
  for (const s of sentences) {
    let m: RegExpExecArray | null;
    if ((m = /^Let ([A-Z])([A-Z]) = (\d+)\.$/.exec(s))) {
      pts.set(m[1]!, frame(c(0)));
      pts.set(m[2]!, frame(c(Number(m[3]))));
      continue;
    }
    if (
      (m =
        /^Let ([A-Z])([A-Z])([A-Z]) be a triangle with \1\2 = (\d+), \2\3 = (\d+), and \3\1 = (\d+), its vertices \1, \2, \3 in (counterclockwise|clockwise) order\.$/.exec(
          s,
        ))
    ) {
      const [ab, bc, ca] = [Number(m[4]), Number(m[5]), Number(m[6])];
      // Place C first this time: C at 0, A on the positive axis, B by the law of cosines, on the
      // side that makes A, B, C run in the stated order (or the other one when flipped).
      const cosC = (bc * bc + ca * ca - ab * ab) / (2 * bc * ca);
      const ccw = (m[7] === 'counterclockwise') !== flipLabels;
      pts.set(m[3]!, frame(c(0)));
      pts.set(m[1]!, frame(c(ca)));
      pts.set(m[2]!, frame(real(bc, cis((ccw ? 1 : -1) * Math.acos(cosC)))));
      continue;
    }
    if (
      (m =
        /^Let ([A-Z]+) be an? (?:square|equilateral triangle|regular \w+) with center ([A-Z]) and circumradius (\d+), its vertices ([A-Z, ]+) in (counterclockwise|clockwise) order\.$/.exec(
          s,
        ))
    ) {
      const names = m[1]!.split('');
      expect(m[4]).toBe(names.join(', '));
      const sign = (m[5] === 'counterclockwise') !== flipLabels ? 1 : -1;
      pts.set(m[2]!, frame(c(0)));
      names.forEach((v, k) => pts.set(v, frame(real(Number(m![3]), cis((sign * 2 * Math.PI * k) / names.length)))));
      continue;
    }
    if ((m = /^Let ([A-Z]) be the midpoint of segment ([A-Z]{2})\.$/.exec(s))) {
      const [a, b] = twoPt(m[2]!);
      pts.set(m[1]!, real(0.5, plus(a, b)));
      continue;
    }
    if ((m = /^Let ([A-Z]) be the reflection of point ([A-Z]) across point ([A-Z])\.$/.exec(s))) {
      pts.set(m[1]!, minus(real(2, P(m[3]!)), P(m[2]!)));
      continue;
    }
    if (
      (m =
        /^Let ([A-Z]) be the rotation of point ([A-Z]) by angle (\S+) (counterclockwise|clockwise) around point ([A-Z])\.$/.exec(
          s,
        ))
    ) {
      const o = P(m[5]!);
      const sign = m[4] === 'counterclockwise' ? 1 : -1;
      pts.set(m[1]!, plus(o, times(minus(P(m[2]!), o), cis(sign * angleOf(m[3]!)))));
      continue;
    }
    if ((m = /^Let ([A-Z]) be the translation of point ([A-Z]) by vector ([A-Z]{2})\.$/.exec(s))) {
      const [a, b] = twoPt(m[3]!);
      pts.set(m[1]!, plus(P(m[2]!), minus(b, a)));
      continue;
    }
    if ((m = /^Let ([A-Z]) be the point on segment ([A-Z])([A-Z]) such that \2\1:\1\3 = (\d+):(\d+)\.$/.exec(s))) {
      const [a, b] = [P(m[2]!), P(m[3]!)];
      const t = Number(m[4]) / (Number(m[4]) + Number(m[5]));
      pts.set(m[1]!, plus(a, real(t, minus(b, a))));
      continue;
    }
    if ((m = /^Let ([A-Z]) be the point on ray ([A-Z])([A-Z]) such that \2\1 = (\d+)\.$/.exec(s))) {
      const [a, b] = [P(m[2]!), P(m[3]!)];
      pts.set(m[1]!, plus(a, real(Number(m[4]) / abs(minus(b, a)), minus(b, a))));
      continue;
    }
    if ((m = /^Let ([A-Z]) be the reflection of point ([A-Z]) across line ([A-Z]{2})\.$/.exec(s))) {
      const [a, b] = twoPt(m[3]!);
      pts.set(m[1]!, reflectLine(P(m[2]!), a, b));
      continue;
    }
    if ((m = /^Let ([A-Z]) be the foot of the perpendicular from point ([A-Z]) to line ([A-Z]{2})\.$/.exec(s))) {
      const [a, b] = twoPt(m[3]!);
      pts.set(m[1]!, foot(P(m[2]!), a, b));
      continue;
    }
    if ((m = /^Let ([A-Z]) be the intersection of lines ([A-Z]{2}) and ([A-Z]{2})\.$/.exec(s))) {
      const [a, b] = twoPt(m[2]!);
      const [p, q] = twoPt(m[3]!);
      // Solve a + t(b − a) on line pq: imaginary part of ((a + t(b−a) − p)/(q − p)) = 0.
      const u = over(minus(a, p), minus(q, p));
      const v = over(minus(b, a), minus(q, p));
      pts.set(m[1]!, plus(a, real(-u.im / v.im, minus(b, a))));
      continue;
    }
    if ((m = /^Let ([A-Z]) be the (centroid|circumcenter|incenter|orthocenter) of triangle ([A-Z]{3})\.$/.exec(s))) {
      const [a, b, d] = m[3]!.split('').map(P) as [C, C, C];
      const G = real(1 / 3, plus(plus(a, b), d));
      // Circumcentre: the point equidistant from all three, by solving two perpendicular bisectors.
      const mab = real(0.5, plus(a, b));
      const mad = real(0.5, plus(a, d));
      const rab = times(minus(b, a), c(0, 1));
      const rad = times(minus(d, a), c(0, 1));
      const u = over(minus(mab, mad), rad);
      const v = over(rab, rad);
      const O = plus(mab, real(-u.im / v.im, rab));
      const [la, lb, ld] = [abs(minus(b, d)), abs(minus(d, a)), abs(minus(a, b))];
      const I = real(1 / (la + lb + ld), plus(plus(real(la, a), real(lb, b)), real(ld, d)));
      const H = minus(plus(plus(a, b), d), real(2, O));
      pts.set(m[1]!, { centroid: G, circumcenter: O, incenter: I, orthocenter: H }[m[2] as 'centroid']);
      continue;
    }
    if ((m = /^Let (\S) be the circle with center ([A-Z]) passing through point ([A-Z])\.$/.exec(s))) {
      circles.set(m[1]!, { c: P(m[2]!), r: abs(minus(P(m[3]!), P(m[2]!))) });
      continue;
    }
    if ((m = /^Let (\S) be the circle with center ([A-Z]) and radius (\d+)\.$/.exec(s))) {
      circles.set(m[1]!, { c: P(m[2]!), r: Number(m[3]) });
      continue;
    }
    if ((m = /^Let (\S) be the circle with center ([A-Z]) that is externally tangent to circle (\S)\.$/.exec(s))) {
      const w = circles.get(m[3]!)!;
      circles.set(m[1]!, { c: P(m[2]!), r: abs(minus(P(m[2]!), w.c)) - w.r });
      continue;
    }
    if ((m = /^Let ([A-Z]) be the inversion of point ([A-Z]) in circle (\S)\.$/.exec(s))) {
      const w = circles.get(m[3]!)!;
      // z* = c + r² / conj(z − c)
      pts.set(m[1]!, plus(w.c, over(c(w.r * w.r), conj(minus(P(m[2]!), w.c)))));
      continue;
    }
    if ((m = /^Let ([A-Z]) be the point where ray ([A-Z])([A-Z]) meets circle (\S)\.$/.exec(s))) {
      const w = circles.get(m[4]!)!;
      const [a, b] = [P(m[2]!), P(m[3]!)];
      // Bisection along the ray for |a + t·u − c| = r (a is inside the circle).
      const u = real(1 / abs(minus(b, a)), minus(b, a));
      let lo = 0;
      let hi = 4 * w.r + abs(minus(a, w.c));
      for (let k = 0; k < 200; k++) {
        const t = (lo + hi) / 2;
        if (abs(minus(plus(a, real(t, u)), w.c)) < w.r) lo = t;
        else hi = t;
      }
      pts.set(m[1]!, plus(a, real(lo, u)));
      continue;
    }
    if ((m = /^What is the length of segment ([A-Z])([A-Z])\?/.exec(s))) return abs(minus(P(m[1]!), P(m[2]!)));
    if ((m = /^What is the measure of angle ([A-Z])([A-Z])([A-Z]), in radians/.exec(s))) {
      const q = over(minus(P(m[1]!), P(m[2]!)), minus(P(m[3]!), P(m[2]!)));
      return Math.abs(Math.atan2(q.im, q.re));
    }
    if ((m = /^What is the area of triangle ([A-Z])([A-Z])([A-Z])\?/.exec(s))) {
      const [a, b, d] = [P(m[1]!), P(m[2]!), P(m[3]!)];
      return Math.abs(times(conj(minus(b, a)), minus(d, a)).im) / 2;
    }
    if ((m = /^What is the radius of circle (\S)\?/.exec(s))) return circles.get(m[1]!)!.r;
    if ((m = /^What is the (inradius|circumradius) of triangle ([A-Z])([A-Z])([A-Z])\?/.exec(s))) {
      const [a, b, d] = [P(m[2]!), P(m[3]!), P(m[4]!)];
      const [x, y, z] = [abs(minus(b, d)), abs(minus(d, a)), abs(minus(a, b))];
      const area = Math.abs(times(conj(minus(b, a)), minus(d, a)).im) / 2;
      return m[1] === 'inradius' ? (2 * area) / (x + y + z) : (x * y * z) / (4 * area);
    }
    throw new Error(`unread sentence: ${s}`);
  }
  throw new Error('no question found');
}

describe('geometry_{basic,circle,triangle,polygon}', () => {
  for (const fam of ['basic', 'circle', 'triangle', 'polygon']) {
    it(`geometry_${fam}: rebuilding the figure from the English gives the recorded value and the answer`, () => {
      for (let level = 1; level <= 5; level++) {
        for (const p of items(`geometry_${fam}`, level, level <= 2 ? 8 : 3)) {
          const text = promptOf(p).replace(
            / Express your answer as a decimal number rounded to 2 decimal places\.$/,
            '',
          );
          const v = rebuild(text);
          expect(Math.abs(v - inputsOf(p).value)).toBeLessThan(1e-6 * Math.max(1, v));
          expect(p.verify(`\\boxed{${v.toFixed(2)}}`).correct).toBe(true);
          expect(answerOf(p).places).toBe(2);
          const steps = inputsOf(p).steps as unknown[];
          expect(steps.length).toBe(p.difficulty.steps);
          if (inputsOf(p).measure.kind === 'angle') expect(v).toBeLessThanOrEqual(Math.PI);
        }
      }
    });
  }

  // Issue 17: the key assumed counterclockwise labels and rotations without saying so; labelled
  // the other way, the same figure gave another answer for about half the items.
  for (const fam of ['triangle', 'polygon']) {
    it(`geometry_${fam}: the prompt states the labelling and rotation direction, and the other labelling would change the answer`, () => {
      let changed = 0;
      let withRotation = 0;
      for (const p of items(`geometry_${fam}`, 1, 40, 'orientation')) {
        const text = promptOf(p);
        expect(text).toMatch(/its vertices [A-Z](, [A-Z])+ in counterclockwise order\./);
        const rotations = text.match(/by angle \S+ (\w+) around/g) ?? [];
        for (const r of rotations) expect(r).toMatch(/ counterclockwise around$/);
        const body = text.replace(/ Express your answer as a decimal number rounded to 2 decimal places\.$/, '');
        const stated = rebuild(body);
        const flipped = rebuild(body, true);
        expect(Math.abs(stated - inputsOf(p).value)).toBeLessThan(1e-6 * Math.max(1, stated));
        if (rotations.length > 0) withRotation++;
        if (Math.abs(flipped - stated) > 0.01) {
          changed++;
          // Only a rotation can tell the two labellings apart (every other step is mirror-symmetric).
          expect(rotations.length).toBeGreaterThan(0);
          expect(p.verify(`\\boxed{${flipped.toFixed(2)}}`).correct).toBe(false);
        }
      }
      expect(withRotation).toBeGreaterThan(0);
      expect(changed).toBeGreaterThan(0);
    });
  }

  it('geometry_basic and geometry_circle start from a segment: the mirror image has the same answer, and rotations still state their direction', () => {
    for (const fam of ['basic', 'circle']) {
      for (const p of items(`geometry_${fam}`, 2, 10, 'orientation')) {
        const text = promptOf(p);
        expect(text).not.toMatch(/ in (counter)?clockwise order/);
        for (const r of text.match(/by angle \S+ (\w+) around/g) ?? []) expect(r).toMatch(/ counterclockwise around$/);
        const body = text.replace(/ Express your answer as a decimal number rounded to 2 decimal places\.$/, '');
        const mirrored = rebuild(body.replace(/ counterclockwise around/g, ' clockwise around'));
        expect(Math.abs(mirrored - inputsOf(p).value)).toBeLessThan(1e-6 * Math.max(1, mirrored));
      }
    }
  });

  it('judges a 2-decimal answer against the value carried to 10 decimals (upstream stored 4 decimals and matched exactly)', () => {
    const [p] = items('geometry_basic', 1, 1);
    const v = inputsOf(p!).value as number;
    expect(p!.verify(`\\boxed{${v.toFixed(2)}}`).correct).toBe(true);
    // Issue 17: an unrounded value is not "rounded to 2 decimal places" (unless its extra digits are zeros).
    expect(p!.verify(`\\boxed{${v.toFixed(4)}}`).correct).toBe(/00$/.test(v.toFixed(4)));
    expect(p!.verify(`\\boxed{${v.toFixed(2)}00}`).correct).toBe(true);
    expect(p!.verify(`\\boxed{${(v + 0.011).toFixed(2)}}`).correct).toBe(false);
  });
});
