// Arithmetic expression trees over exact rationals, rendered the way DeepMind's
// mathematics_dataset writes them ("(-13338)/(-190) + (-2369)/45"), and the "Let p be …" named
// constants that its module composition puts in front of a question (ops ≥ 2 in OMEGA's tables).
import { Rational } from '../../../src/core/rational.js';
import type { Rng } from '../../../src/core/rng.js';
import { integerWithDigits } from './integers.js';

export type Op = '+' | '-' | '*' | '/';

export type Expr = { kind: 'num'; value: Rational; name?: string } | { kind: 'op'; op: Op; left: Expr; right: Expr };

export const num = (v: Rational | bigint | number): Expr => ({
  kind: 'num',
  value: v instanceof Rational ? v : Rational.of(BigInt(v)),
});
export const bin = (op: Op, left: Expr, right: Expr): Expr => ({ kind: 'op', op, left, right });

/** The leaves of a tree, left to right. */
export function leaves(e: Expr): Extract<Expr, { kind: 'num' }>[] {
  return e.kind === 'num' ? [e] : [...leaves(e.left), ...leaves(e.right)];
}

/** Exact value; undefined on a division by zero anywhere in the tree. */
export function evaluate(e: Expr): Rational | undefined {
  if (e.kind === 'num') return e.value;
  const a = evaluate(e.left);
  const b = evaluate(e.right);
  if (!a || !b) return undefined;
  switch (e.op) {
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

const PRECEDENCE: Record<Op, number> = { '+': 1, '-': 1, '*': 2, '/': 2 };

/** A rational as a term: negative numbers in parentheses, fractions as "(p)/q" divisions. */
export function renderNumber(v: Rational): string {
  const n = v.num < 0n ? `(${v.num})` : `${v.num}`;
  return v.den === 1n ? n : `${n}/${v.den}`;
}

export function render(e: Expr): string {
  if (e.kind === 'num') return e.name ?? (e.value.isInteger() ? renderNumber(e.value) : `(${renderNumber(e.value)})`);
  const p = PRECEDENCE[e.op];
  const side = (child: Expr, right: boolean): string => {
    const text = render(child);
    if (child.kind === 'num') return text;
    const cp = PRECEDENCE[child.op];
    const needs = cp < p || (right && cp === p && (e.op === '-' || e.op === '/' || child.op === '/'));
    return needs ? `(${text})` : text;
  };
  const sep = p === 1 ? ` ${e.op} ` : e.op;
  return `${side(e.left, false)}${sep}${side(e.right, true)}`;
}

/** A random integer with about `digits` digits of entropy and a random sign. */
export function signedInt(rng: Rng, digits: number, allowZero = false): bigint {
  for (;;) {
    const v = integerWithDigits(rng, digits) - (allowZero ? 1n : 0n);
    if (v !== 0n || allowZero) return rng.bool() ? -v : v;
  }
}

/**
 * A random expression with `ops` operators over integer leaves. The digit budget is shared
 * between the leaves, so `digits` bounds the entropy of the whole question.
 */
export function randomExpression(rng: Rng, ops: number, digits: number): Expr {
  const leaves = ops + 1;
  const per = Math.max(0.5, digits / leaves);
  const build = (nOps: number): Expr => {
    if (nOps === 0) return num(signedInt(rng, per * rng.float(0.7, 1.3)));
    const leftOps = rng.int(0, nOps - 1);
    return bin(rng.pick(['+', '-', '*', '/'] as const), build(leftOps), build(nOps - 1 - leftOps));
  };
  return build(ops);
}

/**
 * An expression whose exact value is `value`, built top-down: each step draws one operand and
 * solves for the other, so the value is right by construction (and re-checked by evaluate).
 */
export function expressionFor(value: Rational, rng: Rng, ops: number, digits: number): Expr {
  if (ops <= 0) return value.isInteger() ? num(value) : bin('/', num(value.num), num(value.den));
  const small = () => {
    const a = BigInt(rng.int(2, Math.max(3, Math.min(12, Math.round(10 ** Math.min(digits, 1.2))))));
    return rng.bool(0.4) ? -a : a;
  };
  switch (rng.pick(['+', '-', '*', '/'] as const)) {
    case '+': {
      const a = Rational.of(signedInt(rng, digits));
      const rest = expressionFor(value.sub(a), rng, ops - 1, digits);
      return rng.bool() ? bin('+', rest, num(a)) : bin('+', num(a), rest);
    }
    case '-': {
      const a = Rational.of(signedInt(rng, digits));
      return rng.bool()
        ? bin('-', expressionFor(value.add(a), rng, ops - 1, digits), num(a))
        : bin('-', num(a), expressionFor(a.sub(value), rng, ops - 1, digits));
    }
    case '*': {
      const a = Rational.of(small());
      return bin('*', expressionFor(value.div(a)!, rng, ops - 1, digits), num(a));
    }
    case '/': {
      const a = Rational.of(small());
      return bin('/', expressionFor(value.mul(a), rng, ops - 1, digits), num(a));
    }
  }
}

/** Letters for named constants and unknowns; 'e', 'i', 'l', 'o' are left out (e, i, 1, 0 look-alikes). */
export const LETTERS = 'abcdfghjkmnpqrstuvwxyz'.split('');

/** `count` distinct letters not in `taken`. */
export function freshLetters(rng: Rng, count: number, taken: Iterable<string> = []): string[] {
  const used = new Set(taken);
  return rng.sample(
    LETTERS.filter((l) => !used.has(l)),
    count,
  );
}

/** "Let p be <expr>." for a constant, with the exact value re-checked. */
export function defineConstant(name: string, value: Rational, rng: Rng, digits: number, ops = 2): string {
  const e = expressionFor(value, rng, ops, digits);
  const v = evaluate(e);
  if (!v || !v.eq(value))
    throw new Error(`defineConstant: expression ${render(e)} does not evaluate to ${value.toString()}`);
  return `Let ${name} be ${render(e)}.`;
}
