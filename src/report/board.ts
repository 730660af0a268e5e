// The leaderboard's numbers, computed once and shown three ways (terminal, Markdown/JSON, the
// static site). Per suite: each model's ID and OOD accuracy per family and over all families,
// the gap and OOD/ID retention with intervals, per-axis and per-task breakdowns, and the models
// statistically tied for best in each column.
//
// Averages are macro averages: each task of a family weighs the same, and "all" weighs each
// family the same (a family with 30 tasks does not drown one with 3). Tasks with role
// 'control' are left out of ID, OOD and the gap and shown on their own.
import { comparePaired } from '../stats/compare.js';
import { gapEstimates, macroMean, type Estimate } from '../stats/macro.js';
import { stratumOf, type Stratum, type Weighted } from '../stats/strata.js';
import { tiedGroups, type TieColumn, type TieResult } from '../stats/tied.js';
import type { Dataset, RunInfo, SuiteData, TaskData, TaskInfo } from './data.js';

/**
 * How tasks weigh in an average. 'macro': each task of a family the same, each family the same in
 * "all" (the default: a 30-task family does not drown a 3-task one). 'micro': every scored item
 * the same (tasks weigh by their items, as the gate's pooled checks do).
 */
export type Weighting = 'macro' | 'micro';

export interface BoardOptions {
  /** Default 'macro'. */
  weighting?: Weighting;
  /** Restrict OOD to the tasks of this axis (the ID side stays whole). */
  axis?: string;
  /** Interval level (default 0.95). */
  level?: number;
  /** Significance level of the tied groups after Holm (default 0.05). */
  alpha?: number;
  /** Seed of every bootstrap and randomization (default 'genbench'). */
  seed?: string;
  resamples?: number;
  permutations?: number;
}

export interface SplitCell {
  id: Estimate;
  ood: Estimate;
  gap: Estimate;
  retention: Estimate;
  /** The model lacks some of the column's tasks: its average covers fewer tasks. */
  partial: boolean;
}

export interface TaskCell {
  n: number;
  errors: number;
  accuracy: Estimate;
  meanScore: number;
  /** Why the model could not take the task (then n = 0 and it is in no average). */
  unsupported?: string;
}

export interface AxisCell {
  ood: Estimate;
  gap: Estimate;
}

export interface TieInfo {
  leader: string;
  tied: string[];
  /** Compared model → p-value of its paired comparison with the leader, raw and Holm-adjusted. */
  p: Record<string, { raw: number; adjusted: number }>;
}

export interface FamilyBoard {
  family: string;
  tasks: TaskInfo[];
  /** OOD axes in suite order (control axes excluded). */
  axes: string[];
  controlTasks: string[];
  /** Model → its cell. */
  cells: Record<string, SplitCell>;
  /** Model → axis → OOD accuracy on that axis and the gap to ID. */
  axisCells: Record<string, Record<string, AxisCell>>;
  /** Task → model → accuracy. */
  taskCells: Record<string, Record<string, TaskCell>>;
  /** Task → tied group (Holm across the tasks of the family's table). */
  taskTies: Record<string, TieInfo>;
  ties: { id?: TieInfo; ood?: TieInfo };
}

export interface SuiteBoard {
  suite: string;
  /** Models, best overall OOD accuracy first. */
  models: string[];
  runs: Record<string, RunBrief>;
  /** Families that have both ID and OOD tasks count in "all". */
  families: FamilyBoard[];
  overall: Record<string, SplitCell>;
  overallTies: { id?: TieInfo; ood?: TieInfo };
  warnings: string[];
}

export interface RunBrief {
  id: string;
  status: string;
  partial: boolean;
  startedAt: string;
  endedAt: string | null;
  samples: number;
  scored: number;
  errors: number;
  suiteVersion: string;
  suiteHash: string;
  harnessVersion: string;
  /** Task → why the model could not take it (e.g. image tasks for a text-only model). */
  unsupported: Record<string, string>;
}

export interface Board {
  generatedAt: string;
  runSelection: string;
  options: Required<Pick<BoardOptions, 'level' | 'alpha' | 'seed' | 'resamples' | 'permutations' | 'weighting'>> & {
    axis: string | null;
  };
  suites: SuiteBoard[];
}

export const RUN_SELECTION =
  'latest finished run per (model, suite); the latest unfinished one, marked partial, when none finished';

interface Ctx {
  opts: Board['options'];
  suite: SuiteData;
}

export function buildBoard(data: Dataset, options: BoardOptions = {}): Board {
  const opts: Board['options'] = {
    level: options.level ?? 0.95,
    alpha: options.alpha ?? 0.05,
    seed: options.seed ?? 'genbench',
    resamples: options.resamples ?? 2000,
    permutations: options.permutations ?? 2000,
    axis: options.axis ?? null,
    weighting: options.weighting ?? 'macro',
  };
  return {
    generatedAt: new Date().toISOString(),
    runSelection: RUN_SELECTION,
    options: opts,
    suites: data.suites.map((suite) => suiteBoard({ opts, suite })),
  };
}

// A task's strata are asked for by several tables (family, all, axis, task); build each once.
const strataCache = new WeakMap<TaskData, Map<string, Stratum | undefined>>();

function cached(task: TaskData, key: string, make: () => Stratum | undefined): Stratum | undefined {
  let byKey = strataCache.get(task);
  if (!byKey) strataCache.set(task, (byKey = new Map()));
  if (!byKey.has(key)) byKey.set(key, make());
  return byKey.get(key);
}

/** Stratum of one model on one task (its scored items), or undefined when it has none. */
export function stratumFor(task: TaskData, model: string): Stratum | undefined {
  return cached(task, `m\u0000${model}`, () => {
    const arr = task.scores.get(model);
    if (!arr) return undefined;
    const s = stratumOf(arr.filter((x) => !Number.isNaN(x)));
    return s.n > 0 ? s : undefined;
  });
}

/** Per-item differences first − second on the items both scored. */
export function diffStratum(task: TaskData, first: string, second: string): Stratum | undefined {
  return cached(task, `d\u0000${first}\u0000${second}`, () => {
    const a = task.scores.get(first),
      b = task.scores.get(second);
    if (!a || !b) return undefined;
    const d: number[] = [];
    for (let i = 0; i < a.length; i++) if (!Number.isNaN(a[i]!) && !Number.isNaN(b[i]!)) d.push(a[i]! - b[i]!);
    const s = stratumOf(d);
    return s.n > 0 ? s : undefined;
  });
}

/** The tasks of one side of a column with their weights. */
interface Side {
  tasks: { task: TaskData; weight: number }[];
}

function sideStrata(side: Side, model: string, weighting: Weighting): { strata: Weighted[]; partial: boolean } {
  const strata: Weighted[] = [];
  let partial = false;
  for (const { task, weight } of side.tasks) {
    const s = stratumFor(task, model);
    if (s) strata.push({ stratum: s, weight: weighting === 'micro' ? s.n : weight });
    else if (!task.unsupported.has(model)) partial = true; // unsupported is by design, not missing
  }
  return { strata, partial: partial && strata.length > 0 };
}

function cellFor(ctx: Ctx, id: Side, ood: Side, model: string): SplitCell {
  const a = sideStrata(id, model, ctx.opts.weighting),
    b = sideStrata(ood, model, ctx.opts.weighting);
  const g = gapEstimates(a.strata, b.strata, { level: ctx.opts.level });
  return { ...g, partial: a.partial || b.partial };
}

function suiteBoard(ctx: Ctx): SuiteBoard {
  const { suite, opts } = ctx;
  const tasks = [...suite.tasks.values()];
  const inOod = (t: TaskInfo) => t.split === 'ood' && !t.control && (opts.axis === null || t.axis === opts.axis);
  const sides = new Map<string, { id: Side; ood: Side }>();
  for (const family of suite.families) {
    const fam = tasks.filter((t) => t.info.family === family);
    const idTasks = fam.filter((t) => t.info.split === 'id' && !t.info.control);
    const oodTasks = fam.filter((t) => inOod(t.info));
    sides.set(family, {
      id: { tasks: idTasks.map((task) => ({ task, weight: 1 / idTasks.length })) },
      ood: { tasks: oodTasks.map((task) => ({ task, weight: 1 / oodTasks.length })) },
    });
  }
  // "All" averages the families that have both sides, each family weighing the same.
  const both = [...sides].filter(([, s]) => s.id.tasks.length > 0 && s.ood.tasks.length > 0);
  const all = {
    id: { tasks: both.flatMap(([, s]) => s.id.tasks.map((t) => ({ task: t.task, weight: t.weight / both.length }))) },
    ood: { tasks: both.flatMap(([, s]) => s.ood.tasks.map((t) => ({ task: t.task, weight: t.weight / both.length }))) },
  };

  const overall = Object.fromEntries(suite.models.map((m) => [m, cellFor(ctx, all.id, all.ood, m)]));
  const families = suite.families.map((family) => familyBoard(ctx, family, sides.get(family)!));

  // Tied groups of the main table: one Holm family over all its ID and OOD columns.
  const columns: TieColumn[] = [];
  const sideOf = new Map<string, Side>();
  const addColumn = (key: string, side: Side, cells: Record<string, SplitCell>, split: 'id' | 'ood') => {
    if (side.tasks.length === 0) return;
    columns.push({ key, estimates: new Map(suite.models.map((m) => [m, cells[m]![split].estimate])) });
    sideOf.set(key, side);
  };
  if (both.length > 0) {
    addColumn('all:id', all.id, overall, 'id');
    addColumn('all:ood', all.ood, overall, 'ood');
  }
  for (const f of families) {
    addColumn(`${f.family}:id`, sides.get(f.family)!.id, f.cells, 'id');
    addColumn(`${f.family}:ood`, sides.get(f.family)!.ood, f.cells, 'ood');
  }
  const ties = tiedGroups(
    columns,
    (key, leader, other) => pairedP(ctx, sideOf.get(key)!, leader, other, key),
    opts.alpha,
  );
  const tie = (key: string) => toTieInfo(ties.get(key));
  for (const f of families) f.ties = { id: tie(`${f.family}:id`), ood: tie(`${f.family}:ood`) };

  const models = [...suite.models].sort(
    (a, b) => descending(overall[a]!.ood.estimate, overall[b]!.ood.estimate) || (a < b ? -1 : 1),
  );
  return {
    suite: suite.name,
    models,
    runs: Object.fromEntries([...suite.runs].map(([m, r]) => [m, runBrief(r, unsupportedOf(tasks, m))])),
    families,
    overall,
    overallTies: { id: tie('all:id'), ood: tie('all:ood') },
    warnings: suite.warnings,
  };
}

function familyBoard(ctx: Ctx, family: string, side: { id: Side; ood: Side }): FamilyBoard {
  const { suite, opts } = ctx;
  const tasks = [...suite.tasks.values()].filter((t) => t.info.family === family);
  const axes = [...new Set(tasks.filter((t) => t.info.split === 'ood' && !t.info.control).map((t) => t.info.axis))];
  const cells = Object.fromEntries(suite.models.map((m) => [m, cellFor(ctx, side.id, side.ood, m)]));

  const axisCells: FamilyBoard['axisCells'] = {};
  for (const m of suite.models) {
    axisCells[m] = {};
    for (const axis of axes) {
      const axisTasks = tasks.filter((t) => t.info.split === 'ood' && !t.info.control && t.info.axis === axis);
      const c = cellFor(ctx, side.id, { tasks: axisTasks.map((task) => ({ task, weight: 1 / axisTasks.length })) }, m);
      axisCells[m]![axis] = { ood: c.ood, gap: c.gap };
    }
  }

  const taskCells: FamilyBoard['taskCells'] = {};
  for (const t of tasks) {
    taskCells[t.info.id] = {};
    for (const m of suite.models) {
      const s = stratumFor(t, m);
      const unsupported = t.unsupported.get(m);
      if (unsupported) {
        taskCells[t.info.id]![m] = {
          n: 0,
          errors: 0,
          accuracy: macroMean([], { level: opts.level }),
          meanScore: NaN,
          unsupported,
        };
        continue;
      }
      if (!s && !t.errors.get(m)) continue;
      taskCells[t.info.id]![m] = {
        n: s?.n ?? 0,
        errors: t.errors.get(m) ?? 0,
        accuracy: macroMean(s ? [{ stratum: s, weight: 1 }] : [], { level: opts.level }),
        meanScore: t.meanScore.get(m) ?? NaN,
      };
    }
  }
  // Tied groups per task; Holm across the tasks of this family's table.
  const columns: TieColumn[] = tasks.map((t) => ({
    key: t.info.id,
    estimates: new Map(Object.entries(taskCells[t.info.id]!).map(([m, c]) => [m, c.accuracy.estimate])),
  }));
  const byId = new Map(tasks.map((t) => [t.info.id, t]));
  const ties = tiedGroups(
    columns,
    (key, leader, other) => pairedP(ctx, { tasks: [{ task: byId.get(key)!, weight: 1 }] }, leader, other, key),
    opts.alpha,
  );
  const taskTies: FamilyBoard['taskTies'] = {};
  for (const t of tasks) {
    const info = toTieInfo(ties.get(t.info.id));
    if (info) taskTies[t.info.id] = info;
  }
  return {
    family,
    tasks: tasks.map((t) => t.info),
    axes,
    controlTasks: tasks.filter((t) => t.info.control).map((t) => t.info.id),
    cells,
    axisCells,
    taskCells,
    taskTies,
    ties: {},
  };
}

/** p-value of leader vs other on the items both answered, weighted like the column. */
function pairedP(ctx: Ctx, side: Side, leader: string, other: string, key: string): number {
  const diffs: Weighted[] = [];
  for (const { task, weight } of side.tasks) {
    const d = diffStratum(task, leader, other);
    if (d) diffs.push({ stratum: d, weight: ctx.opts.weighting === 'micro' ? d.n : weight });
  }
  return comparePaired(diffs, {
    resamples: 0,
    permutations: ctx.opts.permutations,
    seed: `${ctx.opts.seed}:${ctx.suite.name}:${key}:${leader}:${other}`,
  }).p;
}

function toTieInfo(r: TieResult | undefined): TieInfo | undefined {
  if (!r) return undefined;
  return { leader: r.leader, tied: r.tied, p: Object.fromEntries(r.p) };
}

function unsupportedOf(tasks: readonly TaskData[], model: string): Record<string, string> {
  return Object.fromEntries(
    tasks.flatMap((t) => (t.unsupported.has(model) ? [[t.info.id, t.unsupported.get(model)!]] : [])),
  );
}

function runBrief(r: RunInfo, unsupported: Record<string, string>): RunBrief {
  return {
    id: r.id,
    status: r.status,
    partial: r.partial,
    startedAt: r.startedAt,
    endedAt: r.endedAt,
    samples: r.samples,
    scored: r.ok,
    errors: r.errors,
    suiteVersion: r.suiteVersion,
    suiteHash: r.suiteHash,
    harnessVersion: r.harnessVersion,
    unsupported,
  };
}

/** Sort comparator for numbers: largest first, NaN last. */
export function descending(a: number, b: number): number {
  const na = Number.isNaN(a),
    nb = Number.isNaN(b);
  if (na || nb) return na === nb ? 0 : na ? 1 : -1;
  return b - a;
}
