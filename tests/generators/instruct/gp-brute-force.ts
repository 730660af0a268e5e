// Two brute-force 24-game enumerators for the tests, deliberately unlike the solver under test
// (which combines pairs of a multiset in JS-integer fractions). Both use the BigInt rationals.
import { Rational } from '../../../src/core/rational.js';

const OPS = ['+', '-', '*', '/'] as const;
type Op = (typeof OPS)[number];

function apply(op: Op, a: Rational, b: Rational): Rational | undefined {
  switch (op) {
    case '+':
      return a.add(b);
    case '-':
      return a.sub(b);
    case '*':
      return a.mul(b);
    case '/':
      return a.div(b);
  }
}

export function distinctPermutations(values: readonly number[]): number[][] {
  if (values.length <= 1) return [values.slice()];
  const out: number[][] = [];
  const seen = new Set<number>();
  values.forEach((v, i) => {
    if (seen.has(v)) return;
    seen.add(v);
    const rest = values.filter((_, j) => j !== i);
    for (const p of distinctPermutations(rest)) out.push([v, ...p]);
  });
  return out;
}

/** Every fully parenthesised formula over the values in this order, with its exact value (undefined: division by zero). */
export function allFormulasInOrder(seq: readonly number[]): { text: string; value: Rational | undefined }[] {
  if (seq.length === 1) return [{ text: String(seq[0]), value: Rational.of(seq[0]!) }];
  const out: { text: string; value: Rational | undefined }[] = [];
  for (let k = 1; k < seq.length; k++) {
    const lefts = allFormulasInOrder(seq.slice(0, k));
    const rights = allFormulasInOrder(seq.slice(k));
    for (const l of lefts)
      for (const r of rights)
        for (const op of OPS) {
          const value = l.value && r.value ? apply(op, l.value, r.value) : undefined;
          out.push({ text: `(${l.text}${op}${r.text})`, value });
        }
  }
  return out;
}

/**
 * Brute force A: every distinct permutation × every binary tree over it (interval split) × every
 * operator, keeping the set of values per interval.
 */
export function solvableByPermutations(values: readonly number[], target: number): boolean {
  const goal = Rational.of(target).key();
  for (const perm of distinctPermutations(values)) {
    const memo = new Map<string, Map<string, Rational>>();
    const reach = (i: number, j: number): Map<string, Rational> => {
      const key = `${i},${j}`;
      const hit = memo.get(key);
      if (hit) return hit;
      const out = new Map<string, Rational>();
      if (i === j) out.set(Rational.of(perm[i]!).key(), Rational.of(perm[i]!));
      for (let k = i; k < j; k++) {
        for (const a of reach(i, k).values())
          for (const b of reach(k + 1, j).values())
            for (const op of OPS) {
              const v = apply(op, a, b);
              if (v) out.set(v.key(), v);
            }
      }
      memo.set(key, out);
      return out;
    };
    if (reach(0, perm.length - 1).has(goal)) return true;
  }
  return false;
}

/** Brute force B: the set of values reachable from every sub-multiset (bitmask), split two ways. */
export function solvableBySubsets(values: readonly number[], target: number): boolean {
  const n = values.length;
  const reach: Map<string, Rational>[] = new Array(1 << n);
  for (let mask = 1; mask < 1 << n; mask++) {
    const out = new Map<string, Rational>();
    if ((mask & (mask - 1)) === 0) {
      const v = Rational.of(values[Math.log2(mask)]!);
      out.set(v.key(), v);
    } else {
      for (let a = (mask - 1) & mask; a > 0; a = (a - 1) & mask) {
        const b = mask & ~a;
        for (const x of reach[a]!.values())
          for (const y of reach[b]!.values())
            for (const op of OPS) {
              const v = apply(op, x, y);
              if (v) out.set(v.key(), v);
            }
      }
    }
    reach[mask] = out;
  }
  return reach[(1 << n) - 1]!.has(Rational.of(target).key());
}
