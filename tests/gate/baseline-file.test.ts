import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../src/store/store.js';
import { gate } from '../../src/gate/gate.js';
import { readBaselineFile, BASELINE_FORMAT } from '../../src/gate/baseline-file.js';
import { GateConfigError } from '../../src/gate/errors.js';
import { addGenerator, toySuite } from '../helpers/toy.js';
import { bucket, scripted } from './helpers.js';
import { read } from '../../src/store/read.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'genbench-gate-baseline-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const suite = toySuite([
  { id: 'easy', split: 'id', n: 30 },
  { id: 'hard', split: 'ood', n: 160, max: 999 },
]);
const baseWrong = (p: string, s: number) => bucket(p, String(s)) < 25;

describe('frozen baseline files', () => {
  it('round-trip: the file holds every outcome, and gating against it equals gating against the run', async () => {
    const path = join(dir, 'nested', 'main.json');
    const store = Store.open(':memory:');
    const saved = await gate({
      suite,
      store,
      samples: 2,
      baseline: { kind: 'model', model: scripted('mock:base', baseWrong) },
      saveBaseline: path,
    });
    expect(saved).toEqual({ savedBaseline: path });
    expect(readdirSync(join(dir, 'nested'))).toEqual(['main.json']); // no temporary file left behind

    const file = readBaselineFile(path);
    expect(file).toMatchObject({
      format: BASELINE_FORMAT,
      model: { spec: 'mock:base' },
      suite: { name: 'toy', hash: suite.hash },
      samples: 2,
      n: null,
    });
    expect(file.generatorVersions).toEqual({ 'toy/add': '1' });
    expect(file.tasks.map((t) => [t.task, t.split, t.count, Object.keys(t.outcomes).length])).toEqual([
      ['easy', 'id', 30, 60],
      ['hard', 'ood', 160, 320],
    ]);
    const stored = read.rows(store, 'results') as { item_id: string; sample: number; correct: number }[];
    const fromFile = Object.assign({}, ...file.tasks.map((t) => t.outcomes));
    expect(Object.fromEntries(stored.map((r) => [`${r.item_id}#${r.sample}`, r.correct]))).toEqual(fromFile);

    // The same comparison, once against the run in the database and once against the file (with
    // no database for the baseline): identical checks. The file's sample count is used unasked.
    const cand = () => ({
      kind: 'model' as const,
      model: scripted('mock:cand', (p: string, s: number) => baseWrong(p, s) || bucket(p, 'x') < 5),
    });
    const viaRun = await gate({
      suite,
      store,
      samples: 2,
      baseline: { kind: 'model', model: scripted('mock:base', baseWrong) },
      candidate: cand(),
    });
    const viaFile = await gate({
      suite,
      store: Store.open(':memory:'),
      baseline: { kind: 'file', path },
      candidate: cand(),
    });
    const strip = (r: typeof viaRun) => r.result!.checks.map(({ pAdjusted, ...c }) => ({ ...c, pAdjusted }));
    expect(strip(viaFile)).toEqual(strip(viaRun));
    expect(viaFile.result!.baseline).toMatchObject({ source: 'file', file: path, modelSpec: 'mock:base', samples: 2 });
  });

  it('refuses a file saved for other items, with what to do', async () => {
    const path = join(dir, 'small.json');
    await gate({
      suite,
      store: Store.open(':memory:'),
      n: 10,
      baseline: { kind: 'model', model: scripted('mock:base', baseWrong) },
      saveBaseline: path,
    });
    const cand = { kind: 'model' as const, model: scripted('mock:cand', () => false) };
    const store = Store.open(':memory:');

    // More items than it holds.
    const more = gate({ suite, store, n: 20, baseline: { kind: 'file', path }, candidate: cand });
    await expect(more).rejects.toThrow(GateConfigError);
    await expect(more).rejects.toThrow(
      /baseline file .*small\.json has no answer for 10 of the 20 planned answers of task easy: pass the -n\/--samples it was saved with/,
    );

    // Another suite (a seed changed): the hash differs.
    const reseeded = toySuite([
      { id: 'easy', split: 'id', n: 30, seed: 9 },
      { id: 'hard', split: 'ood', n: 160, max: 999 },
    ]);
    await expect(gate({ suite: reseeded, store, baseline: { kind: 'file', path }, candidate: cand })).rejects.toThrow(
      /was made with suite toy v1 \(hash .*\), but .* the items differ/,
    );

    // A generator whose version changed: its items are other problems.
    const bumped = toySuite([{ id: 'easy', split: 'id', n: 30 }]);
    bumped.tasks[0]!.generator = { ...addGenerator, version: '2' };
    await expect(gate({ suite: bumped, store, baseline: { kind: 'file', path }, candidate: cand })).rejects.toThrow(
      /answered generator toy\/add version 1, but it is version 2 now/,
    );
  });

  it('refuses files that are not baselines, damaged, or missing', async () => {
    const cand = { kind: 'model' as const, model: scripted('mock:cand', () => false) };
    const attempt = (path: string) =>
      gate({ suite, store: Store.open(':memory:'), baseline: { kind: 'file', path }, candidate: cand });
    const notOurs = join(dir, 'package.json');
    writeFileSync(notOurs, '{"name": "x"}');
    await expect(attempt(notOurs)).rejects.toThrow(/is not a genbench baseline file/);
    const garbled = join(dir, 'garbled.json');
    writeFileSync(garbled, '{"format": "genbench-gate-baseline", ');
    await expect(attempt(garbled)).rejects.toThrow(/is not valid JSON/);
    const damaged = join(dir, 'damaged.json');
    const good = JSON.parse(readFileSync(join(dir, 'small.json'), 'utf8'));
    good.tasks[0].outcomes[Object.keys(good.tasks[0].outcomes)[0]] = 'yes';
    writeFileSync(damaged, JSON.stringify(good));
    await expect(attempt(damaged)).rejects.toThrow(/is damaged: task easy: outcome .* is "yes", expected 0, 1 or null/);
    await expect(attempt(join(dir, 'nope.json'))).rejects.toThrow(/does not exist: save one with 'bench gate/);
    expect(existsSync(join(dir, 'nope.json'))).toBe(false);
  });
});
