// arithmetic_matrix_power: a statistic of A^k (sum of entries, sum of absolute values, or one
// entry), exact in BigInt.
import { integerAnswer } from './lib/answer.js';
import { defineFamily, drawKnob, guessInt, type Knob } from './lib/family.js';
import {
  formatMatrix,
  matrixJson,
  power,
  randomMatrix,
  sumAbsEntries,
  sumEntries,
  type MatrixType,
} from './lib/matrix.js';

interface Level extends Record<string, unknown> {
  n: number;
  range: number;
  exponent: Knob;
  types: MatrixType[];
}

const ALL: MatrixType[] = ['plain', 'symmetric', 'upper'];
const PS: MatrixType[] = ['plain', 'symmetric'];

export const arithmeticMatrixPower = defineFamily<Level>({
  family: 'arithmetic_matrix_power',
  domain: 'arithmetic',
  description:
    'OMEGA arithmetic_matrix_power: a statistic of A^k; levels grow the size, entry range and exponent (1–7).',
  version: '1',
  levels: {
    1: { n: 3, range: 3, exponent: [2, 3], types: ALL },
    2: { n: 4, range: 4, exponent: [3, 4], types: PS },
    3: { n: 5, range: 5, exponent: [4, 5], types: PS },
    4: { n: 6, range: 6, exponent: [4, 5], types: PS },
    5: { n: 8, range: 12, exponent: [5, 7], types: PS },
    6: { n: 10, range: 14, exponent: [6, 8], types: PS },
    7: { n: 12, range: 16, exponent: [7, 9], types: PS },
  },
  knobs: ['n', 'range', 'exponent'],
  make(c, rng) {
    const type = rng.pick(c.types);
    const a = randomMatrix(rng, c.n, c.n, c.range, type);
    const k = drawKnob(rng, c.exponent);
    const p = power(a, k);
    const stat = rng.pick(['sum', 'sum_abs', 'entry'] as const);
    const at: [number, number] = [rng.int(0, c.n - 1), rng.int(0, c.n - 1)];
    const value = stat === 'sum' ? sumEntries(p) : stat === 'sum_abs' ? sumAbsEntries(p) : p[at[0]]![at[1]]!;
    const ask =
      stat === 'sum'
        ? 'What is the sum of all entries of'
        : stat === 'sum_abs'
          ? 'What is the sum of the absolute values of all entries of'
          : `What is the entry at position (${at[0] + 1}, ${at[1] + 1}) (row, column, counted from 1) of`;
    return {
      question: `${ask} A^${k}, where\n\nA =\n${formatMatrix(a)}`,
      answer: integerAnswer(value),
      inputs: {
        matrix: matrixJson(a),
        type,
        exponent: k,
        statistic: stat,
        ...(stat === 'entry' ? { position: [at[0] + 1, at[1] + 1] } : {}),
      },
      knobs: { n: c.n, range: c.range, exponent: k, type, statistic: stat },
      guess: guessInt(-1000, 1000),
    };
  },
});
