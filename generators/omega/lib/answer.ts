// Typed answers and the \boxed verifier of every OMEGA family (spec §1.2). A family states what
// kind of scalar it wants; the verifier reads the last \boxed{…} of a reply by one written policy
// (README, "Reading answers": exact value decides, ambiguous forms are rejected, never guessed)
// and compares: integers exactly, fractions by rational equality, "rounded to k decimals" as a
// correct rounding, choice indices exactly. Everything here is total: any string in, a Verdict out.
import { lastBoxed } from '../../../src/core/extract.js';
import { Rational } from '../../../src/core/rational.js';
import type { Verdict } from '../../../src/core/types.js';
import { correct, wrong } from '../../../src/core/verdict.js';

/**
 * The ground-truth answer as plain JSON, enough to verify without this code.
 * - `integer`: `value` is a base-10 integer string (possibly negative, possibly huge).
 * - `rational`: `value` is a reduced `p/q` (q > 1) or an integer string.
 * - `decimal`: the prompt asks for `places` decimals; `exact` is the exact value as a rational
 *   `p/q` (or a decimal string carrying more digits than asked, for validated numerics);
 *   `value` is `exact` rounded half away from zero, the oracle's reply. A reply is correct when
 *   it is a multiple of 10^-places within 0.5·10^-places of `exact` (both roundings of a tie).
 * - `choice`: `value` is the 0-based index of the correct option among `choices`.
 */
export type Answer =
  | { type: 'integer'; value: string }
  | { type: 'rational'; value: string }
  | { type: 'decimal'; value: string; places: number; exact: string }
  | { type: 'choice'; value: number; choices: number };

export function integerAnswer(v: bigint | number): Answer {
  return { type: 'integer', value: BigInt(v).toString() };
}

export function rationalAnswer(q: Rational): Answer {
  return { type: 'rational', value: q.toString() };
}

/** A decimal answer from an exact rational. */
export function decimalAnswer(exact: Rational, places: number): Answer {
  return { type: 'decimal', value: roundRational(exact, places), places, exact: exact.toString() };
}

/**
 * A decimal answer from a validated floating-point value: `exact` keeps it to `digits` decimals as
 * written (readable in the truth record), which is far finer than the asked rounding.
 */
export function decimalAnswerFromFloat(value: number, places: number, digits = 10): Answer {
  const exact = value.toFixed(digits);
  return { type: 'decimal', value: roundRational(Rational.parse(exact)!, places), places, exact };
}

export function choiceAnswer(index: number, choices: number): Answer {
  return { type: 'choice', value: index, choices };
}

/** What goes inside the oracle's \boxed{}. */
export function answerText(a: Answer): string {
  return a.type === 'choice' ? String(a.value) : a.value;
}

/** `q` rounded half away from zero to `places` decimals, written with exactly that many. */
export function roundRational(q: Rational, places: number): string {
  const scale = 10n ** BigInt(places);
  const num = q.num < 0n ? -q.num : q.num;
  // floor(|q|·scale + 1/2) = floor((2·num·scale + den) / (2·den))
  const scaled = (2n * num * scale + q.den) / (2n * q.den);
  const neg = q.num < 0n && scaled !== 0n;
  const digits = scaled.toString().padStart(places + 1, '0');
  const int = digits.slice(0, digits.length - places);
  const frac = digits.slice(digits.length - places);
  return `${neg ? '-' : ''}${int}${places > 0 ? `.${frac}` : ''}`;
}

/** Longest boxed content read; anything longer is not a scalar answer (and keeps BigInt cheap). */
const MAX_ANSWER_CHARS = 400;
/** Largest exponent read in `2^{k}` or `10^{k}` (keeps BigInt powers cheap). */
const MAX_EXPONENT = 1000;

/** What the verifier may accept besides a bare number, from the family and the item. */
export interface ReadOptions {
  /**
   * Unit words the question asks for (lower case: 'units', 'square units', 'radians', 'paths'):
   * a trailing unit is stripped only when it is one of these; any other unit makes the reply
   * unreadable. Empty or absent: no unit is accepted.
   */
  units?: readonly string[];
  /** Whether `75\%` reads as 3/4 (only where the answer is a proportion). */
  percent?: boolean;
}

const WRAPPERS: readonly RegExp[] = [
  /^\$+([\s\S]*?)\$+$/,
  /^\\\(([\s\S]*)\\\)$/,
  /^\\\[([\s\S]*)\\\]$/,
  /^\*\*([\s\S]*)\*\*$/,
  /^\\(?:text|textbf|textrm|mathbf|mathrm|mathit|boldsymbol|displaystyle|operatorname|mbox)\s*\{([\s\S]*)\}$/,
  /^\{([\s\S]*)\}$/,
];

function balanced(t: string): boolean {
  let depth = 0;
  for (const ch of t) {
    if (ch === '{') depth++;
    else if (ch === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

/** A unit at the end: `\text{ paths}`, `\,\mathrm{cm}`, ` units^2`, ` square units`. */
const TRAILING_UNIT =
  /(?:\\[,;:! ]|~|\s)*(?:\\(?:text|mathrm|textrm|mbox|operatorname)\s*\{\s*([A-Za-z][A-Za-z ]*?)\s*\}|\b([A-Za-z][A-Za-z ]*?))\s*(\^\s*\{?\s*2\s*\}?|²)?$/;

/**
 * The boxed text reduced to the value part, or undefined. Strips wrappers (`$…$`, `\(…\)`, `**…**`,
 * `\text{…}`, outer braces), a trailing period, `\left`/`\right`, one label (`x = 5`, `m+n=17`,
 * `N \approx 3.5`) and a unit the question asks for. Two or more `=`/`\approx` (`k = 2, q = -6`)
 * are ambiguous: undefined.
 */
export function normalizeScalar(raw: string, opts: ReadOptions = {}): string | undefined {
  let s = String(raw ?? '').trim();
  if (s.length === 0 || s.length > MAX_ANSWER_CHARS) return undefined;
  s = s.replace(/[\u2212\u2013\u2012\uFE63\uFF0D]/g, '-').replace(/\\displaystyle|\\left|\\right/g, '');
  const unwrap = (t: string) => {
    for (let i = 0; i < 8; i++) {
      const before = t;
      t = t
        .trim()
        .replace(/\.$/, '')
        .replace(/^(?:choice|option|answer)\s*:?\s*/i, '');
      for (const w of WRAPPERS) {
        const m = w.exec(t);
        // Only a wrapper around the whole text: `{1}/{2}` is not `{…}` around "1}/{2".
        if (m && balanced(m[1]!)) t = m[1]!;
      }
      if (t === before) break;
    }
    return t;
  };
  s = unwrap(s);
  const relations = s.match(/=|\\approx|≈/g) ?? [];
  if (relations.length > 1) return undefined;
  if (relations.length === 1) {
    const m = /=|\\approx|≈/.exec(s)!;
    if (s.slice(0, m.index).trim() === '') return undefined;
    s = unwrap(s.slice(m.index + m[0].length));
  }
  const unit = TRAILING_UNIT.exec(s);
  if (unit && unit.index > 0) {
    const words = (unit[1] ?? unit[2] ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
    const name = unit[3] ? `${words}^2` : words;
    if (!(opts.units ?? []).includes(name)) return undefined;
    s = s.slice(0, unit.index);
  }
  s = s.replace(/(?:\\[,;:! ]|~|\\quad|\s)+$/, '').trim();
  return s.length > 0 ? s : undefined;
}

/**
 * A scalar as an exact rational, by the one policy every OMEGA family uses (README, "Reading
 * answers"): integers, decimals, grouped thousands, `a/b`, `\frac{a}{b}`, `a \over b`, mixed
 * numbers, repeating decimals, powers, scientific notation and (where allowed) percent. Anything
 * else, including two numbers side by side (`1 2`), is undefined: never guessed.
 */
export function parseScalar(raw: string, opts: ReadOptions = {}): Rational | undefined {
  const s = normalizeScalar(raw, opts);
  return s === undefined ? undefined : new NumberReader(s, opts).readAll();
}

/** Thousands separators: one kind per number, groups of exactly three digits after the first. */
const GROUP_SEPARATORS = [',', '{,}', '\\,', '\\ ', '~', '\u2009', '\u202F'];

class NumberReader {
  private i = 0;
  constructor(
    private readonly s: string,
    private readonly opts: ReadOptions,
  ) {}

  readAll(): Rational | undefined {
    this.ws();
    const v = this.signed(() => this.body());
    this.ws();
    return v !== undefined && this.i === this.s.length ? v : undefined;
  }

  private ws(): boolean {
    const m = /^(?:\s|\\[,;:! ]|~|\\quad)*/.exec(this.s.slice(this.i))!;
    this.i += m[0].length;
    return m[0].length > 0;
  }

  private eat(token: string): boolean {
    if (!this.s.startsWith(token, this.i)) return false;
    // `\over` must not match the start of `\overline`.
    if (/^\\[A-Za-z]+$/.test(token) && /[A-Za-z]/.test(this.s[this.i + token.length] ?? '')) return false;
    this.i += token.length;
    return true;
  }

  private signed(read: () => Rational | undefined): Rational | undefined {
    let neg = false;
    while (this.s[this.i] === '-' || this.s[this.i] === '+') {
      if (this.s[this.i] === '-') neg = !neg;
      this.i++;
      this.ws();
      if (this.s[this.i] === '-' || this.s[this.i] === '+') return undefined; // "--5"
    }
    const v = read();
    return v && neg ? v.neg() : v;
  }

  /** mixed | quotient, then an optional percent sign. */
  private body(): Rational | undefined {
    const v = this.mixed() ?? this.quotient();
    if (v === undefined) return undefined;
    const at = this.i;
    this.ws();
    if (this.eat('\\%') || this.eat('%')) return this.opts.percent ? v.div(Rational.of(100n)) : undefined;
    this.i = at;
    return v;
  }

  /** `5\frac{1}{2}`, `5 \tfrac12`, `5 1/2`: a whole number and a proper fraction, 11/2. */
  private mixed(): Rational | undefined {
    const at = this.i;
    const whole = /^\d+/.exec(this.s.slice(this.i));
    if (whole) {
      this.i += whole[0].length;
      const spaced = this.ws();
      const frac = this.latexFraction(true) ?? (spaced ? this.plainFraction() : undefined);
      if (frac && frac.num >= 0n && frac.num < frac.den && !frac.isZero())
        return Rational.of(BigInt(whole[0])).add(frac);
    }
    this.i = at;
    return undefined;
  }

  /** `7/8` with unsigned integers (the fraction part of a mixed number). */
  private plainFraction(): Rational | undefined {
    const m = /^(\d+)\s*\/\s*(\d+)/.exec(this.s.slice(this.i));
    if (!m || BigInt(m[2]!) === 0n) return undefined;
    this.i += m[0].length;
    return Rational.of(BigInt(m[1]!), BigInt(m[2]!));
  }

  /** product (`/` | `\over`) product */
  private quotient(): Rational | undefined {
    const a = this.product();
    if (a === undefined) return undefined;
    const at = this.i;
    this.ws();
    if (this.eat('/') || this.eat('\\over')) {
      this.ws();
      const b = this.signed(() => this.product());
      return b === undefined ? undefined : a.div(b);
    }
    this.i = at;
    return a;
  }

  /** factor, optionally `\times 10^{k}` / `\cdot 10^{k}`. */
  private product(): Rational | undefined {
    const a = this.factor();
    if (a === undefined) return undefined;
    const at = this.i;
    this.ws();
    if (this.eat('\\times') || this.eat('\\cdot') || this.eat('×') || this.eat('·')) {
      this.ws();
      if (!this.eat('10')) return undefined;
      this.ws();
      const k = this.exponent();
      const p = k === undefined ? undefined : pow(Rational.of(10n), k);
      return p === undefined ? undefined : a.mul(p);
    }
    this.i = at;
    return a;
  }

  /** primary, optionally `^{k}` (integer k; one digit without braces, as TeX reads `2^10` as 2¹0). */
  private factor(): Rational | undefined {
    const a = this.primary();
    if (a === undefined) return undefined;
    const at = this.i;
    this.ws();
    if (this.s[this.i] === '^') {
      const k = this.exponent();
      return k === undefined ? undefined : pow(a, k);
    }
    this.i = at;
    return a;
  }

  /** `^{k}` or `^k` (one digit). */
  private exponent(): number | undefined {
    if (this.s[this.i] !== '^') return undefined;
    this.i++;
    this.ws();
    const m = /^\{\s*([+-]?\d+)\s*\}|^(\d)(?!\d)/.exec(this.s.slice(this.i));
    if (!m) return undefined;
    this.i += m[0].length;
    const k = Number(m[1] ?? m[2]);
    return Math.abs(k) <= MAX_EXPONENT ? k : undefined;
  }

  /** A number, a LaTeX fraction, or a parenthesised or braced signed value. */
  private primary(): Rational | undefined {
    const frac = this.latexFraction(false);
    if (frac) return frac;
    for (const [open, close] of [
      ['(', ')'],
      ['{', '}'],
    ] as const) {
      if (this.s[this.i] === open && !this.s.startsWith('{,}', this.i)) {
        this.i++;
        this.ws();
        const v = this.signed(() => this.body());
        this.ws();
        return v !== undefined && this.eat(close) ? v : undefined;
      }
    }
    return this.literal();
  }

  /** `\frac{a}{b}`, `\dfrac`, `\tfrac`, `\frac34`; `proper` reads only unsigned integers (mixed numbers). */
  private latexFraction(proper: boolean): Rational | undefined {
    const at = this.i;
    if (!(this.eat('\\frac') || this.eat('\\dfrac') || this.eat('\\tfrac'))) {
      // \frac34: the macro name runs into digits, so eat() refused it; read it here.
      const m = /^\\[dt]?frac(\d)(\d)/.exec(this.s.slice(this.i));
      if (!m) return undefined;
      this.i += m[0].length;
      return BigInt(m[2]!) === 0n ? undefined : Rational.of(BigInt(m[1]!), BigInt(m[2]!));
    }
    this.ws();
    const digitPair = /^(\d)(\d)/.exec(this.s.slice(this.i));
    if (digitPair) {
      this.i += 2;
      return BigInt(digitPair[2]!) === 0n ? undefined : Rational.of(BigInt(digitPair[1]!), BigInt(digitPair[2]!));
    }
    const part = (): Rational | undefined => {
      this.ws();
      if (!this.eat('{')) return undefined;
      this.ws();
      const v = proper ? this.unsignedInteger() : this.signed(() => this.body());
      this.ws();
      return v !== undefined && this.eat('}') ? v : undefined;
    };
    const a = part();
    const b = a === undefined ? undefined : part();
    const v = a && b ? a.div(b) : undefined;
    if (v === undefined) this.i = at;
    return v;
  }

  private unsignedInteger(): Rational | undefined {
    const m = /^\d+/.exec(this.s.slice(this.i));
    if (!m) return undefined;
    this.i += m[0].length;
    return Rational.of(BigInt(m[0]));
  }

  /**
   * `1234`, `1,234`, `1{,}234`, `1\,234`, `2.5`, `.5`, `5.`, `0.1\overline{6}`, `1e3`. A comma is
   * only ever a thousands separator (never a decimal comma), and a plain space never separates.
   */
  private literal(): Rational | undefined {
    const rest = this.s.slice(this.i);
    const head = /^\d+/.exec(rest);
    let intDigits = head ? head[0] : '';
    let j = intDigits.length;
    if (head) {
      const sep = GROUP_SEPARATORS.find((g) => rest.startsWith(g, j) && /^\d{3}(?!\d)/.test(rest.slice(j + g.length)));
      if (sep) {
        if (intDigits.length > 3) return undefined;
        while (rest.startsWith(sep, j) && /^\d{3}(?!\d)/.test(rest.slice(j + sep.length))) {
          intDigits += rest.slice(j + sep.length, j + sep.length + 3);
          j += sep.length + 3;
        }
        // A separator of another kind, or a group that is not three digits, is not a number.
        if (
          GROUP_SEPARATORS.some(
            (g) =>
              g !== '\\,' && g !== '\\ ' && g !== '~' && rest.startsWith(g, j) && /^\d/.test(rest.slice(j + g.length)),
          )
        )
          return undefined;
      }
    }
    let fracDigits = '';
    let repeat = '';
    if (rest[j] === '.') {
      const f = /^\.(\d*)/.exec(rest.slice(j))!;
      fracDigits = f[1]!;
      j += f[0].length;
      const o = /^\\overline\s*\{(\d+)\}/.exec(rest.slice(j));
      if (o) {
        repeat = o[1]!;
        j += o[0].length;
      }
    }
    if (intDigits === '' && fracDigits === '') return undefined;
    let exp = 0;
    const e = /^[eE]([+-]?\d+)/.exec(rest.slice(j));
    if (e && repeat === '') {
      exp = Number(e[1]);
      j += e[0].length;
    }
    if (Math.abs(exp) > MAX_EXPONENT) return undefined;
    this.i += j;
    let v = Rational.of(BigInt((intDigits || '0') + fracDigits), 10n ** BigInt(fracDigits.length));
    if (repeat) {
      // 0.1\overline{6} = 0.1 + 6 / (9 · 10^1)
      const den = (10n ** BigInt(repeat.length) - 1n) * 10n ** BigInt(fracDigits.length);
      v = v.add(Rational.of(BigInt(repeat), den));
    }
    if (exp === 0) return v;
    const p = pow(Rational.of(10n), exp);
    return p && v.mul(p);
  }
}

/** base^k, or undefined when the result would be huge (a 400-character reply stays cheap). */
function pow(base: Rational, k: number): Rational | undefined {
  if (k < 0) return base.isZero() ? undefined : pow(Rational.of(base.den, base.num), -k);
  const bits = (v: bigint) => (v < 0n ? -v : v).toString(2).length;
  if (Math.max(bits(base.num), bits(base.den)) * k > 20_000) return undefined;
  return Rational.of(base.num ** BigInt(k), base.den ** BigInt(k));
}
/** The exact value of a `decimal` answer's `exact` field. */
function exactOf(a: Extract<Answer, { type: 'decimal' }>): Rational | undefined {
  return Rational.parse(a.exact);
}

/**
 * The verifier of every OMEGA problem: the last \boxed{…} of the reply, read by `parseScalar`, then
 * compared by exact value. A `decimal` ("rounded to k decimal places") reply must itself be a
 * correct rounding: a multiple of 10^-k within ½·10^-k of the exact value (trailing zeros are
 * free, an unrounded value is wrong, an exact tie accepts both roundings).
 */
export function verifyAnswer(answer: Answer, response: string, opts: ReadOptions = {}): Verdict {
  const boxed = lastBoxed(typeof response === 'string' ? response : String(response ?? ''));
  if (boxed === undefined) return wrong('no \\boxed{…} answer found', false);
  const got = parseScalar(boxed, opts);
  const shown = boxed.length > 80 ? `${boxed.slice(0, 80)}…` : boxed;
  if (!got) return wrong(`could not read one number from \\boxed{${shown}}`, false, shown);
  switch (answer.type) {
    case 'integer':
    case 'choice': {
      if (!got.isInteger()) return wrong(`expected an integer, got ${got.toString()}`, false, got.toString());
      return got.num === BigInt(answer.value) ? correct(got.toString()) : wrong('wrong value', true, got.toString());
    }
    case 'rational': {
      const want = Rational.parse(answer.value);
      if (!want) return wrong('answer key is not a rational (generator bug)', false);
      return got.eq(want) ? correct(got.toString()) : wrong('wrong value', true, got.toString());
    }
    case 'decimal': {
      const want = exactOf(answer);
      if (!want) return wrong('answer key is not a number (generator bug)', false);
      const scale = 10n ** BigInt(answer.places);
      if (got.mul(Rational.of(scale)).den !== 1n)
        return wrong(`not rounded to ${answer.places} decimal places`, false, got.toString());
      // |got − exact| ≤ ½·10^-k  ⟺  2·|got − exact|·10^k ≤ 1
      const diff = got
        .sub(want)
        .abs()
        .mul(Rational.of(2n * scale));
      return diff.cmp(Rational.ONE) <= 0
        ? correct(got.toString())
        : wrong(`not the ${answer.places}-decimal rounding of the answer`, true, got.toString());
    }
  }
}

/** A chance-level reply in the right format. */
export function boxed(content: string): string {
  return `\\boxed{${content}}`;
}
