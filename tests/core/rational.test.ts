import { describe, expect, it } from 'vitest';
import { Rational } from '../../src/core/rational.js';

const r = (n: number, d = 1) => Rational.of(n, d);

describe('Rational', () => {
  it('computes 8/(3-8/3) as exactly 24, where floats do not', () => {
    expect(8 / (3 - 8 / 3)).not.toBe(24);
    const v = r(8).div(r(3).sub(r(8).div(r(3))!))!;
    expect(v.eq(r(24))).toBe(true);
  });

  it('normalises sign and reduces', () => {
    expect(r(6, -4).toString()).toBe('-3/2');
    expect(r(0, 5).toString()).toBe('0');
    expect(() => r(1, 0)).toThrow();
    expect(r(1).div(r(0))).toBeUndefined();
  });

  it('parses integers, fractions and decimals exactly', () => {
    expect(Rational.parse('-3/4')!.toString()).toBe('-3/4');
    expect(Rational.parse('2.125')!.toString()).toBe('17/8');
    expect(Rational.parse('1e3')!.toString()).toBe('1000');
    expect(Rational.parse('0.1')!.add(Rational.parse('0.2')!).eq(Rational.parse('0.3')!)).toBe(true);
    for (const bad of ['', 'abc', '1/0', '1..2', '.', '--1']) expect(Rational.parse(bad)).toBeUndefined();
  });

  it('orders values', () => {
    expect(r(1, 3).cmp(r(1, 2))).toBe(-1);
    expect(r(2, 4).cmp(r(1, 2))).toBe(0);
    expect(r(-1).abs().eq(r(1))).toBe(true);
  });
});
