import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadDataset, chooseRuns } from '../../src/report/data.js';
import { buildBoard, type Board } from '../../src/report/board.js';
import { formatJson, formatMarkdown, formatText, mdCell } from '../../src/report/format.js';
import type { RunOverview } from '../../src/store/leaderboard-queries.js';
import { bench } from '../helpers/cli.js';
import { toyDb, XSS_MODEL, type ToyDb } from './fixture.js';

let db: ToyDb;
let board: Board;

beforeAll(async () => {
  db = await toyDb();
  board = buildBoard(loadDataset(db.store), { resamples: 400, permutations: 400 });
});
afterAll(() => {
  db.store.close();
  rmSync(dirname(db.path), { recursive: true, force: true });
});

describe('the board', () => {
  it('has exact accuracies, macro averages and the gap', () => {
    const s = board.suites[0]!;
    expect(s.suite).toBe('toyboard');
    expect(s.families.map((f) => f.family)).toEqual(['toy-a', 'toy-b']);
    const a = s.families[0]!;
    expect(a.cells['mock:solver']!.id.estimate).toBe(1);
    expect(a.cells['mock:solver']!.gap.estimate).toBe(0);
    expect(a.cells[XSS_MODEL]!.ood.estimate).toBe(0);
    // weak: OOD is the mean of the two scale tasks, the control task stays out.
    const weakScale = a.taskCells['a-scale']!['mock:weak']!.accuracy.estimate;
    const weakFar = a.taskCells['a-far']!['mock:weak']!.accuracy.estimate;
    expect(a.cells['mock:weak']!.ood.estimate).toBeCloseTo((weakScale + weakFar) / 2, 12);
    expect(a.cells['mock:weak']!.id.estimate).toBeGreaterThan(0.5);
    expect(a.cells['mock:weak']!.gap.low).toBeGreaterThan(0.2);
    expect(a.axes).toEqual(['scale']);
    expect(a.controlTasks).toEqual(['a-control']);
    // "all" weighs the two families equally.
    const ids = s.families.map((f) => f.cells['mock:weak']!.id.estimate);
    expect(s.overall['mock:weak']!.id.estimate).toBeCloseTo((ids[0]! + ids[1]!) / 2, 12);
    expect(s.models[0]).toBe('mock:solver');
    expect(s.models.at(-1)).toBe(XSS_MODEL);
  });

  it('ties the near-identical model with the leader and not the weak one', () => {
    const s = board.suites[0]!;
    const ood = s.families[0]!.ties.ood!;
    expect(ood.leader).toBe('mock:solver');
    expect(ood.tied).toContain('mock:twin');
    expect(ood.tied).not.toContain('mock:weak');
    expect(ood.p['mock:weak']!.adjusted).toBeLessThan(0.05);
    // The per-task table decides ties per task, with Holm across its tasks.
    expect(s.families[0]!.taskTies['a-far']!.tied).toContain('mock:twin');
  });

  it('restricts OOD to one axis when asked', () => {
    const onlyScale = buildBoard(loadDataset(db.store), { axis: 'scale', resamples: 100, permutations: 100 });
    expect(onlyScale.options.axis).toBe('scale');
    const none = buildBoard(loadDataset(db.store), { axis: 'nope', resamples: 100, permutations: 100 });
    expect(none.suites[0]!.families[0]!.cells['mock:solver']!.ood.method).toBe('none');
  });

  it('filters models by exact spec or substring', () => {
    const d = loadDataset(db.store, { models: ['weak', 'mock:solver'] });
    expect(d.suites[0]!.models).toEqual(['mock:solver', 'mock:weak']);
  });
});

describe('run choice', () => {
  const row = (id: string, status: RunOverview['status'], startedAt: string): RunOverview => ({
    id,
    modelSpec: 'm',
    modelIdentity: 'm',
    suiteName: 's',
    suiteVersion: '1',
    suiteHash: 'h',
    harnessVersion: '0',
    sampling: '{}',
    samples: 1,
    generatorVersions: '{}',
    createdAt: startedAt,
    startedAt,
    endedAt: null,
    status,
    planned: 1,
    ok: 1,
    errors: 0,
    cached: 0,
    inputTokens: 0,
    outputTokens: 0,
    latencySum: 0,
    latencyCount: 0,
  });

  it('takes the latest finished run, or the latest unfinished one marked partial', () => {
    const runs = chooseRuns([
      row('old-done', 'done', '2026-01-01'),
      row('new-done', 'done', '2026-02-01'),
      row('newest-running', 'running', '2026-03-01'),
    ]);
    expect(runs.filter((r) => r.chosen).map((r) => r.id)).toEqual(['new-done']);
    const unfinished = chooseRuns([row('a', 'interrupted', '2026-01-01'), row('b', 'failed', '2026-02-01')]);
    expect(unfinished.filter((r) => r.chosen).map((r) => [r.id, r.partial])).toEqual([['b', true]]);
  });
});

describe('report output', () => {
  it('prints text with intervals and tie marks, and never raw control characters', () => {
    const text = formatText(board, { tasks: true });
    expect(text).toContain('suite toyboard');
    expect(text).toMatch(/mock:solver\s+all\s+100\.0 \[\d+\.\d, 100\.0\] \*/);
    expect(text).toContain('Tasks of toy-a');
    expect(text).toContain('control: a-control');
    const evil = {
      ...board,
      suites: [
        {
          ...board.suites[0]!,
          models: ['mock:\x1b[31mred'],
          runs: { 'mock:\x1b[31mred': board.suites[0]!.runs['mock:solver']! },
        },
      ],
    } as Board;
    evil.suites[0]!.families = evil.suites[0]!.families.map((f) => ({
      ...f,
      cells: { 'mock:\x1b[31mred': f.cells['mock:solver']! },
    }));
    evil.suites[0]!.overall = { 'mock:\x1b[31mred': board.suites[0]!.overall['mock:solver']! };
    expect(formatText(evil)).not.toContain('\x1b');
  });

  it('escapes Markdown and HTML in cells, and writes JSON with null for missing values', () => {
    expect(mdCell('a|b <img src=x> [x](javascript:alert(1)) *b*')).toBe(
      'a\\|b &lt;img src=x&gt; \\[x\\](javascript:alert(1)) \\*b\\*',
    );
    expect(mdCell('87.5 [80.1, 92.3]')).toBe('87.5 [80.1, 92.3]');
    const md = formatMarkdown(board);
    expect(md).toContain('| model | family | ID | OOD | gap | OOD/ID |');
    expect(md).toContain('mock:xss&lt;img src=x onerror=alert(9)&gt;');
    expect(md).not.toContain('<img');
    const json = JSON.parse(formatJson(board));
    expect(json.suites[0].families[0].cells['mock:solver'].id.estimate).toBe(1);
    expect(json.suites[0].families[1].axes).toEqual(['scale']);
  });
});

describe('bench report (CLI)', () => {
  it('prints JSON, rejects unknown filters, and documents itself', async () => {
    const ok = await bench([
      'report',
      '--db',
      db.path,
      '--format',
      'json',
      '--suite',
      'toyboard',
      '--resamples',
      '200',
    ]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).suites[0].suite).toBe('toyboard');
    const bad = await bench(['report', '--db', db.path, '--axis', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("no OOD task has axis 'nope'; axes: scale");
    const help = await bench(['report', '--help']);
    expect(help.stdout).toContain('Examples:');
  });
});
