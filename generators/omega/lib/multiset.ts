// Letter multisets and the words drawn from them (the combinatorics families). A word of length L
// is an ordered sample without replacement: its probability is the product of the remaining
// counts over the falling factorial of the total. Everything is exact (BigInt rationals).
import { Rational } from '../../../src/core/rational.js';
import type { Rng } from '../../../src/core/rng.js';

export interface Multiset {
  letters: string[];
  counts: number[];
}

/** `total` split into `parts` positive integers, uniformly over compositions. */
export function randomComposition(rng: Rng, total: number, parts: number): number[] {
  if (parts < 1 || parts > total)
    throw new RangeError(`randomComposition: cannot split ${total} into ${parts} positive parts`);
  const cuts = rng
    .sample(
      Array.from({ length: total - 1 }, (_, i) => i + 1),
      parts - 1,
    )
    .sort((a, b) => a - b);
  const bounds = [0, ...cuts, total];
  return bounds.slice(1).map((b, i) => b - bounds[i]!);
}

/** `types` distinct random letters with counts summing to `total`. */
export function randomMultiset(rng: Rng, types: number, total: number): Multiset {
  const letters = rng.sample('abcdefghijklmnopqrstuvwxyz'.split(''), types);
  return { letters, counts: randomComposition(rng, total, types) };
}

/** "{x: 3, j: 1}", OMEGA's notation. */
export function formatMultiset(m: Multiset, quote = false): string {
  return `{${m.letters.map((l, i) => `${quote ? `'${l}'` : l}: ${m.counts[i]}`).join(', ')}}`;
}

export interface WeightedWord {
  /** Letter indices into the multiset. */
  word: number[];
  probability: Rational;
}

/** Every distinct word of length `length` with its exact probability. */
export function wordsOf(m: Multiset, length: number): WeightedWord[] {
  const total = m.counts.reduce((s, c) => s + c, 0);
  const out: WeightedWord[] = [];
  const left = m.counts.slice();
  const word: number[] = [];
  const walk = (num: bigint, den: bigint, remaining: number) => {
    if (word.length === length) {
      out.push({ word: word.slice(), probability: Rational.of(num, den) });
      return;
    }
    for (let t = 0; t < left.length; t++) {
      if (left[t] === 0) continue;
      const c = left[t]!;
      left[t] = c - 1;
      word.push(t);
      walk(num * BigInt(c), den * BigInt(remaining), remaining - 1);
      word.pop();
      left[t] = c;
    }
  };
  walk(1n, 1n, total);
  return out;
}

const permCache = new Map<number, number[][]>();

/** All permutations of 0..n−1 (cached; n ≤ 8 in practice). */
export function permutations(n: number): number[][] {
  const hit = permCache.get(n);
  if (hit) return hit;
  const out: number[][] = [];
  const perm = Array.from({ length: n }, (_, i) => i);
  const rec = (k: number) => {
    if (k === n) {
      out.push(perm.slice());
      return;
    }
    for (let i = k; i < n; i++) {
      [perm[k], perm[i]] = [perm[i]!, perm[k]!];
      rec(k + 1);
      [perm[k], perm[i]] = [perm[i]!, perm[k]!];
    }
  };
  rec(0);
  permCache.set(n, out);
  return out;
}

export function factorial(n: number): bigint {
  let f = 1n;
  for (let i = 2; i <= n; i++) f *= BigInt(i);
  return f;
}
