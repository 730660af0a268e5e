// Loads what the report and the leaderboard show: which run stands for each (model, suite), and
// per task, each model's score on each item. Items are keyed per task so two models can be
// paired item by item.
//
// Run choice: a run is one model on one suite, and a model may have several runs of a suite
// (other settings, re-runs, interrupted attempts). Each (model spec, suite name) is represented
// by its latest finished run (status 'done', by start time); when none has finished, by its
// latest run of any status, flagged partial. Runs are never pooled: pooled runs could mix
// sampling settings and suite versions into one number.
import type { Split } from '../core/types.js';
import { read, type RunOverview } from '../store/read.js';
import type { Store } from '../store/store.js';

export interface RunInfo extends RunOverview {
  /** This run is the one shown for its (model, suite). */
  chosen: boolean;
  /** Chosen although it did not finish (no finished run of this model and suite exists). */
  partial: boolean;
}

export interface TaskInfo {
  id: string;
  family: string;
  split: Split;
  axis: string;
  generator: string;
  /** Role 'control' (e.g. Fake prompts): shown but kept out of ID/OOD averages and the gap. */
  control: boolean;
}

export interface TaskData {
  info: TaskInfo;
  /** Every item some chosen run answered, in first-seen order. */
  items: string[];
  /** Model → per-item score (mean of `correct` over the item's finished samples; NaN: not scored). */
  scores: Map<string, Float64Array>;
  /** Model → results that ended in an error (not scored). */
  errors: Map<string, number>;
  /** Model → mean verifier score (partial credit) over finished results. */
  meanScore: Map<string, number>;
  /** Model → why it could not take this task (e.g. 'needs image input'): no scores, in no average. */
  unsupported: Map<string, string>;
}

export interface SuiteData {
  name: string;
  /** Model spec → its chosen run. */
  runs: Map<string, RunInfo>;
  models: string[];
  /** Task id → data, in suite order; training tasks are left out. */
  tasks: Map<string, TaskData>;
  families: string[];
  warnings: string[];
}

export interface Dataset {
  /** Every run in the database (filtered by model), chosen or not. */
  runs: RunInfo[];
  suites: SuiteData[];
}

export interface SelectOptions {
  /** Suite names (exact). */
  suites?: readonly string[];
  /** Model specs: exact, or a case-insensitive substring of the spec. */
  models?: readonly string[];
  /** These runs (ids) stand for their (model, suite) instead of the usual choice. */
  runs?: readonly string[];
}

export function modelMatches(spec: string, wanted: readonly string[] | undefined): boolean {
  if (!wanted?.length) return true;
  const lower = spec.toLowerCase();
  return wanted.some((w) => w === spec || lower.includes(w.toLowerCase()));
}

/** Marks the run that stands for each (model, suite); see the note at the top of this file. */
export function chooseRuns(runs: readonly RunOverview[]): RunInfo[] {
  const best = new Map<string, RunOverview>();
  const rank = (r: RunOverview) => `${r.status === 'done' ? 1 : 0}|${r.startedAt}|${r.id}`;
  for (const r of runs) {
    const key = `${r.modelSpec}\u0000${r.suiteName}`;
    const cur = best.get(key);
    if (!cur || rank(r) > rank(cur)) best.set(key, r);
  }
  const chosen = new Set([...best.values()].map((r) => r.id));
  return runs.map((r) => ({ ...r, chosen: chosen.has(r.id), partial: chosen.has(r.id) && r.status !== 'done' }));
}

export function loadDataset(store: Store, opts: SelectOptions = {}): Dataset {
  const wanted = opts.runs?.length ? new Set(opts.runs) : undefined;
  const runs = (
    wanted
      ? read
          .runs(store)
          .map((r) => ({ ...r, chosen: wanted.has(r.id), partial: wanted.has(r.id) && r.status !== 'done' }))
      : chooseRuns(read.runs(store))
  ).filter((r) => modelMatches(r.modelSpec, opts.models));
  const suiteNames = [...new Set(runs.filter((r) => r.chosen).map((r) => r.suiteName))]
    .filter((s) => !opts.suites?.length || opts.suites.includes(s))
    .sort();
  const suites = suiteNames.map((name) =>
    loadSuite(
      store,
      name,
      runs.filter((r) => r.chosen && r.suiteName === name),
    ),
  );
  return { runs, suites };
}

interface Accumulator {
  ids: number[];
  values: number[];
  errors: number;
  scoreSum: number;
  scoreCount: number;
}

function loadSuite(store: Store, name: string, chosen: RunInfo[]): SuiteData {
  const warnings: string[] = [];
  // Latest run first, so its task definitions win when a suite changed between runs.
  chosen.sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0));
  if (new Set(chosen.map((r) => r.suiteHash)).size > 1) {
    warnings.push(
      `the runs of suite '${name}' used different versions of it; models are compared on the items they share`,
    );
  }
  const tasks = new Map<string, TaskData>();
  const taskIndex = new Map<string, Map<string, number>>();
  const modelOf = new Map(chosen.map((r) => [r.id, r.modelSpec]));
  for (const t of read.tasks(
    store,
    chosen.map((r) => r.id),
  )) {
    if (t.split === 'train') continue;
    const info: TaskInfo = {
      id: t.task,
      family: t.family,
      split: t.split,
      axis: t.axis,
      generator: t.generator,
      control: t.role === 'control',
    };
    const known = tasks.get(t.task);
    if (!known) {
      tasks.set(t.task, {
        info,
        items: [],
        scores: new Map(),
        errors: new Map(),
        meanScore: new Map(),
        unsupported: new Map(),
      });
      taskIndex.set(t.task, new Map());
    }
    if (t.unsupported) tasks.get(t.task)!.unsupported.set(modelOf.get(t.runId)!, t.unsupported);
    if (
      known &&
      (known.info.split !== info.split || known.info.family !== info.family || known.info.axis !== info.axis)
    ) {
      warnings.push(
        `task '${t.task}' of suite '${name}' changed between runs (${known.info.split}/${known.info.axis} vs ${info.split}/${info.axis}); showing the latest`,
      );
    }
  }

  const perModel = new Map<string, Map<string, Accumulator>>();
  for (const run of chosen) {
    const acc = new Map<string, Accumulator>();
    perModel.set(run.modelSpec, acc);
    let item = '',
      task = '',
      sum = 0,
      count = 0;
    const flush = () => {
      if (!item) return;
      const a = acc.get(task);
      if (a && count > 0) {
        const index = taskIndex.get(task)!;
        let i = index.get(item);
        if (i === undefined) {
          i = index.size;
          index.set(item, i);
          tasks.get(task)!.items.push(item);
        }
        a.ids.push(i);
        a.values.push(sum / count);
      }
      item = '';
    };
    read.outcomes(store, run.id, ([t, itemId, , status, correct, score]) => {
      if (itemId !== item || t !== task) {
        flush();
        item = itemId;
        task = t;
        sum = 0;
        count = 0;
        if (!acc.has(t) && tasks.has(t)) acc.set(t, { ids: [], values: [], errors: 0, scoreSum: 0, scoreCount: 0 });
      }
      const a = acc.get(t);
      if (!a) return;
      if (status === 'ok') {
        sum += correct ?? 0;
        count++;
        a.scoreSum += score ?? 0;
        a.scoreCount++;
      } else a.errors++;
    });
    flush();
  }

  for (const [taskId, data] of tasks) {
    for (const [model, acc] of perModel) {
      const a = acc.get(taskId);
      if (!a) continue;
      const dense = new Float64Array(data.items.length).fill(NaN);
      a.ids.forEach((i, j) => {
        dense[i] = a.values[j]!;
      });
      data.scores.set(model, dense);
      data.errors.set(model, a.errors);
      data.meanScore.set(model, a.scoreCount ? a.scoreSum / a.scoreCount : NaN);
    }
  }
  const runsByModel = new Map(chosen.map((r) => [r.modelSpec, r]));
  const families = [...new Set([...tasks.values()].map((t) => t.info.family))];
  return { name, runs: runsByModel, models: [...runsByModel.keys()].sort(), tasks, families, warnings };
}
