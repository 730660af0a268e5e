// A text-only model on a suite with image tasks: those tasks are unsupported (not errors, never
// asked, never retried, in no average), the run exits 0, and report and site say so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { bench } from '../helpers/cli.js';

let dir: string;
let db: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'genbench-modal-'));
  db = join(dir, 'm.sqlite');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const IMAGE_TASKS = ['jig-img-2x1-pair', 'jig-img-2x2-pair'];

describe('bench run --suite quick --model onnx:demo', () => {
  it('exits 0 with the image tasks marked unsupported, and asks nothing for them', async () => {
    const r = await bench(['run', '--suite', 'quick', '--model', 'onnx:demo', '-n', '1', '-q', '--db', db, '--wide']);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    for (const t of IMAGE_TASKS) expect(r.stdout).toMatch(new RegExp(`${t}\\s.*unsupported \\(needs image input\\)`));
    const d = new Database(db, { readonly: true });
    const rows = d.prepare('SELECT task, unsupported FROM run_tasks WHERE unsupported IS NOT NULL ORDER BY task').all();
    const results = d
      .prepare(`SELECT COUNT(*) AS n FROM results WHERE task IN (${IMAGE_TASKS.map(() => '?').join(',')})`)
      .get(...IMAGE_TASKS) as { n: number };
    const errors = d.prepare("SELECT COUNT(*) AS n FROM results WHERE status = 'error'").get() as { n: number };
    d.close();
    expect(rows).toEqual(IMAGE_TASKS.map((task) => ({ task, unsupported: 'needs image input' })));
    expect(results.n).toBe(0);
    expect(errors.n).toBe(0);
  }, 180_000);

  it('the next run does not retry them', async () => {
    const r = await bench(['run', '--suite', 'quick', '--model', 'onnx:demo', '-n', '1', '-q', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/0 requests now/);
  }, 180_000);

  it('report and site mark them, and they are not counted as missing (partial)', async () => {
    const oracle = await bench(['run', '--suite', 'quick', '-m', 'baseline:oracle', '-n', '1', '-q', '--db', db]);
    expect(oracle.code).toBe(0);
    const text = await bench(['report', '--db', db, '--tasks', '--resamples', '50', '--wide']);
    expect(text.stdout).toMatch(
      /onnx:demo: run \w+ \(done, \d+ scored, 2 tasks unsupported \(needs image input\): jig-img-2x1-pair, jig-img-2x2-pair\)/,
    );
    for (const t of IMAGE_TASKS) expect(text.stdout).toMatch(new RegExp(`^${t}\\s.*unsupported`, 'm'));
    const json = JSON.parse((await bench(['report', '--db', db, '--format', 'json', '--resamples', '50'])).stdout);
    const suite = json.suites[0];
    expect(suite.overall['onnx:demo'].partial).toBe(false);
    const jigsaw = suite.families.find((f: { family: string }) => f.family === 'jigsaw');
    expect(jigsaw.taskCells['jig-img-2x1-pair']['onnx:demo'].unsupported).toBe('needs image input');
    expect(jigsaw.cells['onnx:demo'].ood.estimate).toBeNull();
    const site = join(dir, 'site');
    expect((await bench(['leaderboard', '--db', db, '-o', site, '--resamples', '50'])).code).toBe(0);
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toMatch(/\(2 tasks unsupported\)/);
    expect(readFileSync(join(site, 's', 'quick', 'jigsaw.html'), 'utf8')).toMatch(
      /class="num unsupported[^"]*" title="onnx:demo cannot take this task \(needs image input\)/,
    );
  }, 180_000);
});
