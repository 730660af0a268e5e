// arithmetic_matrix_eigenvalues: the largest eigenvalue by absolute value, or the sum of the
// absolute values of all eigenvalues, rounded. Symmetric or upper-triangular integer matrices,
// so every eigenvalue is real. Symmetric spectra come from Jacobi rotations; an answer within
// 1e-4 of a rounding boundary is dropped. Triangular spectra are the diagonal, exactly.
import { integerAnswer } from './lib/answer.js';
import { defineFamily, guessInt } from './lib/family.js';
import { formatMatrix, matrixJson, randomMatrix, stableRound, symmetricEigenvalues, toFloat } from './lib/matrix.js';

interface Level extends Record<string, unknown> {
  n: number;
  range: number;
}

export type EigenStat = 'max_abs' | 'sum_abs';

export function eigenStatistic(eigenvalues: number[], stat: EigenStat): number {
  const abs = eigenvalues.map(Math.abs);
  return stat === 'max_abs' ? Math.max(...abs) : abs.reduce((s, v) => s + v, 0);
}

export const arithmeticMatrixEigenvalues = defineFamily<Level>({
  family: 'arithmetic_matrix_eigenvalues',
  domain: 'arithmetic',
  description:
    'OMEGA arithmetic_matrix_eigenvalues: largest |eigenvalue| or sum of |eigenvalues|, rounded; levels grow the size and entry range (1–7).',
  version: '1',
  levels: {
    1: { n: 3, range: 10 },
    2: { n: 4, range: 12 },
    3: { n: 6, range: 15 },
    4: { n: 7, range: 18 },
    5: { n: 9, range: 25 },
    6: { n: 10, range: 30 },
    7: { n: 12, range: 35 },
  },
  knobs: ['n', 'range'],
  make(c, rng) {
    const type = rng.pick(['symmetric', 'upper'] as const);
    const a = randomMatrix(rng, c.n, c.n, c.range, type);
    const eig = type === 'upper' ? a.map((r, i) => Number(r[i]!)) : symmetricEigenvalues(toFloat(a));
    const stat = rng.pick(['max_abs', 'sum_abs'] as const);
    const value = eigenStatistic(eig, stat);
    const rounded = stableRound(value);
    if (rounded === undefined) return undefined;
    const ask =
      stat === 'max_abs'
        ? 'Find the largest eigenvalue of the matrix A below by absolute value, and give its absolute value rounded to the nearest integer.'
        : 'Find the sum of the absolute values of all eigenvalues of the matrix A below, rounded to the nearest integer.';
    return {
      question: `${ask}\n\nA =\n${formatMatrix(a)}`,
      answer: integerAnswer(rounded),
      inputs: { matrix: matrixJson(a), type, statistic: stat, value },
      knobs: { n: c.n, range: c.range, type, statistic: stat },
      guess: guessInt(0, c.n * c.range * (stat === 'max_abs' ? 1 : 2)),
    };
  },
});
