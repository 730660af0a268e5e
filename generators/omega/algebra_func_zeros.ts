// algebra_func_zeros: how many x in [-10, 10] make a composite function zero? The zeros are the
// level set f = 0, found by inverting the chain in closed form, so tangential zeros count and
// fast oscillation cannot hide any (upstream sampled 5000 points).
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

export const algebraFuncZeros = defineFamily<FuncLevel>({
  family: 'algebra_func_zeros',
  domain: 'algebra',
  description:
    'OMEGA algebra_func_zeros: number of zeros of a composite function on [-10, 10] (closed-form level sets); levels deepen the composition (1–5).',
  version: '1',
  levels: FUNC_LEVELS,
  knobs: ['components'],
  make(c, rng) {
    const d = analysedChain(rng, c.components);
    if (!d) return undefined;
    const zeros = stable(() => d.a.levelSet(0));
    if (!zeros || !countOk(zeros.length)) return undefined;
    return {
      question: `Determine the number of values x in [-10, 10] where f(x) = ${fText(d.f)} equals zero.`,
      answer: integerAnswer(zeros.length),
      inputs: { f: chainJson(d.f), interval: [-10, 10], zeros },
      knobs: { components: c.components, score: scoreOf(d.f) },
      guess: guessInt(4, 40),
    };
  },
});
