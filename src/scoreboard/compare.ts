// Two runs (two checkpoints, two models) on the same items: paired differences B − A per task,
// per family and split, per OOD axis, per split and overall. One task with 0/1 scores gets the
// exact McNemar test; averages get the sign-flip randomization test (stats/compare.ts), with the
// same macro weights as the scoreboard; every p-value is Holm-adjusted across the whole table.
import type { Split } from '../core/types.js';
import { comparePaired, type PairedComparison } from '../stats/compare.js';
import { holm } from '../stats/paired.js';
import { stratumOf, weightedMean, type Weighted } from '../stats/strata.js';
import { chooseRuns, loadDataset, type SuiteData, type TaskData } from '../report/data.js';
import { read, type RunOverview } from '../store/read.js';
import type { Store } from '../store/store.js';

export type CompareScope = 'split' | 'family' | 'axis' | 'task';

export interface CompareRow {
  scope: CompareScope;
  /** 'ood', 'sokoban · ood', 'sokoban · ood · scale', 'sk-id'. */
  name: string;
  split: Split;
  /** Accuracy of A and of B on the shared items (same weights as the difference). */
  a: number;
  b: number;
  /** B − A on the shared items, its interval, the raw p-value and the test. */
  diff: PairedComparison;
  /** p after Holm's adjustment across every row of the comparison. */
  pHolm: number;
}

export interface RunRef {
  runId: string;
  modelSpec: string;
  suite: string;
  status: string;
}

export interface Comparison {
  a: RunRef;
  b: RunRef;
  suite: string;
  weighting: 'macro';
  level: number;
  rows: CompareRow[];
  /** Tasks only one side has (not compared). */
  unmatched: string[];
}

export interface CompareOptions {
  level?: number;
  seed?: string;
  resamples?: number;
  permutations?: number;
}

export class CompareError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CompareError';
  }
}

/**
 * A run id (or a unique prefix of one, 4+ characters), or a model spec (exact, else a unique
 * case-insensitive substring) standing for its latest finished run of the suite.
 */
export function resolveRun(store: Store, arg: string, suite?: string): RunRef {
  const runs = chooseRuns(read.runs(store));
  const ref = (r: RunOverview): RunRef => ({
    runId: r.id,
    modelSpec: r.modelSpec,
    suite: r.suiteName,
    status: r.status,
  });
  const byId = runs.filter(
    (r) => r.id === arg || (arg.length >= 4 && /^[0-9a-f]+$/i.test(arg) && r.id.startsWith(arg.toLowerCase())),
  );
  if (byId.length === 1) return ref(byId[0]!);
  if (byId.length > 1)
    throw new CompareError(`'${arg}' matches several runs (${byId.map((r) => r.id).join(', ')}): give more characters`);
  const inSuite = runs.filter((r) => r.chosen && (!suite || r.suiteName === suite));
  let matches = inSuite.filter((r) => r.modelSpec === arg);
  if (!matches.length) matches = inSuite.filter((r) => r.modelSpec.toLowerCase().includes(arg.toLowerCase()));
  const models = [...new Set(matches.map((r) => r.modelSpec))];
  if (models.length > 1)
    throw new CompareError(`'${arg}' matches several models (${models.join(', ')}): write the whole spec`);
  if (matches.length > 1)
    throw new CompareError(
      `${models[0]} has runs of several suites (${matches.map((r) => r.suiteName).join(', ')}): pass --suite`,
    );
  if (matches.length === 0) {
    const known = [...new Set(runs.map((r) => r.modelSpec))];
    throw new CompareError(
      `no run or model '${arg}'${suite ? ` in suite '${suite}'` : ''}; models: ${known.join(', ') || '(none)'}`,
    );
  }
  return ref(matches[0]!);
}

/** Per task, the aligned per-item scores of both sides (shared, scored items only). */
interface Pair {
  task: TaskData;
  a: number[];
  b: number[];
}

function suiteOf(store: Store, runId: string): SuiteData {
  const s = loadDataset(store, { runs: [runId] }).suites[0];
  if (!s) throw new CompareError(`run ${runId} has no results yet`);
  return s;
}

function pairs(
  sa: SuiteData,
  ma: string,
  sb: SuiteData,
  mb: string,
): { pairs: Map<string, Pair>; unmatched: string[] } {
  const out = new Map<string, Pair>();
  const unmatched: string[] = [];
  for (const [id, ta] of sa.tasks) {
    const tb = sb.tasks.get(id);
    const xa = ta.scores.get(ma),
      xb = tb?.scores.get(mb);
    if (!tb || !xa || !xb) {
      unmatched.push(id);
      continue;
    }
    const indexB = new Map(tb.items.map((item, i) => [item, i]));
    const a: number[] = [],
      b: number[] = [];
    ta.items.forEach((item, i) => {
      const j = indexB.get(item);
      if (j === undefined || Number.isNaN(xa[i]!) || Number.isNaN(xb[j]!)) return;
      a.push(xa[i]!);
      b.push(xb[j]!);
    });
    if (a.length) out.set(id, { task: ta, a, b });
    else unmatched.push(id);
  }
  for (const id of sb.tasks.keys()) if (!sa.tasks.has(id)) unmatched.push(id);
  return { pairs: out, unmatched };
}

function row(
  scope: CompareScope,
  name: string,
  split: Split,
  members: { pair: Pair; weight: number }[],
  opts: CompareOptions,
  key: string,
): Omit<CompareRow, 'pHolm'> {
  const strata = (f: (p: Pair) => number[]): Weighted[] =>
    members.map(({ pair, weight }) => ({ stratum: stratumOf(f(pair)), weight }));
  const diff = comparePaired(
    strata((p) => p.b.map((x, i) => x - p.a[i]!)),
    {
      level: opts.level,
      resamples: opts.resamples,
      permutations: opts.permutations,
      seed: `${opts.seed ?? 'genbench'}:compare:${key}`,
    },
  );
  return { scope, name, split, a: weightedMean(strata((p) => p.a)), b: weightedMean(strata((p) => p.b)), diff };
}

export function compareRuns(store: Store, a: RunRef, b: RunRef, opts: CompareOptions = {}): Comparison {
  if (a.runId === b.runId)
    throw new CompareError(`both sides are run ${a.runId}: compare two different runs or models`);
  if (a.suite !== b.suite)
    throw new CompareError(
      `run ${a.runId} is of suite '${a.suite}' and run ${b.runId} of '${b.suite}': compare runs of one suite`,
    );
  const sa = suiteOf(store, a.runId),
    sb = suiteOf(store, b.runId);
  const { rows, unmatched } = compareTable(pairs(sa, sa.models[0]!, sb, sb.models[0]!), opts);
  return { a, b, suite: a.suite, weighting: 'macro', level: opts.level ?? 0.95, unmatched, rows };
}

/**
 * Two models of one loaded suite (their chosen runs): what the site's compare pages show. Reads
 * no store: the suite data is already loaded.
 */
export function compareModels(suite: SuiteData, a: string, b: string, opts: CompareOptions = {}): Comparison {
  const ref = (m: string): RunRef => {
    const r = suite.runs.get(m);
    if (!r) throw new CompareError(`model ${m} has no run of suite '${suite.name}'`);
    return { runId: r.id, modelSpec: m, suite: suite.name, status: r.status };
  };
  const { rows, unmatched } = compareTable(pairs(suite, a, suite, b), opts);
  return { a: ref(a), b: ref(b), suite: suite.name, weighting: 'macro', level: opts.level ?? 0.95, unmatched, rows };
}

function compareTable(
  { pairs: byTask, unmatched }: { pairs: Map<string, Pair>; unmatched: string[] },
  opts: CompareOptions,
): { rows: CompareRow[]; unmatched: string[] } {
  const all = [...byTask.values()];
  const rows: Omit<CompareRow, 'pHolm'>[] = [];
  const scored = all.filter((p) => !p.task.info.control && p.task.info.split !== 'train');
  const families = [...new Set(scored.map((p) => p.task.info.family))];

  for (const split of ['id', 'ood'] as const) {
    // Over all families: each family weighs the same, each task the same within its family.
    const members = families.flatMap((f) => {
      const side = scored.filter((p) => p.task.info.family === f && p.task.info.split === split);
      return side.map((pair) => ({ pair, weight: 1 / side.length / families.length }));
    });
    if (members.length) rows.push(row('split', split, split, members, opts, split));
  }
  for (const f of families) {
    for (const split of ['id', 'ood'] as const) {
      const side = scored.filter((p) => p.task.info.family === f && p.task.info.split === split);
      if (side.length)
        rows.push(
          row(
            'family',
            `${f} · ${split}`,
            split,
            side.map((pair) => ({ pair, weight: 1 / side.length })),
            opts,
            `${f}:${split}`,
          ),
        );
    }
    const ood = scored.filter((p) => p.task.info.family === f && p.task.info.split === 'ood');
    const axes = [...new Set(ood.map((p) => p.task.info.axis))];
    if (axes.length > 1) {
      for (const axis of axes) {
        const side = ood.filter((p) => p.task.info.axis === axis);
        rows.push(
          row(
            'axis',
            `${f} · ood · ${axis}`,
            'ood',
            side.map((pair) => ({ pair, weight: 1 / side.length })),
            opts,
            `${f}:ood:${axis}`,
          ),
        );
      }
    }
  }
  for (const pair of all)
    rows.push(
      row('task', pair.task.info.id, pair.task.info.split, [{ pair, weight: 1 }], opts, `task:${pair.task.info.id}`),
    );

  const tested = rows.map((r, i) => [i, r.diff.p] as const).filter(([, p]) => Number.isFinite(p));
  const adjusted = holm(tested.map(([, p]) => p));
  const pHolm = new Map(tested.map(([i], k) => [i, adjusted[k]!]));
  return { unmatched, rows: rows.map((r, i) => ({ ...r, pHolm: pHolm.get(i) ?? NaN })) };
}
