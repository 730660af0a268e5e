// geometry_polygon_color: red/blue colourings of a regular n-gon's vertices under rotation (a
// rotation by r moves the vertex at position i to position i + r, clockwise). Three subtypes:
// count the completions of three uncoloured vertices for which some rotation (identity included)
// puts every vertex of colour C on an originally other-coloured position; count such vertices
// for a given rotation; or the maximum of that count over the rotations 1..n−1. Exhaustive.
import type { Rng } from '../../src/core/rng.js';
import { integerAnswer } from './lib/answer.js';
import { defineFamily, drawKnob, guessInt, type Knob } from './lib/family.js';

interface Level extends Record<string, unknown> {
  vertices: Knob;
}

export type Colour = 'red' | 'blue';
const other = (c: Colour): Colour => (c === 'red' ? 'blue' : 'red');

/** Vertices of colour c that land, after rotating by r, on positions originally of the other colour. */
export function movedOnto(colours: readonly Colour[], c: Colour, r: number): number {
  const n = colours.length;
  let k = 0;
  for (let i = 0; i < n; i++) if (colours[i] === c && colours[(i + r) % n] === other(c)) k++;
  return k;
}

/** Does some rotation (0..n−1) put every vertex of colour c on an originally other-coloured position? */
export function someRotationWorks(colours: readonly Colour[], c: Colour): boolean {
  const total = colours.filter((x) => x === c).length;
  for (let r = 0; r < colours.length; r++) if (movedOnto(colours, c, r) === total) return true;
  return false;
}

const describe = (colours: readonly (Colour | undefined)[]) =>
  colours.map((c, i) => `vertex ${i} is ${c ?? 'uncolored'}`).join(', ');

function draw(n: number, rng: Rng) {
  const colours: Colour[] = Array.from({ length: n }, () => (rng.bool() ? 'red' : 'blue'));
  const c: Colour = rng.bool() ? 'red' : 'blue';
  const head = `A regular ${n}-gon has its vertices numbered 0 to ${n - 1} in clockwise order.`;
  const kind = rng.weighted([0.4, 0.2, 0.4]);
  if (kind === 0) {
    const blank = rng
      .sample(
        Array.from({ length: n }, (_, i) => i),
        3,
      )
      .sort((a, b) => a - b);
    const shown = colours.map((x, i) => (blank.includes(i) ? undefined : x));
    let good = 0;
    for (let mask = 0; mask < 8; mask++) {
      const full = shown.slice() as Colour[];
      for (const [j, v] of blank.entries()) full[v] = (mask >> j) & 1 ? 'red' : 'blue';
      if (someRotationWorks(full, c)) good++;
    }
    return {
      question: `${head} Its vertices are colored as follows: ${describe(shown)}. Each of the 3 uncolored vertices is then colored red or blue, giving 8 possible colorings. For how many of these 8 colorings is there a rotation of the ${n}-gon (possibly by 0 positions) after which every ${c} vertex lies at a position where there was originally a ${other(c)} vertex?`,
      answer: good,
      inputs: { subtype: 'completions', n, colours: shown.map((x) => x ?? null), colour: c },
    };
  }
  const intro = `${head} The ${n}-gon is colored so that, in clockwise order, ${describe(colours)}.`;
  if (kind === 1) {
    const r = rng.int(1, n - 1);
    return {
      question: `${intro} The ${n}-gon is then rotated clockwise by ${r} position${r > 1 ? 's' : ''}, so that the vertex at position i moves to position i + ${r} (mod ${n}). How many ${c} vertices are now in positions where there were originally ${other(c)} vertices?`,
      answer: movedOnto(colours, c, r),
      inputs: { subtype: 'given_rotation', n, colours, colour: c, rotation: r },
    };
  }
  let best = 0;
  for (let r = 1; r < n; r++) best = Math.max(best, movedOnto(colours, c, r));
  return {
    question: `${intro} The ${n}-gon is then rotated clockwise by some number of positions between 1 and ${n - 1}. What is the maximum number of ${c} vertices that can end up in positions where there were originally ${other(c)} vertices?`,
    answer: best,
    inputs: { subtype: 'max_over_rotations', n, colours, colour: c },
  };
}

export const geometryPolygonColor = defineFamily<Level>({
  family: 'geometry_polygon_color',
  domain: 'geometry',
  description:
    'OMEGA geometry_polygon_color: red/blue vertex colourings of a regular polygon under rotation (exhaustive); levels grow the vertex count (1–5).',
  version: '1',
  levels: {
    1: { vertices: [6, 7] },
    2: { vertices: [8, 9] },
    3: { vertices: [10, 11] },
    4: { vertices: [12, 13] },
    5: { vertices: [14, 15] },
  },
  knobs: ['vertices'],
  make(c, rng) {
    const n = drawKnob(rng, c.vertices);
    const d = draw(n, rng);
    return {
      question: d.question,
      answer: integerAnswer(d.answer),
      inputs: d.inputs,
      knobs: { vertices: n, subtype: d.inputs.subtype },
      guess: guessInt(0, d.inputs.subtype === 'completions' ? 8 : Math.ceil(n / 2)),
    };
  },
});
