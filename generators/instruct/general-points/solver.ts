// The exact 24-game enumerator. Repeatedly pick two numbers from the multiset, replace them by
// one of their six combinations (a+b, a*b, a-b, b-a, a/b, b/a) and recurse: every binary
// expression tree over the cards is reached this way, which covers strictly more than the
// upstream solver's fixed bracket patterns.
//
// Arithmetic is exact: reduced fractions of JS integers. They cannot overflow here: for an
// expression over values v1..vn, every numerator, denominator and cross product met on the way
// is at most 2^(n-1)·v1·…·vn in absolute value (induction over the tree: a sum of two fractions
// doubles the bound, a product or quotient multiplies it). With n ≤ 6 and values ≤ 100 that is
// 3.2e13, far below 2^53; `solve` checks the bound and refuses inputs beyond it. BigInt
// rationals give the same answers 20-50× slower; every solution found is re-checked with them
// by the generator anyway (general-points.ts), and the tests compare against a BigInt brute force.

type Op = '+' | '-' | '*' | '/';
type Expr = number | { op: Op; left: Expr; right: Expr };

interface Item {
  /** Reduced: gcd(n, d) = 1 and d > 0. */
  n: number;
  d: number;
  expr: Expr;
}

/** Above this many cards the search space is no longer "fast"; the generator never asks for it. */
export const MAX_SOLVER_CARDS = 8;

/** Solutions by (target, sorted multiset). Solving is a pure function of that key. */
const cache = new Map<string, string | null>();
const CACHE_LIMIT = 200_000;

/**
 * One formula (integers, + - * /, parentheses; no '=') that evaluates exactly to `target`, or
 * undefined when no expression over all the values reaches it. Each value is used exactly once.
 * The result depends only on the multiset of values, not on their order.
 */
export function solve(values: readonly number[], target: number): string | undefined {
  checkInput(values, target);
  const sorted = [...values].sort((a, b) => b - a); // large first: reads like "10+7+4+3"
  const key = `${target}|${sorted.join(',')}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit ?? undefined;
  const items: Item[] = sorted.map((v) => ({ n: v, d: 1, expr: v }));
  const found = search(items, target, new Set());
  const formula = found ? formatExpr(found.expr).text : null;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, formula);
  return formula ?? undefined;
}

export function isSolvable(values: readonly number[], target: number): boolean {
  return solve(values, target) !== undefined;
}

function checkInput(values: readonly number[], target: number): void {
  if (values.length < 1 || values.length > MAX_SOLVER_CARDS)
    throw new RangeError(`solve: 1..${MAX_SOLVER_CARDS} values, got ${values.length}`);
  if (!Number.isSafeInteger(target)) throw new RangeError(`solve: target must be a safe integer, got ${target}`);
  let bound = 2 ** (values.length - 1);
  for (const v of values) {
    if (!Number.isSafeInteger(v) || v < 0)
      throw new RangeError(`solve: values must be non-negative integers, got ${v}`);
    bound *= Math.max(v, 1);
  }
  if (bound > Number.MAX_SAFE_INTEGER)
    throw new RangeError('solve: values too large for exact safe-integer arithmetic');
}

/** Depth-first search; `failed` remembers multisets (as sorted keys) already proven dead. */
function search(items: Item[], target: number, failed: Set<string>): Item | undefined {
  const k = items.length;
  if (k === 1) return items[0]!.d === 1 && items[0]!.n === target ? items[0] : undefined;
  if (Math.abs(target) > magnitudeBound(items)) return undefined;
  const key = k >= 3 ? multisetKey(items) : '';
  if (k >= 3 && failed.has(key)) return undefined;
  const rest: Item[] = new Array(k - 1);
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      let w = 0;
      for (let m = 0; m < k; m++) if (m !== i && m !== j) rest[w++] = items[m]!;
      for (const combined of combinations(items[i]!, items[j]!)) {
        rest[k - 2] = combined;
        const found = search(rest, target, failed);
        if (found) return found;
      }
    }
  }
  if (k >= 3) failed.add(key);
  return undefined;
}

/**
 * No combination of the items exceeds 2^(k-1)·Π max(|n|, d) in absolute value: a sum at most
 * doubles that product of sizes, a product or quotient at most multiplies it. Pruning on it cuts
 * hopeless branches early (three 1s never make 24) and keeps huge targets from costing a full search.
 */
function magnitudeBound(items: readonly Item[]): number {
  let bound = 2 ** (items.length - 1);
  for (const it of items) bound *= Math.max(Math.abs(it.n), it.d);
  return bound;
}

function multisetKey(items: readonly Item[]): string {
  return items
    .map((it) => `${it.n}/${it.d}`)
    .sort()
    .join(',');
}

function combinations(a: Item, b: Item): Item[] {
  const out: Item[] = [
    reduced(a.n * b.d + b.n * a.d, a.d * b.d, '+', a, b),
    reduced(a.n * b.n, a.d * b.d, '*', a, b),
    reduced(a.n * b.d - b.n * a.d, a.d * b.d, '-', a, b),
  ];
  const equal = a.n === b.n && a.d === b.d;
  if (!equal) out.push(reduced(b.n * a.d - a.n * b.d, a.d * b.d, '-', b, a));
  if (b.n !== 0) out.push(reduced(a.n * b.d, a.d * b.n, '/', a, b));
  if (a.n !== 0 && !equal) out.push(reduced(b.n * a.d, b.d * a.n, '/', b, a));
  return out;
}

function reduced(n: number, d: number, op: Op, left: Item, right: Item): Item {
  if (d < 0) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return { n: n / g, d: d / g, expr: { op, left: left.expr, right: right.expr } };
}

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

const PRECEDENCE: Record<Op, number> = { '+': 1, '-': 1, '*': 2, '/': 2 };
const ATOM = 3;

/**
 * Prints a tree with only the parentheses it needs. A right operand of equal precedence keeps
 * its parentheses under '-' and '/', and drops them under '+' and '*': a+(b-c) = a+b-c and
 * a*(b/c) = a*b/c hold exactly over the rationals, and the divisors are unchanged.
 */
export function formatExpr(expr: Expr): { text: string; precedence: number } {
  if (typeof expr === 'number') return { text: String(expr), precedence: ATOM };
  const p = PRECEDENCE[expr.op];
  const left = formatExpr(expr.left);
  const right = formatExpr(expr.right);
  const l = left.precedence < p ? `(${left.text})` : left.text;
  const needsRight = right.precedence < p || (right.precedence === p && (expr.op === '-' || expr.op === '/'));
  const r = needsRight ? `(${right.text})` : right.text;
  return { text: `${l}${expr.op}${r}`, precedence: p };
}

export type { Expr, Op };
