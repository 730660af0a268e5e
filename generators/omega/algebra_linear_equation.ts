// algebra_linear_equation: a linear system in `vars` unknowns with a unique integer solution;
// ask for one unknown (mathematics_dataset's linear_N_vars). The solution is drawn first, so it
// is integral by construction; the coefficient matrix is non-singular (exact determinant).
import { Rational } from '../../src/core/rational.js';
import type { Rng } from '../../src/core/rng.js';
import { integerAnswer } from './lib/answer.js';
import { defineConstant, freshLetters, signedInt } from './lib/expression.js';
import { defineFamily, drawKnob, drawReal, guessInt, type Knob } from './lib/family.js';
import { determinant } from './lib/matrix.js';
import { renderLinear } from './lib/polynomial.js';

interface Level extends Record<string, unknown> {
  vars: number;
  ops: Knob;
  entropy: Knob;
}

/** One equation Σ a_j·x_j = Σ a_j·s_j written with terms split over both sides and a shared constant. */
function renderEquation(
  rng: Rng,
  coefs: bigint[],
  names: string[],
  rhs: bigint,
  constDigits: number,
  constName?: { name: string; value: bigint },
): string {
  const left: { coef: bigint; name: string }[] = [];
  const right: { coef: bigint; name: string }[] = [];
  for (const [j, a] of coefs.entries()) {
    if (a === 0n) continue;
    if (rng.bool(0.6)) left.push({ coef: a, name: names[j]! });
    else right.push({ coef: -a, name: names[j]! });
  }
  // left − right = Σ a·x + kL − kR must equal Σ a·x − rhs, so kR = kL + rhs.
  const kL = constName ? constName.value : rng.bool(0.75) ? signedInt(rng, constDigits) : 0n;
  const kR = kL + rhs;
  const l = renderLinear(rng.shuffle(left), kL, constName?.name);
  const r = renderLinear(rng.shuffle(right), kR);
  return rng.bool() ? `${l} = ${r}` : `${r} = ${l}`;
}

export const algebraLinearEquation = defineFamily<Level>({
  family: 'algebra_linear_equation',
  domain: 'algebra',
  description:
    'OMEGA algebra_linear_equation: one unknown of an integer-solution linear system; levels grow the number of unknowns and the digit budget (1–5).',
  version: '1',
  levels: {
    1: { vars: 2, ops: 1, entropy: [8, 10] },
    2: { vars: 3, ops: [2, 3], entropy: [10, 12] },
    3: { vars: 4, ops: [2, 3], entropy: [12, 14] },
    4: { vars: 5, ops: [2, 3], entropy: [14, 16] },
    5: { vars: 6, ops: [3, 4], entropy: [16, 20] },
  },
  knobs: ['vars', 'ops', 'entropy'],
  make(c, rng) {
    const v = c.vars;
    const ops = drawKnob(rng, c.ops);
    const entropy = drawReal(rng, c.entropy);
    // The budget goes to the solution, the coefficients and one constant per equation.
    const coefDigits = Math.max(0.5, (entropy - v) / (v * v + v));
    const solution = Array.from({ length: v }, () => signedInt(rng, 1, true));
    const matrix = Array.from({ length: v }, () =>
      Array.from({ length: v }, () => (rng.bool(0.15) ? 0n : signedInt(rng, coefDigits))),
    );
    if (determinant(matrix) === 0n) return undefined;
    const names = freshLetters(rng, v + ops - 1);
    const unknowns = names.slice(0, v);
    const constNames = names.slice(v);
    const rhs = matrix.map((row) => row.reduce((s, a, j) => s + a * solution[j]!, 0n));
    // Named constants ("Let p be …") replace the constant of distinct equations.
    const named = new Map<number, { name: string; value: bigint }>();
    const prefix: string[] = [];
    const eqOrder = rng.shuffle(Array.from({ length: v }, (_, i) => i));
    for (const [k, name] of constNames.entries()) {
      if (k >= v) break;
      const value = signedInt(rng, Math.max(1, coefDigits + 1));
      named.set(eqOrder[k]!, { name, value });
      prefix.push(defineConstant(name, Rational.of(value), rng, 1.2));
    }
    const equations = matrix.map((row, i) =>
      renderEquation(rng, row, unknowns, rhs[i]!, Math.max(1, entropy / v - 1), named.get(i)),
    );
    const ask = rng.int(0, v - 1);
    const question = `${prefix.length ? `${prefix.join(' ')} ` : ''}Solve ${equations.join(', ')} for ${unknowns[ask]}.`;
    return {
      question,
      answer: integerAnswer(solution[ask]!),
      inputs: {
        unknowns,
        coefficients: matrix.map((r) => r.map(String)),
        rhs: rhs.map(String),
        solution: solution.map(String),
        asked: unknowns[ask],
        constants: Object.fromEntries([...named.values()].map((n) => [n.name, n.value.toString()])),
        equations,
      },
      knobs: { vars: v, ops, entropy },
      guess: guessInt(-10, 10),
    };
  },
});
