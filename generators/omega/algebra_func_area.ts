// algebra_func_area: the area between f and g over [a, b], where a and b are two consecutive
// crossings of f and g in [-5, 5] rounded to one decimal (as upstream), to 1 decimal. The
// integral is cut at every corner and crossing and evaluated by composite Gauss–Legendre at
// two resolutions that must agree; results within 1e-6 of a rounding boundary are dropped.
import { decimalAnswerFromFloat } from './lib/answer.js';
import { defineFamily } from './lib/family.js';
import { crossings, gridSignChanges, integrateAbsDifference } from './lib/function_analysis.js';
import {
  FUNC_LEVELS,
  analysedChain,
  chainJson,
  fText,
  scoreOf,
  stable,
  type FuncLevel,
} from './lib/function_family.js';
import { evaluate } from './lib/functions.js';

/** x rounded to one decimal, unless x sits within 1e-6 of a rounding boundary. */
function round1(x: number): number | undefined {
  const t = x * 10;
  return Math.abs(t - Math.floor(t) - 0.5) < 1e-5 ? undefined : Math.round(t) / 10;
}

export const algebraFuncArea = defineFamily<FuncLevel>({
  family: 'algebra_func_area',
  domain: 'algebra',
  description:
    'OMEGA algebra_func_area: area between two composite functions over consecutive crossings, to 1 decimal; levels deepen the composition and raise the score floor (1–5).',
  version: '1',
  levels: FUNC_LEVELS,
  knobs: ['components', 'minScore', 'maxArea'],
  make(c, rng) {
    const f = analysedChain(rng, c.components, -5, 5);
    const g = f && analysedChain(rng, c.components - 1, -5, 5);
    if (!f || !g) return undefined;
    // Heavily oscillating pairs cost the most and rarely pass the crossing-count filter.
    if (f.a.criticalPoints().length + g.a.criticalPoints().length > 300) return undefined;
    const score = scoreOf(f.f, g.f);
    if (score < c.minScore) return undefined;
    // Screen: at least two crossings should show on a grid before the certified search runs.
    if (gridSignChanges(f.a, g.a) < 2) return undefined;
    const xs = stable(() => crossings(f.a, g.a, 50));
    if (!xs || xs.length < 2) return undefined;
    const i = rng.int(0, xs.length - 2);
    const a = round1(xs[i]!);
    const b = round1(xs[i + 1]!);
    if (a === undefined || b === undefined || b <= a) return undefined;
    // Both functions must be defined and finite on [a, b].
    if ([...f.a.poles, ...g.a.poles].some((p) => p > a - 0.1 && p < b + 0.1)) return undefined;
    const breaks = [...f.a.criticalPoints(), ...g.a.criticalPoints(), ...xs];
    const coarse = integrateAbsDifference(f.f, g.f, a, b, breaks, 16);
    const fine = integrateAbsDifference(f.f, g.f, a, b, breaks, 32);
    if (!Number.isFinite(fine) || Math.abs(coarse - fine) > 1e-8 * Math.max(1, fine)) return undefined;
    if (!(fine > 0.05) || fine > c.maxArea) return undefined;
    const t = fine * 10;
    if (Math.abs(t - Math.floor(t) - 0.5) < 1e-5) return undefined;
    if (![a, b].every((x) => Number.isFinite(evaluate(f.f, x)) && Number.isFinite(evaluate(g.f, x)))) return undefined;
    return {
      question: `Determine the area of the region enclosed by the graphs of f(x) = ${fText(f.f)} and g(x) = ${fText(g.f)} between the vertical lines x = ${a.toFixed(1)} and x = ${b.toFixed(1)}. Round to 1 decimal place.`,
      answer: decimalAnswerFromFloat(fine, 1, 12),
      inputs: { f: chainJson(f.f), g: chainJson(g.f), bounds: [a, b], crossings: xs, area: fine },
      knobs: { components: c.components, minScore: c.minScore, maxArea: c.maxArea, score },
      guess: (r) => (r.int(1, 200) / 10).toFixed(1),
    };
  },
});
