// numbertheory_ordered_lte (OMEGA's triple_count, after AIME 2025 I #15: ordered triples
// a, b, c ≤ 3^6 with 3^7 | a^3 + b^3 + c^3). Counts come from the distribution of
// coef·x^base mod base^Q over x in range, convolved once per variable; the coprime variant uses
// Möbius inversion over the common divisor. The one-variable template says "non-negative" and
// counts a = 0, which upstream left out.
import type { Rng } from '../../src/core/rng.js';
import { integerAnswer } from './lib/answer.js';
import { defineFamily, drawKnob, guessInt, type Knob } from './lib/family.js';
import { modBig, modPow } from './lib/integers.js';

interface Level extends Record<string, unknown> {
  difficulty: number;
  base: Knob;
  upperExp: Knob;
  modExp: Knob;
  variables: Knob;
  /** Share of instances asking for gcd(x_1, …, x_k) = 1 as well. */
  coprimeShare: number;
  answerMin: number;
  answerMax: number;
}

/** Count of x in [lo, hi] by the residue of coef·x^base mod m. */
function residueCounts(lo: number, hi: number, coef: bigint, base: number, m: number): bigint[] {
  const counts = new Array<bigint>(m).fill(0n);
  const M = BigInt(m);
  // x^base mod m depends on x mod m only: count full periods at once.
  for (let r = 0; r < m; r++) {
    const first = lo + Number(modBig(BigInt(r - lo), M));
    const n = BigInt(first) > BigInt(hi) ? 0n : (BigInt(hi) - BigInt(first)) / M + 1n;
    if (n === 0n) continue;
    const v = Number(modBig(coef * modPow(BigInt(r), BigInt(base), M), M));
    counts[v]! += n;
  }
  return counts;
}

/** Tuples (x_1..x_k), each in [1, limit], with Σ coef_i·x_i^base ≡ 0 (mod m). */
export function countTuples(coefs: readonly bigint[], base: number, limit: number, m: number): bigint {
  let dist = new Array<bigint>(m).fill(0n);
  dist[0] = 1n;
  for (const coef of coefs) {
    const rc = residueCounts(1, limit, coef, base, m);
    const next = new Array<bigint>(m).fill(0n);
    for (let i = 0; i < m; i++) {
      if (dist[i] === 0n) continue;
      for (let j = 0; j < m; j++) if (rc[j] !== 0n) next[(i + j) % m]! += dist[i]! * rc[j]!;
    }
    dist = next;
  }
  return dist[0]!;
}

function mobius(n: number): number {
  let result = 1;
  for (let p = 2; p * p <= n; p++) {
    if (n % p) continue;
    n /= p;
    if (n % p === 0) return 0;
    result = -result;
  }
  return n > 1 ? -result : result;
}

/** Same count restricted to gcd(x_1..x_k) = 1: Σ_d μ(d)·#{tuples of multiples of d}. */
export function countCoprimeTuples(coefs: readonly bigint[], base: number, limit: number, m: number): bigint {
  let total = 0n;
  for (let d = 1; d <= limit; d++) {
    const mu = mobius(d);
    if (mu === 0) continue;
    const scale = BigInt(d) ** BigInt(base);
    total +=
      BigInt(mu) *
      countTuples(
        coefs.map((c) => c * scale),
        base,
        Math.floor(limit / d),
        m,
      );
  }
  return total;
}

/** Non-negative a ≤ limit (a = 0 included) with m | a^base. */
export function countSingle(base: number, limit: number, m: number): bigint {
  const counts = residueCounts(0, limit, 1n, base, m);
  return counts[0]!;
}

const NAMES = ['a', 'b', 'c', 'd'];

function draw(c: Level, rng: Rng) {
  const base = drawKnob(rng, c.base);
  const P = drawKnob(rng, c.upperExp);
  const Q = drawKnob(rng, c.modExp);
  const k = drawKnob(rng, c.variables);
  const limit = base ** P;
  const m = base ** Q;
  if (k === 1) {
    const n = countSingle(base, limit, m);
    return {
      question: `Let N be the number of non-negative integers a (a = 0 included) such that a ≤ ${base}^${P} and a^${base} is a multiple of ${base}^${Q}. Find the remainder when N is divided by 1000.`,
      count: n,
      inputs: { base, P, Q, variables: 1, coefficients: [1], coprime: false, lowerBound: 0 },
      k,
    };
  }
  const coefs = Array.from({ length: k }, () => BigInt(rng.bool(0.5) ? 1 : rng.int(1, 5)));
  const coprime = rng.bool(c.coprimeShare);
  const n = coprime ? countCoprimeTuples(coefs, base, limit, m) : countTuples(coefs, base, limit, m);
  const names = NAMES.slice(0, k);
  const sum = names.map((v, i) => `${coefs[i] === 1n ? '' : `${coefs[i]}`}${v}^${base}`).join(' + ');
  const tuple = k === 2 ? 'pairs' : k === 3 ? 'triples' : 'quadruples';
  return {
    question: `Let N denote the number of ordered ${tuple} of positive integers (${names.join(', ')}) such that ${names.join(', ')} ≤ ${base}^${P}${coprime ? `, gcd(${names.join(', ')}) = 1,` : ''} and ${sum} is a multiple of ${base}^${Q}. Find the remainder when N is divided by 1000.`,
    count: n,
    inputs: { base, P, Q, variables: k, coefficients: coefs.map(Number), coprime, lowerBound: 1 },
    k,
  };
}

export const numbertheoryOrderedLte = defineFamily<Level>({
  family: 'numbertheory_ordered_lte',
  domain: 'number_theory',
  description:
    'OMEGA numbertheory_ordered_lte (triple_count): tuples up to b^P whose power sum is divisible by b^Q, mod 1000; levels add variables and widen ranges (1–5).',
  version: '1',
  levels: {
    1: {
      difficulty: 1,
      base: [2, 3],
      upperExp: [2, 3],
      modExp: [2, 3],
      variables: [1, 2],
      coprimeShare: 0,
      answerMin: 1,
      answerMax: 10,
    },
    2: {
      difficulty: 2,
      base: [3, 4],
      upperExp: [3, 4],
      modExp: [2, 3],
      variables: [1, 2],
      coprimeShare: 0,
      answerMin: 1,
      answerMax: 100,
    },
    3: {
      difficulty: 3,
      base: [3, 4],
      upperExp: [2, 3],
      modExp: [2, 3],
      variables: [2, 3],
      coprimeShare: 0,
      answerMin: 10,
      answerMax: 100,
    },
    4: {
      difficulty: 4,
      base: [3, 4],
      upperExp: [2, 3],
      modExp: [2, 3],
      variables: [3, 4],
      coprimeShare: 0,
      answerMin: 100,
      answerMax: 1000,
    },
    5: {
      difficulty: 5,
      base: [3, 4],
      upperExp: [2, 3],
      modExp: [2, 3],
      variables: [3, 4],
      coprimeShare: 0.5,
      answerMin: 1000,
      answerMax: 10_000_000,
    },
  },
  // P (upperExp) is not monotone in upstream's table (3–4 at level 2, 2–3 above), so it is recorded but not a knob.
  knobs: ['difficulty', 'base', 'modExp', 'variables', 'answerMin', 'answerMax'],
  maxDraws: 5000,
  make(c, rng) {
    const d = draw(c, rng);
    // Level-5 quadruples are plain; triples carry the coprimality condition (as upstream).
    if (c.difficulty === 5 && (d.k === 4) === d.inputs.coprime) return undefined;
    if (d.count < BigInt(c.answerMin) || d.count > BigInt(c.answerMax)) return undefined;
    return {
      question: d.question,
      answer: integerAnswer(d.count % 1000n),
      inputs: { ...d.inputs, count: d.count.toString() },
      knobs: {
        difficulty: c.difficulty,
        base: d.inputs.base,
        upperExp: d.inputs.P,
        modExp: d.inputs.Q,
        variables: d.k,
        answerMin: c.answerMin,
        answerMax: c.answerMax,
      },
      guess: guessInt(0, 999),
    };
  },
});
