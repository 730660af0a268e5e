// numbertheory_lte_qr (OMEGA's prime_mod, after AIME 2024 I #13: "the least prime p such that
// p^2 | n^4 + 1 for some n; find the least m with p^2 | m^4 + 1"). Solutions of x^a + c ≡ 0
// (mod p^e) are found exactly by lifting roots mod p one power at a time. Every template is
// well-posed: upstream's "largest m" (no largest exists) becomes "largest m ≤ p^b", and the
// higher-power template says p^b2 where upstream's text said p^b.
import type { Rng } from '../../src/core/rng.js';
import { integerAnswer } from './lib/answer.js';
import { defineFamily, guessInt } from './lib/family.js';
import { isPrime, modBig, modPow, powerRootsMod, primesUpTo } from './lib/integers.js';

type Template =
  'least_m' | 'least_m_higher_power' | 'largest_m_in_period' | 'least_n_prime_1_mod_k' | 'count' | 'count_plus_min';

interface Level extends Record<string, unknown> {
  difficulty: number;
  /** The answer window that places an instance at this level (OMEGA's filter). */
  answerMin: number;
  answerMax: number;
  exponent: readonly [number, number];
  power: readonly [number, number];
  maxPrime: number;
  templates: readonly Template[];
}

const SMALL: Template[] = [
  'least_m',
  'least_m_higher_power',
  'largest_m_in_period',
  'least_n_prime_1_mod_k',
  'count',
  'count_plus_min',
];
const LARGE: Template[] = ['least_m', 'least_m_higher_power', 'largest_m_in_period', 'count_plus_min'];

const sup = (base: string, e: bigint | number) => `${base}^${e}`;
const plusC = (c: bigint) => (c < 0n ? `-${-c}` : `+${c}`);

/** Least m ≥ 1 with p^e | m^a + c and m^a + c ≠ 0, from the roots mod p^e. */
function leastNonzeroSolution(a: bigint, c: bigint, mod: bigint, roots: bigint[]): bigint | undefined {
  const candidates: bigint[] = [];
  for (const r of roots)
    for (const m of [r, r + mod, r + 2n * mod])
      if (m >= 1n && m ** a + c !== 0n) {
        candidates.push(m);
        break;
      }
  return candidates.length ? candidates.reduce((x, y) => (y < x ? y : x)) : undefined;
}

interface Drawn {
  question: string;
  answer: bigint;
  inputs: Record<string, unknown>;
}

function leastPrime(a: bigint, c: bigint, b: number, maxPrime: number): { p: bigint; roots: bigint[] } | undefined {
  for (const pn of primesUpTo(maxPrime)) {
    const p = BigInt(pn);
    const roots = powerRootsMod(a, c, p, b);
    if (!roots) return undefined;
    if (leastNonzeroSolution(a, c, p ** BigInt(b), roots) !== undefined) return { p, roots };
  }
  return undefined;
}

function draw(t: Template, c: Level, rng: Rng): Drawn | undefined {
  const a = BigInt(rng.int(c.power[0], c.power[1]));
  const b = rng.int(c.exponent[0], c.exponent[1]);
  const cc = BigInt(rng.pick([-3, -2, -1, 1, 2, 3].filter((x) => Math.abs(x) <= (c.difficulty > 3 ? 3 : 2))));
  const expr = (v: string) => `${sup(v, a)}${plusC(cc)}`;
  const leastPrimeText = `Let p be the least prime number for which there exists a positive integer n such that ${expr('n')} is a nonzero multiple of ${sup('p', b)}.`;
  switch (t) {
    case 'least_m':
    case 'largest_m_in_period': {
      const found = leastPrime(a, cc, b, c.maxPrime);
      if (!found) return undefined;
      const mod = found.p ** BigInt(b);
      if (t === 'least_m') {
        const m = leastNonzeroSolution(a, cc, mod, found.roots)!;
        return {
          question: `${leastPrimeText} Find the least positive integer m such that ${expr('m')} is a nonzero multiple of ${sup('p', b)}.`,
          answer: m,
          inputs: { a: Number(a), c: Number(cc), b, p: Number(found.p) },
        };
      }
      const valid = found.roots.map((r) => (r === 0n ? mod : r)).filter((m) => m ** a + cc !== 0n);
      if (!valid.length) return undefined;
      const m = valid.reduce((x, y) => (y > x ? y : x));
      return {
        question: `${leastPrimeText} Find the largest integer m with 1 ≤ m ≤ ${sup('p', b)} such that ${expr('m')} is a nonzero multiple of ${sup('p', b)}.`,
        answer: m,
        inputs: { a: Number(a), c: Number(cc), b, p: Number(found.p) },
      };
    }
    case 'least_m_higher_power': {
      const found = leastPrime(a, cc, b, c.maxPrime);
      if (!found) return undefined;
      const b2 = b + rng.int(1, 2);
      const roots = powerRootsMod(a, cc, found.p, b2);
      if (!roots) return undefined;
      const m = leastNonzeroSolution(a, cc, found.p ** BigInt(b2), roots);
      if (m === undefined) return undefined;
      return {
        question: `${leastPrimeText} Find the least positive integer m such that ${expr('m')} is a nonzero multiple of ${sup('p', b2)}.`,
        answer: m,
        inputs: { a: Number(a), c: Number(cc), b, b2, p: Number(found.p) },
      };
    }
    case 'least_n_prime_1_mod_k': {
      const k = rng.int(3, 12);
      let p = 0n;
      for (let q = BigInt(k + 1); q < 10_000n; q += BigInt(k))
        if (isPrime(q)) {
          p = q;
          break;
        }
      if (p === 0n) return undefined;
      let n = 0n;
      for (let x = 1n; x <= p; x++)
        if (modBig(modPow(x, a, p) + 1n, p) === 0n) {
          n = x;
          break;
        }
      if (n === 0n) return undefined;
      return {
        question: `Let p be the least prime number with p ≡ 1 (mod ${k}). Find the least positive integer n such that ${sup('n', a)}+1 is divisible by p.`,
        answer: n,
        inputs: { a: Number(a), k, p: Number(p) },
      };
    }
    case 'count':
    case 'count_plus_min': {
      const primes = primesUpTo(c.maxPrime);
      const p = BigInt(rng.pick(primes));
      const e = rng.int(c.exponent[0], c.exponent[1]);
      const mod = p ** BigInt(e);
      const roots = powerRootsMod(a, 1n, p, e);
      if (!roots || roots.length === 0) return undefined;
      // Solutions in [1, p^e]: the residue 0 stands for m = p^e.
      const sols = roots.map((r) => (r === 0n ? mod : r)).sort((x, y) => (x < y ? -1 : 1));
      const count = BigInt(sols.length);
      const stem = `Let p = ${p}. Let N be the number of solutions m in [1, 2, ..., ${sup('p', e)}] that satisfy ${sup('m', a)}+1 ≡ 0 (mod ${sup('p', e)}).`;
      if (t === 'count')
        return { question: `${stem} What is N?`, answer: count, inputs: { a: Number(a), p: Number(p), e } };
      return {
        question: `${stem} Let M be the minimum of these solutions. What is N+M?`,
        answer: count + sols[0]!,
        inputs: { a: Number(a), p: Number(p), e },
      };
    }
  }
}

export const numbertheoryLteQr = defineFamily<Level>({
  family: 'numbertheory_lte_qr',
  domain: 'number_theory',
  description:
    'OMEGA numbertheory_lte_qr (prime_mod): least/largest solutions and solution counts of x^a + c ≡ 0 (mod p^e); levels raise the answer window and parameter ranges (1–5).',
  version: '1',
  levels: {
    1: { difficulty: 1, answerMin: 1, answerMax: 10, exponent: [1, 3], power: [1, 5], maxPrime: 40, templates: SMALL },
    2: { difficulty: 2, answerMin: 1, answerMax: 100, exponent: [1, 3], power: [1, 5], maxPrime: 40, templates: SMALL },
    3: {
      difficulty: 3,
      answerMin: 10,
      answerMax: 100,
      exponent: [1, 4],
      power: [1, 5],
      maxPrime: 40,
      templates: SMALL,
    },
    4: {
      difficulty: 4,
      answerMin: 100,
      answerMax: 1000,
      exponent: [2, 5],
      power: [2, 8],
      maxPrime: 100,
      templates: LARGE,
    },
    5: {
      difficulty: 5,
      answerMin: 1000,
      answerMax: 10_000_000,
      exponent: [2, 6],
      power: [2, 8],
      maxPrime: 100,
      templates: LARGE,
    },
  },
  knobs: ['difficulty', 'answerMin', 'answerMax'],
  maxDraws: 5000,
  make(c, rng) {
    const template = rng.pick(c.templates);
    const d = draw(template, c, rng);
    if (!d || d.answer < BigInt(c.answerMin) || d.answer > BigInt(c.answerMax)) return undefined;
    return {
      question: d.question,
      answer: integerAnswer(d.answer),
      inputs: { template, ...d.inputs },
      knobs: { difficulty: c.difficulty, answerMin: c.answerMin, answerMax: c.answerMax, template },
      guess: guessInt(c.answerMin, Math.min(c.answerMax, 100_000)),
    };
  },
});
