// Typed answers and the \boxed verifier of every OMEGA family (spec §1.2). A family states what
// kind of scalar it wants; the verifier reads the last \boxed{…} of a reply, strips the usual
// LaTeX and Markdown wrappers, and compares by value: integers exactly, fractions by rational
// equality, "rounded to k decimals" within half a unit of the k-th place around the exact value,
// choice indices exactly. Everything here is total: any string in, a Verdict out.
import { clampText, lastBoxed } from '../../../src/core/extract.js';
import { Rational } from '../../../src/core/rational.js';
import type { Verdict } from '../../../src/core/types.js';
import { correct, wrong } from '../../../src/core/verdict.js';

/**
 * The ground-truth answer as plain JSON, enough to verify without this code.
 * - `integer`: `value` is a base-10 integer string (possibly negative, possibly huge).
 * - `rational`: `value` is a reduced `p/q` (q > 1) or an integer string.
 * - `decimal`: the prompt asks for `places` decimals; `exact` is the exact value as a rational
 *   `p/q` (or a decimal string carrying more digits than asked, for validated numerics);
 *   `value` is `exact` rounded half away from zero, the oracle's reply. Any reply within
 *   0.5·10^-places of `exact` is correct, so both roundings of an exact tie pass.
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

/**
 * The scalar inside a boxed answer, as a plain string a number parser can read, or undefined
 * when it is not one. Strips `$…$`, `\(…\)`, `\[…\]`, `**…**`, `\text{…}`-style wrappers,
 * thousands separators, a trailing period and an `x =` label; turns `\frac{a}{b}` into `a/b`.
 */
export function normalizeScalar(raw: string): string | undefined {
  let s = raw.trim();
  if (s.length === 0 || s.length > MAX_ANSWER_CHARS) return undefined;
  s = s.replace(/[\u2212\u2013\u2012\uFE63\uFF0D]/g, '-');
  for (let i = 0; i < 8; i++) {
    const before = s;
    s = s.trim()
      .replace(/^\$+([\s\S]*?)\$+$/, '$1')
      .replace(/^\\\(([\s\S]*)\\\)$/, '$1')
      .replace(/^\\\[([\s\S]*)\\\]$/, '$1')
      .replace(/^\*\*([\s\S]*)\*\*$/, '$1')
      .replace(/^\\(?:text|textbf|mathbf|mathrm|mathit|boldsymbol|displaystyle|operatorname)\s*\{([\s\S]*)\}$/, '$1')
      .replace(/^\{([\s\S]*)\}$/, '$1')
      .replace(/\.$/, '')
      .replace(/^(?:choice|option|answer)\s*:?\s*/i, '');
    if (s === before) break;
  }
  s = s.replace(/\\displaystyle/g, '').replace(/\\left|\\right/g, '').replace(/\\[,;:! ]|~/g, '').replace(/\{,\}/g, ',');
  // A label such as "x = 5" or "m + n = 17": the value is what follows the last '=' or \approx.
  const eq = Math.max(s.lastIndexOf('='), s.lastIndexOf('\\approx'));
  if (eq >= 0) s = s.slice(s[eq] === '=' ? eq + 1 : eq + '\\approx'.length);
  s = s.replace(/\s+/g, '');
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  s = s.replace(/\\[dt]?frac\{([^{}]*)\}\{([^{}]*)\}/g, '($1)/($2)').replace(/\\[dt]?frac(\d)(\d)/g, '$1/$2');
  // Parentheses around a signed number are decoration: (-3)/4, -(3/4) is left alone below.
  s = s.replace(/\(([+-]?\d+(?:\.\d+)?)\)/g, '$1');
  if (/^\(.*\)$/.test(s) && !/\).*\(/.test(s)) s = s.slice(1, -1);
  const negFrac = /^-(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/.exec(s);
  if (negFrac) return `-${negFrac[1]}/${negFrac[2]}`;
  return s.length > 0 ? s : undefined;
}

/** A scalar as an exact rational: "7", "-3/4", "2.125", "1e3", "3/-4", "1.5/2". */
export function parseScalar(raw: string): Rational | undefined {
  const s = normalizeScalar(raw);
  if (s === undefined) return undefined;
  const direct = Rational.parse(s);
  if (direct) return direct;
  const m = /^([+-]?[\d.]+(?:e[+-]?\d+)?)\/([+-]?[\d.]+(?:e[+-]?\d+)?)$/i.exec(s);
  if (!m) return undefined;
  const a = Rational.parse(m[1]!);
  const b = Rational.parse(m[2]!);
  return a && b ? a.div(b) : undefined;
}

/** The exact value of a `decimal` answer's `exact` field. */
function exactOf(a: Extract<Answer, { type: 'decimal' }>): Rational | undefined {
  return Rational.parse(a.exact);
}

/** The verifier of every OMEGA problem: the last \boxed{…} of the reply, compared by type. */
export function verifyAnswer(answer: Answer, response: string): Verdict {
  const text = clampText(response);
  const boxed = lastBoxed(text);
  if (boxed === undefined) return wrong('no \\boxed{…} answer found', false);
  const got = parseScalar(boxed);
  const shown = boxed.length > 80 ? `${boxed.slice(0, 80)}…` : boxed;
  if (!got) return wrong(`could not read a number from \\boxed{${shown}}`, false, shown);
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
      // |got − exact| ≤ ½·10^-k  ⟺  2·|got − exact|·10^k ≤ 1
      const diff = got.sub(want).abs().mul(Rational.of(2n * 10n ** BigInt(answer.places)));
      return diff.cmp(Rational.ONE) <= 0 ? correct(got.toString()) : wrong(`not within ${answer.places}-decimal rounding of the answer`, true, got.toString());
    }
  }
}

/** A chance-level reply in the right format. */
export function boxed(content: string): string {
  return `\\boxed{${content}}`;
}
