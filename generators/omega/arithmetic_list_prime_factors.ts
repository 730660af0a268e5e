// arithmetic_list_prime_factors: the second-largest distinct prime factor of an integer. OMEGA
// samples integers until that prime reaches a threshold (its yaml calls the threshold max_value);
// we build the integer from its primes instead, so the answer is known by construction and large
// levels never wait on factoring a random 25-digit number.
import { Rational } from '../../src/core/rational.js';
import { integerAnswer } from './lib/answer.js';
import { defineConstant, freshLetters } from './lib/expression.js';
import { defineFamily, drawKnob, drawReal, type Knob } from './lib/family.js';
import { randomPrime, tenTo } from './lib/integers.js';

interface Level extends Record<string, unknown> {
  minSecondPrime: number;
  ops: Knob;
  entropy: Knob;
}

const TEMPLATES = [
  (n: string) => `What is the second-largest prime factor of ${n}?`,
  (n: string) => `Find the second-largest prime factor of ${n}.`,
  (n: string) => `Determine the second-largest prime factor of ${n}.`,
];

export const arithmeticListPrimeFactors = defineFamily<Level>({
  family: 'arithmetic_list_prime_factors',
  domain: 'arithmetic',
  description:
    'OMEGA arithmetic_list_prime_factors: second-largest prime factor; levels raise its minimum and the digit budget (1–5).',
  version: '1',
  levels: {
    1: { minSecondPrime: 25, ops: 1, entropy: [4, 7] },
    2: { minSecondPrime: 100, ops: 1, entropy: [8, 12] },
    3: { minSecondPrime: 200, ops: 1, entropy: [12, 15] },
    4: { minSecondPrime: 400, ops: 1, entropy: [15, 18] },
    5: { minSecondPrime: 800, ops: [1, 2], entropy: [18, 25] },
  },
  knobs: ['minSecondPrime', 'ops', 'entropy'],
  make(c, rng) {
    const ops = drawKnob(rng, c.ops);
    const entropy = drawReal(rng, c.entropy);
    const logT = Math.log10(c.minSecondPrime);
    // Room for two primes above the threshold, then a smooth cofactor for the rest of the digits.
    if (entropy < 2 * logT + 0.05) return undefined;
    const log2 = rng.float(logT, Math.max(logT, Math.min(entropy / 2, logT + (entropy - 2 * logT) / 2)));
    const p2 = randomPrime(rng, BigInt(c.minSecondPrime), tenTo(log2));
    if (!p2) return undefined;
    const used = Math.log10(Number(p2));
    const log1 = rng.float(Math.max(used, (entropy - used) * 0.6), entropy - used);
    const p1 = randomPrime(rng, p2 + 1n, tenTo(Math.max(log1, used + 0.01)));
    if (!p1) return undefined;
    let n = p1 * p2;
    const cofactor: bigint[] = [];
    // Small primes (never above p2) fill the remaining digits, so p2 stays second-largest.
    const target = tenTo(entropy);
    while (n * 2n <= target) {
      const room = target / n;
      const cap = room < p2 ? room : p2;
      const p = randomPrime(rng, 2n, cap);
      if (!p) break;
      cofactor.push(p);
      n *= p;
      if (rng.bool(0.25)) break;
    }
    let prefix = '';
    let shown = n.toString();
    if (ops >= 2) {
      const [name] = freshLetters(rng, 1);
      prefix = `${defineConstant(name!, Rational.of(n), rng, 2)} `;
      shown = name!;
    }
    const smallPrimes = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47];
    return {
      question: prefix + rng.pick(TEMPLATES)(shown),
      answer: integerAnswer(p2),
      inputs: { n: n.toString(), composed: ops >= 2 },
      knobs: { minSecondPrime: c.minSecondPrime, ops, entropy },
      guess: (r) => String(r.pick(smallPrimes) * (r.bool(0.5) ? 1 : r.int(1, 9)) + (r.bool() ? 0 : c.minSecondPrime)),
    };
  },
});
