// The formula language answers are written in: non-negative integers, + - * /, and parentheses,
// with the usual precedence and left associativity. No unary minus or plus: every card value is
// positive, so every solution can be written without one, and the upstream token-order check
// rejects an operator at the start or after '(' too.
import { Rational } from '../../../src/core/rational.js';

export type Op = '+' | '-' | '*' | '/';
export type FormulaNode =
  { kind: 'num'; text: string } | { kind: 'bin'; op: Op; left: FormulaNode; right: FormulaNode };

export type ParseResult =
  | { ok: true; ast: FormulaNode; numbers: string[] }
  | { ok: false; reason: string; kind: 'illegal-characters' | 'syntax' };

/** Redundant parentheses are fine; a thousand nested ones are an attack on the stack. */
const MAX_NESTING = 100;

type Token = { kind: 'num'; text: string; at: number } | { kind: 'sym'; text: string; at: number };

/** Parses a formula that has already had its whitespace removed. Total: never throws. */
export function parseFormula(src: string): ParseResult {
  const illegal = [...new Set(src.replace(/[0-9+\-*/()]/g, ''))];
  if (illegal.length > 0) {
    const shown = illegal
      .slice(0, 8)
      .map((c) => `'${c}'`)
      .join(', ');
    return {
      ok: false,
      kind: 'illegal-characters',
      reason: `your formula contains illegal characters: [${shown}${illegal.length > 8 ? ', ...' : ''}]`,
    };
  }
  if (!parenthesesBalance(src)) return { ok: false, kind: 'syntax', reason: 'your formula has unbalanced parentheses' };
  const tokens = tokenize(src);
  const leadingZero = tokens.find((t) => t.kind === 'num' && t.text.length > 1 && t.text.startsWith('0'));
  if (leadingZero)
    return {
      ok: false,
      kind: 'syntax',
      reason: `your formula has a number with a leading zero: ${clip(leadingZero.text)}`,
    };
  const parser = new Parser(tokens);
  const result = parser.parse();
  if ('error' in result)
    return { ok: false, kind: 'syntax', reason: `your formula is not a valid expression: ${result.error}` };
  return { ok: true, ast: result.ast, numbers: tokens.filter((t) => t.kind === 'num').map((t) => t.text) };
}

function parenthesesBalance(src: string): boolean {
  let depth = 0;
  for (const ch of src) {
    if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  for (const m of src.matchAll(/\d+|[+\-*/()]/g)) {
    tokens.push({ kind: /\d/.test(m[0][0]!) ? 'num' : 'sym', text: m[0], at: m.index! });
  }
  return tokens;
}

/** Recursive descent: expr := term (('+'|'-') term)*; term := factor (('*'|'/') factor)*; factor := num | '(' expr ')'. */
class Parser {
  private pos = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): { ast: FormulaNode } | { error: string } {
    try {
      if (this.tokens.length === 0) return { error: 'it is empty' };
      const ast = this.expr();
      if (this.pos < this.tokens.length) this.fail();
      return { ast };
    } catch (err) {
      if (err instanceof SyntaxFailure) return { error: err.message };
      throw err;
    }
  }

  private expr(): FormulaNode {
    let node = this.term();
    for (let t = this.peek(); t && (t.text === '+' || t.text === '-'); t = this.peek()) {
      this.pos++;
      node = { kind: 'bin', op: t.text as Op, left: node, right: this.term() };
    }
    return node;
  }

  private term(): FormulaNode {
    let node = this.factor();
    for (let t = this.peek(); t && (t.text === '*' || t.text === '/'); t = this.peek()) {
      this.pos++;
      node = { kind: 'bin', op: t.text as Op, left: node, right: this.factor() };
    }
    return node;
  }

  private factor(): FormulaNode {
    const t = this.peek();
    if (!t) throw new SyntaxFailure('it ends with an operator or an open parenthesis');
    if (t.kind === 'num') {
      this.pos++;
      return { kind: 'num', text: t.text };
    }
    if (t.text === '(') {
      if (++this.depth > MAX_NESTING) throw new SyntaxFailure(`parentheses nested deeper than ${MAX_NESTING}`);
      this.pos++;
      const inner = this.expr();
      if (this.peek()?.text !== ')') this.fail();
      this.pos++;
      this.depth--;
      return inner;
    }
    return this.fail();
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private fail(): never {
    const t = this.peek();
    throw new SyntaxFailure(t ? `unexpected '${clip(t.text)}' at position ${t.at + 1}` : 'it ends too early');
  }
}

class SyntaxFailure extends Error {}

function clip(s: string, max = 24): string {
  return s.length > max ? `${s.slice(0, max)}...` : s;
}

/** Exact value; undefined when some division has a zero divisor. */
export function evaluateExact(node: FormulaNode): Rational | undefined {
  if (node.kind === 'num') return Rational.of(BigInt(node.text));
  const l = evaluateExact(node.left);
  const r = l && evaluateExact(node.right);
  if (!l || !r) return undefined;
  switch (node.op) {
    case '+':
      return l.add(r);
    case '-':
      return l.sub(r);
    case '*':
      return l.mul(r);
    case '/':
      return l.div(r);
  }
}

/**
 * The value the upstream verifier computed: Python's eval, i.e. IEEE doubles once '/' appears.
 * Used only to flag answers the upstream float comparison would have rejected.
 */
export function evaluateFloat(node: FormulaNode): number {
  if (node.kind === 'num') return Number(node.text);
  const l = evaluateFloat(node.left);
  const r = evaluateFloat(node.right);
  switch (node.op) {
    case '+':
      return l + r;
    case '-':
      return l - r;
    case '*':
      return l * r;
    case '/':
      return l / r;
  }
}
