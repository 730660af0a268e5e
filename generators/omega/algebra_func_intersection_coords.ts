// algebra_func_intersection_coords: functions f and g that cross one to three times in
// [-10, 10]; ask for the rounded x of the only crossing, the leftmost, the rightmost, the k-th
// from the left, or the rounded sum or average of all of them. Crossings are certified and
// refined to machine precision; answers near x.5 are dropped.
import { integerAnswer } from './lib/answer.js';
import { defineFamily, guessInt } from './lib/family.js';
import { crossings, gridSignChanges } from './lib/function_analysis.js';
import {
  FUNC_LEVELS,
  analysedChain,
  chainJson,
  fText,
  roundStable,
  scoreOf,
  stable,
  type FuncLevel,
} from './lib/function_family.js';

const ORD = ['first', 'second', 'third'];

export const algebraFuncIntersectionCoords = defineFamily<FuncLevel>({
  family: 'algebra_func_intersection_coords',
  domain: 'algebra',
  description:
    'OMEGA algebra_func_intersection_coords: rounded x of chosen crossings of f and g (1–3 crossings); levels deepen the composition and raise the score floor (1–5).',
  version: '1',
  levels: FUNC_LEVELS,
  knobs: ['components', 'minScore'],
  make(c, rng) {
    const f = analysedChain(rng, c.components);
    const g = f && analysedChain(rng, c.components - 1);
    if (!f || !g) return undefined;
    // Heavily oscillating pairs cost the most and rarely pass the crossing-count filter.
    if (f.a.criticalPoints().length + g.a.criticalPoints().length > 300) return undefined;
    const score = scoreOf(f.f, g.f);
    if (score < c.minScore) return undefined;
    // Screen: more than 3 crossings already visible on a grid, or none, and the draw is redone.
    const seen = gridSignChanges(f.a, g.a);
    if (seen > 3 || seen < 1) return undefined;
    const xs = stable(() => crossings(f.a, g.a, 3));
    if (!xs || xs.length < 1 || xs.length > 3) return undefined;
    let ask: string;
    let x: number;
    if (xs.length === 1) {
      ask = 'the x-coordinate where f(x) and g(x) intersect';
      x = xs[0]!;
    } else {
      const sel = rng.pick(['leftmost', 'rightmost', 'kth', 'sum', 'average'] as const);
      if (sel === 'leftmost') {
        ask = 'the x-coordinate of the leftmost intersection point of f(x) and g(x)';
        x = xs[0]!;
      } else if (sel === 'rightmost') {
        ask = 'the x-coordinate of the rightmost intersection point of f(x) and g(x)';
        x = xs[xs.length - 1]!;
      } else if (sel === 'kth') {
        const k = rng.int(0, xs.length - 1);
        ask = `the x-coordinate of the ${ORD[k]} intersection point of f(x) and g(x), counting from the left`;
        x = xs[k]!;
      } else if (sel === 'sum') {
        ask = 'the sum of all x-coordinates where f(x) and g(x) intersect';
        x = xs.reduce((s, v) => s + v, 0);
      } else {
        ask = 'the average of all x-coordinates where f(x) and g(x) intersect';
        x = xs.reduce((s, v) => s + v, 0) / xs.length;
      }
    }
    const rounded = roundStable(x);
    if (rounded === undefined) return undefined;
    return {
      question: `Find ${ask} in the interval [-10, 10], where f(x) = ${fText(f.f)} and g(x) = ${fText(g.f)}. Round your answer to the nearest integer.`,
      answer: integerAnswer(rounded),
      inputs: { f: chainJson(f.f), g: chainJson(g.f), interval: [-10, 10], crossings: xs, value: x },
      knobs: { components: c.components, minScore: c.minScore, score },
      guess: guessInt(-10, 10),
    };
  },
});
