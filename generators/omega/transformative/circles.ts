// Transformative setting 7, circles (OMEGA trans_circles, "Advanced Spatial Reasoning").
// Familiar: small circle configurations that drawing or coordinates settle: lattice points on
// x² + y² = N for N ≤ 100 (try every x), regions cut by the chords among n ≤ 5 points on a circle
// and regions made by a couple of circles and lines (draw and count). Transformed: the same
// questions at sizes where drawing and trial are hopeless and a global argument decides:
// - lattice points on x² + y² = N for N up to ~10^12: r₂(N) = 4·(d₁(N) − d₃(N)) from the prime
//   factorisation (Fermat–Jacobi);
// - chords among n points (no three chords concurrent): 1 + C(n, 2) + C(n, 4) regions (each
//   chord adds one plus its crossings, each crossing is a 4-subset);
// - n circles and m lines in general position: each new curve adds as many regions as the pieces
//   it is cut into, giving 1 + m + C(m, 2) + Σ_j max(1, 2m + 2(j − 1)).
// The tests check each formula against brute force (enumeration, an Euler count).
import type { Rng } from '../../../src/core/rng.js';
import { integerAnswer } from '../lib/answer.js';
import { defineFamily, type Instance } from '../lib/family.js';
import { factorize } from '../lib/integers.js';
import { defineSetting } from '../compositional/lib/axis.js';
import { choose } from './prob_letter.js';

type Kind = 'lattice' | 'chords' | 'curves';
interface Level extends Record<string, unknown> {
  latticeMax: number;
  primes: readonly [number, number];
  chords: readonly [number, number];
  curves: readonly [number, number];
}

/** Lattice points on x² + y² = N by the divisor formula r₂(N) = 4·Σ_{d | N, d odd} (−1)^((d−1)/2). */
export function latticePointsFormula(N: bigint): bigint {
  let r = 4n;
  for (const [p, e] of factorize(N)) {
    if (p === 2n) continue;
    if (p % 4n === 1n) r *= BigInt(e + 1);
    else if (e % 2 === 1) return 0n;
  }
  return r;
}

export const chordRegions = (n: number): bigint => 1n + choose(n, 2) + choose(n, 4);

export function curveRegions(circles: number, lines: number): bigint {
  let r = 1n + BigInt(lines) + choose(lines, 2);
  for (let j = 1; j <= circles; j++) r += BigInt(Math.max(1, 2 * lines + 2 * (j - 1)));
  return r;
}

const PRIMES_1 = [5, 13, 17, 29, 37, 41, 53, 61, 73, 89, 97];
const PRIMES_3 = [3, 7, 11, 19, 23, 31, 43];

function latticeInstance(N: bigint): Instance {
  const v = latticePointsFormula(N);
  return {
    question: `How many points (x, y) with both coordinates integers lie on the circle x^2 + y^2 = ${N}?`,
    answer: integerAnswer(v),
    inputs: { kind: 'lattice', N: N.toString() },
    knobs: { kind: 'lattice', size: N.toString().length },
    guess: (r) => String(4 * r.int(0, 40)),
  };
}

function chordsInstance(n: number): Instance {
  return {
    question: `${n} points are placed on a circle, and every pair of them is joined by a chord. The points are in general position: no three chords pass through a common point inside the circle. Into how many regions do the chords divide the interior of the circle?`,
    answer: integerAnswer(chordRegions(n)),
    inputs: { kind: 'chords', n },
    knobs: { kind: 'chords', size: n },
    guess: (r) => String(r.int(1, 2 ** Math.min(n, 30))),
  };
}

function curvesInstance(circles: number, lines: number): Instance {
  return {
    question: `${circles} circle${circles === 1 ? '' : 's'} and ${lines} straight line${lines === 1 ? '' : 's'} are drawn in the plane in general position: every two circles meet in exactly two points, every line meets every circle in exactly two points, no two lines are parallel, and no three of the curves pass through a common point. Into how many regions do they divide the plane?`,
    answer: integerAnswer(curveRegions(circles, lines)),
    inputs: { kind: 'curves', circles, lines },
    knobs: { kind: 'curves', size: circles + lines },
    guess: (r) => String(r.int(1, (circles + lines + 1) ** 2 * 2)),
  };
}

function make(c: Level, rng: Rng, large: boolean): Instance | undefined {
  const kind: Kind = rng.pick(['lattice', 'chords', 'curves'] as const);
  if (kind === 'lattice') {
    if (!large) return latticeInstance(BigInt(rng.int(1, c.latticeMax)));
    // A product of prime powers chosen so the factorisation is the way in.
    let N = BigInt(rng.pick([1, 2, 4]));
    const parts = rng.int(c.primes[0], c.primes[1]);
    for (let i = 0; i < parts; i++) N *= BigInt(rng.pick(PRIMES_1)) ** BigInt(rng.int(1, 3));
    if (rng.bool(0.3)) N *= BigInt(rng.pick(PRIMES_3)) ** BigInt(rng.pick([1, 2, 2]));
    return latticeInstance(N);
  }
  if (kind === 'chords') return chordsInstance(rng.int(c.chords[0], c.chords[1]));
  return curvesInstance(rng.int(c.curves[0], c.curves[1]), rng.int(large ? c.curves[0] : 0, c.curves[1]));
}

const familiar = defineFamily<Level>({
  family: 'transformative/circles_small',
  domain: 'geometry',
  description:
    'Small circle configurations: lattice points for N ≤ 100, chords among ≤ 5 points, a few circles and lines.',
  version: '1',
  levels: {
    1: { latticeMax: 50, primes: [0, 0], chords: [2, 4], curves: [1, 2] },
    2: { latticeMax: 100, primes: [0, 0], chords: [3, 5], curves: [1, 3] },
  },
  knobs: ['latticeMax', 'chords', 'curves'],
  make: (c, rng) => make(c, rng, false),
});

const transformed = defineFamily<Level>({
  family: 'transformative/circles',
  domain: 'geometry',
  description:
    'Large circle configurations: lattice points on x² + y² = N (factorisation), chord regions, circle/line arrangements.',
  version: '1',
  levels: {
    1: { latticeMax: 0, primes: [2, 3], chords: [10, 25], curves: [6, 15] },
    2: { latticeMax: 0, primes: [3, 4], chords: [26, 60], curves: [16, 40] },
    3: { latticeMax: 0, primes: [4, 6], chords: [61, 150], curves: [41, 120] },
  },
  knobs: ['primes', 'chords', 'curves'],
  make: (c, rng) => make(c, rng, true),
});

export const transCircles = defineSetting({
  axis: 'transformative',
  setting: 'circles',
  description:
    'OMEGA transformative 7: small circle configurations (familiar, draw or try) → large ones (transformed, counting and number theory).',
  version: '1',
  parts: { familiar, transformed },
  testParts: ['transformed'],
});
