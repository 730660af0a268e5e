// numbertheory_qr_sum (OMEGA's digit_sum, "Digital Sum"; after AIME 2024 I #4: the greatest
// four-digit N such that changing any one digit to 1 gives a multiple of 7; find Q + R for
// N = 1000·Q + R). The k-th greatest or smallest d-digit number with a digit property is found
// by a depth-first walk over digits in value order, pruned by a necessary condition per residue
// of N mod k and checked at the leaf by the property itself. The answer is what the question
// asks (upstream's reverse templates asked for Q + R and answered N), and an instance with no
// such N is redrawn (upstream could emit the answer None).
import type { Rng } from '../../src/core/rng.js';
import { integerAnswer } from './lib/answer.js';
import { defineFamily, drawKnob, guessInt, type Knob } from './lib/family.js';

interface Level extends Record<string, unknown> {
  digits: Knob;
  divisor: Knob;
}

export type DigitProperty = 'change_one' | 'change_two' | 'swap_adjacent' | 'alternating_sum' | 'digit_sum' | 'reverse';
export type AnswerForm = 'q_plus_r' | 'n' | 'n_mod';

/** Digits most significant first → value. */
const valueOf = (ds: readonly number[]) => ds.reduce((v, x) => v * 10 + x, 0);

/** The property, checked literally on the digits (the leaf test of the search, and the spec). */
export function hasProperty(prop: DigitProperty, ds: readonly number[], k: number, t: number): boolean {
  const d = ds.length;
  switch (prop) {
    case 'change_one':
      return ds.every((_, i) => valueOf(ds.map((x, j) => (j === i ? t : x))) % k === 0);
    case 'change_two':
      for (let i = 0; i < d; i++)
        for (let j = i + 1; j < d; j++)
          if (valueOf(ds.map((x, l) => (l === i || l === j ? t : x))) % k !== 0) return false;
      return d >= 2;
    case 'swap_adjacent':
      for (let i = 0; i + 1 < d; i++) {
        const s = ds.slice();
        [s[i], s[i + 1]] = [s[i + 1]!, s[i]!];
        if (valueOf(s) % k !== 0) return false;
      }
      return d >= 2;
    case 'alternating_sum':
      return Math.abs(ds.reduce((s, x, i) => s + (i % 2 === 0 ? x : -x), 0)) % k === 0;
    case 'digit_sum':
      return ds.reduce((s, x) => s + x, 0) % k === 0;
    case 'reverse':
      return valueOf(ds) % k === 0 && valueOf([...ds].reverse()) % k === 0;
  }
}

/**
 * A necessary condition on a digit x of weight p10 = 10^i mod k, given the digit before it, for
 * N ≡ r (mod k). Sound pruning only: the leaf check has the last word.
 */
function allowed(
  prop: DigitProperty,
  x: number,
  prev: number | undefined,
  p10: number,
  k: number,
  t: number,
  r: number,
  e: number,
  d: number,
): boolean {
  switch (prop) {
    // N + (t − x)·10^i ≡ 0  ⇒  (t − x)·10^i ≡ −r
    case 'change_one':
      return ((((t - x) * p10 + r) % k) + k) % k === 0;
    // For d ≥ 3 every (t − d_i)·10^i is the same e with r + 2e ≡ 0 (k); d = 2 is checked at the leaf.
    case 'change_two':
      return d < 3 || ((((t - x) * p10 - e) % k) + k) % k === 0;
    // Swapping the pair (prev, x): N + (x − prev)·(10^(i+1) − 10^i) ≡ 0 with i the lower position.
    case 'swap_adjacent':
      return prev === undefined || ((((x - prev) * 9 * p10 + r) % k) + k) % k === 0;
    default:
      return true;
  }
}

/**
 * Every property implies linear conditions on the digits mod k: N ≡ r for the digit-change and
 * swap properties (r is enumerated), N ≡ 0 and reverse(N) ≡ 0, digit sum ≡ 0, alternating sum
 * ≡ 0. Each is a pair of residues Σ x_j·w1_j, Σ x_j·w2_j. `reach[pos][prev]` holds the residue
 * pairs a suffix from `pos` (after digit `prev`) can still produce under the per-digit
 * conditions, so the walk never enters a subtree without a candidate, and the leaf check by the
 * property itself has the last word.
 */
function reachable(
  prop: DigitProperty,
  d: number,
  k: number,
  t: number,
  r: number,
  e: number,
  w1: number[],
  w2: number[],
): Set<number>[][] {
  const reach: Set<number>[][] = Array.from({ length: d + 1 }, () =>
    Array.from({ length: 10 }, () => new Set<number>()),
  );
  for (let prev = 0; prev < 10; prev++) reach[d]![prev]!.add(0);
  for (let pos = d - 1; pos >= 0; pos--) {
    for (let prev = 0; prev < 10; prev++) {
      const out = reach[pos]![prev]!;
      for (let x = pos === 0 ? 1 : 0; x < 10; x++) {
        if (!allowed(prop, x, pos === 0 ? undefined : prev, w1[pos]!, k, t, r, e, d)) continue;
        for (const tail of reach[pos + 1]![x]!) {
          const a = (x * w1[pos]! + Math.floor(tail / k)) % k;
          const b = (x * w2[pos]! + (tail % k)) % k;
          out.add(a * k + b);
        }
      }
      if (pos === 0) break; // the first digit has no predecessor
    }
  }
  return reach;
}

/** Up to `rank` d-digit numbers with the property, greatest or smallest first. */
export function rankedNumbers(
  prop: DigitProperty,
  d: number,
  k: number,
  t: number,
  order: 'greatest' | 'smallest',
  rank: number,
  budget = 200_000,
): number[] | undefined {
  const found = new Set<number>();
  let visits = 0;
  const pow = (i: number) => Number(10n ** BigInt(i) % BigInt(k));
  const perResidue = prop === 'change_one' || prop === 'change_two' || prop === 'swap_adjacent';
  const w1 = Array.from({ length: d }, (_, pos) =>
    prop === 'digit_sum' ? 1 % k : prop === 'alternating_sum' ? (pos % 2 === 0 ? 1 % k : k - 1) : pow(d - 1 - pos),
  );
  const w2 = Array.from({ length: d }, (_, pos) => (prop === 'reverse' ? pow(pos) : 0));
  const residues = perResidue ? Array.from({ length: k }, (_, r) => r) : [0];
  for (const r of residues) {
    const es =
      prop === 'change_two' && d >= 3
        ? Array.from({ length: k }, (_, e) => e).filter((e) => (r + 2 * e) % k === 0)
        : [0];
    for (const e of es) {
      const reach = reachable(prop, d, k, t, r, e, w1, w2);
      let here = 0;
      const ds: number[] = [];
      const walk = (pos: number, a: number, b: number): boolean => {
        if (++visits > budget) return false;
        if (pos === d) {
          if (hasProperty(prop, ds, k, t)) {
            found.add(valueOf(ds));
            here++;
          }
          return here < rank;
        }
        for (let i = 0; i < 10; i++) {
          const x = order === 'greatest' ? 9 - i : i;
          if (pos === 0 && x === 0) continue;
          if (!allowed(prop, x, ds[pos - 1], w1[pos]!, k, t, r, e, d)) continue;
          const na = (a + x * w1[pos]!) % k;
          const nb = (b + x * w2[pos]!) % k;
          if (!reach[pos + 1]![x]!.has(((r - na + k) % k) * k + ((k - nb) % k))) continue;
          ds.push(x);
          const more = walk(pos + 1, na, nb);
          ds.pop();
          if (!more) return false;
        }
        return true;
      };
      if (reach[0]![0]!.has(r * k)) walk(0, 0, 0);
      if (visits > budget) return undefined;
    }
  }
  const list = [...found].sort((a, b) => (order === 'greatest' ? b - a : a - b));
  return list.slice(0, rank);
}

const WORDS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'];
const ORDINAL: Record<number, string> = { 1: '', 3: '3rd ', 10: '10th ' };

function propertyText(prop: DigitProperty, k: number, t: number): string {
  switch (prop) {
    case 'change_one':
      return `whenever one of its digits is changed to ${t}, the resulting number is divisible by ${k}`;
    case 'change_two':
      return `whenever any two of its digits are both changed to ${t}, the resulting number is divisible by ${k}`;
    case 'swap_adjacent':
      return `whenever any two adjacent digits are swapped, the resulting number is divisible by ${k}`;
    case 'alternating_sum':
      return `the absolute value of the alternating sum of its digits (starting by adding the most significant digit) is divisible by ${k}`;
    case 'digit_sum':
      return `the sum of its digits is divisible by ${k}`;
    case 'reverse':
      return `both N and the number obtained by reversing its digits are divisible by ${k}`;
  }
}

function draw(c: Level, rng: Rng) {
  const d = drawKnob(rng, c.digits);
  const k = drawKnob(rng, c.divisor);
  const t = rng.int(1, 9);
  const props: DigitProperty[] =
    d === 1
      ? ['alternating_sum', 'digit_sum', 'reverse']
      : ['change_one', 'change_two', 'swap_adjacent', 'alternating_sum', 'digit_sum', 'reverse'];
  const prop = rng.pick(props);
  const order = rng.pick(['greatest', 'smallest'] as const);
  const rank = rng.pick([1, 1, 3, 10]);
  const list = rankedNumbers(prop, d, k, t, order, rank);
  if (!list || list.length < rank) return undefined;
  const n = list[rank - 1]!;
  const form: AnswerForm = d === 1 ? 'n' : rng.pick(['q_plus_r', 'n', 'n_mod'] as const);
  const div = 10 ** (d - 1);
  const answer = form === 'n' ? n : form === 'n_mod' ? n % div : Math.floor(n / div) + (n % div);
  const ask =
    form === 'n'
      ? 'Find N.'
      : form === 'n_mod'
        ? `Find N mod ${div}.`
        : `Let Q and R be the quotient and remainder, respectively, when N is divided by ${div}. Find Q+R.`;
  const question = `Let N be the ${ORDINAL[rank]}${order} ${WORDS[d]}-digit positive integer with the property that ${propertyText(prop, k, t)}. ${ask}`;
  return {
    question,
    answer,
    inputs: { digits: d, divisor: k, changedTo: t, property: prop, order, rank, form, n },
    d,
    k,
  };
}

export const numbertheoryQrSum = defineFamily<Level>({
  family: 'numbertheory_qr_sum',
  domain: 'number_theory',
  description:
    'OMEGA numbertheory_qr_sum (digit_sum): k-th greatest/smallest d-digit number with a digit-divisibility property; levels grow the digit count (1–5).',
  version: '1',
  levels: {
    1: { digits: [1, 2], divisor: [3, 12] },
    2: { digits: 3, divisor: [3, 12] },
    3: { digits: 4, divisor: [3, 12] },
    4: { digits: 5, divisor: [3, 12] },
    5: { digits: [6, 7], divisor: [3, 12] },
  },
  knobs: ['digits', 'divisor'],
  make(c, rng) {
    const x = draw(c, rng);
    if (!x) return undefined;
    return {
      question: x.question,
      answer: integerAnswer(x.answer),
      inputs: x.inputs,
      knobs: { digits: x.d, divisor: x.k, property: x.inputs.property, form: x.inputs.form },
      guess: guessInt(0, 10 ** x.d - 1),
    };
  },
});
