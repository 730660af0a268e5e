// Test helpers for the OMEGA families: item generation, and two small expression parsers written
// independently of the generators, so tests can read a prompt back and recompute its answer.
import { Rng } from '../../../src/core/rng.js';
import { Rational } from '../../../src/core/rational.js';
import { messageText, type Problem } from '../../../src/core/types.js';
import { omegaGenerators } from '../../../generators/omega/index.js';
import type { OmegaGenerator, OmegaTruth } from '../../../generators/omega/lib/family.js';

export function gen(family: string): OmegaGenerator {
  const g = omegaGenerators.find((x) => x.omega.family === family);
  if (!g) throw new Error(`no omega family ${family}`);
  return g;
}

/** OMEGA_TEST_SCALE=20 multiplies every sample for a deep validation run (minutes); default 1. */
export const TEST_SCALE = Number(process.env.OMEGA_TEST_SCALE ?? 1);

export function items(
  family: string | OmegaGenerator,
  level: number,
  n: number,
  seed: number | string = 11,
): Problem[] {
  const g = typeof family === 'string' ? gen(family) : family;
  const p = g.parseParams({ level });
  const count = Math.max(1, Math.round(n * TEST_SCALE));
  return Array.from({ length: count }, (_, i) => g.generate(p, Rng.forItem(seed, i)));
}

export const truthOf = (p: Problem) => p.truth as OmegaTruth;
export const inputsOf = <T = Record<string, any>>(p: Problem) => truthOf(p).inputs as T;
export const answerOf = (p: Problem) => truthOf(p).answer;
export const promptOf = (p: Problem) =>
  messageText(p.messages[0]!).replace(/\n\nPresent the answer in LaTex format: \\boxed\{Your answer\}$/, '');

// ---- exact expressions: "Let p be (-3)/4*2.", "2*b + 3096 = -5*g + 3058", "2464*q**3/5 - 1" ----

type Tok = { t: 'num'; v: bigint } | { t: 'id'; v: string } | { t: 'op'; v: string };

function tokenizeExact(s: string): Tok[] {
  const out: Tok[] = [];
  for (let i = 0; i < s.length;) {
    const ch = s[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (/\d/.test(ch)) {
      let j = i;
      while (j < s.length && /\d/.test(s[j]!)) j++;
      out.push({ t: 'num', v: BigInt(s.slice(i, j)) });
      i = j;
      continue;
    }
    if (/[a-z]/i.test(ch)) {
      let j = i;
      while (j < s.length && /[a-z]/i.test(s[j]!)) j++;
      out.push({ t: 'id', v: s.slice(i, j) });
      i = j;
      continue;
    }
    if (s.startsWith('**', i)) {
      out.push({ t: 'op', v: '**' });
      i += 2;
      continue;
    }
    out.push({ t: 'op', v: ch });
    i++;
  }
  return out;
}

/** Exact value of an arithmetic expression with + - * / ** and named values. */
export function evalExact(text: string, vars: Record<string, Rational> = {}): Rational {
  const toks = tokenizeExact(text);
  let i = 0;
  const peek = () => toks[i];
  const eat = (v: string) => {
    const t = toks[i];
    if (!t || t.t !== 'op' || t.v !== v) throw new Error(`expected ${v} at ${i} in ${text}`);
    i++;
  };
  const expr = (): Rational => {
    let v = term();
    for (let t = peek(); t && t.t === 'op' && (t.v === '+' || t.v === '-'); t = peek()) {
      i++;
      v = t.v === '+' ? v.add(term()) : v.sub(term());
    }
    return v;
  };
  const term = (): Rational => {
    let v = unary();
    for (let t = peek(); t && t.t === 'op' && (t.v === '*' || t.v === '/'); t = peek()) {
      i++;
      const r = unary();
      v = t.v === '*' ? v.mul(r) : v.div(r)!;
    }
    return v;
  };
  const unary = (): Rational => {
    const t = peek();
    if (t && t.t === 'op' && t.v === '-') {
      i++;
      return unary().neg();
    }
    if (t && t.t === 'op' && t.v === '+') {
      i++;
      return unary();
    }
    return power();
  };
  const power = (): Rational => {
    const base = atom();
    const t = peek();
    if (t && t.t === 'op' && t.v === '**') {
      i++;
      const e = unary();
      let r = Rational.ONE;
      for (let k = 0n; k < e.num; k++) r = r.mul(base);
      return r;
    }
    return base;
  };
  const atom = (): Rational => {
    const t = toks[i++];
    if (!t) throw new Error(`unexpected end in ${text}`);
    if (t.t === 'num') return Rational.of(t.v);
    if (t.t === 'id') {
      const v = vars[t.v];
      if (!v) throw new Error(`unknown name ${t.v} in ${text}`);
      return v;
    }
    if (t.v === '(') {
      const v = expr();
      eat(')');
      return v;
    }
    throw new Error(`unexpected ${t.v} in ${text}`);
  };
  const v = expr();
  if (i !== toks.length) throw new Error(`trailing input in ${text}`);
  return v;
}

/** "Let p be <expr>." definitions at the start of a prompt, evaluated in order. */
export function namedConstants(prompt: string): Record<string, Rational> {
  const vars: Record<string, Rational> = {};
  for (const m of prompt.matchAll(/Let ([a-z]) be (.+?)\.(?= |$)/g)) vars[m[1]!] = evalExact(m[2]!, vars);
  return vars;
}

// ---- real-valued function text: "-3sin(2π(x) + 1) + 3", "2|(x^2 - 1) + 3| - 1", "(2x + 1)/(x - 3)" ----

/** Evaluates the printed form of an algebra_func_* function at x, reading implicit products and |…|. */
export function evalFunctionText(text: string, x: number): number {
  const s = text.replace(/\s+/g, '');
  let i = 0;
  const bars: number[] = []; // paren depth of each open |
  let depth = 0;
  const expr = (): number => {
    let v = term();
    while (s[i] === '+' || s[i] === '-') {
      const op = s[i++];
      const r = term();
      v = op === '+' ? v + r : v - r;
    }
    return v;
  };
  const startsFactor = () => i < s.length && (/[\d(xπsce]/.test(s[i]!) || (s[i] === '|' && !closesBar()));
  const closesBar = () => bars.length > 0 && bars[bars.length - 1] === depth && /[\dxπ)|]/.test(s[i - 1] ?? '');
  const term = (): number => {
    let v = unary();
    for (;;) {
      if (s[i] === '/') {
        i++;
        v /= unary();
        continue;
      }
      if (startsFactor()) {
        v *= power();
        continue;
      }
      return v;
    }
  };
  const unary = (): number => (s[i] === '-' ? (i++, -unary()) : power());
  const power = (): number => {
    const b = atom();
    if (s[i] === '^') {
      i++;
      return b ** atom();
    }
    return b;
  };
  const atom = (): number => {
    const ch = s[i]!;
    if (/\d/.test(ch)) {
      let j = i;
      while (j < s.length && /[\d.]/.test(s[j]!)) j++;
      const v = Number(s.slice(i, j));
      i = j;
      return v;
    }
    if (ch === 'x') {
      i++;
      return x;
    }
    if (ch === 'π') {
      i++;
      return Math.PI;
    }
    if (s.startsWith('sin(', i) || s.startsWith('cos(', i)) {
      const fn = s.slice(i, i + 3) === 'sin' ? Math.sin : Math.cos;
      i += 3;
      return fn(paren());
    }
    if (s.startsWith('e^', i)) {
      i += 2;
      return Math.exp(paren());
    }
    if (ch === '(') return paren();
    if (ch === '|') {
      i++;
      bars.push(depth);
      const v = expr();
      if (s[i] !== '|') throw new Error(`expected | at ${i} in ${text}`);
      i++;
      bars.pop();
      return Math.abs(v);
    }
    throw new Error(`unexpected ${ch} at ${i} in ${text}`);
  };
  const paren = (): number => {
    if (s[i] !== '(') throw new Error(`expected ( at ${i} in ${text}`);
    i++;
    depth++;
    const v = expr();
    if (s[i] !== ')') throw new Error(`expected ) at ${i} in ${text}`);
    i++;
    depth--;
    return v;
  };
  const v = expr();
  if (i !== s.length) throw new Error(`trailing input at ${i} in ${text}`);
  return v;
}

/** A matrix printed as nested bracket rows. */
export function parseMatrix(text: string): bigint[][] {
  return (JSON.parse(text) as number[][]).map((r) => r.map((v) => BigInt(v)));
}

/** Matrices in a prompt, in order of appearance ("A =\n[[…]]"). */
export function promptMatrices(prompt: string): bigint[][][] {
  return [...prompt.matchAll(/\[\[[\s\S]*?\]\]/g)].map((m) => parseMatrix(m[0]));
}
