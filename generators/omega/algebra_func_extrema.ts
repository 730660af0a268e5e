// algebra_func_extrema: how many local extrema (or minima, or maxima) does a composite function
// have in (-10, 10)? Critical points come from the chain rule in closed form; each is classified
// by the sign of f' on the pieces either side of it.
import { integerAnswer } from './lib/answer.js';
import { defineFamily, guessInt } from './lib/family.js';
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

export const algebraFuncExtrema = defineFamily<FuncLevel>({
  family: 'algebra_func_extrema',
  domain: 'algebra',
  description:
    'OMEGA algebra_func_extrema: number of local extrema/minima/maxima of a composite function in (-10, 10); levels deepen the composition (1–5).',
  version: '1',
  levels: FUNC_LEVELS,
  knobs: ['components'],
  make(c, rng) {
    const d = analysedChain(rng, c.components);
    if (!d) return undefined;
    const ext = stable(() => d.a.extrema());
    if (!ext) return undefined;
    const ask = rng.pick(['extrema', 'min', 'max'] as const);
    const n = ask === 'extrema' ? ext.length : ext.filter((e) => e.kind === ask).length;
    if (!countOk(n)) return undefined;
    const what = ask === 'extrema' ? 'local extrema' : ask === 'min' ? 'local minimum points' : 'local maximum points';
    return {
      question: `Find the number of ${what} of f(x) = ${fText(d.f)} for -10 < x < 10.`,
      answer: integerAnswer(n),
      inputs: { f: chainJson(d.f), interval: [-10, 10], ask, extrema: ext.map((e) => ({ x: e.x, kind: e.kind })) },
      knobs: { components: c.components, score: scoreOf(d.f), ask },
      guess: guessInt(4, 40),
    };
  },
});
