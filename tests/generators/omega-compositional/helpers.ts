// Shared checks for the compositional and transformative settings: every part of every setting
// is deterministic, its oracle verifies, wrong and garbage answers are rejected without a throw.
import { expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import { safeVerify } from '../../../src/core/verdict.js';
import type { Problem } from '../../../src/core/types.js';
import type { SettingGenerator, SettingTruth } from '../../../generators/omega/compositional/lib/axis.js';
import { answerText, type Answer } from '../../../generators/omega/lib/answer.js';
import { Rational } from '../../../src/core/rational.js';

export function items(
  g: SettingGenerator,
  part: string,
  level: number | number[],
  n: number,
  seed: number | string = 3,
): Problem[] {
  const p = g.parseParams({ part, level });
  return Array.from({ length: n }, (_, i) => g.generate(p, Rng.forItem(seed, i)));
}

export const truthOf = (p: Problem) => p.truth as SettingTruth;
export const inputsOf = <T = Record<string, any>>(p: Problem) => truthOf(p).inputs as T;

/** A wrong value of the answer's type. */
export function wrongAnswer(a: Answer): string {
  if (a.type === 'rational') return Rational.parse(a.value)!.add(Rational.of(1, 7)).toString();
  if (a.type === 'decimal') return Rational.parse(a.exact)!.add(Rational.ONE).toString();
  return (BigInt(answerText(a)) + 1n).toString();
}

const GARBAGE = [
  '',
  ' ',
  '\\boxed{}',
  '\\boxed{',
  '}}}{{{',
  '\\boxed{\\boxed{',
  'x'.repeat(1_000_000),
  '\\boxed{1/0}',
  '\\boxed{NaN}',
  '\\boxed{1e99999}',
  String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 65536)),
  '\\boxed{' + '9'.repeat(5000) + '}',
];

/** Common contract checks for every part of one setting (n items per level per part). */
export function contractTests(g: SettingGenerator, n: number): void {
  for (const [part, inner] of Object.entries(g.setting.parts)) {
    const levels = Array.from({ length: Math.min(inner.omega.maxLevel, 3) }, (_, i) => i + 1);
    it(`${g.name} part ${part}: deterministic, oracle correct, wrong and garbage rejected`, () => {
      for (const level of levels) {
        const a = items(g, part, level, n, `det-${level}`);
        const b = items(g, part, level, n, `det-${level}`);
        expect(a.map((p) => p.messages)).toEqual(b.map((p) => p.messages));
        expect(a.map((p) => p.truth)).toEqual(b.map((p) => p.truth));
        for (const p of a) {
          const t = truthOf(p);
          expect(t.part).toBe(part);
          expect(p.difficulty.part).toBe(part);
          expect(p.difficulty.test).toBe(g.setting.testParts.includes(part) ? 1 : 0);
          expect(JSON.parse(JSON.stringify(t))).toEqual(t); // plain JSON
          expect(p.verify(p.reference!).correct).toBe(true);
          expect(p.verify(`Some reasoning.\n\nSo the answer is $\\boxed{${answerText(t.answer)}}$.`).correct).toBe(
            true,
          );
          expect(p.verify(`\\boxed{${wrongAnswer(t.answer)}}`).correct).toBe(false);
          const r = p.randomAnswer!(Rng.forItem('guess', 0));
          expect(typeof r).toBe('string');
          expect(p.dedupKey!.startsWith(`${g.name}|${part}|`)).toBe(true);
        }
        for (const s of GARBAGE) {
          const v = safeVerify(a[0]!.verify, s);
          expect(v.reason ?? '').not.toMatch(/verifier error/);
          expect(v.correct).toBe(false);
        }
      }
    });
  }
  it(`${g.name}: parseParams names the bad field`, () => {
    expect(() => g.parseParams({ part: 'nope' })).toThrow(/part/);
    expect(() => g.parseParams({ levle: 1 })).toThrow(/levle/);
    expect(() => g.parseParams({ part: Object.keys(g.setting.parts)[0], level: 99 })).toThrow(/level/);
  });
}
