// algebra_func_derivative_sign: the number of maximal connected intervals of [-10, 10] on which a
// composite function is strictly increasing (or decreasing). The sign of f' is constant between
// consecutive critical points and poles; runs of one sign merge across points where the sign
// does not change, and split at poles (the function is undefined there).
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

export const algebraFuncDerivativeSign = defineFamily<FuncLevel>({
  family: 'algebra_func_derivative_sign',
  domain: 'algebra',
  description:
    "OMEGA algebra_func_derivative_sign: maximal intervals where a composite function is increasing (f' > 0) or decreasing; levels deepen the composition (1–5).",
  version: '1',
  levels: FUNC_LEVELS,
  knobs: ['components'],
  make(c, rng) {
    const d = analysedChain(rng, c.components);
    if (!d) return undefined;
    const dir = rng.pick([1, -1] as const);
    const runs = stable(() => d.a.monotoneRuns(dir));
    if (runs === undefined || !countOk(runs)) return undefined;
    return {
      question: `Determine the number of maximal connected intervals in [-10, 10] where the function f(x) = ${fText(d.f)} is strictly ${dir > 0 ? 'increasing' : 'decreasing'}.`,
      answer: integerAnswer(runs),
      inputs: {
        f: chainJson(d.f),
        interval: [-10, 10],
        direction: dir > 0 ? 'increasing' : 'decreasing',
        poles: d.a.poles,
      },
      knobs: { components: c.components, score: scoreOf(d.f) },
      guess: guessInt(4, 40),
    };
  },
});
