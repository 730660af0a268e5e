// The checks every OMEGA family must pass, run over each registered generator and each of its
// levels: params, determinism, oracle, wrong and garbage answers, chance answers, plain-JSON
// truth, and the level knobs (table monotone, items inside their level's ranges). Each family's
// independent recomputation of the answer lives in the per-domain test files.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import { Rational } from '../../../src/core/rational.js';
import { ParamError, messageText, type Problem } from '../../../src/core/types.js';
import { getGenerator } from '../../../generators/index.js';
import { omegaGenerators } from '../../../generators/omega/index.js';
import { ANSWER_SUFFIX, type Knob, type OmegaGenerator } from '../../../generators/omega/lib/family.js';
import type { Answer } from '../../../generators/omega/lib/answer.js';
import { truthOf } from './helpers.js';

/** Items per level: enough to exercise each family's branches, few enough to stay fast. */
const PER_LEVEL = 4;

/** Replies that must never be scored correct (or throw), whatever the truth. */
const GARBAGE: string[] = [
  '',
  ' ',
  'I have no idea.',
  '\\boxed{}',
  '\\boxed{',
  '\\boxed{\\boxed{',
  '}}}{{{',
  '\\boxed{abc}',
  '\\boxed{NaN}',
  '\\boxed{Infinity}',
  '\\boxed{1/0}',
  '\\boxed{0/0}',
  '\\boxed{--5}',
  '\\boxed{1e99999}',
  '\\boxed{\\frac{1}{0}}',
  `\\boxed{${'9'.repeat(5000)}}`,
  'x'.repeat(1_000_000),
  `${'\\boxed{'.repeat(10_000)}`,
  String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 65536)),
  '\\boxed{1, 2, 3}',
  '\\boxed{\\text{the answer}}',
  '\u0000\u0001\u0002',
  '\\boxed{3 \\pm 1}',
  '\\boxed{x^2}',
];

/** Typical wrong answers for an answer type: off by one, sign flips, wrong fraction, wrong choice. */
function wrongAnswers(a: Answer): string[] {
  switch (a.type) {
    case 'integer': {
      const v = BigInt(a.value);
      return [v + 1n, v - 1n, v * 10n + 7n, ...(v !== 0n ? [-v] : [])].map((x) => `\\boxed{${x}}`);
    }
    case 'rational': {
      const q = Rational.parse(a.value)!;
      const out = [q.add(Rational.ONE), q.neg().sub(Rational.of(1n, 7n))];
      if (!q.isZero() && !q.abs().eq(Rational.ONE)) out.push(Rational.ONE.div(q)!);
      return out.map((x) => `\\boxed{${x.toString()}}`);
    }
    case 'decimal': {
      const step = Rational.of(1n, 10n ** BigInt(a.places));
      const v = Rational.parse(a.exact)!;
      return [v.add(step), v.sub(step), v.add(Rational.of(1n))].map((x) => `\\boxed{${x.toString()}}`);
    }
    case 'choice':
      return Array.from({ length: a.choices }, (_, i) => i)
        .filter((i) => i !== a.value)
        .map((i) => `\\boxed{${i}}`);
  }
}

function sample(g: OmegaGenerator, level: number, n = PER_LEVEL, seed: number | string = 'harness'): Problem[] {
  const p = g.parseParams({ level });
  return Array.from({ length: n }, (_, i) => g.generate(p, Rng.forItem(seed, i)));
}

const inRange = (k: Knob, v: number) => (typeof k === 'number' ? v === k : v >= k[0] && v <= k[1]);
const lowOf = (k: Knob) => (typeof k === 'number' ? k : k[0]);
const highOf = (k: Knob) => (typeof k === 'number' ? k : k[1]);

describe('omega registry', () => {
  it('registers at least 35 families across all six domains, each as omega/<family> in family "omega"', () => {
    expect(omegaGenerators.length).toBeGreaterThanOrEqual(35);
    expect(new Set(omegaGenerators.map((g) => g.omega.domain))).toEqual(
      new Set(['arithmetic', 'algebra', 'combinatorics', 'number_theory', 'geometry', 'logic']),
    );
    for (const g of omegaGenerators) {
      expect(g.name).toBe(`omega/${g.omega.family}`);
      expect(g.family).toBe('omega');
      expect(getGenerator(g.name)).toBe(g);
      expect(g.omega.maxLevel).toBeGreaterThanOrEqual(5);
    }
    const matrix = omegaGenerators.filter((g) => g.omega.family.startsWith('arithmetic_matrix_'));
    expect(matrix).toHaveLength(7);
    for (const g of matrix) expect(g.omega.maxLevel).toBe(7);
  });
});

for (const g of omegaGenerators) {
  describe(g.name, () => {
    it('parses params: level, a list of levels, and names the bad field', () => {
      expect(g.parseParams({})).toEqual({ levels: [1] });
      expect(g.parseParams({ level: 3 })).toEqual({ levels: [3] });
      expect(g.parseParams({ level: [2, 1, 2] })).toEqual({ levels: [1, 2] });
      for (const bad of [0, g.omega.maxLevel + 1, 1.5, '2', [], [1, 99], null]) {
        expect(() => g.parseParams({ level: bad })).toThrow(ParamError);
        try {
          g.parseParams({ level: bad });
        } catch (e) {
          expect((e as ParamError).field).toBe('level');
        }
      }
      expect(() => g.parseParams({ levle: 1 })).toThrow(/levle: unknown field. Did you mean 'level'/);
      expect(() => g.parseParams([1])).toThrow(ParamError);
    });

    it('has a level table whose knobs never shrink and grow at every step', () => {
      const { levels, knobs, maxLevel } = g.omega;
      expect(knobs.length).toBeGreaterThan(0);
      for (let l = 1; l < maxLevel; l++) {
        let grows = false;
        for (const k of knobs) {
          const a = levels[l]![k] as Knob;
          const b = levels[l + 1]![k] as Knob;
          expect(lowOf(b), `${k} at level ${l + 1}`).toBeGreaterThanOrEqual(lowOf(a));
          expect(highOf(b), `${k} at level ${l + 1}`).toBeGreaterThanOrEqual(highOf(a));
          if (lowOf(b) > lowOf(a) || highOf(b) > highOf(a)) grows = true;
        }
        expect(grows, `level ${l} → ${l + 1} changes no knob`).toBe(true);
      }
    });

    for (let level = 1; level <= g.omega.maxLevel; level++) {
      it(`level ${level}: deterministic, oracle correct, wrong and garbage rejected, knobs in range`, () => {
        const batch = sample(g, level);
        const again = sample(g, level);
        const config = g.omega.levels[level]!;
        batch.forEach((p, i) => {
          const q = again[i]!;
          expect(q.messages).toEqual(p.messages);
          expect(q.truth).toEqual(p.truth);
          expect(q.reference).toBe(p.reference);
          expect(q.difficulty).toEqual(p.difficulty);
          expect(q.dedupKey).toBe(p.dedupKey);

          const text = messageText(p.messages[0]!);
          expect(text.endsWith(ANSWER_SUFFIX)).toBe(true);
          expect(text.length).toBeGreaterThan(ANSWER_SUFFIX.length + 20);
          const t = truthOf(p);
          expect(JSON.parse(JSON.stringify(t))).toEqual(t);
          expect(t.family).toBe(g.omega.family);
          expect(t.level).toBe(level);
          expect(p.difficulty.level).toBe(level);
          expect(p.dedupKey).toMatch(new RegExp(`^${g.name}\\|[0-9a-f]{24}$`));

          const ok = p.verify(p.reference!);
          expect(ok.correct, `${p.reference} should verify`).toBe(true);
          expect(ok.score).toBe(1);
          expect(p.verify(`Let me think.\n\nSo the answer is $${p.reference}$.`).correct).toBe(true);
          for (const w of wrongAnswers(t.answer))
            expect(p.verify(w).correct, `${w} should be wrong (answer ${p.reference})`).toBe(false);
          // The verifier is shared; garbage on the first two items of each level is enough.
          for (const junk of i < 2 ? GARBAGE : []) {
            const v = p.verify(junk);
            expect(v.correct).toBe(false);
            expect(v.score).toBe(0);
          }
          const guess = p.randomAnswer!(Rng.forItem('guess', i));
          expect(guess).toMatch(/^\\boxed\{.+\}$/);
          expect(p.verify(guess).formatOk, `chance answer ${guess} must parse`).toBe(true);

          for (const k of g.omega.knobs) {
            const v = p.difficulty[k];
            expect(typeof v, `difficulty.${k}`).toBe('number');
            expect(
              inRange(config[k] as Knob, v as number),
              `difficulty.${k} = ${v} outside level ${level}'s ${JSON.stringify(config[k])}`,
            ).toBe(true);
          }
        });
        // Items differ from one another.
        expect(new Set(batch.map((p) => messageText(p.messages[0]!))).size).toBeGreaterThan(1);
      });
    }

    it('draws mixed-level items from a list of levels, each labelled with its own level', () => {
      const p = g.parseParams({ level: [1, 2] });
      const seen = new Set<number>();
      for (let i = 0; i < 12; i++) {
        const item = g.generate(p, Rng.forItem('mix', i));
        seen.add(item.difficulty.level as number);
        expect(item.verify(item.reference!).correct).toBe(true);
      }
      expect([...seen].every((l) => l === 1 || l === 2)).toBe(true);
      expect(seen.size).toBe(2);
    });
  });
}
