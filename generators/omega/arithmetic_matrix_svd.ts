// arithmetic_matrix_svd: the largest singular value, the sum of singular values, or the spread
// σmax − σmin, rounded. Singular values are the square roots of the eigenvalues of the exact
// integer AᵀA (Jacobi); answers within 1e-4 of a rounding boundary are dropped.
import { integerAnswer } from './lib/answer.js';
import { defineFamily, guessInt } from './lib/family.js';
import { formatMatrix, matrixJson, randomMatrix, singularValues, stableRound } from './lib/matrix.js';

interface Level extends Record<string, unknown> {
  n: number;
  range: number;
}

export type SvdStat = 'max' | 'sum' | 'spread';

export function svdStatistic(sigma: number[], stat: SvdStat): number {
  const max = Math.max(...sigma);
  return stat === 'max' ? max : stat === 'sum' ? sigma.reduce((s, v) => s + v, 0) : max - Math.min(...sigma);
}

const ASK: Record<SvdStat, string> = {
  max: 'What is the largest singular value of the matrix A below? Round to the nearest integer.',
  sum: 'What is the sum of all singular values of the matrix A below? Round to the nearest integer.',
  spread:
    'What is the difference between the largest and the smallest singular value of the matrix A below? Round to the nearest integer.',
};

export const arithmeticMatrixSvd = defineFamily<Level>({
  family: 'arithmetic_matrix_svd',
  domain: 'arithmetic',
  description:
    'OMEGA arithmetic_matrix_svd: a singular-value statistic, rounded; levels grow the size and entry range (1–7).',
  version: '1',
  levels: {
    1: { n: 4, range: 4 },
    2: { n: 5, range: 6 },
    3: { n: 6, range: 10 },
    4: { n: 7, range: 12 },
    5: { n: 9, range: 18 },
    6: { n: 10, range: 22 },
    7: { n: 12, range: 26 },
  },
  knobs: ['n', 'range'],
  make(c, rng) {
    const a = randomMatrix(rng, c.n, c.n, c.range);
    const stat = rng.pick(['max', 'sum', 'spread'] as const);
    const value = svdStatistic(singularValues(a), stat);
    const rounded = stableRound(value);
    if (rounded === undefined) return undefined;
    return {
      question: `${ASK[stat]}\n\nA =\n${formatMatrix(a)}`,
      answer: integerAnswer(rounded),
      inputs: { matrix: matrixJson(a), statistic: stat, value },
      knobs: { n: c.n, range: c.range, statistic: stat },
      guess: guessInt(0, c.n * c.range * (stat === 'sum' ? 2 : 1)),
    };
  },
});
