// arithmetic_matrix_inverse: a statistic of the inverse of (1/s)·A, s = 2·n·range, rounded to
// the nearest integer. (A/s)⁻¹ = s·A⁻¹ is computed exactly over the rationals; exact ties (x.5)
// and ambiguous "largest entry" questions are dropped.
import { Rational } from '../../src/core/rational.js';
import { integerAnswer } from './lib/answer.js';
import { defineFamily, guessInt } from './lib/family.js';
import {
  determinant,
  formatMatrix,
  inverse,
  matrixJson,
  randomMatrix,
  roundExact,
  type MatrixType,
} from './lib/matrix.js';

interface Level extends Record<string, unknown> {
  n: number;
  range: number;
}

const TYPES: MatrixType[] = ['plain', 'symmetric'];
export type InverseStat = 'sum' | 'sum_abs' | 'trace' | 'max_abs_entry' | 'entry';

/** The asked statistic of a rational matrix, exactly; undefined when the question is ambiguous. */
export function inverseStatistic(m: Rational[][], stat: InverseStat, at: [number, number]): Rational | undefined {
  const flat = m.flat();
  switch (stat) {
    case 'sum':
      return flat.reduce((s, v) => s.add(v), Rational.ZERO);
    case 'sum_abs':
      return flat.reduce((s, v) => s.add(v.abs()), Rational.ZERO);
    case 'trace':
      return m.reduce((s, r, i) => s.add(r[i]!), Rational.ZERO);
    case 'entry':
      return m[at[0]]![at[1]]!;
    case 'max_abs_entry': {
      let best = flat[0]!;
      for (const v of flat) if (v.abs().cmp(best.abs()) > 0) best = v;
      // Two entries of equal size and opposite sign: "the entry with the largest absolute value" is ambiguous.
      if (flat.some((v) => v.abs().eq(best.abs()) && !v.eq(best))) return undefined;
      return best;
    }
  }
}

function askText(stat: InverseStat, at: [number, number]): string {
  switch (stat) {
    case 'sum':
      return 'Find the sum of all entries of the inverse of the matrix';
    case 'sum_abs':
      return 'Find the sum of the absolute values of all entries of the inverse of the matrix';
    case 'trace':
      return 'Find the trace of the inverse of the matrix';
    case 'max_abs_entry':
      return 'Find the entry with the largest absolute value (keeping its sign) in the inverse of the matrix';
    case 'entry':
      return `Find the value at position (${at[0] + 1}, ${at[1] + 1}) (row, column, counted from 1) of the inverse of the matrix`;
  }
}

export const arithmeticMatrixInverse = defineFamily<Level>({
  family: 'arithmetic_matrix_inverse',
  domain: 'arithmetic',
  description:
    'OMEGA arithmetic_matrix_inverse: a statistic of the inverse of (1/s)·A, rounded; levels grow the size and entry range (1–7).',
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
    if (determinant(a) === 0n) return undefined;
    const s = 2 * c.n * c.range;
    const inv = inverse(a)!.map((r) => r.map((v) => v.mul(Rational.of(BigInt(s)))));
    const stat = rng.pick(['sum', 'sum_abs', 'trace', 'max_abs_entry', 'entry'] as const);
    const at: [number, number] = [rng.int(0, c.n - 1), rng.int(0, c.n - 1)];
    const value = inverseStatistic(inv, stat, at);
    const rounded = value && roundExact(value);
    if (rounded === undefined) return undefined;
    return {
      question: `${askText(stat, at)} 1/${s} * A, where\n\nA =\n${formatMatrix(a)}\n\nRound your answer to the nearest integer.`,
      answer: integerAnswer(rounded),
      inputs: {
        matrix: matrixJson(a),
        type,
        scale: s,
        statistic: stat,
        ...(stat === 'entry' ? { position: [at[0] + 1, at[1] + 1] } : {}),
        exact: value!.toString(),
      },
      knobs: { n: c.n, range: c.range, type, statistic: stat },
      guess: guessInt(-2 * s, 2 * s),
    };
  },
});
