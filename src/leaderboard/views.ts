// The family views beyond the tables: accuracy against a difficulty knob (with the ID region),
// a matrix of two categorical knobs, and per-check pass rates read from verdict details (e.g.
// TravelPlanner's commonsense and hard constraints). All generic: they read the `difficulty`
// knobs of items and the shape of `details`, and families only choose knobs in families.ts.
import { wilson, type Interval } from '../stats/proportion.js';
import { forEachDetails } from '../store/leaderboard-queries.js';
import type { Store } from '../store/store.js';
import { read, type ItemAnswerRow } from '../store/read.js';
import type { SuiteData, TaskData } from '../report/data.js';
import { FAMILY_VIEWS } from './families.js';

export type Knobs = Record<string, number | string>;

export interface ItemMeta { index: number; knobs: Knobs }

export interface CurvePoint { x: number | string; k: number; n: number; accuracy: Interval }

export interface Curve {
  knob: string;
  where: Record<string, string | number>;
  /** Distinct x values in plot order. */
  xs: (number | string)[];
  /** Smallest and largest x among ID items (the shaded region), when x is numeric. */
  idRange: [number, number] | null;
  /** Model → points. */
  series: Record<string, CurvePoint[]>;
  /** x had too many values and was cut into equal-width bins (x is then the bin centre). */
  binned: boolean;
}

const MAX_POINTS = 40;
const BINS = 12;

function tasksOf(suite: SuiteData, family: string): TaskData[] {
  return [...suite.tasks.values()].filter((t) => t.info.family === family && !t.info.control);
}

const matches = (knobs: Knobs, where: Record<string, string | number>) => Object.entries(where).every(([k, v]) => knobs[k] === v);

/**
 * The knob to plot when the family names none: a numeric knob with a handful of values that best
 * separates OOD from ID (the share of OOD items outside the ID range), 'level' or 'difficulty'
 * when the items have one.
 */
export function guessCurveKnob(tasks: readonly TaskData[], meta: ReadonlyMap<string, ItemMeta>): string | undefined {
  const values = new Map<string, { id: number[]; ood: number[]; distinct: Set<number> }>();
  let first = true;
  for (const t of tasks) {
    for (const item of t.items) {
      const knobs = meta.get(item)?.knobs;
      if (!knobs) continue;
      for (const [k, v] of Object.entries(knobs)) {
        if (typeof v !== 'number') continue;
        let e = values.get(k);
        if (!e) {
          if (!first) continue; // a knob missing from the first item is not shared by all
          values.set(k, (e = { id: [], ood: [], distinct: new Set() }));
        }
        (t.info.split === 'id' ? e.id : e.ood).push(v);
        e.distinct.add(v);
      }
      first = false;
    }
  }
  for (const preferred of ['level', 'difficulty']) {
    const e = values.get(preferred);
    if (e && e.distinct.size >= 2) return preferred;
  }
  let best: { knob: string; score: number; distinct: number } | undefined;
  for (const [knob, e] of values) {
    if (e.distinct.size < 2 || e.id.length === 0) continue;
    const lo = Math.min(...e.id), hi = Math.max(...e.id);
    const score = e.ood.length ? e.ood.filter((v) => v < lo || v > hi).length / e.ood.length : 0;
    const distinct = Math.min(e.distinct.size, MAX_POINTS);
    if (!best || score > best.score || (score === best.score && distinct > best.distinct) || (score === best.score && distinct === best.distinct && knob < best.knob)) {
      best = { knob, score, distinct };
    }
  }
  return best && best.score > 0 ? best.knob : undefined;
}

export function curveFor(suite: SuiteData, family: string, meta: ReadonlyMap<string, ItemMeta>): Curve | undefined {
  const tasks = tasksOf(suite, family);
  const config = FAMILY_VIEWS[family]?.curve;
  const hasKnob = (k: string) => tasks.some((t) => t.items.some((i) => meta.get(i)?.knobs[k] !== undefined));
  const knob = config && hasKnob(config.knob) ? config.knob : guessCurveKnob(tasks, meta);
  if (!knob) return undefined;
  const where = config?.knob === knob ? config.where ?? {} : {};

  // The x of every plotted item; numeric knobs with many values are cut into equal-width bins.
  const rows: { task: TaskData; i: number; x: number | string; id: boolean }[] = [];
  for (const task of tasks) {
    task.items.forEach((item, i) => {
      const knobs = meta.get(item)?.knobs;
      const x = knobs?.[knob];
      if (x === undefined || !matches(knobs!, where)) return;
      rows.push({ task, i, x, id: task.info.split === 'id' });
    });
  }
  let distinct = [...new Set(rows.map((r) => r.x))];
  if (distinct.length < 2) return undefined;
  const numeric = distinct.every((x) => typeof x === 'number');
  let binned = false;
  if (numeric && distinct.length > MAX_POINTS) {
    const nums = distinct as number[];
    const lo = Math.min(...nums), hi = Math.max(...nums), width = (hi - lo) / BINS;
    for (const r of rows) r.x = lo + width * (Math.min(BINS - 1, Math.floor(((r.x as number) - lo) / width)) + 0.5);
    distinct = [...new Set(rows.map((r) => r.x))];
    binned = true;
  }
  const xs = numeric ? (distinct as number[]).sort((a, b) => a - b) : distinct;
  const idXs = rows.filter((r) => r.id).map((r) => r.x);
  const idRange: [number, number] | null = numeric && idXs.length ? [Math.min(...(idXs as number[])), Math.max(...(idXs as number[]))] : null;

  const series: Record<string, CurvePoint[]> = {};
  for (const model of suite.models) {
    const acc = new Map<number | string, { k: number; n: number }>();
    for (const r of rows) {
      const v = r.task.scores.get(model)?.[r.i];
      if (v === undefined || Number.isNaN(v)) continue;
      const a = acc.get(r.x) ?? { k: 0, n: 0 };
      a.k += v;
      a.n++;
      acc.set(r.x, a);
    }
    const points = xs.filter((x) => acc.has(x)).map((x) => {
      const { k, n } = acc.get(x)!;
      return { x, k, n, accuracy: wilson(k, n) };
    });
    if (points.length) series[model] = points;
  }
  return { knob, where, xs, idRange, series, binned };
}

export interface MatrixCell { k: number; n: number; accuracy: Interval }

export interface Matrix {
  rowKnob: string;
  colKnob: string;
  rows: (string | number)[];
  cols: (string | number)[];
  /** Model → "row\u0000col" → cell. */
  cells: Record<string, Record<string, MatrixCell>>;
}

export const matrixKey = (r: string | number, c: string | number) => `${r}\u0000${c}`;

export function matrixFor(suite: SuiteData, family: string, meta: ReadonlyMap<string, ItemMeta>): Matrix | undefined {
  const config = FAMILY_VIEWS[family]?.matrix;
  if (!config) return undefined;
  const [rowKnob, colKnob] = config;
  const tasks = tasksOf(suite, family);
  const rowSet = new Set<string | number>(), colSet = new Set<string | number>();
  const cells: Matrix['cells'] = {};
  for (const model of suite.models) cells[model] = {};
  for (const task of tasks) {
    task.items.forEach((item, i) => {
      const knobs = meta.get(item)?.knobs;
      const r = knobs?.[rowKnob], c = knobs?.[colKnob];
      if (r === undefined || c === undefined) return;
      rowSet.add(r);
      colSet.add(c);
      for (const model of suite.models) {
        const v = task.scores.get(model)?.[i];
        if (v === undefined || Number.isNaN(v)) continue;
        const cell = (cells[model]![matrixKey(r, c)] ??= { k: 0, n: 0, accuracy: wilson(0, 0) });
        cell.k += v;
        cell.n++;
      }
    });
  }
  if (rowSet.size < 2 && colSet.size < 2) return undefined;
  for (const byKey of Object.values(cells)) for (const cell of Object.values(byKey)) cell.accuracy = wilson(cell.k, cell.n);
  const sortMixed = (xs: (string | number)[]) => xs.every((x) => typeof x === 'number') ? (xs as number[]).sort((a, b) => a - b) : xs;
  return { rowKnob, colKnob, rows: sortMixed([...rowSet]), cols: sortMixed([...colSet]), cells };
}

// ---- per-check pass rates from verdict details -------------------------------------------

const OUTCOMES = new Set(['pass', 'fail', 'na']);

/** A check group is a details field whose values are all 'pass', 'fail' or 'na'. */
export function checkGroupsOf(details: unknown): string[] {
  if (!details || typeof details !== 'object') return [];
  return Object.entries(details as Record<string, unknown>)
    .filter(([, v]) => v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0 && Object.values(v).every((o) => typeof o === 'string' && OUTCOMES.has(o)))
    .map(([k]) => k);
}

export interface CheckRates {
  answers: number;
  /** Top-level boolean details (e.g. `delivered`): share of answers where true. */
  flags: Record<string, number>;
  /** group → { micro: passes / applicable, macro: share of answers with no failed check }. */
  groups: Record<string, { micro: number; macro: number }>;
  /** "group.check" → { pass, applicable }. */
  checks: Record<string, { pass: number; applicable: number }>;
}

export interface ChecksView {
  groups: string[];
  flags: string[];
  checks: string[];
  /** Model → split ('id' | 'ood') → rates. */
  rates: Record<string, Record<string, CheckRates>>;
}

class RatesAcc {
  answers = 0;
  flags = new Map<string, number>();
  groupMacro = new Map<string, number>();
  checks = new Map<string, { pass: number; applicable: number }>();

  add(d: Record<string, unknown>, groups: readonly string[], flags: readonly string[]): void {
    this.answers++;
    for (const f of flags) if (d[f] === true) this.flags.set(f, (this.flags.get(f) ?? 0) + 1);
    for (const g of groups) {
      const entries = d[g] && typeof d[g] === 'object' ? Object.entries(d[g] as Record<string, unknown>) : [];
      let failed = entries.length === 0;
      for (const [check, outcome] of entries) {
        const key = `${g}.${check}`;
        const c = this.checks.get(key) ?? { pass: 0, applicable: 0 };
        if (outcome !== 'na') c.applicable++;
        if (outcome === 'pass') c.pass++;
        if (outcome !== 'pass' && outcome !== 'na') failed = true;
        this.checks.set(key, c);
      }
      if (!failed) this.groupMacro.set(g, (this.groupMacro.get(g) ?? 0) + 1);
    }
  }

  rates(groups: readonly string[], flags: readonly string[]): CheckRates {
    const n = this.answers;
    const checks = Object.fromEntries(this.checks);
    const groupRates: CheckRates['groups'] = {};
    for (const g of groups) {
      let pass = 0, applicable = 0;
      for (const [key, c] of this.checks) if (key.startsWith(`${g}.`)) { pass += c.pass; applicable += c.applicable; }
      groupRates[g] = { micro: applicable ? pass / applicable : NaN, macro: n ? (this.groupMacro.get(g) ?? 0) / n : NaN };
    }
    return { answers: n, flags: Object.fromEntries(flags.map((f) => [f, n ? (this.flags.get(f) ?? 0) / n : NaN])), groups: groupRates, checks };
  }
}

/**
 * Per-check rates for families whose verdicts carry check groups. A sample of each family's
 * details decides whether it has any, so families without them cost one small query.
 */
export function checksFor(store: Store, suite: SuiteData, family: string): ChecksView | undefined {
  const tasks = tasksOf(suite, family);
  const splitOf = new Map(tasks.map((t) => [t.info.id, t.info.split]));
  const taskIds = tasks.map((t) => t.info.id);
  // Detect the shape from the first answers of one run.
  const first = suite.runs.values().next().value;
  if (!first) return undefined;
  let groups: string[] = [];
  let flags: string[] = [];
  let seen = 0;
  const stop = new Error('enough');
  try {
    forEachDetails(store, first.id, taskIds, ([, , , json]) => {
      const d = json ? JSON.parse(json) as Record<string, unknown> : undefined;
      if (!d) return;
      if (seen === 0) {
        groups = checkGroupsOf(d);
        flags = Object.keys(d).filter((k) => typeof d[k] === 'boolean');
      } else {
        groups = groups.filter((g) => checkGroupsOf(d).includes(g));
        flags = flags.filter((f) => typeof d[f] === 'boolean');
      }
      if (++seen >= 25) throw stop;
    });
  } catch (err) {
    if (err !== stop) throw err;
  }
  if (groups.length === 0) return undefined;

  const rates: ChecksView['rates'] = {};
  const checkNames = new Set<string>();
  for (const [model, run] of suite.runs) {
    const acc = { id: new RatesAcc(), ood: new RatesAcc() };
    forEachDetails(store, run.id, taskIds, ([task, , , json]) => {
      const split = splitOf.get(task);
      if (split !== 'id' && split !== 'ood') return;
      let d: Record<string, unknown> = {};
      try { d = json ? JSON.parse(json) : {}; } catch { /* unreadable details count as failing every check */ }
      acc[split].add(d, groups, flags);
    });
    rates[model] = {};
    for (const split of ['id', 'ood'] as const) {
      if (acc[split].answers === 0) continue;
      const r = acc[split].rates(groups, flags);
      rates[model]![split] = r;
      for (const k of Object.keys(r.checks)) checkNames.add(k);
    }
  }
  return { groups, flags, checks: [...checkNames], rates };
}

/** What an item page shows, read by the build just before the page is rendered. */
export interface ItemView { item: NonNullable<ReturnType<typeof read.item>>; answers: ItemAnswerRow[] }

export function loadItemView(store: Store, itemId: string, runIds: readonly string[]): ItemView | undefined {
  const item = read.item(store, itemId);
  return item ? { item, answers: read.answers(store, itemId, runIds) } : undefined;
}
