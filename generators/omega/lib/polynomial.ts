// Polynomials with exact rational coefficients (index = power), and linear forms, rendered in
// mathematics_dataset's plain-text style: "2464*q**3/5 - 2924*q**2 - 5876*q/5 + 528".
import { Rational } from '../../../src/core/rational.js';

/** Coefficients, lowest power first. */
export type Poly = Rational[];

export function polyMul(a: Poly, b: Poly): Poly {
  const out = Array.from({ length: a.length + b.length - 1 }, () => Rational.ZERO);
  a.forEach((x, i) =>
    b.forEach((y, j) => {
      out[i + j] = out[i + j]!.add(x.mul(y));
    }),
  );
  return out;
}

export function polyEval(p: Poly, x: Rational): Rational {
  let v = Rational.ZERO;
  for (let i = p.length - 1; i >= 0; i--) v = v.mul(x).add(p[i]!);
  return v;
}

/** c·∏(x − r) for the given roots. */
export function fromRoots(roots: readonly Rational[], scale: Rational): Poly {
  let p: Poly = [scale];
  for (const r of roots) p = polyMul(p, [r.neg(), Rational.ONE]);
  return p;
}

/** A term "c*x**k" with c a rational: "2464*q**3/5", "-q", "q**2/3"; `name` stands in for c. */
function termBody(c: Rational, power: number, v: string, name?: string): string {
  const varPart = power === 0 ? '' : power === 1 ? v : `${v}**${power}`;
  if (name) return varPart ? `${name}*${varPart}` : name;
  const n = c.num < 0n ? -c.num : c.num;
  let head: string;
  if (!varPart) head = `${n}`;
  else head = n === 1n ? varPart : `${n}*${varPart}`;
  return c.den === 1n ? head : `${head}/${c.den}`;
}

/**
 * A sum of terms, highest power first, zero terms left out. `names` maps a power to the name of
 * a constant that replaces that coefficient (shown with a + sign; the value keeps its own sign).
 */
export function renderPoly(p: Poly, v: string, names: Map<number, string> = new Map()): string {
  const parts: string[] = [];
  for (let k = p.length - 1; k >= 0; k--) {
    const c = p[k]!;
    const name = names.get(k);
    if (c.isZero() && !name) continue;
    const neg = !name && c.num < 0n;
    const body = termBody(c, k, v, name);
    parts.push(parts.length === 0 ? `${neg ? '-' : ''}${body}` : `${neg ? '- ' : '+ '}${body}`);
  }
  return parts.length ? parts.join(' ') : '0';
}

/** A linear form Σ c_i·x_i + k as text; `constName` replaces the constant (its value is k). */
export function renderLinear(
  terms: readonly { coef: bigint; name: string }[],
  constant: bigint,
  constName?: string,
): string {
  const parts: string[] = [];
  const push = (neg: boolean, body: string) =>
    parts.push(parts.length === 0 ? `${neg ? '-' : ''}${body}` : `${neg ? '- ' : '+ '}${body}`);
  for (const t of terms) {
    if (t.coef === 0n) continue;
    const a = t.coef < 0n ? -t.coef : t.coef;
    push(t.coef < 0n, a === 1n ? t.name : `${a}*${t.name}`);
  }
  if (constName) push(false, constName);
  else if (constant !== 0n) push(constant < 0n, `${constant < 0n ? -constant : constant}`);
  return parts.length ? parts.join(' ') : '0';
}
