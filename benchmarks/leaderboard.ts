// The leaderboard at scale: 1,000,000 results (10 models × 100,000 items over 6 families and
// 54 tasks, shaped like the real families' knobs and verdict details), then `bench report`'s
// numbers and `bench leaderboard`'s site built from them. Targets: the site in under 30 s, the
// main page under 2 MB. Run: node --import tsx benchmarks/leaderboard.ts [--models 10] [--items 100000]
// [--db file: keep the database there, and reuse it when it exists, to time the build alone]
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Rng } from '../src/core/rng.js';
import { stableHash } from '../src/core/hash.js';
import type { Split } from '../src/core/types.js';
import { buildSite } from '../src/leaderboard/build.js';
import { buildBoard } from '../src/report/board.js';
import { loadDataset } from '../src/report/data.js';
import { formatText } from '../src/report/format.js';
import { Store, type ItemRecord, type ResultRecord, type RunTaskRecord } from '../src/store/store.js';
import { read } from '../src/store/read.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const MODELS = arg('--models', 10);
const ITEMS = arg('--items', 100_000);

interface TaskSpec {
  id: string;
  family: string;
  split: Split;
  axis: string;
  knobs: (rng: Rng, i: number) => Record<string, number | string>;
  hardness: number;
}

/** Tasks per family: one or two ID tasks, OOD tasks that get harder, a control where the family has one. */
function tasks(): TaskSpec[] {
  const out: TaskSpec[] = [];
  const add = (family: string, id: string, split: Split, axis: string, hardness: number, knobs: TaskSpec['knobs']) =>
    out.push({ id, family, split, axis, hardness, knobs });
  add('general-points', 'gp-id', 'id', 'rule', 0, () => ({ cards: 4, maxValue: 10, rule: 'face10', fake: 0 }));
  for (const [i, rule] of ['regular', 'all5', 'all7', 'all12'].entries())
    add('general-points', `gp-${rule}`, 'ood', 'rule', 0.8 + i * 0.2, () => ({
      cards: 4,
      maxValue: 9 + i,
      rule,
      fake: 0,
    }));
  add('general-points', 'gp-large', 'ood', 'value', 1.5, (r) => ({
    cards: 4,
    maxValue: r.int(11, 18),
    rule: 'face10',
    fake: 0,
  }));
  add('general-points', 'gp-five', 'ood', 'difficulty', 1.8, () => ({
    cards: 5,
    maxValue: 10,
    rule: 'face10',
    fake: 0,
  }));
  add('general-points', 'gp-fake', 'ood', 'control', 2, () => ({ cards: 4, maxValue: 10, rule: 'face10', fake: 1 }));
  add('sokoban', 'sk-id', 'id', 'instruction', 0, (r) => ({
    size: 6,
    boxes: 1,
    variant: 'base',
    fake: 0,
    protocol: 'closed-loop',
    planLength: r.int(2, 12),
  }));
  for (const [i, v] of ['cardinal', 'emoji', 'numerical'].entries())
    add('sokoban', `sk-${v}`, 'ood', 'instruction', 0.6 + i * 0.3, (r) => ({
      size: 6,
      boxes: 1,
      variant: v,
      fake: 0,
      protocol: 'closed-loop',
      planLength: r.int(2, 12),
    }));
  for (const size of [5, 7, 8, 9, 10])
    add('sokoban', `sk-size-${size}`, 'ood', 'scale', Math.abs(size - 6) * 0.5, (r) => ({
      size,
      boxes: 1,
      variant: 'base',
      fake: 0,
      protocol: 'closed-loop',
      planLength: r.int(2, 20),
    }));
  add('sokoban', 'sk-fake', 'ood', 'control', 1, () => ({
    size: 6,
    boxes: 1,
    variant: 'base',
    fake: 1,
    protocol: 'closed-loop',
    planLength: 6,
  }));
  for (const label of ['SATSP', 'SATDP_SAT', 'SATDP_UNSAT'])
    add('satquest', `sq-id-${label}`, 'id', 'id', 0, (r) => ({ n: r.int(3, 8), format: 'math', label }));
  for (const [i, label] of ['MaxSAT', 'MCS', 'MUS'].entries())
    add('satquest', `sq-type-${label}`, 'ood', 'type', 1 + i * 0.4, (r) => ({ n: r.int(3, 8), format: 'math', label }));
  for (const [i, format] of ['dimacs', 'story', 'dualstory'].entries())
    add('satquest', `sq-format-${format}`, 'ood', 'format', 0.5 + i * 0.4, (r) => ({
      n: r.int(3, 8),
      format,
      label: 'SATSP',
    }));
  for (const [i, lo] of [9, 17, 25].entries())
    add('satquest', `sq-n${lo}`, 'ood', 'scale', 1 + i * 0.8, (r) => ({
      n: r.int(lo, lo + 7),
      format: 'math',
      label: 'SATSP',
    }));
  for (const level of [1, 2]) add('omega', `omega-l${level}`, 'id', 'difficulty', level * 0.2, () => ({ level }));
  for (const level of [3, 4, 5, 6, 7])
    add('omega', `omega-l${level}`, 'ood', 'difficulty', level * 0.35, () => ({ level }));
  for (const axis of ['compositional', 'transformative', 'exploratory'])
    add('omega', `omega-${axis}`, 'ood', axis, 1.4, () => ({ level: 2 }));
  add('jigsaw', 'img-2x1', 'id', 'size', 0, () => ({ cells: 2, question: 'pair', style: 'landscape', mask: 0 }));
  for (const cells of [3, 4, 9])
    add('jigsaw', `img-${cells}`, 'ood', 'size', cells * 0.2, () => ({
      cells,
      question: 'pair',
      style: 'landscape',
      mask: 0,
    }));
  add('jigsaw', 'img-city', 'ood', 'domain', 0.6, () => ({ cells: 2, question: 'pair', style: 'city', mask: 0 }));
  add('jigsaw', 'img-full', 'ood', 'type', 1.5, () => ({ cells: 4, question: 'full', style: 'landscape', mask: 0 }));
  for (const level of ['easy', 'medium'])
    add('travel', `travel-3d-${level}`, 'id', 'days', 0.3, () => ({ days: 3, level }));
  for (const days of [5, 7])
    for (const level of ['easy', 'medium', 'hard'])
      add('travel', `travel-${days}d-${level}`, 'ood', 'days', days * 0.2 + (level === 'hard' ? 0.8 : 0), () => ({
        days,
        level,
      }));
  return out;
}

const CS = [
  'withinCurrentCity',
  'withinSandbox',
  'reasonableCityRoute',
  'diverseRestaurants',
  'nonConflictingTransportation',
  'diverseAttractions',
  'minimumNightsStay',
  'completeInformation',
];
const HARD = ['budget', 'roomRule', 'cuisine', 'roomType', 'transportation'];

function travelDetails(rng: Rng, correct: boolean): Record<string, unknown> {
  const delivered = correct || rng.bool(0.9);
  const outcome = (applies: boolean) =>
    !applies ? 'na' : correct ? 'pass' : delivered && rng.bool(0.7) ? 'pass' : 'fail';
  return {
    delivered,
    format: delivered ? 'text' : null,
    commonsense: Object.fromEntries(CS.map((k) => [k, outcome(true)])),
    hard: Object.fromEntries(HARD.map((k, i) => [k, outcome(i === 0 || rng.bool(0.5))])),
    hardEvaluated: delivered,
    cost: null,
    failures: {},
  };
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

function populate(store: Store): { items: number; results: number } {
  const specs = tasks();
  const perTask = Math.ceil(ITEMS / specs.length);
  const rng = Rng.fromKey('leaderboard-bench');
  // Items: one prompt each (short, like a small procedural problem), written once.
  const itemIds: string[][] = [];
  const knobs: Record<string, number | string>[][] = [];
  let items = 0;
  let batch: ItemRecord[] = [];
  for (const t of specs) {
    const ids: string[] = [];
    const ks: Record<string, number | string>[] = [];
    for (let i = 0; i < perTask; i++) {
      const id = stableHash(`${t.id}-${i}`, 20);
      const difficulty = t.knobs(rng, i);
      ids.push(id);
      ks.push(difficulty);
      batch.push({
        id,
        generator: `${t.family}/bench`,
        generatorVersion: '1',
        family: t.family,
        params: { task: t.id },
        seed: 1,
        index: i,
        difficulty,
        messages: [{ role: 'user', content: `Problem ${i} of ${t.id}: ${'x'.repeat(200 + (i % 50))}` }],
        truth: { answer: i },
        reference: String(i),
      });
      if (batch.length === 20_000) {
        store.writeBatch({ items: batch });
        batch = [];
      }
      items++;
    }
    itemIds.push(ids);
    knobs.push(ks);
  }
  store.writeBatch({ items: batch });

  let results = 0;
  for (let m = 0; m < MODELS; m++) {
    const spec = `bench:model-${String(m).padStart(2, '0')}`;
    const skill = 0.5 + m * 0.35;
    const robustness = 0.4 + (m % 4) * 0.25; // how much of the skill survives out of distribution
    const runId = `bench-run-${m}`;
    const runTasks: RunTaskRecord[] = specs.map((t) => ({
      task: t.id,
      generator: `${t.family}/bench`,
      family: t.family,
      split: t.split,
      axis: t.axis,
      params: {},
      seed: 1,
      n: perTask,
    }));
    store.beginRun({
      id: runId,
      modelSpec: spec,
      modelIdentity: spec,
      suiteName: 'bench',
      suiteVersion: '1',
      suiteHash: 'bench',
      harnessVersion: 'bench',
      sampling: {},
      samples: 1,
      generatorVersions: {},
      planned: perTask * specs.length,
      tasks: runTasks,
    });
    // One run's rows sorted by item id: the results table is keyed (run, item, sample), so sorted
    // rows append to the B-tree instead of splitting pages all over it.
    const out: ResultRecord[] = [];
    specs.forEach((t, ti) => {
      for (let i = 0; i < perTask; i++) {
        const r = Rng.forItem(`${spec}:${t.id}`, i);
        const p = sigmoid(skill - t.hardness / robustness);
        const correct = r.next() < p;
        const travel = t.family === 'travel';
        out.push({
          runId,
          itemId: itemIds[ti]![i]!,
          sample: 0,
          task: t.id,
          status: 'ok',
          output: correct ? String(i) : `wrong answer ${r.int(0, 999)}`,
          verdict: {
            correct,
            score: correct ? 1 : 0,
            formatOk: true,
            reason: correct ? undefined : 'expected something else',
            details: travel ? travelDetails(r, correct) : { knob: knobs[ti]![i]!['level'] ?? 0 },
          },
          turns: 1,
          latencyMs: 200 + r.int(0, 800),
          inputTokens: 300,
          outputTokens: 50 + r.int(0, 400),
          cached: false,
        });
      }
    });
    out.sort((a, b) => (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));
    for (let i = 0; i < out.length; i += 100_000) store.writeBatch({ results: out.slice(i, i + 100_000) });
    results += out.length;
    store.endRun(runId, 'done');
  }
  return { items, results };
}

const dbArg = process.argv.indexOf('--db');
const keep = dbArg > 0 ? process.argv[dbArg + 1]! : undefined;
const dir = mkdtempSync(join(tmpdir(), 'genbench-leaderboard-bench-'));
try {
  const reuse = keep !== undefined && existsSync(keep);
  const store = Store.open(keep ?? join(dir, 'bench.sqlite'));
  let t0 = performance.now();
  const { items, results } = reuse
    ? { items: read.count(store, 'items'), results: read.count(store, 'results') }
    : populate(store);
  const insertS = reuse ? NaN : (performance.now() - t0) / 1000;
  console.log(
    `${reuse ? 'reused' : 'inserted'} ${items.toLocaleString('en-US')} items and ${results.toLocaleString('en-US')} results${reuse ? '' : ` in ${insertS.toFixed(1)} s`}`,
  );

  t0 = performance.now();
  const data = loadDataset(store);
  const loadS = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const text = formatText(buildBoard(data), { tasks: true });
  const reportS = (performance.now() - t0) / 1000;
  console.log(
    `bench report: load ${loadS.toFixed(1)} s, statistics and formatting ${reportS.toFixed(1)} s (${text.length.toLocaleString('en-US')} characters)`,
  );

  const site = buildSite(store, { out: join(dir, 'site') });
  console.log(`phases (ms): ${JSON.stringify(site.phases)}`);
  console.log(
    `bench leaderboard: ${site.pages} pages (${site.itemPages} item pages), ${(site.bytes / 1e6).toFixed(1)} MB, main page ${(site.mainPageBytes / 1e3).toFixed(0)} kB, in ${(site.ms / 1000).toFixed(1)} s`,
  );
  const ok = site.ms < 30_000 && site.mainPageBytes < 2_000_000;
  console.log(
    ok
      ? 'targets met: site < 30 s, main page < 2 MB'
      : 'TARGET MISSED: site must build in < 30 s with a main page < 2 MB',
  );
  store.close();

  const result = {
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model.trim(),
      memGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
      node: process.version,
    },
    date: new Date().toISOString(),
    models: MODELS,
    items,
    results,
    insertSeconds: round(insertS),
    reportLoadSeconds: round(loadS),
    reportStatsSeconds: round(reportS),
    site: {
      seconds: round(site.ms / 1000),
      phasesMs: site.phases,
      pages: site.pages,
      itemPages: site.itemPages,
      megabytes: round(site.bytes / 1e6),
      mainPageKB: round(site.mainPageBytes / 1e3),
    },
    targets: { siteSeconds: 30, mainPageMB: 2, met: ok },
  };
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/leaderboard.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  if (!ok) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
