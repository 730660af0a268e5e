// Gating a training series by name: the newest checkpoint against the best earlier one, with no
// paths or run ids on the command line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mockModel } from '../../src/models/mock.js';
import { run } from '../../src/runner/run.js';
import { recordRunCheckpoint } from '../../src/store/series-queries.js';
import { Store } from '../../src/store/store.js';
import { loadSuite } from '../../src/suite/load.js';
import { resolveSeriesRefs } from '../../src/report/series.js';
import { bench } from '../helpers/cli.js';

let dir: string;
let db: string;
const runIds = new Map<number, string>();
// Share of items answered right at each step: step 200 is the best; 300 (the latest) regressed.
const SKILL: Record<number, number> = { 100: 0.3, 200: 0.95, 300: 0.2 };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'genbench-gate-series-'));
  db = join(dir, 'db.sqlite');
  const store = Store.open(db);
  const suite = loadSuite('quick');
  for (const step of [100, 200, 300]) {
    const model = mockModel({
      spec: `vllm:./ckpts/checkpoint-${step}`,
      replies: (req, i) => ((i * 7919) % 100 < SKILL[step]! * 100 ? (req.reference ?? '') : 'no idea'),
    });
    const [r] = await run({ suite, store, n: 10, models: [model] });
    runIds.set(step, r!.runId);
    recordRunCheckpoint(store, { runId: r!.runId, path: `/ckpts/checkpoint-${step}`, step, series: 'ckpts' });
  }
  store.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('series references', { timeout: 120_000 }, () => {
  it('@latest, @best (never the candidate itself), @previous and @<step> name runs', () => {
    const store = Store.open(db);
    try {
      expect(
        resolveSeriesRefs(store, 'quick', { candidate: 'series:ckpts@latest', baseline: 'series:ckpts@best' }),
      ).toMatchObject({ candidate: runIds.get(300), baseline: runIds.get(200) });
      expect(
        resolveSeriesRefs(store, 'quick', { candidate: 'series:ckpts@200', baseline: 'series:ckpts@best' }),
      ).toMatchObject({ candidate: runIds.get(200), baseline: runIds.get(100) });
      expect(
        resolveSeriesRefs(store, 'quick', { candidate: 'series:ckpts', baseline: 'series:ckpts@previous' }),
      ).toMatchObject({ candidate: runIds.get(300), baseline: runIds.get(200) });
      expect(() => resolveSeriesRefs(store, 'quick', { baseline: 'series:ckpts@999' })).toThrow(/steps: 100, 200, 300/);
      expect(() => resolveSeriesRefs(store, 'quick', { baseline: 'series:nope@best' })).toThrow(/no series 'nope'/);
    } finally {
      store.close();
    }
  });

  it('bench gate --candidate series:ckpts@latest --baseline series:ckpts@best finds the regression', async () => {
    const md = join(dir, 'gate.md');
    const r = await bench([
      'gate',
      '--suite',
      'quick',
      '-n',
      '10',
      '--db',
      db,
      '--candidate',
      'series:ckpts@latest',
      '--baseline',
      'series:ckpts@best',
      '--markdown',
      md,
      '-q',
    ]);
    expect(r.stderr).toMatch(/series:ckpts@latest = step 300/);
    expect(r.stderr).toMatch(/series:ckpts@best = step 200/);
    expect(r.code).toBe(10);
    expect(existsSync(md)).toBe(true);
    const frozen = join(dir, 'baseline.json');
    const save = await bench([
      'gate',
      '--suite',
      'quick',
      '-n',
      '10',
      '--db',
      db,
      '--baseline',
      'series:ckpts@best',
      '--save-baseline',
      frozen,
      '-q',
    ]);
    expect(save.code).toBe(0);
    const vsFile = await bench([
      'gate',
      '--suite',
      'quick',
      '-n',
      '10',
      '--db',
      db,
      '--candidate',
      'series:ckpts@latest',
      '--baseline',
      frozen,
      '-q',
    ]);
    expect(vsFile.code).toBe(10);
    const bad = await bench([
      'gate',
      '--suite',
      'quick',
      '-n',
      '10',
      '--db',
      db,
      '--candidate',
      'series:ckpts@soon',
      '--baseline',
      'series:ckpts@best',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not latest, best, previous or a step number/);
  });
});
