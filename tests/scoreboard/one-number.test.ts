// One read model: the OOD accuracy of a run is the same number in `bench run`'s summary,
// `bench report`, the site and the gate's input, once the weighting is the same (the summary,
// report and site use the macro average over tasks; the gate pools items, which is the
// scoreboard's micro weighting, src/scoreboard/paired.ts). A task's accuracy has no weighting and
// is the same number in all four.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench } from '../helpers/cli.js';

let dir: string;
let db: string;
let runId: string;
let summary: {
  tasks: { task: string; accuracy: { estimate: number } }[];
  gaps: {
    family: string;
    id: { estimate: number };
    ood: { estimate: number; low: number; high: number };
    gap: { estimate: number };
  }[];
  weighting: string;
};
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'genbench-one-'));
  db = join(dir, 'one.sqlite');
  const r = await bench([
    'run',
    '--db',
    db,
    '-q',
    '-n',
    '3',
    '-m',
    'baseline:random',
    '-m',
    'baseline:oracle',
    '--json',
  ]);
  expect(r.code).toBe(0);
  const runs = JSON.parse(r.stdout).runs as { runId: string; modelSpec: string; summary: typeof summary }[];
  const random = runs.find((x) => x.modelSpec === 'baseline:random')!;
  runId = random.runId;
  summary = random.summary;
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const gateJson = async () => {
  const r = await bench([
    'gate',
    '--suite',
    'quick',
    '--db',
    db,
    '--baseline',
    'baseline:oracle',
    '--candidate',
    runId,
    '-n',
    '3',
    '--json',
  ]);
  return JSON.parse(r.stdout) as { checks: { id: string; candidate: number; baseline: number | null }[] };
};
const report = async (...extra: string[]) =>
  JSON.parse((await bench(['report', '--db', db, '--format', 'json', ...extra])).stdout).suites[0];

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
    const gate = await bench([
      'gate',
      '--suite',
      'quick',
      '--db',
      db,
      '--baseline',
      'baseline:oracle',
      '--candidate',
      runId,
      '-n',
      '3',
      '--json',
    ]);
    const check = JSON.parse(gate.stdout).checks.find((c: { id: string }) => c.id === 'change:ood');
    expect(check.candidate).toBeCloseTo(micro.overall['baseline:random'].ood.estimate, 12);
    // The two weightings really differ here, and each place says which one it uses.
    const macro = await report();
    expect(macro.overall['baseline:random'].ood.estimate).not.toBeCloseTo(check.candidate, 6);
    const text = await bench(['report', '--db', db, '--weighting', 'micro', '--wide']);
    expect(text.stdout).toMatch(/micro average: every item the same/);
  }, 120_000);

  it("per task and per family: summary = report = site = the gate's input", async () => {
    const macro = await report();
    const micro = await report('--weighting', 'micro');
    const gate = await gateJson();
    const out = join(dir, 'site-tasks');
    expect((await bench(['leaderboard', '--db', db, '-o', out])).code).toBe(0);
    const check = (id: string) => gate.checks.find((c) => c.id === id);
    let tasks = 0,
      families = 0;
    for (const f of micro.families as {
      family: string;
      tasks: { id: string; split: string; axis: string }[];
      cells: Record<string, { gap: { estimate: number } }>;
    }[]) {
      const page = JSON.parse(readFileSync(join(out, 's', 'quick', `${f.family}.json`), 'utf8'));
      for (const t of f.tasks) {
        if (t.split === 'train') continue;
        const g = check(`change:task:${t.id}`)!;
        const fromReport = macro.families.find((x: { family: string }) => x.family === f.family).taskCells[t.id][
          'baseline:random'
        ].accuracy.estimate;
        const fromSite = page.tasks.find((x: { id: string }) => x.id === t.id).models['baseline:random'].accuracy
          .estimate;
        const fromSummary = summary.tasks.find((x) => x.task === t.id)!.accuracy.estimate;
        // Each is correct answers over answers of the same items (the gate's exactly the report's).
        expect(g.candidate, t.id).toBe(fromReport);
        expect(fromSite, t.id).toBeCloseTo(fromReport, 4);
        expect(fromSummary, t.id).toBeCloseTo(fromReport, 11); // `run --json` writes 12 digits
        tasks++;
      }
      // The gate's gap-growth input is the candidate's ID − OOD gap, micro weighted.
      const gap = check(`gap:${f.family}`);
      if (gap) {
        expect(gap.candidate, f.family).toBeCloseTo(f.cells['baseline:random']!.gap.estimate, 11); // JSON keeps 12 digits
        families++;
      }
    }
    expect(tasks).toBeGreaterThan(5);
    expect(families).toBeGreaterThan(1);
  }, 180_000);
});
