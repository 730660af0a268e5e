// One read model: the OOD accuracy of a run is the same number in `bench run`'s summary,
// `bench report`, the site and the gate's input, once the weighting is the same (the summary,
// report and site use the macro average over tasks; the gate pools items, which is the
// scoreboard's micro weighting).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench } from '../helpers/cli.js';

let dir: string;
let db: string;
let runId: string;
let summary: { gaps: { family: string; id: { estimate: number }; ood: { estimate: number; low: number; high: number }; gap: { estimate: number } }[]; weighting: string };
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'genbench-one-'));
  db = join(dir, 'one.sqlite');
  const r = await bench(['run', '--db', db, '-q', '-n', '3', '-m', 'baseline:random', '-m', 'baseline:oracle', '--json']);
  expect(r.code).toBe(0);
  const runs = JSON.parse(r.stdout).runs as { runId: string; modelSpec: string; summary: typeof summary }[];
  const random = runs.find((x) => x.modelSpec === 'baseline:random')!;
  runId = random.runId;
  summary = random.summary;
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const report = async (...extra: string[]) => JSON.parse((await bench(['report', '--db', db, '--format', 'json', ...extra])).stdout).suites[0];

describe('the OOD number of a run', () => {
  it('run summary = report, for every family and over all families (macro, intervals included)', async () => {
    expect(summary.weighting).toBe('macro');
    const s = await report();
    const all = summary.gaps.find((g) => g.family === 'all families')!;
    expect(all.ood).toEqual(s.overall['baseline:random'].ood);
    expect(all.gap).toEqual(s.overall['baseline:random'].gap);
    for (const g of summary.gaps.filter((x) => x.family !== 'all families')) {
      const f = s.families.find((x: { family: string }) => x.family === g.family);
      expect(g.ood, g.family).toEqual(f.cells['baseline:random'].ood);
      expect(g.id, g.family).toEqual(f.cells['baseline:random'].id);
    }
    // Random answers: OOD is not trivially 0 or 1, so equality is not an accident of the baseline.
    expect(all.ood.estimate).toBeGreaterThan(0);
    expect(all.ood.estimate).toBeLessThan(1);
  }, 120_000);

  it('report = site', async () => {
    const s = await report();
    const out = join(dir, 'site');
    expect((await bench(['leaderboard', '--db', db, '-o', out])).code).toBe(0);
    const site = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
    const row = site.suites[0].table.find((r: { model: string }) => r.model === 'baseline:random');
    expect(row.all.ood.estimate).toBeCloseTo(s.overall['baseline:random'].ood.estimate, 4);
  }, 120_000);

  it("the gate's pooled OOD accuracy = the scoreboard's micro weighting", async () => {
    const micro = await report('--weighting', 'micro');
    const gate = await bench(['gate', '--suite', 'quick', '--db', db, '--baseline', 'baseline:oracle', '--candidate', runId, '-n', '3', '--json']);
    const check = JSON.parse(gate.stdout).checks.find((c: { id: string }) => c.id === 'change:ood');
    expect(check.candidate).toBeCloseTo(micro.overall['baseline:random'].ood.estimate, 12);
    // The two weightings really differ here, and each place says which one it uses.
    const macro = await report();
    expect(macro.overall['baseline:random'].ood.estimate).not.toBeCloseTo(check.candidate, 6);
    const text = await bench(['report', '--db', db, '--weighting', 'micro', '--wide']);
    expect(text.stdout).toMatch(/micro average: every item the same/);
  }, 120_000);
});
