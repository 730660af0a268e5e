import { describe, it, expect } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import { ParamError, episodeOf, messageText, type Problem, type Turn, type Verdict } from '../../../src/core/types.js';
import { getGenerator, familyOf } from '../../../generators/index.js';
import { loadSuite } from '../../../src/suite/load.js';
import { sokoban, type SokobanTruth } from '../../../generators/instruct/sokoban.js';
import { WORD_POOL } from '../../../generators/instruct/sokoban/words.js';
import {
  applyMove,
  exploreAll,
  gridFromPrompt,
  labelsFromPrompt,
  MOVES,
  optimalMovesOf,
  solved,
  type Move,
} from './sokoban-brute-force.js';
import { expectDeterministic } from '../../helpers/generator-contract.js';

const gen = sokoban;
const BASE = ['Up', 'Down', 'Left', 'Right'];

const REGIONS: Record<string, Record<string, unknown>> = {
  id: {},
  cardinal: { variant: 'cardinal' },
  emoji: { variant: 'emoji' },
  numerical: { variant: 'numerical' },
  alphabetical: { variant: 'alphabetical' },
  random: { variant: 'random' },
  empty: { variant: 'empty' },
  diverse: { variant: 'diverse' },
  custom: { variant: 'custom', labels: ['go-up', 'go-down', 'go-left', 'go-right'] },
  large: { size: 10 },
  twoBoxes: { boxes: 2 },
  complex: { size: 10, boxes: 2 },
  size5: { size: 5 },
  size8: { size: 8 },
  fakeNumerical: { promptVariant: 'numerical' },
  fakeCardinal: { promptVariant: 'cardinal' },
  fakeEmoji: { promptVariant: 'emoji' },
  fakeDiverse: { promptVariant: 'diverse' },
  singleShot: { protocol: 'single-shot' },
  singleShotComplex: { protocol: 'single-shot', size: 10, boxes: 2 },
  planStart: { variant: 'diverse', start: 'plan' },
};

function items(region: Record<string, unknown>, n: number, seed: number | string = 7): Problem[] {
  const params = gen.parseParams(region);
  return Array.from({ length: n }, (_, i) => gen.generate(params, Rng.forItem(seed, i)));
}

const truthOf = (p: Problem) => p.truth as SokobanTruth;
const promptOf = (turn: { messages: Problem['messages'] }) => messageText(turn.messages[0]!);

/** Drives an episode the way the runner does, with `policy` as the model. */
function play(p: Problem, policy: (turn: Turn, t: number) => string): Verdict {
  const episode = episodeOf(p);
  let turn = episode.start();
  for (let t = 1; t <= 1000; t++) {
    const s = episode.step(policy(turn, t));
    if (s.done) return s.verdict;
    turn = s;
  }
  throw new Error('the episode did not end');
}

const oracle = (turn: Turn) => turn.reference!;
const answer = (label: string) => `<think>thinking</think> <answer> ${label} </answer>`;

/** A perfect player that reads the grid from the prompt and answers in a fixed vocabulary. */
function perfectIn(vocabulary: (turn: Turn) => string[]) {
  return (turn: Turn) => {
    const rows = gridFromPrompt(promptOf(turn));
    const graph = exploreAll(rows);
    const move = optimalMovesOf(graph, rows.join('/'))[0] ?? 'Up';
    return answer(vocabulary(turn)[MOVES.indexOf(move)]!);
  };
}
const ignoresTheLegend = perfectIn(() => BASE);
const followsTheLegend = perfectIn((turn) => labelsFromPrompt(promptOf(turn)));

describe('sokoban generator: oracle', () => {
  for (const [name, region] of Object.entries(REGIONS)) {
    it(`${name}: the oracle wins every item, in the fewest moves`, () => {
      const n = /complex|large|size8/i.test(name) ? 25 : 60;
      for (const p of items(region, n)) {
        const t = truthOf(p);
        if (t.protocol === 'single-shot') {
          expect(p.episode).toBeUndefined();
          const v = p.verify(p.reference!);
          expect(v.correct, p.reference).toBe(true);
          expect(v.details?.executed).toBe(t.planLength);
          continue;
        }
        expect(p.verify(p.reference!).correct).toBe(true); // its first move starts a shortest plan
        const v = play(p, oracle);
        expect(v.correct, JSON.stringify(v)).toBe(true);
        expect(v.formatOk).toBe(true);
        expect(v.details).toMatchObject({
          solved: true,
          turns: t.planLength,
          validTurns: t.planLength,
          validActionShare: 1,
        });
      }
    });
  }
});

describe('sokoban generator: truth', () => {
  for (const name of ['id', 'twoBoxes', 'fakeNumerical', 'planStart', 'size5']) {
    it(`${name}: the truth matches the prompt, and its plan is a shortest solution`, () => {
      for (const p of items(REGIONS[name]!, 40, 11)) {
        const t = truthOf(p);
        expect(gridFromPrompt(promptOf(p))).toEqual(t.rows);
        const cells = (ch: string) =>
          t.rows.flatMap((row, r) => [...row].flatMap((c, col) => (ch.includes(c) ? [[r, col]] : [])));
        expect(cells('PS')).toEqual([t.player]);
        expect(cells('X√')).toEqual(t.boxes);
        expect(cells('O√S')).toEqual(t.targets);
        expect(t.boxes.length).toBe(t.targets.length);
        // Replayed with the independent rules: the plan solves the room, and nothing shorter does.
        let rows = t.rows;
        for (const move of t.plan) rows = applyMove(rows, move);
        expect(solved(rows)).toBe(true);
        expect(exploreAll(t.rows).distance.get(t.rows.join('/'))).toBe(t.planLength);
        expect(t.plan).toHaveLength(t.planLength);
        expect(t.planLength).toBeLessThanOrEqual(t.maxTurns);
        expect(p.difficulty.planLength).toBe(t.planLength);
      }
    });
  }

  it('carries the label table of the scoring vocabulary, and the shown one in Fake controls', () => {
    const [fake] = items(REGIONS.fakeNumerical!, 1);
    expect(truthOf(fake!).labels).toEqual({ Up: 'Up', Down: 'Down', Left: 'Left', Right: 'Right' });
    expect(truthOf(fake!).promptLabels).toEqual({ Up: '1', Down: '2', Left: '3', Right: '4' });
    const [random] = items(REGIONS.random!, 1);
    expect(truthOf(random!).labels).toEqual({ Up: '*', Down: '&', Left: '1', Right: 'M' });
    expect(truthOf(random!).promptLabels).toBeUndefined();
  });
});

describe('sokoban generator: determinism', () => {
  const params = gen.parseParams(REGIONS.twoBoxes);

  it('gives the identical problem for the same (seed, index)', () => expectDeterministic(gen, params));

  it('gives different rooms for different indices and seeds', () => {
    const rows = (seed: number, i: number) => truthOf(gen.generate(params, Rng.forItem(seed, i))).rows.join('/');
    expect(rows(42, 0)).not.toBe(rows(42, 1));
    expect(rows(42, 0)).not.toBe(rows(43, 0));
    expect(new Set(Array.from({ length: 100 }, (_, i) => rows(42, i))).size).toBeGreaterThan(90);
  });

  it('shows the same rooms in every vocabulary for the same seed, so variants compare item by item', () => {
    const base = items(REGIONS.id!, 30, 42).map((p) => truthOf(p).rows);
    for (const name of ['numerical', 'diverse', 'empty', 'fakeEmoji', 'custom', 'singleShot']) {
      expect(
        items(REGIONS[name]!, 30, 42).map((p) => truthOf(p).rows),
        name,
      ).toEqual(base);
    }
  });

  it('keys instances by the room alone, whatever the vocabulary, protocol or start shown', () => {
    const base = items(REGIONS.id!, 20, 5).map((p) => p.dedupKey);
    expect(items(REGIONS.fakeNumerical!, 20, 5).map((p) => p.dedupKey)).toEqual(base);
    expect(items(REGIONS.planStart!, 20, 5).map((p) => p.dedupKey)).toEqual(base);
    expect(base[0]).toBe(`sokoban|size=6|boxes=1|${truthOf(items(REGIONS.id!, 1, 5)[0]!).rows.join('/')}`);
    expect(items(REGIONS.twoBoxes!, 1, 5)[0]!.dedupKey).toMatch(/^sokoban\|size=6\|boxes=2\|/);
  });
});

describe('sokoban generator: ID and OOD regions differ in their knob', () => {
  it('difficulty: room size and box count are as asked', () => {
    for (const [name, size, boxes] of [
      ['id', 6, 1],
      ['large', 10, 1],
      ['twoBoxes', 6, 2],
      ['complex', 10, 2],
      ['size5', 5, 1],
      ['size8', 8, 1],
    ] as const) {
      for (const p of items(REGIONS[name]!, 15)) {
        const t = truthOf(p);
        expect(t.rows).toHaveLength(size);
        expect(t.rows.every((r) => [...r].length === size)).toBe(true);
        expect(t.boxes).toHaveLength(boxes);
        expect(p.difficulty).toMatchObject({ size, boxes });
      }
    }
  });

  it('difficulty: bigger rooms and more boxes need longer plans', () => {
    const mean = (name: string) => items(REGIONS[name]!, 60, 3).reduce((s, p) => s + truthOf(p).planLength, 0) / 60;
    expect(mean('large')).toBeGreaterThan(mean('id') + 2);
    expect(mean('twoBoxes')).toBeGreaterThan(mean('id') + 2);
    expect(mean('complex')).toBeGreaterThan(mean('large'));
  });

  it('instruction: each variant shows its own labels, and the ID prompt shows Up/Down/Left/Right', () => {
    const shown: Record<string, string[]> = {
      id: BASE,
      cardinal: ['North', 'South', 'West', 'East'],
      emoji: ['⬆️', '⬇️', '⬅️', '➡️'],
      numerical: ['1', '2', '3', '4'],
      alphabetical: ['A', 'B', 'C', 'D'],
      random: ['*', '&', '1', 'M'],
      custom: ['go-up', 'go-down', 'go-left', 'go-right'],
      fakeNumerical: ['1', '2', '3', '4'],
    };
    for (const [name, labels] of Object.entries(shown)) {
      const p = items(REGIONS[name]!, 1)[0]!;
      expect(labelsFromPrompt(promptOf(p)), name).toEqual(labels);
      expect(promptOf(p).includes('where '), name).toBe(
        ['numerical', 'alphabetical', 'random', 'custom', 'fakeNumerical'].includes(name),
      );
    }
    expect(promptOf(items(REGIONS.numerical!, 1)[0]!)).toContain('where 1 is Up, 2 is Down, 3 is Left, 4 is Right.');
    const empty = promptOf(items(REGIONS.empty!, 1)[0]!);
    expect(empty).not.toContain('Answers:');
    expect(empty).not.toContain('<answer> Up');
  });

  it('diverse: four distinct pool words per item, a fresh vocabulary almost every item', () => {
    const vocabularies = items(REGIONS.diverse!, 200).map((p) => Object.values(truthOf(p).labels));
    for (const v of vocabularies) {
      expect(new Set(v).size).toBe(4);
      for (const w of v) expect(WORD_POOL).toContain(w);
    }
    expect(new Set(vocabularies.map((v) => v.join('|'))).size).toBeGreaterThan(195);
    expect(new Set(vocabularies.flat()).size).toBeGreaterThan(200);
  });

  it('the word pool holds about 270 distinct plain words, none a direction or another label', () => {
    expect(WORD_POOL.length).toBeGreaterThanOrEqual(250);
    expect(new Set(WORD_POOL).size).toBe(WORD_POOL.length);
    const taken = ['up', 'down', 'left', 'right', 'north', 'south', 'west', 'east', 'none'];
    for (const w of WORD_POOL) {
      expect(w).toMatch(/^[a-z]{2,}$/);
      expect(taken).not.toContain(w);
    }
  });

  it('start: plan shows a state along the optimal plan of the same room', () => {
    const initial = items(REGIONS.diverse!, 40, 9);
    const planned = items(REGIONS.planStart!, 40, 9);
    let advanced = 0;
    planned.forEach((p, i) => {
      const a = truthOf(initial[i]!);
      const b = truthOf(p);
      const k = a.planLength - b.planLength;
      expect(k).toBeGreaterThanOrEqual(0);
      expect(b.plan).toEqual(a.plan.slice(k));
      expect(b.labels).toEqual(a.labels);
      if (k > 0) advanced++;
    });
    expect(advanced).toBeGreaterThan(10);
  });
});

describe('sokoban generator: Fake controls and legend-ignoring models', () => {
  const alternatives = ['cardinal', 'emoji', 'numerical', 'alphabetical', 'random', 'diverse', 'custom'];
  const wins = (name: string, policy: (t: Turn) => string) => items(REGIONS[name]!, 12, 21).map((p) => play(p, policy));

  it('a model that ignores the legend wins ID, Empty and Fake, and no alternative vocabulary', () => {
    for (const name of ['id', 'empty', 'fakeNumerical', 'fakeCardinal', 'fakeEmoji', 'fakeDiverse']) {
      expect(
        wins(name, ignoresTheLegend).every((v) => v.correct),
        name,
      ).toBe(true);
    }
    for (const name of alternatives) {
      const verdicts = wins(name, ignoresTheLegend);
      expect(
        verdicts.some((v) => v.correct),
        name,
      ).toBe(false);
      for (const v of verdicts) expect(v.details).toMatchObject({ validTurns: 0, validActionShare: 0, turns: 30 });
    }
  });

  it('a model that follows the legend wins every alternative vocabulary and no Fake control', () => {
    for (const name of ['id', ...alternatives]) {
      expect(
        wins(name, followsTheLegend).every((v) => v.correct),
        name,
      ).toBe(true);
    }
    for (const name of ['fakeNumerical', 'fakeCardinal', 'fakeEmoji', 'fakeDiverse']) {
      const verdicts = wins(name, followsTheLegend);
      expect(
        verdicts.some((v) => v.correct),
        name,
      ).toBe(false);
      for (const v of verdicts) expect(v.details?.validActionShare).toBe(0);
    }
  });
});

describe('sokoban generator: closed loop', () => {
  it('names the oracle move for the state reached, so the oracle wins from any winnable detour', () => {
    let won = 0,
      lost = 0;
    for (const p of items(REGIONS.twoBoxes!, 40, 13)) {
      const rng = Rng.fromKey(`detour:${p.dedupKey}`);
      let rows = truthOf(p).rows;
      const detour: Move[] = [];
      const v = play(p, (turn, t) => {
        expect(gridFromPrompt(promptOf(turn))).toEqual(rows); // each turn shows the current grid
        if (t <= 4) {
          const m = rng.pick(MOVES);
          detour.push(m);
          rows = applyMove(rows, m);
          return answer(m);
        }
        const ref = turn.reference!;
        rows = applyMove(rows, ref.replace(/<\/?answer>/g, '').trim() as Move);
        return ref;
      });
      let after = truthOf(p).rows;
      for (const m of detour) after = applyMove(after, m);
      const left = exploreAll(after).distance.get(after.join('/'));
      const winnable = solved(after) || (left !== undefined && left <= 30 - detour.length);
      expect(v.correct, JSON.stringify(v.details)).toBe(winnable);
      if (!winnable) expect(v.details?.deadEnd || (left ?? 0) > 0).toBe(true);
      if (v.correct) won++;
      else lost++;
    }
    expect(won).toBeGreaterThan(0);
    expect(lost).toBeGreaterThan(0); // some detours really pushed a box into a dead end
  });

  it('ends after maxTurns turns, each asking with the full instruction and no history', () => {
    const p = items({ maxTurns: 5 }, 1)[0]!;
    const prompts: string[] = [];
    const v = play(p, (turn) => {
      prompts.push(promptOf(turn));
      expect(turn.messages).toHaveLength(1);
      return 'I am not sure.';
    });
    expect(prompts).toHaveLength(5);
    expect(new Set(prompts).size).toBe(1); // nothing moved, so the same grid each time
    expect(prompts[0]).toContain('You are a Sokoban solver.');
    expect(v).toMatchObject({ correct: false, score: 0, formatOk: false });
    expect(v.details).toMatchObject({ turns: 5, validTurns: 0, validActionShare: 0, solved: false, actions: '.....' });
    expect(v.reason).toMatch(/not solved in 5 turns.*5 of 5 replies had no valid action/);
  });

  it('counts valid and invalid turns, and blocked moves as valid but ineffective', () => {
    const p = items(REGIONS.id!, 1, 17)[0]!;
    const t = truthOf(p);
    const replies = ['garbage', answer('up'), '<answer>LEFT</answer>', 'Up', '<answer> Up </answer> trailing text'];
    let i = 0;
    const v = play(p, (turn) => (i < replies.length ? replies[i++]! : turn.reference!));
    expect(v.correct).toBe(true);
    expect(v.details?.validTurns).toBe((v.details?.turns as number) - 2);
    expect(v.details?.actions).toMatch(/^\.UL\.U/);
    expect(v.details?.turns).toBeGreaterThanOrEqual(t.planLength + 2);
  });

  it('is a fresh episode each time, and a step after the end repeats the outcome', () => {
    const p = items(REGIONS.id!, 1)[0]!;
    const e1 = episodeOf(p);
    const e2 = episodeOf(p);
    expect(promptOf(e1.start())).toBe(promptOf(e2.start()));
    let s = e1.step(e1.start().reference!);
    while (!s.done) s = e1.step(s.reference!);
    expect(e1.step('anything')).toEqual(s);
    expect(e2.step('garbage').done).toBe(false);
  });

  it('random baseline: always a valid label, and wins at chance level only', () => {
    const ps = items(REGIONS.id!, 100, 23);
    const verdicts = ps.map((p, i) => play(p, (turn, t) => turn.randomAnswer!(Rng.forItem(`random:${i}`, t))));
    for (const v of verdicts) expect(v.details?.validActionShare).toBe(1);
    const rate = verdicts.filter((v) => v.correct).length / verdicts.length;
    expect(rate).toBeGreaterThan(0.02);
    expect(rate).toBeLessThan(0.6);
    const complex = items(REGIONS.complex!, 20, 23).map((p, i) =>
      play(p, (turn, t) => turn.randomAnswer!(Rng.forItem(`random:${i}`, t))),
    );
    expect(complex.filter((v) => v.correct).length).toBeLessThan(4);
  });
});

describe('sokoban generator: verifiers', () => {
  it('closed-loop items asked once: any move that starts a shortest plan is right, others wrong', () => {
    let multiple = 0;
    for (const p of items(REGIONS.id!, 60, 31)) {
      const t = truthOf(p);
      const graph = exploreAll(t.rows);
      const best = optimalMovesOf(graph, t.rows.join('/'));
      if (best.length > 1) multiple++;
      for (const m of MOVES) {
        const v = p.verify(answer(m));
        expect(v.correct, `${m} in ${t.rows.join('/')}`).toBe(best.includes(m));
        expect(v.formatOk).toBe(true);
      }
    }
    expect(multiple).toBeGreaterThan(0);
  });

  it('single shot: any solution within the budget is right, however long', () => {
    let detours = 0;
    for (const p of items(REGIONS.singleShot!, 30, 33)) {
      const t = truthOf(p);
      // A detour: a plain step away and back first (the way back is where the player stood).
      const boxes = (rows: string[]) => rows.join('/').replace(/[^X√/]/g, '.');
      const first = MOVES.find((m) => {
        const a = applyMove(t.rows, m);
        return a.join('/') !== t.rows.join('/') && boxes(a) === boxes(t.rows);
      });
      const back: Record<Move, Move> = { Up: 'Down', Down: 'Up', Left: 'Right', Right: 'Left' };
      if (first && t.planLength + 2 <= 30) {
        expect(applyMove(applyMove(t.rows, first), back[first])).toEqual(t.rows);
        expect(p.verify(answer([first, back[first], ...t.plan].join(' '))).correct).toBe(true);
        detours++;
      }
      expect(p.verify(answer([...t.plan, 'Up', 'Up'].join(' '))).correct).toBe(true); // moves after the win are ignored
      expect(p.verify(answer(t.plan.join(', '))).correct).toBe(true);
      expect(p.verify(answer(t.plan.join(' || '))).correct).toBe(true);
      expect(p.verify(answer(t.plan.slice(0, -1).join(' ') || 'Up')).correct).toBe(
        t.planLength === 1 && t.plan[0] === 'Up',
      );
      const wasted = answer([...Array(30).fill('Up'), ...t.plan].join(' '));
      const v = p.verify(wasted);
      if (!v.correct) expect(v.reason).toMatch(/first 30 actions|boxes off target/);
      const typo = p.verify(answer([...t.plan, 'Upp'].join(' ')));
      expect(typo).toMatchObject({ correct: false, formatOk: false });
    }
    expect(detours).toBeGreaterThan(20);
  });

  it('single shot in symbols: emoji runs with or without variation selectors', () => {
    const p = items({ protocol: 'single-shot', variant: 'emoji' }, 1, 35)[0]!;
    const t = truthOf(p);
    const arrows = t.plan.map((d) => t.labels[d]);
    expect(p.verify(answer(arrows.join(''))).correct).toBe(true);
    expect(p.verify(answer(arrows.join(' ').replace(/\uFE0F/g, ''))).correct).toBe(true);
    expect(p.verify(answer(t.plan.join(' '))).correct).toBe(false);
  });

  it('reads the answer after the thinking, the first answer tag, case-insensitively', () => {
    const p = items(REGIONS.id!, 1, 37)[0]!;
    const t = truthOf(p);
    const good = t.plan[0]!;
    const bad = MOVES.find((m) => !optimalMovesOf(exploreAll(t.rows), t.rows.join('/')).includes(m))!;
    expect(p.verify(`<think>maybe <answer>${bad}</answer></think><answer>${good}</answer>`).correct).toBe(true);
    expect(p.verify(`<ANSWER> ${good.toLowerCase()} </ANSWER>`).correct).toBe(true);
    expect(p.verify(`<answer>${good}</answer><answer>${bad}</answer>`).correct).toBe(true);
    expect(p.verify(`<answer>${bad}</answer><answer>${good}</answer>`).correct).toBe(false);
    expect(p.verify(`<answer><answer>${good}</answer></answer>`).correct).toBe(true); // special tokens dropped, as upstream
    expect(p.verify(good).formatOk).toBe(false); // no tag: invalid, as upstream
    expect(p.verify(`<answer>${good}`).formatOk).toBe(false);
    expect(p.verify(`<answer>Move ${good}</answer>`).formatOk).toBe(false);
  });

  it('never throws on garbage, and counts it as invalid turns', () => {
    const rng = Rng.fromKey('garbage');
    const bytes = Array.from({ length: 5000 }, () => String.fromCharCode(rng.int(0, 0xffff))).join('');
    const garbage = [
      '',
      ' ',
      '\u0000',
      'x'.repeat(1_000_000),
      bytes,
      '<answer>',
      '</answer>',
      '<answer></answer>',
      '<answer> </answer>',
      '<answer>'.repeat(50_000),
      '<answer>Up'.repeat(20_000),
      '</think>'.repeat(10_000),
      '<answer><answer>Sideways</answer></answer>x',
      '<answer>\u202eUp</answer>',
      '{"action": "Up"}',
      '<answer>Up Down</answer>',
      '<answer>⬆️⬆️</answer>',
      'null',
      'undefined',
    ];
    const ps = [
      items(REGIONS.id!, 1)[0]!,
      items(REGIONS.emoji!, 1)[0]!,
      items(REGIONS.singleShot!, 1)[0]!,
      items(REGIONS.custom!, 1)[0]!,
    ];
    for (const p of ps) {
      for (const g of garbage) {
        const t0 = performance.now();
        const v = p.verify(g);
        expect(v.correct, `${g.slice(0, 40)} on ${truthOf(p).variant}`).toBe(false);
        expect(performance.now() - t0).toBeLessThan(500);
      }
      expect(() => p.verify(undefined as unknown as string)).not.toThrow();
      expect(() => p.verify(42 as unknown as string)).not.toThrow();
      if (!p.episode) continue;
      let i = 0;
      const v = play(p, () => garbage[i++ % garbage.length]!);
      expect(v.correct).toBe(false);
      expect(v.details).toMatchObject({ turns: 30, validActionShare: 0 });
    }
  });
});

describe('sokoban parseParams', () => {
  const reject = (raw: unknown, field: string, message: RegExp) => {
    let err: unknown;
    try {
      gen.parseParams(raw);
    } catch (e) {
      err = e;
    }
    expect(err, JSON.stringify(raw)).toBeInstanceOf(ParamError);
    expect((err as ParamError).field).toBe(field);
    expect((err as Error).message).toMatch(message);
  };

  it('fills defaults: base, 6×6, 1 box, closed loop, 30 turns', () => {
    expect(gen.parseParams(undefined)).toEqual({
      variant: 'base',
      size: 6,
      boxes: 1,
      protocol: 'closed-loop',
      maxTurns: 30,
      searchDepth: 30,
      playerWalk: true,
      start: 'initial',
    });
  });

  it('keeps the params canonical: a prompt variant equal to the variant is dropped', () => {
    expect(gen.parseParams({ variant: 'numerical', promptVariant: 'numerical' }).promptVariant).toBeUndefined();
    expect(gen.parseParams({ promptVariant: 'emoji' }).promptVariant).toBe('emoji');
  });

  it('rejects bad fields, naming them and what is accepted', () => {
    reject({ varient: 'base' }, 'varient', /unknown field.*variant/s);
    reject({ variant: 'numeric' }, 'variant', /'numerical'/);
    reject({ promptVariant: 'custom' }, 'promptVariant', /expected one of/);
    reject({ size: 3 }, 'size', /integer from 4 to 12/);
    reject({ size: 6.5 }, 'size', /integer/);
    reject({ boxes: 4 }, 'boxes', /1 to 3/);
    reject({ protocol: 'multi' }, 'protocol', /'closed-loop', 'single-shot'/);
    reject({ maxTurns: 0 }, 'maxTurns', /1 to 200/);
    reject({ playerWalk: 'yes' }, 'playerWalk', /true or false/);
    reject({ start: 'middle' }, 'start', /'initial', 'plan'/);
    reject({ variant: 'custom' }, 'labels', /four labels/);
    reject({ labels: ['a', 'b', 'c', 'd'] }, 'labels', /only with variant: custom/);
    reject({ variant: 'custom', labels: ['a', 'b', 'c'] }, 'labels', /four distinct/);
    reject({ variant: 'custom', labels: ['a', 'A', 'c', 'd'] }, 'labels', /distinct/);
    reject({ variant: 'custom', labels: ['go up', 'b', 'c', 'd'] }, 'labels', /without spaces/);
    reject([1, 2], 'params', /mapping/);
  });

  it('says which params cannot produce a room instead of looping forever', () => {
    expect(() => gen.generate(gen.parseParams({ size: 10, boxes: 2, maxTurns: 1 }), Rng.forItem(1, 0))).toThrow(
      /no room for size 10 with 2 boxes.*plan-too-long/,
    );
  });
});

describe('sokoban registration and suite', () => {
  it('is registered under instruct/sokoban in the family sokoban', () => {
    const g = getGenerator('instruct/sokoban');
    expect(g).toBe(gen);
    expect(familyOf(g)).toBe('sokoban');
  });

  it('the Sokoban tasks of suites/instruct.yaml: ID is base 6×6 with 1 box; OOD rows change one knob; Fake rows are controls', () => {
    const suite = loadSuite('instruct');
    suite.tasks = suite.tasks.filter((t) => t.generator.name === 'instruct/sokoban');
    expect(suite.tasks.length).toBeGreaterThan(10);
    const byId = new Map(suite.tasks.map((t) => [t.id, t]));
    expect(byId.size).toBe(suite.tasks.length);
    const id = byId.get('sk-id')!;
    expect(id.split).toBe('id');
    expect(id.params).toMatchObject({ variant: 'base', size: 6, boxes: 1, protocol: 'closed-loop', maxTurns: 30 });
    for (const t of suite.tasks) {
      expect(t.generator.name).toBe('instruct/sokoban');
      const p = t.params as Record<string, unknown>;
      const problem = t.generator.generate(t.params, Rng.forItem(t.seed, 0));
      if (t.axis === 'control') {
        expect(t.split).toBe('ood');
        expect(problem.difficulty.fake, t.id).toBe(1);
      } else {
        expect(problem.difficulty.fake, t.id).toBe(0);
      }
      if (t.axis === 'instruction' && t.split === 'ood') {
        expect(t.seed).toBe(id.seed);
        expect({ ...p, variant: 'base' }).toEqual(id.params);
      }
      if (t.axis === 'difficulty' || t.axis === 'scale') {
        expect(p.variant).toBe('base');
        expect([p.size, p.boxes]).not.toEqual([6, 1]);
      }
      if (t.split !== 'train') expect(t.n).toBeGreaterThanOrEqual(100);
    }
    const variants = new Set(suite.tasks.map((t) => (t.params as Record<string, unknown>).variant));
    for (const v of ['base', 'cardinal', 'emoji', 'numerical', 'alphabetical', 'random', 'empty', 'diverse'])
      expect(variants).toContain(v);
    const shapes = new Set(
      suite.tasks.map(
        (t) => `${(t.params as Record<string, unknown>).size}x${(t.params as Record<string, unknown>).boxes}`,
      ),
    );
    for (const s of ['6x1', '10x1', '6x2', '10x2', '5x1', '7x1', '8x1', '9x1']) expect(shapes).toContain(s);
  });
});
