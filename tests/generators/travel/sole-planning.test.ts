import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { Rng } from '../../../src/core/rng.js';
import { ParamError, episodeOf, messageText, type Problem } from '../../../src/core/types.js';
import { getGenerator } from '../../../generators/index.js';
import { solePlanning } from '../../../generators/travel/sole-planning.js';
import { COMMONSENSE_CHECKS, HARD_CHECKS } from '../../../generators/travel/evaluate/checks.js';
import { worldFor } from '../../../generators/travel/world/world.js';
import { travelRates } from '../../../generators/travel/metrics.js';
import { ID_POOLS, items, REGIONS, truthOf, detailsOf } from './helpers.js';
// The suite's tasks are its family's 'all' set (suites/*.yaml include it).
import { family } from '../../../generators/travel/index.js';

const gen = solePlanning;
const prompt = (p: Problem) => messageText(p.messages[0]!);
/** Items per region: generation is milliseconds, but every region is also verified here. */
const N: Record<string, number> = {
  id3easy: 40,
  id3medium: 40,
  ood5easy: 15,
  ood5medium: 15,
  ood7medium: 10,
  ood3hard: 20,
  ood5hard: 10,
  ood7hard: 8,
  heldOut: 20,
  decoys: 15,
  world2: 20,
};
const cache = new Map<string, Problem[]>();
const regionItems = (name: string) => {
  let got = cache.get(name);
  if (!got) {
    got = items(REGIONS[name]!, N[name]!);
    cache.set(name, got);
  }
  return got;
};

describe('travel/sole-planning: oracle', () => {
  for (const name of Object.keys(REGIONS)) {
    it(`${name}: every reference plan passes every check within budget, and the truth agrees with the query`, () => {
      for (const p of regionItems(name)) {
        const t = truthOf(p);
        const v = p.verify(p.reference!);
        expect(v.correct, v.reason).toBe(true);
        expect(v.score).toBe(1);
        const d = detailsOf(p, p.reference!);
        for (const k of COMMONSENSE_CHECKS) expect(d.commonsense[k]).toBe('pass');
        for (const k of HARD_CHECKS) expect(d.hard[k]).not.toBe('fail');
        expect(d.cost).toEqual(t.referenceCost);
        expect(t.query.budget).toBeGreaterThanOrEqual(t.referenceCost.total);
        expect(t.query.budget % 100).toBe(0);
        expect(t.query.budget).toBe(Math.ceil((t.referenceCost.total * (100 + t.slackPercent)) / 10_000) * 100);
        expect(t.referencePlan).toHaveLength(t.query.days);
        expect(t.route).toHaveLength(t.query.visiting_city_number);
        // The JSON form of the reference plan is accepted as well.
        expect(p.verify(JSON.stringify(t.referencePlan)).correct).toBe(true);
        // What the reference plan visits is listed in the reference information.
        for (const c of t.route) expect(prompt(p)).toContain(`Accommodations in ${c}`);
        expect(prompt(p)).toContain(t.query.query);
        expect(JSON.parse(JSON.stringify(t))).toEqual(t);
      }
    });
  }
});

describe('travel/sole-planning: determinism', () => {
  const params = gen.parseParams(REGIONS.id3medium);
  it('gives the identical problem for the same (seed, index)', () => {
    for (let i = 0; i < 10; i++) {
      const a = gen.generate(params, Rng.forItem(42, i));
      const b = gen.generate(params, Rng.forItem(42, i));
      expect(b.messages).toEqual(a.messages);
      expect(b.truth).toEqual(a.truth);
      expect(b.reference).toBe(a.reference);
      expect(b.difficulty).toEqual(a.difficulty);
      expect(b.dedupKey).toBe(a.dedupKey);
      expect(b.randomAnswer!(Rng.fromKey('r'))).toBe(a.randomAnswer!(Rng.fromKey('r')));
    }
  });
  it('gives different problems for different indices and seeds', () => {
    expect(prompt(gen.generate(params, Rng.forItem(42, 0)))).not.toBe(prompt(gen.generate(params, Rng.forItem(42, 1))));
    expect(prompt(gen.generate(params, Rng.forItem(42, 0)))).not.toBe(prompt(gen.generate(params, Rng.forItem(43, 0))));
    const keys = new Set(Array.from({ length: 50 }, (_, i) => gen.generate(params, Rng.forItem(42, i)).dedupKey));
    expect(keys.size).toBeGreaterThan(45);
  });
});

describe('travel/sole-planning: wrong answers', () => {
  it('random plans of listed records (baseline:random) almost never pass', () => {
    const details: unknown[] = [];
    for (const name of ['id3easy', 'id3medium', 'ood5medium', 'ood3hard']) {
      for (const [i, p] of regionItems(name).entries()) {
        for (let s = 0; s < 3; s++)
          details.push(p.verify(p.randomAnswer!(Rng.forItem('random', i, `${name}/${s}`))).details);
      }
    }
    const rates = travelRates(details);
    expect(rates.delivery).toBe(1);
    expect(rates.finalPass).toBeLessThanOrEqual(0.02);
    expect(rates.commonsenseMicro).toBeGreaterThan(0.3); // delivered and well-formed: many checks still pass
  });

  it("another item's reference plan fails", () => {
    const [a, b] = regionItems('id3medium');
    expect(a!.verify(b!.reference!).correct).toBe(false);
  });

  it('a reference plan with a day cut, or one day repeated, fails', () => {
    for (const p of regionItems('ood5easy').slice(0, 5)) {
      const blocks = p.reference!.split('\n\n');
      expect(p.verify(blocks.slice(0, -1).join('\n\n')).correct).toBe(false);
      expect(
        p.verify([...blocks.slice(0, 2), blocks[1]!.replace('Day 2:', 'Day 3:'), ...blocks.slice(3)].join('\n\n'))
          .correct,
      ).toBe(false);
    }
  });
});

describe('travel/sole-planning: garbage never throws', () => {
  it('empty, huge, random bytes, adversarial formatting: a wrong answer with a reason', () => {
    const p = regionItems('id3medium')[0]!;
    const rng = Rng.fromKey('travel-verify-garbage');
    const bytes = Array.from({ length: 200_000 }, () => String.fromCharCode(rng.int(0, 0xffff))).join('');
    const inputs: unknown[] = [
      undefined,
      null,
      0,
      '',
      ' ',
      '\u0000',
      bytes,
      p.reference!.repeat(40),
      `${'Day 1:\nCurrent City: from A to B\n'.repeat(30_000)}`,
      '[' + '{"current_city": "from a to b", "transportation": "Flight Number: F1"},'.repeat(20_000) + '{}]',
      p.reference!.replace(/, /g, ',,,'),
      p.reference!.replace(/Day (\d):/g, ''),
      '```json\n[{"days": 1, "current_city": null}]\n```',
    ];
    for (const input of inputs) {
      const v = p.verify(input as string);
      expect(v.correct).toBe(false);
      expect(typeof v.reason).toBe('string');
      expect(v.score).toBeGreaterThanOrEqual(0);
      expect(v.score).toBeLessThanOrEqual(1);
    }
    const megabyte = Array.from(
      { length: 1 << 20 },
      () => 'Day 1:Current City: from to;,[]{}"F0123456\n'[rng.int(0, 40)],
    ).join('');
    const t0 = performance.now();
    expect(p.verify(megabyte).correct).toBe(false);
    expect(performance.now() - t0).toBeLessThan(2_000);
  });

  it('half-plans are delivered but fail Complete Information', () => {
    const p = regionItems('ood5medium')[0]!;
    const half = p.reference!.slice(0, Math.floor(p.reference!.length / 2));
    const v = p.verify(half);
    expect(v.correct).toBe(false);
    expect(v.formatOk).toBe(true);
    expect((v.details as { commonsense: Record<string, string> }).commonsense.completeInformation).toBe('fail');
  });
});

describe('travel/sole-planning: ID and OOD regions differ in the knob they claim', () => {
  it('days: 3 in ID, 5 and 7 out of it, with 1, 2 and 3 cities visited', () => {
    for (const p of [...regionItems('id3easy'), ...regionItems('id3medium')])
      expect(p.difficulty).toMatchObject({ days: 3, visits: 1 });
    for (const p of regionItems('ood5medium')) expect(p.difficulty).toMatchObject({ days: 5, visits: 2 });
    for (const p of regionItems('ood7medium')) expect(p.difficulty).toMatchObject({ days: 7, visits: 3 });
    for (const p of regionItems('ood7medium'))
      expect(truthOf(p).query.dest).toBe(worldFor(truthOf(p).world).state(truthOf(p).query.dest)!.name);
  });

  it('constraints: none for easy, one for medium (2–8 people), three for hard', () => {
    for (const p of regionItems('id3easy')) expect(p.difficulty).toMatchObject({ constraints: 0, people: 1 });
    for (const p of regionItems('id3medium')) {
      expect(p.difficulty.constraints).toBe(1);
      expect(p.difficulty.people).toBeGreaterThanOrEqual(2);
      expect(p.difficulty.transportation).toBe('-');
    }
    for (const p of [...regionItems('ood3hard'), ...regionItems('ood5hard'), ...regionItems('ood7hard')])
      expect(p.difficulty.constraints).toBe(3);
    const kinds = new Set(regionItems('ood3hard').map((p) => p.difficulty.transportation));
    expect(kinds.size).toBeGreaterThan(1);
  });

  it('held-out values: the ID region never asks for them, the held-out region always does', () => {
    const heldCuisines = ['Mediterranean', 'Indian', 'French'];
    const heldRules = ['children under 10', 'visitors'];
    const idAsked = [...regionItems('id3medium'), ...regionItems('ood5medium'), ...regionItems('ood3hard')].flatMap(
      (p) => {
        const lc = truthOf(p).query.local_constraint;
        return [...(lc.cuisine ?? []), lc['house rule'] ?? ''];
      },
    );
    for (const v of [...heldCuisines, ...heldRules]) expect(idAsked).not.toContain(v);
    for (const p of regionItems('heldOut')) {
      const lc = truthOf(p).query.local_constraint;
      const asked = [...(lc.cuisine ?? []), lc['house rule'] ?? ''].filter(Boolean);
      expect(asked.length).toBeGreaterThan(0);
      for (const v of asked) expect([...heldCuisines, ...heldRules]).toContain(v);
    }
    expect(ID_POOLS.cuisines.some((c) => heldCuisines.includes(c))).toBe(false);
  });

  it('decoys: more listed cities and a longer reference information than ID', () => {
    const mean = (ps: Problem[], k: string) => ps.reduce((s, p) => s + Number(p.difficulty[k]), 0) / ps.length;
    expect(Math.min(...regionItems('decoys').map((p) => Number(p.difficulty.candidates)))).toBe(6);
    expect(Math.max(...regionItems('id3medium').map((p) => Number(p.difficulty.candidates)))).toBe(2);
    expect(mean(regionItems('decoys'), 'referenceChars')).toBeGreaterThan(
      2 * mean(regionItems('id3medium'), 'referenceChars'),
    );
  });

  it('unseen world: another seed, other cities', () => {
    const idCities = new Set(worldFor({ seed: 1, states: 10 }).cities.map((c) => c.name));
    for (const p of regionItems('world2')) {
      expect(p.difficulty.worldSeed).toBe('2');
      expect(idCities.has(truthOf(p).query.dest)).toBe(false);
    }
  });
});

describe('travel/sole-planning: params and registration', () => {
  it('rejects bad params naming the field', () => {
    const bad: [unknown, string][] = [
      [{ days: 4 }, 'days'],
      [{ level: 'extreme' }, 'level'],
      [{ decoys: 9 }, 'decoys'],
      [{ states: 2 }, 'states'],
      [{ slackPercent: [30, 10] }, 'slackPercent'],
      [{ cuisines: ['Thai'] }, 'cuisines'],
      [{ houseRules: [] }, 'houseRules'],
      [{ level: 'hard', cuisines: ['Indian', 'French'] }, 'cuisines'],
      [{ level: 'hard', constraintTypes: ['cuisine', 'room type'] }, 'constraintTypes'],
      [{ level: 'medium', constraintTypes: ['transportation'] }, 'constraintTypes'],
      [{ level: 'medium', roomTypes: ['shared room'] }, 'roomTypes'],
      [{ dayz: 3 }, 'dayz'],
      ['3 days', 'params'],
      [{ worldSeed: 1.5 }, 'worldSeed'],
    ];
    for (const [raw, field] of bad) {
      let err: unknown;
      try {
        gen.parseParams(raw);
      } catch (e) {
        err = e;
      }
      expect(err, JSON.stringify(raw)).toBeInstanceOf(ParamError);
      expect((err as ParamError).field).toBe(field);
    }
    expect(gen.parseParams({ cuisines: ['Mexican', 'American'] }).cuisines).toEqual(['American', 'Mexican']);
  });

  it('is registered, and the shipped suite names only valid params with ID and OOD side by side', () => {
    expect(getGenerator('travel/sole-planning')).toBe(gen);
    const suite = {
      ...parseYaml(readFileSync(new URL('../../../suites/travel.yaml', import.meta.url), 'utf8')),
      tasks: family.taskSets.all,
    } as unknown as { tasks: { id: string; split: string; params: unknown; generator: string; n: number }[] };
    const splits = new Set(suite.tasks.map((t) => t.split));
    expect(splits).toEqual(new Set(['id', 'ood']));
    for (const t of suite.tasks) {
      expect(t.generator).toBe('travel/sole-planning');
      const p = gen.parseParams(t.params);
      if (t.split === 'id') expect(p).toMatchObject({ days: 3, worldSeed: 1 });
      if (t.split === 'ood') expect(t.n).toBeGreaterThanOrEqual(100);
      gen.generate(p, Rng.forItem(1, 0));
    }
  });

  it('is a single-turn episode whose start carries the reference and a random answer', () => {
    const p = regionItems('id3easy')[0]!;
    const turn = episodeOf(p).start();
    expect(turn.reference).toBe(p.reference);
    expect(typeof turn.randomAnswer!(Rng.fromKey('x'))).toBe('string');
  });
});
