// Every generator verifies from its stored truth alone: items of every shipped suite's tasks are
// generated, their truth goes through a JSON round trip (as the store and `bench score` see it),
// and the generator's pure verify must accept the reference, agree with Problem.verify, and turn
// garbage (in the reply or in the truth) into a wrong answer without throwing.
import { describe, expect, it } from 'vitest';
import { registry } from '../../generators/index.js';
import { loadSuite, shippedSuiteNames, type SuiteTask } from '../../src/suite/load.js';
import { makeItem } from '../../src/suite/expand.js';
import { environmentEpisode, type Verdict } from '../../src/core/types.js';

const GARBAGE: string[] = [
  '',
  ' ',
  'x'.repeat(300_000),
  '\u0000\u0001\uffff\ud800binary',
  '{"formula": 5}',
  '\\boxed{}',
  '\\boxed{\\boxed{',
  JSON.stringify({ a: [1, 2, { b: null }] }),
  'NaN',
];
/** Answers in a plausible format that may be right by chance: only never-throw is checked. */
const PLAUSIBLE: string[] = [
  'Answer: 101',
  '<answer> Up </answer>'.repeat(5000),
  '\\boxed{-0}',
  '\\boxed{1e309}',
  '{"formula": "1+2+3+4"}',
];
const BAD_TRUTHS: unknown[] = [
  null,
  undefined,
  42,
  'text',
  [],
  {},
  { answer: { type: 'integer', value: 7 } },
  { rows: ['#'], labels: {} },
  { values: 'x', target: 24 },
];

function expectVerdict(v: Verdict): void {
  expect(typeof v.correct).toBe('boolean');
  expect(Number.isFinite(v.score)).toBe(true);
  expect(v.score).toBeGreaterThanOrEqual(0);
  expect(v.score).toBeLessThanOrEqual(1);
  expect(typeof v.formatOk).toBe('boolean');
  expect(() => JSON.stringify(v)).not.toThrow();
}

/** Up to three tasks per generator with distinct params, across every shipped suite. */
function tasksByGenerator(): Map<string, SuiteTask[]> {
  const out = new Map<string, SuiteTask[]>();
  const seen = new Set<string>();
  for (const name of shippedSuiteNames()) {
    for (const task of loadSuite(name).tasks) {
      const key = `${task.generator.name}|${JSON.stringify(task.params)}`;
      const list = out.get(task.generator.name) ?? [];
      if (seen.has(key) || list.length >= 3) continue;
      seen.add(key);
      list.push(task);
      out.set(task.generator.name, list);
    }
  }
  return out;
}

describe('pure verification from the stored truth', () => {
  const tasks = tasksByGenerator();

  it('every registered generator has a verifier version, a pure verify, and a task in a shipped suite', () => {
    for (const g of registry.values()) {
      expect(typeof g.verifierVersion, g.name).toBe('string');
      expect(g.verifierVersion.length, g.name).toBeGreaterThan(0);
      expect(typeof g.verify, g.name).toBe('function');
      expect(tasks.has(g.name), `${g.name} appears in no shipped suite`).toBe(true);
    }
  });

  it('reference correct, garbage wrong, bad truths wrong, never a throw', () => {
    for (const [name, list] of tasks) {
      const g = registry.get(name)!;
      for (const task of list) {
        for (let index = 0; index < 2; index++) {
          const item = makeItem(task, index);
          const truth = JSON.parse(JSON.stringify(item.problem.truth));
          expect(truth, `${task.id}#${index}: truth survives JSON`).toEqual(item.problem.truth);
          const ref = item.problem.reference!;
          const pure = g.verify(truth, ref);
          expect(pure.correct, `${task.id}#${index}: ${pure.reason}`).toBe(true);
          const wrapped = item.problem.verify(ref);
          expect({ c: wrapped.correct, s: wrapped.score }).toEqual({ c: pure.correct, s: pure.score });
          for (const junk of GARBAGE) {
            const v = g.verify(truth, junk);
            expectVerdict(v);
            expect(v.correct, `${task.id}: garbage ${JSON.stringify(junk.slice(0, 30))} accepted`).toBe(false);
          }
          for (const junk of PLAUSIBLE) expectVerdict(g.verify(truth, junk));
          // Wrong types reach a verifier through JSON too.
          for (const junk of [null, 5, {}, ['Up']] as unknown[]) expectVerdict(g.verify(truth, junk as string));
        }
      }
      for (const bad of BAD_TRUTHS) {
        const v = g.verify(bad, 'anything');
        expectVerdict(v);
        expect(v.correct).toBe(false);
      }
    }
  }, 240_000);

  it('multi-turn items: the pure step function plays the oracle to a win and matches the episode', () => {
    let episodes = 0;
    for (const [name, list] of tasks) {
      const g = registry.get(name)!;
      if (!g.environment) continue;
      for (const task of list) {
        const item = makeItem(task, 0);
        const truth = JSON.parse(JSON.stringify(item.problem.truth));
        const first = g.environment.start(truth);
        expect(Boolean(first), `${task.id}: start iff the problem has an episode`).toBe(Boolean(item.problem.episode));
        if (!first) continue;
        episodes++;
        expect(first.turn.messages).toEqual(item.problem.messages);
        // The state is plain JSON: round-trip it between every step, as a server would.
        let state = JSON.parse(JSON.stringify(first.state));
        let turn = first.turn;
        let verdict: Verdict | undefined;
        for (let t = 0; t < 100 && !verdict; t++) {
          const next = g.environment.step(truth, state, turn.reference!);
          state = JSON.parse(JSON.stringify(next.state));
          if (next.done) verdict = next.verdict;
          else turn = next.turn;
        }
        expect(verdict?.correct, `${task.id}: ${verdict?.reason}`).toBe(true);
        // A garbage state or reply ends or continues the episode, never throws.
        expectVerdict(
          (g.environment.step(truth, { player: -1 }, 'Up') as { verdict?: Verdict }).verdict ?? {
            correct: false,
            score: 0,
            formatOk: false,
          },
        );
        const ep = environmentEpisode(g.environment, truth);
        expect(ep.start().messages).toEqual(item.problem.messages);
      }
    }
    expect(episodes).toBeGreaterThan(0);
  }, 120_000);
});
