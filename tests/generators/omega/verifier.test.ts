// The typed \boxed verifier shared by every OMEGA family (spec §1.2).
import { describe, expect, it } from 'vitest';
import { Rational } from '../../../src/core/rational.js';
import {
  decimalAnswer,
  integerAnswer,
  normalizeScalar,
  parseScalar,
  rationalAnswer,
  roundRational,
  verifyAnswer,
  choiceAnswer,
  type Answer,
} from '../../../generators/omega/lib/answer.js';

const ok = (a: Answer, reply: string) => verifyAnswer(a, reply).correct;

describe('normalizeScalar / parseScalar', () => {
  it('strips the usual wrappers, one label and a trailing period', () => {
    const cases: [string, string][] = [
      ['42', '42'],
      [' 42. ', '42'],
      ['$42$', '42'],
      ['$$42$$', '42'],
      ['\\(42\\)', '42'],
      ['\\[42\\]', '42'],
      ['**42**', '42'],
      ['\\text{42}', '42'],
      ['\\mathbf{42}', '42'],
      ['{42}', '42'],
      ['x = 42', '42'],
      ['m+n=17', '17'],
      ['N \\approx 3.5', '3.5'],
      ['\u221212', '-12'],
      ['Choice 2', '2'],
      ['{1}/{2}', '{1}/{2}'],
    ];
    for (const [raw, want] of cases) expect(normalizeScalar(raw), raw).toBe(want);
  });

  it('reads integers, fractions, \\frac forms and decimals exactly', () => {
    const cases: [string, string][] = [
      ['7', '7'],
      ['-3/4', '-3/4'],
      ['6/8', '3/4'],
      ['\\frac{3}{4}', '3/4'],
      ['\\dfrac{-3}{4}', '-3/4'],
      ['-\\frac{3}{4}', '-3/4'],
      ['\\frac{3}{-4}', '-3/4'],
      ['\\frac34', '3/4'],
      ['(-3)/4', '-3/4'],
      ['2.125', '17/8'],
      ['1e3', '1000'],
      ['+5', '5'],
      ['5.0', '5'],
      ['(-3)', '-3'],
      ['-(3/4)', '-3/4'],
      ['{1}/{2}', '1/2'],
      ['\\frac{\\frac{1}{2}}{3}', '1/6'],
    ];
    for (const [raw, want] of cases) expect(parseScalar(raw)?.toString(), raw).toBe(want);
  });

  // Issue 17: the accepted and rejected forms of the one reading policy (README, "Reading answers").
  it('policy table: accepted forms and the value each reads as', () => {
    const units = { units: ['paths', 'units', 'square units', 'units^2', 'rad'] };
    const cases: [string, string, object?][] = [
      // mixed numbers: a whole number and a proper fraction
      ['5\\frac{1}{2}', '11/2'],
      ['5 \\frac12', '11/2'],
      ['5\\tfrac{1}{2}', '11/2'],
      ['5 1/2', '11/2'],
      ['-5\\frac{1}{2}', '-11/2'],
      // thousands: one separator kind, groups of exactly three
      ['1,234', '1234'],
      ['1{,}234', '1234'],
      ['1\\,234', '1234'],
      ['12,345,678', '12345678'],
      ['1,234.5', '2469/2'],
      // a single label
      ['x = 5', '5'],
      ['\\text{Answer} = 5', '5'],
      // \over, repeating decimals, powers, scientific notation, percent (only where the family allows it)
      ['3 \\over 4', '3/4'],
      ['{3 \\over 4}', '3/4'],
      ['0.\\overline{3}', '1/3'],
      ['0.1\\overline{6}', '1/6'],
      ['1.\\overline{142857}', '8/7'],
      ['2^{10}', '1024'],
      ['2^5', '32'],
      ['10^{-3}', '1/1000'],
      ['1.5 \\times 10^{3}', '1500'],
      ['2\\cdot10^{-2}', '1/50'],
      ['1.5e3', '1500'],
      ['75\\%', '3/4', { percent: true }],
      ['75%', '3/4', { percent: true }],
      // units the question asks for
      ['12 \\text{ paths}', '12', units],
      ['\\text{12 paths}', '12', units],
      ['12 paths', '12', units],
      ['10.08 \\text{ units}', '252/25', units],
      ['10 \\text{ square units}', '10', units],
      ['10\\,\\text{units}^2', '10', units],
      ['1.25 \\text{ rad}', '5/4', units],
    ];
    for (const [raw, want, opts] of cases) expect(parseScalar(raw, opts as object)?.toString(), raw).toBe(want);
  });

  it('policy table: rejected forms (never guessed)', () => {
    const units = { units: ['paths', 'units', 'rad'] };
    const cases: [string, object?][] = [
      ['1 2'],
      ['1 234'],
      ['1,5'],
      ['1234,567'],
      ['1,23'],
      ['1,234,56'],
      ['1,234\\,567'], // no space deletion, no decimal comma
      ['k = 2, q = -6'],
      ['k = 2 = 2'],
      ['x = 5 \\approx 5'],
      ['= 5'], // ambiguous relations
      ['5\\frac{3}{2}'],
      ['5 3/2'], // improper "mixed" numbers
      ['2^10'], // TeX reads this as 2¹0
      ['2^{100000}'],
      ['2 \\times 3'],
      ['75\\%'], // percent only where the answer is a proportion
      ['5\\,\\text{cm}', units],
      ['12 \\text{ ways}', units],
      ['12 \\text{ paths}'],
      ['30^\\circ', units], // units not asked
      [''],
      ['abc'],
      ['1, 2'],
      ['3 \\pm 1'],
      ['x^2'],
      ['1/0'],
      ['NaN'],
      ['--5'],
      ['9'.repeat(401)],
    ];
    for (const [raw, opts] of cases) expect(parseScalar(raw, opts as object), raw).toBeUndefined();
  });
});

describe('verifyAnswer', () => {
  it('integers: exact value, last \\boxed wins, format failures flagged', () => {
    const a = integerAnswer(-17n);
    expect(ok(a, 'First \\boxed{3}, then \\boxed{-17}')).toBe(true);
    expect(ok(a, '\\boxed{-17.0}')).toBe(true);
    expect(ok(a, '\\boxed{17}')).toBe(false);
    expect(verifyAnswer(a, '\\boxed{17}').formatOk).toBe(true);
    expect(verifyAnswer(a, 'no box').formatOk).toBe(false);
    expect(verifyAnswer(a, '\\boxed{-35/2}')).toMatchObject({ correct: false, formatOk: false });
    expect(ok(integerAnswer(10n ** 30n), `\\boxed{${10n ** 30n}}`)).toBe(true);
  });

  it('rationals: equal value in any exact notation', () => {
    const a = rationalAnswer(Rational.of(158n, 9n));
    for (const r of ['\\boxed{158/9}', '\\boxed{\\frac{158}{9}}', '\\boxed{316/18}', '$\\boxed{\\dfrac{158}{9}}$'])
      expect(ok(a, r), r).toBe(true);
    for (const r of ['\\boxed{17.56}', '\\boxed{9/158}', '\\boxed{-158/9}']) expect(ok(a, r), r).toBe(false);
  });

  it('decimals: within half a unit of the last asked place of the exact value', () => {
    const a = decimalAnswer(Rational.of(1n, 4n), 2);
    expect(a).toMatchObject({ value: '0.25', places: 2, exact: '1/4' });
    for (const r of ['\\boxed{0.25}', '\\boxed{0.250}', '\\boxed{.25}', '\\boxed{1/4}']) expect(ok(a, r), r).toBe(true);
    for (const r of ['\\boxed{0.26}', '\\boxed{0.24}', '\\boxed{0.3}', '\\boxed{0.2551}', '\\boxed{0.2549}'])
      expect(ok(a, r), r).toBe(false);
    // An exact tie accepts both roundings.
    const tie = decimalAnswer(Rational.of(1n, 8n), 2);
    expect(tie.value).toBe('0.13');
    expect(ok(tie, '\\boxed{0.12}') && ok(tie, '\\boxed{0.13}')).toBe(true);
    // Geometry-style: a 2-dp answer checked against a value carried to more digits.
    const geo: Answer = { type: 'decimal', value: '46.19', places: 2, exact: '46.1923' };
    expect(ok(geo, '\\boxed{46.19}')).toBe(true);
    expect(ok(geo, '\\boxed{46.1923}')).toBe(false);
    expect(ok(geo, '\\boxed{46.20}')).toBe(false);
  });

  // Issue 17: "rounded to k decimals" means the reply is a correct rounding, not any value near it.
  it('rounded answers: a multiple of 10^-k within half a unit of the exact value', () => {
    const a = decimalAnswer(Rational.of(109n, 1000n), 2); // exact 0.109, key 0.11
    expect(a.value).toBe('0.11');
    const table: [string, boolean][] = [
      ['0.11', true],
      ['0.110', true],
      ['11/100', true],
      ['1.1 \\times 10^{-1}', true],
      ['0.1', false],
      ['0.109', false],
      ['0.15', false],
      ['0.06', false],
      ['0.12', false],
      ['0.1\\overline{0}', false],
    ];
    for (const [r, want] of table) expect(ok(a, `\\boxed{${r}}`), r).toBe(want);
    expect(verifyAnswer(a, '\\boxed{0.109}')).toMatchObject({ correct: false, formatOk: false });
    // k = 0 ("nearest integer") follows the same rule.
    const whole = decimalAnswer(Rational.of(35n, 2n * 5n), 0); // 3.5 → ties: 3 and 4
    expect(ok(whole, '\\boxed{4}') && ok(whole, '\\boxed{3}') && ok(whole, '\\boxed{4.0}')).toBe(true);
    expect(ok(whole, '\\boxed{3.5}')).toBe(false);
  });

  it('integers and exact fractions: judged by exact value whatever the notation (0.75 for 3/4 is accepted)', () => {
    const q = rationalAnswer(Rational.of(3n, 4n));
    for (const r of ['3/4', '0.75', '\\frac{6}{8}', '75\\%']) expect(ok(q, `\\boxed{${r}}`), r).toBe(r !== '75\\%');
    expect(ok(q, '\\boxed{0.7500}')).toBe(true);
    expect(ok(q, '\\boxed{0.75001}')).toBe(false);
    const mixed = rationalAnswer(Rational.of(11n, 2n));
    expect(ok(mixed, '\\boxed{5\\frac{1}{2}}') && ok(mixed, '\\boxed{5 1/2}')).toBe(true);
    expect(ok(mixed, '\\boxed{1\\frac{1}{2}}')).toBe(false);
    expect(ok(rationalAnswer(Rational.of(51n, 2n)), '\\boxed{5\\frac{1}{2}}')).toBe(false);
    expect(ok(integerAnswer(1024n), '\\boxed{2^{10}}')).toBe(true);
    expect(ok(integerAnswer(12n), '\\boxed{1 2}')).toBe(false);
    expect(ok(integerAnswer(-6n), '\\boxed{k = 2, q = -6}')).toBe(false);
    expect(ok(integerAnswer(2n), '\\boxed{k = 2, q = -6}')).toBe(false);
    expect(ok(integerAnswer(7n), 'so \\boxed 7.')).toBe(true);
    expect(ok(integerAnswer(75n), '\\boxed 75')).toBe(false);
  });

  it('a box followed by more than 200,000 characters is still found', () => {
    const reply = `\\boxed{42}${' filler'.repeat(60_000)}`;
    expect(reply.length).toBeGreaterThan(400_000);
    expect(ok(integerAnswer(42n), reply)).toBe(true);
  });

  it('choices: the index, exactly', () => {
    const a = choiceAnswer(2, 4);
    expect(ok(a, '\\boxed{2}')).toBe(true);
    expect(ok(a, '\\boxed{\\text{2}}')).toBe(true);
    expect(ok(a, '\\boxed{1}')).toBe(false);
    expect(ok(a, '\\boxed{2.5}')).toBe(false);
  });

  it('rounds exact rationals half away from zero', () => {
    expect(roundRational(Rational.of(-1n, 8n), 2)).toBe('-0.13');
    expect(roundRational(Rational.of(1n, 3n), 0)).toBe('0');
    expect(roundRational(Rational.of(-1n, 1000n), 2)).toBe('0.00');
    expect(roundRational(Rational.of(199999n, 100000n), 3)).toBe('2.000');
  });

  it('never throws on hostile input', () => {
    const a = integerAnswer(5n);
    for (const r of [
      undefined as unknown as string,
      null as unknown as string,
      'x'.repeat(2_000_000),
      '\\boxed{'.repeat(50_000),
      `\\boxed{${'('.repeat(300)}5${')'.repeat(300)}}`,
    ]) {
      expect(() => verifyAnswer(a, r)).not.toThrow();
      expect(verifyAnswer(a, r).correct).toBe(false);
    }
  });
});

describe('units a family asks for', () => {
  it("geometry accepts the measurement's unit word and no other; counting families accept their noun", async () => {
    const { items, inputsOf, answerOf } = await import('./helpers.js');
    const seen = new Set<string>();
    for (const p of items('geometry_triangle', 1, 40, 'units')) {
      const kind = inputsOf(p).measure.kind as string;
      const v = answerOf(p).value as string;
      const unit = kind === 'angle' ? 'rad' : kind === 'area' ? 'square units' : 'units';
      const other = kind === 'angle' ? 'units' : 'rad';
      seen.add(unit);
      expect(p.verify(`\\boxed{${v} \\text{ ${unit}}}`).correct, `${kind} ${unit}`).toBe(true);
      expect(p.verify(`\\boxed{${v} \\text{ ${other}}}`).correct, `${kind} ${other}`).toBe(false);
      expect(p.verify(`\\boxed{${v}\\,\\text{cm}}`).correct).toBe(false);
    }
    expect(seen.size).toBe(3);
    const [grid] = items('logic_gridworld_blocked', 1, 1, 'units');
    const n = answerOf(grid!).value as string;
    expect(grid!.verify(`\\boxed{${n} \\text{ paths}}`).correct).toBe(true);
    expect(grid!.verify(`\\boxed{${n} \\text{ moves}}`).correct).toBe(false);
  });
});
