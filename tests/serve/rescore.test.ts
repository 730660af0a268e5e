// A verifier change followed by rescore changes exactly the verdicts it should; ids, resume and
// frozen gate baselines keep working, and the old verdicts stay in the history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store, sqlOf } from '../../src/store/store.js';
import { run } from '../../src/runner/run.js';
import { gate } from '../../src/gate/gate.js';
import { rescore } from '../../src/verify/rescore.js';
import { verdictHistory } from '../../src/store/verdict-queries.js';
import { correct } from '../../src/core/verdict.js';
import type { Generator } from '../../src/core/types.js';
import { addGenerator, solveAdd, toySuite, verifyAdd } from '../helpers/toy.js';
import { bucket, promptOf, scripted } from '../gate/helpers.js';
import { mockModel } from '../../src/models/mock.js';
import { formatRescore } from '../../src/cli/rescore.js';
import { read } from '../../src/store/read.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'genbench-rescore-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const suite = toySuite([
  { id: 'easy', split: 'id', n: 60 },
  { id: 'hard', split: 'ood', n: 60, max: 999 },
]);

/** Writes "answer: N" on 30% of items (wrong under v1), a wrong number on 10%, else the sum. */
const model = () =>
  mockModel({
    spec: 'mock:labelled',
    replies: (req) => {
      const p = promptOf(req);
      const b = bucket(p);
      return b < 30 ? `answer: ${solveAdd(p)}` : b < 40 ? '-1' : solveAdd(p);
    },
  });

/** Verifier v2: also reads "answer: N". */
const v2: Generator = {
  ...addGenerator,
  verifierVersion: '2',
  verify: (truth, response) => {
    const m = /^\s*answer:\s*(-?\d+)\s*$/i.exec(String(response));
    if (m && Number(m[1]) === (truth as { sum: number }).sum) return correct(Number(m[1]));
    return verifyAdd(truth, response);
  },
};

describe('bench rescore', () => {
  it('changes exactly the verdicts the verifier fix changes, keeps history, ids, resume and frozen baselines', async () => {
    const store = Store.open(join(dir, 'r.sqlite'));
    const baselinePath = join(dir, 'baseline.json');
    await gate({
      suite,
      store,
      baseline: { kind: 'model', model: scripted('mock:base', (p) => bucket(p, 'b') < 10) },
      saveBaseline: baselinePath,
    });
    const [first] = await run({ suite, models: [model()], store });
    const runId = first!.runId;
    const before = read
      .rows(store, 'results', ['item_id', 'sample'])
      .filter((r) => r.run_id === runId)
      .map(({ item_id, sample, output, correct, score, verdict, verifier_version }) => ({
        item_id,
        sample,
        output,
        correct,
        score,
        verdict,
        verifier_version,
      })) as any[];
    expect(before).toHaveLength(120);
    expect(before.every((r) => r.verifier_version === '1')).toBe(true);
    const labelled = before.filter((r) => r.output.startsWith('answer:'));
    expect(labelled.length).toBeGreaterThan(10);
    expect(labelled.every((r) => r.correct === 0)).toBe(true);

    // The same verifier changes nothing.
    const same = rescore(store, { runIds: [runId], resolve: (n) => (n === 'toy/add' ? addGenerator : undefined) });
    expect(same.rescored).toBe(120);
    expect(same.changed).toBe(0);

    // The fixed verifier: a dry run writes nothing, the real one changes exactly the labelled answers.
    const resolve = (name: string) => (name === 'toy/add' ? v2 : undefined);
    const dry = rescore(store, { runIds: [runId], resolve, dryRun: true });
    expect(dry.changed).toBe(labelled.length);
    expect(read.count(store, 'verdict_history')).toBe(0);
    const result = rescore(store, { runIds: [runId], resolve });
    expect(result.changed).toBe(labelled.length);
    expect(result.tasks.reduce((s, t) => s + t.nowCorrect, 0)).toBe(labelled.length);
    expect(result.tasks.reduce((s, t) => s + t.nowWrong, 0)).toBe(0);
    expect(formatRescore(result, store)).toMatch(/now correct/);

    const after = read
      .rows(store, 'results', ['item_id', 'sample'])
      .filter((r) => r.run_id === runId)
      .map(({ item_id, sample, output, correct, score, verdict, verifier_version }) => ({
        item_id,
        sample,
        output,
        correct,
        score,
        verdict,
        verifier_version,
      })) as any[];
    expect(after.map((r) => r.item_id)).toEqual(before.map((r) => r.item_id)); // ids unchanged
    for (let i = 0; i < after.length; i++) {
      const [b, a] = [before[i], after[i]];
      expect(a.verifier_version).toBe('2');
      if (b.output.startsWith('answer:')) {
        expect(a.correct).toBe(1);
        const history = verdictHistory(store, runId, a.item_id, a.sample);
        expect(history).toHaveLength(1);
        expect(history[0]).toMatchObject({ verifierVersion: '1', correct: 0, verdict: b.verdict });
      } else {
        expect({ correct: a.correct, score: a.score, verdict: a.verdict }).toEqual({
          correct: b.correct,
          score: b.score,
          verdict: b.verdict,
        });
        expect(verdictHistory(store, runId, a.item_id, a.sample)).toHaveLength(0);
      }
    }
    // The run summary reads the newest verdicts.
    const [again] = await run({ suite, models: [model()], store });
    expect(again!.runId).toBe(runId);
    expect(again!.resumed).toBe(true);
    expect(again!.requests).toBe(0);
    expect(again!.skipped).toBe(120);
    const correctNow = after.filter((r) => r.correct === 1).length;
    expect(again!.summary.tasks.reduce((s: number, t: any) => s + t.correct, 0)).toBe(correctNow);

    // A rescore with v2 again is a no-op, and a baseline frozen before the rescore still gates the run.
    expect(rescore(store, { runIds: [runId], resolve }).changed).toBe(0);
    const gated = await gate({
      suite,
      store,
      baseline: { kind: 'file', path: baselinePath },
      candidate: { kind: 'run', runId },
    });
    expect(gated.result).toBeDefined();
    store.close();
  }, 60_000);
});

describe('bench rescore, multi-turn', () => {
  it('replays 24-game revision transcripts to the same verdicts; answers whose truth predates the step function are left alone', async () => {
    const { loadSuite } = await import('../../src/suite/load.js');
    const instruct = loadSuite('instruct');
    const task = { ...instruct.tasks.find((t) => t.id === 'gp-id-revision')!, n: 6 };
    const suite = { ...instruct, hash: `${instruct.hash}-revision-test`, tasks: [task] };
    const store = Store.open(':memory:');
    const [r] = await run({ suite, models: ['baseline:random'], store });
    const turns = read.rows(store, 'results').filter((row) => row.run_id === r!.runId) as { turns: number }[];
    expect(turns.some((t) => t.turns > 1)).toBe(true);
    const again = rescore(store, { runIds: [r!.runId] });
    expect(again).toMatchObject({ rescored: 6, changed: 0, notReplayable: 0 });
    // A database written before the truth carried the protocol.
    sqlOf(store).exec("UPDATE items SET truth = json_remove(truth, '$.protocol', '$.maxAttempts')");
    const old = rescore(store, { runIds: [r!.runId] });
    expect(old).toMatchObject({ rescored: 0, changed: 0, notReplayable: 6 });
    store.close();
  }, 60_000);
});
