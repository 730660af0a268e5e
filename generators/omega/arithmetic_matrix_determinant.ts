// arithmetic_matrix_determinant: det(A) mod 1000 of an integer matrix, non-zero by resampling.
// Exact: Bareiss elimination in BigInt.
import { integerAnswer } from './lib/answer.js';
import { defineFamily, guessInt } from './lib/family.js';
import { modBig } from './lib/integers.js';
import { determinant, formatMatrix, matrixJson, randomMatrix, type MatrixType } from './lib/matrix.js';

interface Level extends Record<string, unknown> {
  n: number;
  range: number;
}

const TYPES: MatrixType[] = ['plain', 'symmetric'];

export const arithmeticMatrixDeterminant = defineFamily<Level>({
  family: 'arithmetic_matrix_determinant',
  domain: 'arithmetic',
  description: 'OMEGA arithmetic_matrix_determinant: det(A) mod 1000; levels grow the size and entry range (1–7).',
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
    const type = rng.pick(TYPES);
    const a = randomMatrix(rng, c.n, c.n, c.range, type);
    const det = determinant(a);
    if (det === 0n) return undefined;
    return {
      question: `Compute the determinant of the matrix A below and give it modulo 1000, as a remainder from 0 to 999.\n\nA =\n${formatMatrix(a)}`,
      answer: integerAnswer(modBig(det, 1000n)),
      inputs: { matrix: matrixJson(a), type, determinant: det.toString() },
      knobs: { n: c.n, range: c.range, type },
      guess: guessInt(0, 999),
    };
  },
});
