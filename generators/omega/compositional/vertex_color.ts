// Compositional setting 6, vertex colouring + probability (OMEGA comp_vertex_color; modelled on
// AIME 2024 I #11). Skill A is geometry_polygon_color (rotating a coloured n-gon and comparing
// colours position by position); skill B is combinatory_probability_no_specific_letter_fixed
// (the probability that no copy of a letter lands on one of its original positions). Composed:
// the colouring is a random arrangement of r red and b blue vertices, and the question is the
// probability that *some* rotation sends every blue vertex to an originally red position, i.e.
// that for some rotation no blue "letter" is fixed. The event is a union over rotations, so
// neither one rotation check (A) nor one fixed-letter probability (B) gives it: overlapping
// rotations (and the symmetric colourings they share) have to be counted together.
import { Rational } from '../../../src/core/rational.js';
import { integerAnswer } from '../lib/answer.js';
import { defineFamily, guessInt, type Knob, drawKnob } from '../lib/family.js';
import { geometryPolygonColor } from '../geometry_polygon_color.js';
import { combinatoryProbabilityNoSpecificLetterFixed } from '../combinatory_probability_no_specific_letter_fixed.js';
import { defineSetting } from './lib/axis.js';

interface Level extends Record<string, unknown> {
  n: Knob;
}

export type Group = 'rotations' | 'symmetries';

/** The images of vertex set `mask` under the group (rotations, or rotations and reflections). */
function images(n: number, mask: number, group: Group): number[] {
  const full = (1 << n) - 1;
  const out: number[] = [];
  for (let k = 0; k < n; k++) out.push(((mask << k) | (mask >>> (n - k))) & full);
  if (group === 'symmetries') {
    let mirrored = 0;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) mirrored |= 1 << ((n - i) % n);
    for (let k = 0; k < n; k++) out.push(((mirrored << k) | (mirrored >>> (n - k))) & full);
  }
  return out;
}

/** Can some group element send every blue vertex to an originally red one? */
export function movesBlueOntoRed(n: number, blue: number, group: Group): boolean {
  return images(n, blue, group).some((img) => (img & blue) === 0);
}

/** A colouring model: exactly b blue in uniformly random positions, or each vertex blue with probability p. */
export type Colouring = { kind: 'arrangement'; blue: number } | { kind: 'independent'; p: Rational };

/** Exact probability over all 2^n colourings, weighted by the colouring model. */
export function colourProbability(n: number, colouring: Colouring, group: Group): Rational {
  let hit = Rational.ZERO;
  let all = Rational.ZERO;
  const p = colouring.kind === 'independent' ? colouring.p : Rational.ZERO;
  const q = Rational.ONE.sub(p);
  const pow = (x: Rational, e: number) => {
    let r = Rational.ONE;
    for (let i = 0; i < e; i++) r = r.mul(x);
    return r;
  };
  const weights = Array.from({ length: n + 1 }, (_, b) =>
    colouring.kind === 'arrangement'
      ? b === colouring.blue
        ? Rational.ONE
        : Rational.ZERO
      : pow(p, b).mul(pow(q, n - b)),
  );
  for (let mask = 0; mask < 1 << n; mask++) {
    const w = weights[popcount(mask)]!;
    if (w.isZero()) continue;
    all = all.add(w);
    if (movesBlueOntoRed(n, mask, group)) hit = hit.add(w);
  }
  return hit.div(all)!;
}

export function popcount(x: number): number {
  let c = 0;
  for (; x; x &= x - 1) c++;
  return c;
}

const PROBS = [
  Rational.of(1, 2),
  Rational.of(1, 3),
  Rational.of(2, 3),
  Rational.of(1, 4),
  Rational.of(2, 5),
  Rational.of(3, 5),
];

const composed = defineFamily<Level>({
  family: 'compositional/vertex_color',
  domain: 'combinatorics',
  description:
    'Probability that a random red/blue colouring of an n-gon can be moved by a symmetry so blue lands on red (AIME 2024 I #11 style).',
  version: '1',
  levels: { 1: { n: [6, 8] }, 2: { n: [9, 11] }, 3: { n: [12, 14] } },
  knobs: ['n'],
  make(c, rng) {
    const n = drawKnob(rng, c.n);
    const group: Group = rng.pick(['rotations', 'symmetries'] as const);
    // With few blue vertices some rotation always works; the question is live from about n/3 up.
    const colouring: Colouring = rng.bool()
      ? { kind: 'arrangement', blue: rng.int(Math.max(2, Math.ceil(n / 3)), Math.floor(n / 2)) }
      : { kind: 'independent', p: rng.pick(PROBS) };
    const p = colourProbability(n, colouring, group);
    if (p.isZero() || p.eq(Rational.ONE)) return undefined;
    const how =
      colouring.kind === 'arrangement'
        ? `the colors are a uniformly random arrangement of ${n - colouring.blue} red and ${colouring.blue} blue vertices around the polygon (every arrangement equally likely)`
        : `each vertex is independently blue with probability ${colouring.p.toString()} and red otherwise`;
    const move =
      group === 'rotations'
        ? 'rotated'
        : 'rotated or reflected (any symmetry of the regular polygon, including doing nothing)';
    const question = `Each vertex of a regular ${n}-gon is colored red or blue: ${how}. What is the probability that the ${n}-gon can then be ${move} so that all of the blue vertices end up at positions where there were originally red vertices? If the probability can be written as $\\frac{m}{n}$, where $m$ and $n$ are relatively prime positive integers, find $m + n$.`;
    return {
      question,
      answer: integerAnswer(p.num + p.den),
      inputs: {
        n,
        group,
        colouring:
          colouring.kind === 'arrangement'
            ? { kind: 'arrangement', blue: colouring.blue }
            : { kind: 'independent', p: colouring.p.toString() },
        probability: p.toString(),
      },
      knobs: { n, group, colouring: colouring.kind },
      guess: guessInt(2, 5000),
    };
  },
});

export const vertexColor = defineSetting({
  axis: 'compositional',
  setting: 'vertex_color',
  description:
    'OMEGA compositional 6: polygon colouring under rotation (A) + fixed-letter probability (B) → probability some rotation maps blue onto red (composed).',
  version: '2',
  parts: { a: geometryPolygonColor, b: combinatoryProbabilityNoSpecificLetterFixed, composed },
  testParts: ['composed'],
});
