// algebra_func_intersection: how many solutions does f(x) = g(x) have in [-10, 10]? f has
// level + 1 components and g one fewer. Crossings are isolated by interval bisection with
// certified enclosures of f − g and its slope; tangential or unresolvable instances are dropped.
import { integerAnswer } from './lib/answer.js';
import { defineFamily, guessInt, countNoun } from './lib/family.js';
import { crossings, gridSignChanges } from './lib/function_analysis.js';
import {
  FUNC_LEVELS,
  analysedChain,
  chainJson,
  countOk,
  fText,
  scoreOf,
  stable,
  type FuncLevel,
} from './lib/function_family.js';

export const algebraFuncIntersection = defineFamily<FuncLevel>({
  family: 'algebra_func_intersection',
  domain: 'algebra',
  description:
    'OMEGA algebra_func_intersection: number of solutions of f(x) = g(x) on [-10, 10] (certified root isolation); levels deepen the composition (1–5).',
  version: '1',
  levels: FUNC_LEVELS,
  knobs: ['components'],
  units: countNoun('solution'),
  make(c, rng) {
    const f = analysedChain(rng, c.components);
    const g = f && analysedChain(rng, c.components - 1);
    if (!f || !g) return undefined;
    // Heavily oscillating pairs cost the most and rarely pass the crossing-count filter.
    if (f.a.criticalPoints().length + g.a.criticalPoints().length > 1000) return undefined;
    // Screen: a grid that already shows more than 200 crossings, or fewer than 4, is redrawn.
    const seen = gridSignChanges(f.a, g.a);
    if (seen > 200 || seen < 4) return undefined;
    const xs = stable(() => crossings(f.a, g.a, 200));
    if (!xs || !countOk(xs.length)) return undefined;
    return {
      question: `How many solutions does the equation ${fText(f.f)} = ${fText(g.f)} have for x in the interval [-10, 10]?`,
      answer: integerAnswer(xs.length),
      inputs: { f: chainJson(f.f), g: chainJson(g.f), interval: [-10, 10], crossings: xs },
      knobs: { components: c.components, score: scoreOf(f.f, g.f) },
      guess: guessInt(4, 40),
    };
  },
});
