// bench compare: paired B − A on shared items, exact McNemar per task, Holm across rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { bench, errorLines } from '../helpers/cli.js';
import { mcnemarExactP } from '../../src/stats/paired.js';

let dir: string;
let db: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'genbench-compare-'));
  db = join(dir, 'c.sqlite');
  const r = await bench(['run', '--db', db, '-q', '-n', '4']);
  expect(r.code).toBe(0);
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Row {
  scope: string;
  name: string;
  a: number;
  b: number;
  diff: { estimate: number; low: number; high: number; p: number; method: string; n: number; discordant: number };
  pHolm: number;
}

describe('bench compare', () => {
  it('paired differences agree with the report and with McNemar computed from the stored rows', async () => {
    const r = await bench([
      'compare',
      'baseline:random',
      'baseline:oracle',
      '--db',
      db,
      '--format',
      'json',
      '--resamples',
      '200',
    ]);
    expect(r.code).toBe(0);
    const cmp = JSON.parse(r.stdout) as {
      rows: Row[];
      a: { modelSpec: string; runId: string };
      b: { modelSpec: string; runId: string };
    };
    expect(cmp.a.modelSpec).toBe('baseline:random');
    const report = JSON.parse((await bench(['report', '--db', db, '--format', 'json', '--resamples', '50'])).stdout)
      .suites[0];
    const ood = cmp.rows.find((x) => x.scope === 'split' && x.name === 'ood')!;
    expect(ood.a).toBeCloseTo(report.overall['baseline:random'].ood.estimate, 12);
    expect(ood.b).toBeCloseTo(1, 12);
    expect(ood.diff.estimate).toBeCloseTo(ood.b - ood.a, 12);
    expect(ood.diff.p).toBeLessThan(0.01);
    expect(ood.diff.low).toBeGreaterThan(0);

    // One task: exact McNemar on the discordant pairs read straight from the database.
    const task = cmp.rows.find((x) => x.scope === 'task' && x.name === 'gp-regular')!;
    const d = new Database(db, { readonly: true });
    const rows = d
      .prepare(
        `SELECT a.correct AS a, b.correct AS b FROM results a JOIN results b ON b.item_id = a.item_id AND b.sample = a.sample
      WHERE a.run_id = ? AND b.run_id = ? AND a.task = 'gp-regular'`,
      )
      .all(cmp.a.runId, cmp.b.runId) as { a: number; b: number }[];
    d.close();
    const gains = rows.filter((x) => !x.a && x.b).length,
      losses = rows.filter((x) => x.a && !x.b).length;
    expect(task.diff.method).toBe('mcnemar');
    expect(task.diff.n).toBe(rows.length);
    expect(task.diff.discordant).toBe(gains + losses);
    expect(task.diff.p).toBeCloseTo(mcnemarExactP(losses, gains), 12);
    for (const x of cmp.rows) if (Number.isFinite(x.diff.p)) expect(x.pHolm).toBeGreaterThanOrEqual(x.diff.p - 1e-12);
  }, 120_000);

  it('text fits 80 columns; run ids work; bad input is one line with exit 2', async () => {
    const text = await bench(['compare', 'random', 'oracle', '--db', db, '--tasks', '--resamples', '100'], {
      COLUMNS: '80',
    });
    expect(text.code).toBe(0);
    expect(Math.max(...text.stdout.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(80);
    expect(text.stdout).toMatch(/McNemar/);
    const runs = JSON.parse((await bench(['list', 'runs', '--db', db, '--json'])).stdout).runs as { id: string }[];
    const byId = await bench(['compare', runs[0]!.id.slice(0, 8), runs[1]!.id, '--db', db, '--resamples', '50']);
    expect(byId.code).toBe(0);
    const same = await bench(['compare', runs[0]!.id, runs[0]!.id, '--db', db]);
    expect(same.code).toBe(2);
    expect(errorLines(same.stderr)).toHaveLength(1);
    const unknown = await bench(['compare', 'nope', 'oracle', '--db', db]);
    expect(unknown.code).toBe(2);
    expect(errorLines(unknown.stderr)[0]).toMatch(/no run or model 'nope'.*models: baseline:/);
  }, 120_000);
});
