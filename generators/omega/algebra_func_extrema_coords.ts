// algebra_func_extrema_coords: the x-coordinate (rounded) of a particular local extremum of a
// composite function in (-10, 10): the only one, the leftmost, the rightmost, the highest or
// lowest, or the average x of all of them. Ties in height and answers near x.5 are dropped;
// an instance without any extremum of the asked kind is redrawn (upstream turned it into a
// count question with answer 0).
import { integerAnswer } from './lib/answer.js';
import { defineFamily, guessInt } from './lib/family.js';
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

export const algebraFuncExtremaCoords = defineFamily<FuncLevel>({
  family: 'algebra_func_extrema_coords',
  domain: 'algebra',
  description:
    'OMEGA algebra_func_extrema_coords: rounded x of a chosen local extremum of a composite function; levels deepen the composition and raise the score floor (1–5).',
  version: '1',
  levels: FUNC_LEVELS,
  knobs: ['components', 'minScore'],
  make(c, rng) {
    const d = analysedChain(rng, c.components);
    if (!d) return undefined;
    const score = scoreOf(d.f);
    if (score < c.minScore) return undefined;
    const ext = stable(() => d.a.extrema());
    if (!ext) return undefined;
    const kind = rng.pick(['min', 'max', 'any'] as const);
    const pts = ext.filter((e) => kind === 'any' || e.kind === kind);
    if (pts.length === 0 || pts.length > 50) return undefined;
    const noun = kind === 'min' ? 'local minimum' : kind === 'max' ? 'local maximum' : 'local extremum';
    const plural = kind === 'min' ? 'local minima' : kind === 'max' ? 'local maxima' : 'local extrema';
    let ask: string;
    let x: number;
    const sel =
      pts.length === 1 ? 'unique' : rng.pick(['leftmost', 'rightmost', 'highest', 'lowest', 'average'] as const);
    if (sel === 'unique') {
      ask = `the x-coordinate of the ${noun}`;
      x = pts[0]!.x;
    } else if (sel === 'leftmost') {
      ask = `the x-coordinate of the leftmost ${noun}`;
      x = pts[0]!.x;
    } else if (sel === 'rightmost') {
      ask = `the x-coordinate of the rightmost ${noun}`;
      x = pts[pts.length - 1]!.x;
    } else if (sel === 'average') {
      ask = `the average of the x-coordinates of all ${plural}`;
      x = pts.reduce((s, p) => s + p.x, 0) / pts.length;
    } else {
      const sorted = pts.slice().sort((p, q) => (sel === 'highest' ? q.y - p.y : p.y - q.y));
      if (Math.abs(sorted[0]!.y - sorted[1]!.y) < 1e-6 * Math.max(1, Math.abs(sorted[0]!.y))) return undefined;
      ask = `the x-coordinate of the ${noun} with the ${sel === 'highest' ? 'largest' : 'smallest'} function value`;
      x = sorted[0]!.x;
    }
    const rounded = roundStable(x);
    if (rounded === undefined) return undefined;
    return {
      question: `Find ${ask} of the function f(x) = ${fText(d.f)} in the interval (-10, 10). Round to the nearest integer.`,
      answer: integerAnswer(rounded),
      inputs: {
        f: chainJson(d.f),
        interval: [-10, 10],
        kind,
        select: sel,
        extrema: pts.map((p) => ({ x: p.x, y: p.y, kind: p.kind })),
        value: x,
      },
      knobs: { components: c.components, minScore: c.minScore, score },
      guess: guessInt(-10, 10),
    };
  },
});
