// arithmetic_mixed: evaluate an expression of + − × ÷ over integers; the answer is a reduced
// fraction (exact rational arithmetic). Level 5 names one operand in a "Let … be …" prefix.
import { Rational } from '../../src/core/rational.js';
import { rationalAnswer } from './lib/answer.js';
import { defineConstant, evaluate, freshLetters, leaves, randomExpression, render } from './lib/expression.js';
import { defineFamily, drawKnob, drawReal, type Knob } from './lib/family.js';

interface Level extends Record<string, unknown> {
  ops: Knob;
  entropy: Knob;
}

const INSTRUCTION = 'Express your answer as an integer or in the form p/q where p and q are coprime.';
const TEMPLATES = [
  (e: string) => `What is ${e}? ${INSTRUCTION}`,
  (e: string) => `Evaluate ${e}. ${INSTRUCTION}`,
  (e: string) => `Calculate ${e}. ${INSTRUCTION}`,
  (e: string) => `What is the value of ${e}? ${INSTRUCTION}`,
];

/** Operators in the expression: one per five digits of budget, at least one. */
export function operatorCount(entropy: number): number {
  return 1 + Math.floor(entropy / 5);
}

export const arithmeticMixed = defineFamily<Level>({
  family: 'arithmetic_mixed',
  domain: 'arithmetic',
  description:
    'OMEGA arithmetic_mixed: exact value of a + − × ÷ expression as a reduced fraction; levels grow the digit budget and operator count (1–5).',
  version: '1',
  levels: {
    1: { ops: 1, entropy: [4, 9] },
    2: { ops: 1, entropy: [10, 14] },
    3: { ops: 1, entropy: [14, 16] },
    4: { ops: 1, entropy: [16, 20] },
    5: { ops: 2, entropy: [20, 25] },
  },
  knobs: ['ops', 'entropy'],
  make(c, rng) {
    const ops = drawKnob(rng, c.ops);
    const entropy = drawReal(rng, c.entropy);
    const operators = operatorCount(entropy);
    const expr = randomExpression(rng, operators, entropy);
    const value = evaluate(expr);
    // Keep answers a person could write down: bounded numerator and denominator.
    if (!value || value.den > 10n ** 6n || value.num.toString().replace('-', '').length > 14) return undefined;
    const full = render(expr);
    let prefix = '';
    if (ops >= 2) {
      const leaf = rng.pick(leaves(expr));
      const [name] = freshLetters(rng, 1, ['p', 'q']);
      prefix = `${defineConstant(name!, leaf.value, rng, 1.5)} `;
      leaf.name = name;
    }
    const shown = render(expr);
    return {
      question: prefix + rng.pick(TEMPLATES)(shown),
      answer: rationalAnswer(value),
      inputs: { expression: full, value: value.toString(), composed: ops >= 2 },
      knobs: { ops, entropy, operators },
      guess: (r) => Rational.of(BigInt(r.int(-200, 200)), BigInt(r.int(1, 12))).toString(),
    };
  },
});
