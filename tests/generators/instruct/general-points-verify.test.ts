import { describe, it, expect } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import { Rational } from '../../../src/core/rational.js';
import type { Verdict } from '../../../src/core/types.js';
import { generalPoints, problemFromHand } from '../../../generators/instruct/general-points.js';
import { REWARD } from '../../../generators/instruct/general-points/verify.js';
import { allFormulasInOrder, distinctPermutations } from './gp-brute-force.js';

const face10 = generalPoints.parseParams({ cards: 4, rule: 'face10' });
/** J, 3, 4, 7 under J/Q/K = 10: values 10, 3, 4, 7 (the spec's ID example). */
const j347 = problemFromHand(face10, [11, 3, 4, 7]);
/** 3, 3, 8, 8: only solvable through a fraction, 8/(3-8/3). */
const exact = problemFromHand(face10, [3, 3, 8, 8]);

const answer = (formula: string) => JSON.stringify({ cards: ['J', '3', '4', '7'], number: [10, 3, 4, 7], formula });

function expectWrong(v: Verdict, reason: RegExp, reward: number, formatOk: boolean): void {
  expect(v.correct).toBe(false);
  expect(v.score).toBe(0);
  expect(v.reason).toMatch(reason);
  expect(v.details?.reward).toBe(reward);
  expect(v.formatOk).toBe(formatOk);
}

describe('general-points verifier: every formula over a hand', () => {
  // The verifier must agree with an independent BigInt evaluation on every fully parenthesised
  // formula over the hand: correct exactly when the value is the target.
  for (const [name, problem, values] of [
    ['J,3,4,7', j347, [10, 3, 4, 7]],
    ['3,3,8,8', exact, [3, 3, 8, 8]],
  ] as const) {
    it(`accepts exactly the formulas over ${name} that equal 24`, () => {
      const target = Rational.of(24);
      let accepted = 0;
      let rejected = 0;
      for (const perm of distinctPermutations(values)) {
        for (const f of allFormulasInOrder(perm)) {
          const shouldPass = f.value !== undefined && f.value.eq(target);
          const v = problem.verify(JSON.stringify({ formula: `${f.text}=24` }));
          expect(v.correct, f.text).toBe(shouldPass);
          if (!shouldPass) expect(v.details?.reward, f.text).toBe(REWARD.wrongValue);
          shouldPass ? accepted++ : rejected++;
        }
      }
      expect(accepted).toBeGreaterThan(0);
      expect(rejected).toBeGreaterThan(1000);
    });
  }
});

describe('general-points verifier: accepted forms', () => {
  it('scores 8/(3-8/3) exactly, and flags that a float evaluation would have failed', () => {
    const v = exact.verify('{"cards": ["3","3","8","8"], "number": [3,3,8,8], "formula": "8/(3-8/3)=24"}');
    expect(v.correct).toBe(true);
    expect(v.score).toBe(1);
    expect(v.details).toMatchObject({ reward: REWARD.correct, floatMismatch: true });
  });

  it('reads the formula with or without "=24", with spaces, redundant parentheses and any order', () => {
    for (const f of [
      '10+7+4+3',
      '10+7+4+3=24',
      ' 10 + 7 + 4 + 3 = 24 ',
      '((10+7)+(4+3))',
      '((((((10+7))))))+4+3',
      '3+4+7+10',
      '4*(10-7+3)',
      '(7-3)*(10-4)=24=24',
    ]) {
      const v = j347.verify(answer(f));
      expect(v.correct, f).toBe(true);
      expect(v.parsed).toBe(f.split('=')[0]!.replace(/\s/g, ''));
    }
    expect(j347.verify(answer('10+7+4+3')).details?.floatMismatch).toBeUndefined();
  });

  it('falls back to the "formula" regex when the JSON does not parse', () => {
    // The prompt's own skeleton has a trailing comma, which JSON.parse rejects.
    const trailingComma =
      '{\n  "cards": ["J", "3", "4", "7"],\n  "number": [10, 3, 4, 7],\n  "formula": "10+7+4+3=24",\n}';
    const prose = 'Let me think. 10+7 = 17, plus 4 and 3 is 24. So "formula": "(10+7)+(4+3)=24" is my answer.';
    const singleQuotes = "{'cards': ['J', '3', '4', '7'], 'formula': '10+7+4+3=24'}";
    const mixedQuotes = `{"cards": ["J", "3", "4", "7"], "formula": '10+7+4+3=24',}`;
    const fenced =
      'Here you go:\n```json\n{"cards": ["J","3","4","7"], "number": [10,3,4,7], "formula": "(7 - 3) * (10 - 4) = 24"}\n```\nDone.';
    for (const text of [trailingComma, prose, singleQuotes, mixedQuotes, fenced]) {
      expect(j347.verify(text).correct, text).toBe(true);
    }
  });

  it('does not check the "cards" and "number" fields, as upstream', () => {
    expect(j347.verify('{"cards": ["Z"], "number": [99], "formula": "10+7+4+3"}').correct).toBe(true);
  });
});

describe('general-points verifier: rejections', () => {
  it('rejects a legal formula with the wrong value (-1)', () => {
    const v = j347.verify(answer('10+7+4-3=24'));
    expectWrong(v, /^your formula is incorrect$/, REWARD.wrongValue, true);
    expect(v.details?.value).toBe('18');
  });

  it('rejects unused, overused and invalid numbers (-2) with upstream-style messages', () => {
    expectWrong(j347.verify(answer('10+7+4')), /you didn't use numbers: \[3\]/, REWARD.numberMisuse, true);
    expectWrong(
      j347.verify(answer('10+7+4+3+3-3')),
      /more times than the cards allow: \[3\]/,
      REWARD.numberMisuse,
      true,
    );
    const invalid = j347.verify(answer('11+7+3+3'));
    expectWrong(invalid, /you used invalid numbers: \[11\]/, REWARD.numberMisuse, true);
    expect(invalid.reason).toMatch(/you didn't use numbers: \[10, 4\]/);
  });

  it('rejects illegal characters, including × and ÷ and decimals (-3)', () => {
    for (const f of ['(7-3)×(10-4)', '10+7+4+3.0', '(10-4)÷3*7', '10+7+4+3x', '2^3*3', '(7−3)*(10−4)']) {
      expectWrong(j347.verify(answer(f)), /illegal characters/, REWARD.illegal, false);
    }
  });

  it('rejects malformed expressions (-3): unbalanced parentheses, unary minus, **, empty parentheses, leading zeros', () => {
    expectWrong(j347.verify(answer('(10+7+4+3')), /unbalanced parentheses/, REWARD.illegal, false);
    expectWrong(j347.verify(answer('10+7+4+3)')), /unbalanced parentheses/, REWARD.illegal, false);
    expectWrong(j347.verify(answer(')10+7+4+3(')), /unbalanced parentheses/, REWARD.illegal, false);
    expectWrong(j347.verify(answer('-3+10+7+4+3+3')), /not a valid expression/, REWARD.illegal, false);
    expectWrong(j347.verify(answer('10**2')), /not a valid expression/, REWARD.illegal, false);
    expectWrong(j347.verify(answer('10+7+4+3+()')), /not a valid expression/, REWARD.illegal, false);
    expectWrong(j347.verify(answer('10+7+4+')), /not a valid expression/, REWARD.illegal, false);
    // Whitespace is removed before parsing (as Debunk), so "10 7" reads as 107, a number not on the cards.
    expectWrong(j347.verify(answer('10 7+4+3')), /invalid numbers: \[107\]/, REWARD.numberMisuse, true);
    expectWrong(j347.verify(answer('010+7+4+3')), /leading zero/, REWARD.illegal, false);
  });

  it('treats division by zero as a wrong answer, not an error', () => {
    const v = exact.verify('{"formula": "8/(3-3)*8"}');
    expectWrong(v, /divides by zero/, REWARD.wrongValue, true);
  });

  it('rejects answers without a usable formula (-3)', () => {
    expectWrong(j347.verify(''), /no "formula"/, REWARD.illegal, false);
    expectWrong(j347.verify('24'), /no "formula"/, REWARD.illegal, false);
    expectWrong(
      j347.verify('{"cards": ["J","3","4","7"], "number": [10,3,4,7]}'),
      /no "formula"/,
      REWARD.illegal,
      false,
    );
    expectWrong(j347.verify('{"formula": 24}'), /not a string/, REWARD.illegal, false);
    expectWrong(j347.verify('{"formula": ["10+7+4+3"]}'), /not a string/, REWARD.illegal, false);
    expectWrong(j347.verify('{"formula": null}'), /not a string/, REWARD.illegal, false);
    expectWrong(j347.verify('{"formula": "=24"}'), /empty/, REWARD.illegal, false);
    expectWrong(j347.verify('{"formula": "   "}'), /empty/, REWARD.illegal, false);
  });

  it('never throws on garbage, and stays fast on a megabyte of random text', () => {
    const rng = Rng.fromKey('gp-garbage');
    const alphabet = '{}[]"\':,=()+-*/0123456789 abcxyzformula\n\\×';
    const inputs: unknown[] = [
      undefined,
      null,
      42,
      {},
      '\u0000',
      '{"formula": "' + '('.repeat(100_000) + '"}',
      '{"formula": "' + '1+'.repeat(100_000) + '1"}',
      '{'.repeat(50_000),
      '"formula": "' + '9'.repeat(50_000) + '"',
    ];
    for (let i = 0; i < 200; i++)
      inputs.push(Array.from({ length: rng.int(0, 200) }, () => alphabet[rng.int(0, alphabet.length - 1)]).join(''));
    const megabyte = Array.from({ length: 1 << 20 }, () => alphabet[rng.int(0, alphabet.length - 1)]).join('');
    for (const input of inputs) {
      const v = j347.verify(input as string);
      expect(v.correct).toBe(false);
      expect(typeof v.reason).toBe('string');
    }
    const t0 = performance.now();
    const big = j347.verify(megabyte);
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(big.correct).toBe(false);
    expect(String(big.parsed ?? '').length).toBeLessThanOrEqual(1_003);
  });
});
