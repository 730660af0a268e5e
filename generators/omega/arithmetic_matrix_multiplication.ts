// arithmetic_matrix_multiplication: a statistic of A·B for an r×c and a c×c2 integer matrix,
// exact in BigInt. The trace is asked only when the product is square.
import { integerAnswer } from './lib/answer.js';
import { defineFamily, drawKnob, guessInt, type Knob } from './lib/family.js';
import { formatMatrix, matrixJson, multiply, randomMatrix, sumAbsEntries, sumEntries, trace } from './lib/matrix.js';

interface Level extends Record<string, unknown> {
  dim: Knob;
  range: number;
}

export const arithmeticMatrixMultiplication = defineFamily<Level>({
  family: 'arithmetic_matrix_multiplication',
  domain: 'arithmetic',
  description:
    'OMEGA arithmetic_matrix_multiplication: a statistic of A·B; levels grow the dimensions and entry range (1–7).',
  version: '1',
  levels: {
    1: { dim: [3, 5], range: 8 },
    2: { dim: [4, 6], range: 10 },
    3: { dim: [6, 7], range: 12 },
    4: { dim: [7, 8], range: 15 },
    5: { dim: [9, 10], range: 20 },
    6: { dim: [10, 11], range: 25 },
    7: { dim: [12, 14], range: 30 },
  },
  knobs: ['dim', 'range'],
  make(c, rng) {
    const [r, k, c2] = [drawKnob(rng, c.dim), drawKnob(rng, c.dim), drawKnob(rng, c.dim)];
    const a = randomMatrix(rng, r, k, c.range);
    const b = randomMatrix(rng, k, c2, c.range);
    const p = multiply(a, b);
    const stats = ['sum', 'sum_abs', 'entry', ...(r === c2 ? ['trace' as const] : [])] as const;
    const stat = rng.pick(stats);
    const at: [number, number] = [rng.int(0, r - 1), rng.int(0, c2 - 1)];
    const value =
      stat === 'sum'
        ? sumEntries(p)
        : stat === 'sum_abs'
          ? sumAbsEntries(p)
          : stat === 'trace'
            ? trace(p)
            : p[at[0]]![at[1]]!;
    const ask =
      stat === 'sum'
        ? 'What is the sum of all entries of'
        : stat === 'sum_abs'
          ? 'What is the sum of the absolute values of all entries of'
          : stat === 'trace'
            ? 'What is the trace of'
            : `What is the entry at position (${at[0] + 1}, ${at[1] + 1}) (row, column, counted from 1) of`;
    return {
      question: `${ask} the product A·B, where A is ${r}×${k} and B is ${k}×${c2}:\n\nA =\n${formatMatrix(a)}\n\nB =\n${formatMatrix(b)}`,
      answer: integerAnswer(value),
      inputs: {
        a: matrixJson(a),
        b: matrixJson(b),
        statistic: stat,
        ...(stat === 'entry' ? { position: [at[0] + 1, at[1] + 1] } : {}),
      },
      knobs: { dim: Math.max(r, k, c2), rows: r, inner: k, cols: c2, range: c.range, statistic: stat },
      guess: guessInt(-500, 500),
    };
  },
});
