// The typed \boxed verifier shared by every OMEGA family (spec §1.2).
import { describe, expect, it } from 'vitest';
import { Rational } from '../../../src/core/rational.js';
import {
  decimalAnswer, integerAnswer, normalizeScalar, parseScalar, rationalAnswer, roundRational, verifyAnswer, choiceAnswer, type Answer,
} from '../../../generators/omega/lib/answer.js';

const ok = (a: Answer, reply: string) => verifyAnswer(a, reply).correct;

describe('normalizeScalar / parseScalar', () => {
  it('strips the usual wrappers, labels, separators and a trailing period', () => {
    const cases: [string, string][] = [
      ['42', '42'], [' 42. ', '42'], ['$42$', '42'], ['$$42$$', '42'], ['\\(42\\)', '42'], ['\\[42\\]', '42'], ['**42**', '42'],
      ['\\text{42}', '42'], ['\\mathbf{42}', '42'], ['{42}', '42'], ['x = 42', '42'], ['m+n=17', '17'], ['N \\approx 3.5', '3.5'],
      ['1,234,567', '1234567'], ['1{,}234', '1234'], ['1\\,234', '1234'], ['\u221212', '-12'], ['(-3)', '-3'], ['Choice 2', '2'],
    ];
    for (const [raw, want] of cases) expect(normalizeScalar(raw), raw).toBe(want);
  });

  it('reads integers, fractions, \\frac forms and decimals exactly', () => {
    const cases: [string, string][] = [
      ['7', '7'], ['-3/4', '-3/4'], ['6/8', '3/4'], ['\\frac{3}{4}', '3/4'], ['\\dfrac{-3}{4}', '-3/4'], ['-\\frac{3}{4}', '-3/4'],
      ['\\frac{3}{-4}', '-3/4'], ['\\frac34', '3/4'], ['(-3)/4', '-3/4'], ['2.125', '17/8'], ['1e3', '1000'], ['+5', '5'], ['5.0', '5'],
    ];
    for (const [raw, want] of cases) expect(parseScalar(raw)?.toString(), raw).toBe(want);
  });

  it('refuses what is not one number', () => {
    for (const raw of ['', 'abc', '1, 2', '3 \\pm 1', 'x^2', '1/0', 'NaN', '--5', '9'.repeat(401)]) expect(parseScalar(raw), raw).toBeUndefined();
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
    for (const r of ['\\boxed{158/9}', '\\boxed{\\frac{158}{9}}', '\\boxed{316/18}', '$\\boxed{\\dfrac{158}{9}}$']) expect(ok(a, r), r).toBe(true);
    for (const r of ['\\boxed{17.56}', '\\boxed{9/158}', '\\boxed{-158/9}']) expect(ok(a, r), r).toBe(false);
  });

  it('decimals: within half a unit of the last asked place of the exact value', () => {
    const a = decimalAnswer(Rational.of(1n, 4n), 2);
    expect(a).toMatchObject({ value: '0.25', places: 2, exact: '1/4' });
    for (const r of ['\\boxed{0.25}', '\\boxed{0.250}', '\\boxed{.25}', '\\boxed{1/4}', '\\boxed{0.2549}']) expect(ok(a, r), r).toBe(true);
    for (const r of ['\\boxed{0.26}', '\\boxed{0.24}', '\\boxed{0.3}', '\\boxed{0.2551}']) expect(ok(a, r), r).toBe(false);
    // An exact tie accepts both roundings.
    const tie = decimalAnswer(Rational.of(1n, 8n), 2);
    expect(tie.value).toBe('0.13');
    expect(ok(tie, '\\boxed{0.12}') && ok(tie, '\\boxed{0.13}')).toBe(true);
    // Geometry-style: a 2-dp answer checked against a value carried to more digits.
    const geo: Answer = { type: 'decimal', value: '46.19', places: 2, exact: '46.1923' };
    expect(ok(geo, '\\boxed{46.19}')).toBe(true);
    expect(ok(geo, '\\boxed{46.1923}')).toBe(true);
    expect(ok(geo, '\\boxed{46.20}')).toBe(false);
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
    for (const r of [undefined as unknown as string, null as unknown as string, 'x'.repeat(2_000_000), '\\boxed{'.repeat(50_000), `\\boxed{${'('.repeat(300)}5${')'.repeat(300)}}`]) {
      expect(() => verifyAnswer(a, r)).not.toThrow();
      expect(verifyAnswer(a, r).correct).toBe(false);
    }
  });
});
