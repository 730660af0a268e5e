import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { Rng } from '../../../src/core/rng.js';
import { ParamError, episodeOf, messageText, type Problem } from '../../../src/core/types.js';
import { getGenerator } from '../../../generators/index.js';
import {
  generalPoints,
  problemFromHand,
  type GeneralPointsTruth,
} from '../../../generators/instruct/general-points.js';
import { solve } from '../../../generators/instruct/general-points/solver.js';
import { expectDeterministic } from '../../helpers/generator-contract.js';
// The suite's tasks are its family's 'all' set (suites/*.yaml include it).
import { family } from '../../../generators/instruct/index.js';

const gen = generalPoints;
const ITEMS = 300;

/** The regions the suite uses, plus two more rule shapes. */
const REGIONS: Record<string, Record<string, unknown>> = {
  id: { rule: 'face10', sampling: 'face', cards: 4 },
  regular: { rule: 'regular', sampling: 'face', cards: 4 },
  all5: { rule: 'all5', sampling: 'face', cards: 4 },
  all7: { rule: 'all7', sampling: 'face', cards: 4 },
  all12: { rule: 'all12', sampling: 'face', cards: 4 },
  mixed: { rule: { J: 8, Q: 9, K: 10 }, sampling: 'face', cards: 4 },
  large: { rule: 'face10', sampling: 'large', cards: 4 },
  five: { rule: 'face10', sampling: 'normal', cards: 5 },
  six: { rule: 'face10', sampling: 'normal', cards: 6 },
  fakeRegular: { rule: 'face10', promptRule: 'regular', sampling: 'face', cards: 4 },
  fakeAll5: { rule: 'face10', promptRule: 'all5', sampling: 'face', cards: 4 },
  target36: { rule: 'regular', sampling: 'normal', cards: 4, target: 36 },
};

function items(region: Record<string, unknown>, n = ITEMS, seed = 7): Problem[] {
  const params = gen.parseParams(region);
  return Array.from({ length: n }, (_, i) => gen.generate(params, Rng.forItem(seed, i)));
}

const truthOf = (p: Problem) => p.truth as GeneralPointsTruth;
const prompt = (p: Problem) => messageText(p.messages[0]!);

/** Card value written independently of the generator: A = 1, numerals as printed, faces by rule. */
function valueOf(card: string, rule: { J: number; Q: number; K: number }): number {
  if (card === 'A') return 1;
  if (card === 'J' || card === 'Q' || card === 'K') return rule[card];
  return Number(card);
}

describe('general-points generator: oracle', () => {
  for (const [name, region] of Object.entries(REGIONS)) {
    it(`${name}: every reference answer verifies, and the truth is self-consistent`, () => {
      for (const p of items(region)) {
        const t = truthOf(p);
        expect(t.cards).toHaveLength(Number(region.cards));
        expect(t.values).toEqual(t.cards.map((c) => valueOf(c, t.rule)));
        const v = p.verify(p.reference!);
        expect(v.correct, p.reference).toBe(true);
        expect(v.details?.reward).toBe(5);
        expect(JSON.parse(p.reference!).formula).toBe(`${t.solution}=${t.target}`);
        expect(JSON.parse(p.reference!).number).toEqual(t.values);
        // The solver was asked again here, on the truth alone: the hand is solvable.
        expect(solve(t.values, t.target)).toBeDefined();
      }
    });
  }
});

describe('general-points generator: determinism', () => {
  const params = gen.parseParams(REGIONS.id);

  it('gives the identical problem for the same (seed, index)', () => expectDeterministic(gen, params));

  it('gives different problems for different indices and seeds', () => {
    expect(prompt(gen.generate(params, Rng.forItem(42, 0)))).not.toBe(prompt(gen.generate(params, Rng.forItem(42, 1))));
    expect(prompt(gen.generate(params, Rng.forItem(42, 0)))).not.toBe(prompt(gen.generate(params, Rng.forItem(43, 0))));
    const distinct = new Set(Array.from({ length: 100 }, (_, i) => prompt(gen.generate(params, Rng.forItem(42, i)))));
    expect(distinct.size).toBeGreaterThan(90);
  });

  it('stays deterministic when resampling moves to forked streams', () => {
    // resample: 1 forces a fresh stream after every unsolvable draw; 'normal' 4-card hands fail often enough.
    const tight = gen.parseParams({ ...REGIONS.id, sampling: 'normal', resample: 1 });
    const loose = gen.parseParams({ ...REGIONS.id, sampling: 'normal' });
    let differ = 0;
    for (let i = 0; i < 100; i++) {
      const a = gen.generate(tight, Rng.forItem(5, i));
      expect(gen.generate(tight, Rng.forItem(5, i)).truth).toEqual(a.truth);
      expect(a.verify(a.reference!).correct).toBe(true);
      if (prompt(a) !== prompt(gen.generate(loose, Rng.forItem(5, i)))) differ++;
    }
    expect(differ).toBeGreaterThan(0); // the forked streams were really used
  });

  it('keys instances by sorted scoring values and target, whatever the card names or the prompt say', () => {
    const id = gen.parseParams(REGIONS.id);
    const fake = gen.parseParams(REGIONS.fakeRegular);
    const regular = gen.parseParams(REGIONS.regular);
    const a = problemFromHand(id, [11, 3, 4, 7]);
    expect(a.dedupKey).toBe(problemFromHand(id, [4, 7, 3, 11]).dedupKey);
    expect(a.dedupKey).toBe(problemFromHand(fake, [3, 4, 7, 11]).dedupKey);
    expect(a.dedupKey).not.toBe(problemFromHand(regular, [11, 3, 4, 7]).dedupKey);
    // Q counts as 10 too: the same arithmetic instance as J,3,4,7.
    expect(a.dedupKey).toBe(problemFromHand(id, [12, 3, 4, 7]).dedupKey);
    expect(a.dedupKey).not.toBe(problemFromHand(id, [11, 3, 4, 8]).dedupKey);
    expect(a.dedupKey).toBe('general-points|target=24|3,4,7,10');
  });
});

describe('general-points generator: prompt', () => {
  it('follows the GP-L prompt, with one skeleton placeholder per card', () => {
    const p = problemFromHand(gen.parseParams(REGIONS.id), [11, 3, 4, 7]);
    const text = prompt(p);
    expect(text).toContain('You are an expert 24 points card game player. You will receive a set of 4 cards.');
    expect(text).toContain("Note that 'J', 'Q', and 'K' count as '10', and each card must be used once.");
    expect(text).toContain("Cards: ['J', '3', '4', '7']");
    expect(text).toContain('"cards": [x, y, z, w]');
    expect(text).toContain('"number": [a, b, c, d], where a, b, c, and d are the numbers on the cards');
    expect(text).toContain('"formula": \'an equation that equals 24\'');
    expect(text.trimEnd().endsWith('Please only output the json.')).toBe(true);

    const five = prompt(items(REGIONS.five, 1)[0]!);
    expect(five).toContain('a set of 5 cards');
    expect(five).toContain('"cards": [x, y, z, w, v]');
    expect(five).toContain('where a, b, c, d, and e are');
    expect(prompt(items(REGIONS.six, 1)[0]!)).toContain('"number": [a, b, c, d, e, f]');
  });

  it('states each rule in the upstream wording', () => {
    const said = (region: Record<string, unknown>) => prompt(items(region, 1)[0]!);
    expect(said(REGIONS.regular)).toContain("'J', 'Q', and 'K' count as '11', '12', and '13' respectively");
    expect(said(REGIONS.all5)).toContain("'J', 'Q', and 'K' all count as '5'");
    expect(said(REGIONS.all12)).toContain("'J', 'Q', and 'K' all count as '12'");
    expect(said(REGIONS.mixed)).toContain("'J' counts as '8', 'Q' counts as '9', and 'K' counts as '10'");
    expect(said(REGIONS.target36)).toContain('evaluates to 36');
  });
});

describe('general-points generator: ID and OOD regions differ in their knob', () => {
  const faces = (t: GeneralPointsTruth) => t.cards.filter((c) => c === 'J' || c === 'Q' || c === 'K').length;

  it('ID (face10, face sampling, 4 cards): a face card in every hand, no value above 10', () => {
    for (const p of items(REGIONS.id)) {
      const t = truthOf(p);
      expect(faces(t)).toBeGreaterThan(0);
      expect(Math.max(...t.values)).toBeLessThanOrEqual(10);
      expect(p.difficulty).toMatchObject({ cards: 4, rule: 'face10', sampling: 'face', fake: 0 });
    }
  });

  it('regular: every hand has a value above 10; all5/all7/all12: faces take the stated value', () => {
    for (const p of items(REGIONS.regular)) expect(Math.max(...truthOf(p).values)).toBeGreaterThan(10);
    for (const [region, v] of [
      [REGIONS.all5, 5],
      [REGIONS.all7, 7],
      [REGIONS.all12, 12],
    ] as const) {
      for (const p of items(region)) {
        const t = truthOf(p);
        t.cards.forEach((c, i) => {
          if (c === 'J' || c === 'Q' || c === 'K') expect(t.values[i]).toBe(v);
        });
        expect(faces(t)).toBeGreaterThan(0);
      }
    }
    expect(items(REGIONS.all12).some((p) => truthOf(p).values.includes(12))).toBe(true);
  });

  it('large: every hand shows a numeral card 14..19; 4-card ID hands never do', () => {
    for (const p of items(REGIONS.large)) {
      const t = truthOf(p);
      expect(t.cards.some((c) => /^1[4-9]$/.test(c))).toBe(true);
      expect(Math.max(...t.values)).toBeGreaterThanOrEqual(14);
    }
    for (const p of items(REGIONS.id)) expect(truthOf(p).cards.every((c) => !/^1[4-9]$/.test(c))).toBe(true);
  });

  it('five and six: hands of 5 and 6 cards', () => {
    for (const p of items(REGIONS.five, 100)) expect(p.difficulty.cards).toBe(5);
    for (const p of items(REGIONS.six, 100)) expect(truthOf(p).cards).toHaveLength(6);
  });
});

describe('general-points generator: Fake controls', () => {
  it('scores under the scoring rule: the oracle passes, the prompt-rule answer fails', () => {
    for (const [region, stated] of [
      [REGIONS.fakeRegular, { J: 11, Q: 12, K: 13 }],
      [REGIONS.fakeAll5, { J: 5, Q: 5, K: 5 }],
    ] as const) {
      for (const p of items(region, 100)) {
        const t = truthOf(p);
        expect(t.rule.name).toBe('face10');
        expect(t.promptRule).toMatchObject(stated);
        expect(p.difficulty.fake).toBe(1);
        expect(p.verify(p.reference!).correct).toBe(true);
        // What an instruction-following model would answer: a solution under the stated values.
        const statedValues = t.cards.map((c) => valueOf(c, stated));
        const obedient = solve(statedValues, t.target);
        expect(obedient, `${t.cards} must be solvable as stated`).toBeDefined();
        const v = p.verify(JSON.stringify({ cards: t.cards, number: statedValues, formula: `${obedient}=24` }));
        expect(v.correct).toBe(false);
        expect(v.details?.reward).toBe(-2);
        // A face card's scoring value, 10, is always left out of the obedient answer.
        expect(v.reason).toMatch(/you didn't use numbers: \[[^\]]*\b10\b/);
      }
    }
  });

  it('states the prompt rule, not the scoring rule', () => {
    const text = prompt(items(REGIONS.fakeAll5, 1)[0]!);
    expect(text).toContain("all count as '5'");
    expect(text).not.toContain("count as '10'");
  });
});

describe('general-points generator: random baseline', () => {
  it('answers in the right format with every card once, and is rarely right', () => {
    const rng = Rng.fromKey('gp-random-baseline');
    let correct = 0;
    const problems = items(REGIONS.id, 500);
    for (const p of problems) {
      const text = p.randomAnswer!(rng);
      const json = JSON.parse(text);
      expect(json.cards).toEqual(truthOf(p).cards);
      const v = p.verify(text);
      expect(v.formatOk).toBe(true);
      expect([5, -1]).toContain(v.details?.reward); // never a number or syntax error
      if (v.correct) correct++;
    }
    expect(correct).toBeGreaterThan(0);
    expect(correct / problems.length).toBeLessThan(0.15);
  });
});

describe('general-points generator: sequential revision', () => {
  const params = gen.parseParams({ ...REGIONS.id, protocol: 'revision' });
  const problem = problemFromHand(params, [11, 3, 4, 7]);
  const wrongReply = '{"formula": "10+7+4-3=24"}';

  it('is single-turn unless asked', () => {
    expect(problemFromHand(gen.parseParams(REGIONS.id), [11, 3, 4, 7]).episode).toBeUndefined();
    expect(problem.episode).toBeDefined();
  });

  it('feeds the verifier message back and succeeds at attempt 2', () => {
    const ep = episodeOf(problem);
    const first = ep.start();
    expect(first.messages).toEqual(problem.messages);
    expect(first.reference).toBe(problem.reference);
    const s1 = ep.step(wrongReply);
    expect(s1.done).toBe(false);
    if (s1.done) return;
    expect(s1.messages).toHaveLength(3);
    expect(s1.messages[1]).toEqual({ role: 'assistant', content: wrongReply });
    expect(s1.messages[2]).toEqual({
      role: 'user',
      content: 'You failed this trial because your formula is incorrect.',
    });
    expect(s1.reference).toBe(problem.reference);
    expect(typeof s1.randomAnswer).toBe('function');
    const s2 = ep.step(s1.reference!);
    expect(s2.done).toBe(true);
    if (!s2.done) return;
    expect(s2.verdict.correct).toBe(true);
    expect(s2.verdict.details).toMatchObject({ attempts: 2, rewards: [-1, 5], truncated: false });
  });

  it('ends in failure after 5 wrong answers, each message fed back', () => {
    const ep = episodeOf(problem);
    ep.start();
    const replies = [wrongReply, '{"formula": "10+7+4"}', 'no idea', '{"formula": "11+3+4+7"}', wrongReply];
    let last;
    for (const [i, reply] of replies.entries()) {
      last = ep.step(reply);
      expect(last.done).toBe(i === 4);
    }
    if (!last?.done) throw new Error('episode did not end');
    expect(last.verdict.correct).toBe(false);
    expect(last.verdict.details).toMatchObject({ attempts: 5, rewards: [-1, -2, -3, -2, -1], truncated: true });
    expect(ep.step(problem.reference!)).toEqual(last); // over is over
  });

  it('builds the conversation from every failed attempt', () => {
    const ep = episodeOf(problem);
    ep.start();
    ep.step(wrongReply);
    ep.step('{"formula": "10+7+4"}');
    const s3 = ep.step('no idea');
    if (s3.done) throw new Error('ended too early');
    expect(s3.messages).toHaveLength(7);
    expect(messageText(s3.messages[4]!)).toBe("You failed this trial because you didn't use numbers: [3].");
    expect(messageText(s3.messages[6]!)).toBe('You failed this trial because your answer has no "formula" field.');
  });

  it('honours maxAttempts', () => {
    const ep = episodeOf(
      problemFromHand(gen.parseParams({ ...REGIONS.id, protocol: 'revision', maxAttempts: 2 }), [11, 3, 4, 7]),
    );
    ep.start();
    expect(ep.step(wrongReply).done).toBe(false);
    expect(ep.step(wrongReply).done).toBe(true);
  });
});

describe('general-points parseParams', () => {
  const fieldOf = (raw: unknown): string => {
    try {
      gen.parseParams(raw);
    } catch (err) {
      expect(err).toBeInstanceOf(ParamError);
      return `${(err as ParamError).field}: ${(err as Error).message}`;
    }
    throw new Error(`accepted ${JSON.stringify(raw)}`);
  };

  it('fills defaults', () => {
    expect(gen.parseParams(undefined)).toEqual({
      cards: 4,
      target: 24,
      rule: { name: 'face10', J: 10, Q: 10, K: 10 },
      sampling: 'normal',
      protocol: 'single',
      maxAttempts: 5,
      resample: 50,
    });
  });

  it('accepts every rule shape, with canonical names', () => {
    const name = (rule: unknown) => gen.parseParams({ rule }).rule.name;
    expect(name('regular')).toBe('regular');
    expect(name({ J: 11, Q: 12, K: 13 })).toBe('regular');
    expect(name({ all: 10 })).toBe('face10');
    expect(name({ all: 7 })).toBe('all7');
    expect(name('all12')).toBe('all12');
    expect(name({ J: 8, Q: 9, K: 10 })).toBe('J8-Q9-K10');
    expect(gen.parseParams({ rule: 'J8-Q9-K10' }).rule).toEqual({ name: 'J8-Q9-K10', J: 8, Q: 9, K: 10 });
    expect(gen.parseParams({ rule: 'face10', promptRule: { all: 10 } }).promptRule).toBeUndefined();
  });

  it('rejects bad fields, naming them and what is accepted', () => {
    expect(fieldOf({ cards: 3 })).toMatch(/^cards: .*4, 5 or 6/);
    expect(fieldOf({ cards: '4' })).toMatch(/^cards:/);
    expect(fieldOf({ rules: 'face10' })).toMatch(/^rules: .*Did you mean 'rule'/);
    expect(fieldOf({ rule: 'face11' })).toMatch(/^rule: .*'face10'.*'regular'/);
    expect(fieldOf({ rule: 'all0' })).toMatch(/^rule: .*1 to 100/);
    expect(fieldOf({ rule: { J: 8, Q: 9 } })).toMatch(/^rule: .*J, Q, K/);
    expect(fieldOf({ rule: { J: 8, Q: 9, K: 2.5 } })).toMatch(/^rule\.K:/);
    expect(fieldOf({ rule: 10 })).toMatch(/^rule:/);
    expect(fieldOf({ promptRule: 'nonsense' })).toMatch(/^promptRule:/);
    expect(fieldOf({ sampling: 'huge' })).toMatch(/^sampling: .*'normal', 'face', 'large'/);
    expect(fieldOf({ protocol: 'multi' })).toMatch(/^protocol: .*'single' or 'revision'/);
    expect(fieldOf({ maxAttempts: 3 })).toMatch(/^maxAttempts: .*revision/);
    expect(fieldOf({ protocol: 'revision', maxAttempts: 0 })).toMatch(/^maxAttempts: .*1 to 20/);
    expect(fieldOf({ target: 0 })).toMatch(/^target:/);
    expect(fieldOf({ target: 2.5 })).toMatch(/^target:/);
    expect(fieldOf({ target: 500_000 })).toMatch(/^target: .*cannot be reached/);
    expect(fieldOf({ resample: 0 })).toMatch(/^resample:/);
    expect(fieldOf('face10')).toMatch(/^params:/);
  });
});

describe('general-points registration and suite', () => {
  it('is registered under instruct/general-points in the family general-points', () => {
    const g = getGenerator('instruct/general-points');
    expect(g).toBe(generalPoints);
    expect(g.family).toBe('general-points');
  });

  it('suites/instruct.yaml names valid params, unique ids and the intended splits', () => {
    const suite = {
      ...parseYaml(readFileSync(new URL('../../../suites/instruct.yaml', import.meta.url), 'utf8')),
      tasks: family.taskSets.all as any[],
    };
    expect(suite).toMatchObject({ name: 'instruct' });
    const ids = suite.tasks.map((t: { id: string }) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    const split: Record<string, string> = {};
    for (const task of suite.tasks.filter((t: { generator: string }) => t.generator === 'instruct/general-points')) {
      expect(['train', 'id', 'ood']).toContain(task.split);
      expect(task.n).toBeGreaterThanOrEqual(100);
      const params = gen.parseParams(task.params);
      const p = gen.generate(params, Rng.forItem(task.seed, 0));
      expect(p.verify(p.reference!).correct).toBe(true);
      split[task.id] = task.split;
    }
    expect(split).toMatchObject({
      'gp-id': 'id',
      'gp-id-revision': 'id',
      'gp-regular': 'ood',
      'gp-all5': 'ood',
      'gp-all7': 'ood',
      'gp-all12': 'ood',
      'gp-large': 'ood',
      'gp-five': 'ood',
      'gp-fake-regular': 'ood',
      'gp-fake-all5': 'ood',
    });
  });
});
