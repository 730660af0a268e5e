// arithmetic_matrix_rank: the rank of M = L·R (L n×r, R r×n, r drawn from 1..n−1). OMEGA states
// r as the answer without checking it; here the answer is M's true rank by exact elimination
// (a product can lose rank), which upstream got wrong in about 0.2% of level-1 items.
import { integerAnswer } from './lib/answer.js';
import { defineFamily, guessInt } from './lib/family.js';
import { formatMatrix, matrixJson, multiply, randomMatrix, rank } from './lib/matrix.js';

interface Level extends Record<string, unknown> {
  n: number;
  range: number;
}

export const arithmeticMatrixRank = defineFamily<Level>({
  family: 'arithmetic_matrix_rank',
  domain: 'arithmetic',
  description:
    'OMEGA arithmetic_matrix_rank: rank of a low-rank product matrix (true rank, exact); levels grow the size and entry range (1–7).',
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
    const target = rng.int(1, c.n - 1);
    const m = multiply(randomMatrix(rng, c.n, target, c.range), randomMatrix(rng, target, c.n, c.range));
    if (m.every((row) => row.every((v) => v === 0n))) return undefined;
    const r = rank(m);
    return {
      question: `What is the rank of the following ${c.n}×${c.n} matrix?\n\n${formatMatrix(m)}`,
      answer: integerAnswer(r),
      inputs: { matrix: matrixJson(m), constructedRank: target },
      knobs: { n: c.n, range: c.range },
      guess: guessInt(1, c.n),
    };
  },
});
