// arithmetic_gcd: the greatest common divisor of two integers built as p = v·a, q = v·b with a
// and b coprime, so the answer v is known by construction (mathematics_dataset's gcd module).
import { Rational } from '../../src/core/rational.js';
import { integerAnswer } from './lib/answer.js';
import { defineConstant, freshLetters } from './lib/expression.js';
import { defineFamily, drawKnob, drawReal, type Knob } from './lib/family.js';
import { gcdBig, integerWithDigits } from './lib/integers.js';

interface Level extends Record<string, unknown> {
  ops: Knob;
  entropy: Knob;
}

const TEMPLATES = [
  (p: string, q: string) => `What is the greatest common divisor of ${p} and ${q}?`,
  (p: string, q: string) => `Calculate the greatest common divisor of ${p} and ${q}.`,
  (p: string, q: string) => `What is the highest common factor of ${p} and ${q}?`,
  (p: string, q: string) => `Calculate the highest common factor of ${p} and ${q}.`,
];

export const arithmeticGcd = defineFamily<Level>({
  family: 'arithmetic_gcd',
  domain: 'arithmetic',
  description: 'OMEGA arithmetic_gcd: greatest common divisor of two integers; levels grow the digit budget (1–5).',
  version: '1',
  levels: {
    1: { ops: 1, entropy: [4, 7] },
    2: { ops: 1, entropy: [10, 12] },
    3: { ops: 1, entropy: [15, 20] },
    4: { ops: 1, entropy: [20, 25] },
    5: { ops: [1, 2], entropy: [25, 30] },
  },
  knobs: ['ops', 'entropy'],
  make(c, rng) {
    const ops = drawKnob(rng, c.ops);
    const entropy = drawReal(rng, c.entropy);
    // The digit budget is split between the common factor and the two cofactors.
    const w = [rng.float(1, 2), rng.float(1, 2), rng.float(1, 2)];
    const total = w[0]! + w[1]! + w[2]!;
    const [dv, da, db] = w.map((x) => (entropy * x) / total) as [number, number, number];
    const v = integerWithDigits(rng, dv);
    const a = integerWithDigits(rng, da);
    const b = integerWithDigits(rng, db);
    if (a === b || gcdBig(a, b) !== 1n) return undefined;
    const [p, q] = rng.bool() ? [v * a, v * b] : [v * b, v * a];
    let prefix = '';
    let shownP = p.toString();
    if (ops >= 2) {
      const [name] = freshLetters(rng, 1);
      prefix = `${defineConstant(name!, Rational.of(p), rng, Math.max(1, entropy / 10))} `;
      shownP = name!;
    }
    const question = prefix + rng.pick(TEMPLATES)(shownP, q.toString());
    const small = p < q ? p : q;
    return {
      question,
      answer: integerAnswer(v),
      inputs: { p: p.toString(), q: q.toString(), composed: ops >= 2 },
      knobs: { ops, entropy },
      guess: (r) => String(r.int(1, Number(small > 1000n ? 1000n : small))),
    };
  },
});
