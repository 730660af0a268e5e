// The family views beyond the tables: accuracy against a difficulty knob (with the ID region) and
// a matrix of two categorical knobs. Both generic: they read the `difficulty` knobs of items, and
// families only choose knobs in families.ts. (A family's own metrics, e.g. TravelPlanner's
// per-check rates, come from the scoreboard's familySplitMetrics, never from here.)
import { wilson, type Interval } from '../stats/proportion.js';
import type { Store } from '../store/store.js';
import { read, type ItemAnswerRow } from '../store/read.js';
import type { SuiteData, TaskData } from '../report/data.js';
import { familyView } from '../../generators/index.js';

export type Knobs = Record<string, number | string>;

export interface ItemMeta {
  index: number;
  knobs: Knobs;
}

export interface CurvePoint {
  x: number | string;
  k: number;
  n: number;
  accuracy: Interval;
}

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

const matches = (knobs: Knobs, where: Record<string, string | number>) =>
  Object.entries(where).every(([k, v]) => knobs[k] === v);

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
    const lo = Math.min(...e.id),
      hi = Math.max(...e.id);
    const score = e.ood.length ? e.ood.filter((v) => v < lo || v > hi).length / e.ood.length : 0;
    const distinct = Math.min(e.distinct.size, MAX_POINTS);
    if (
      !best ||
      score > best.score ||
      (score === best.score && distinct > best.distinct) ||
      (score === best.score && distinct === best.distinct && knob < best.knob)
    ) {
      best = { knob, score, distinct };
    }
  }
  return best && best.score > 0 ? best.knob : undefined;
}

export function curveFor(suite: SuiteData, family: string, meta: ReadonlyMap<string, ItemMeta>): Curve | undefined {
  const tasks = tasksOf(suite, family);
  const config = familyView(family)?.curve;
  const hasKnob = (k: string) => tasks.some((t) => t.items.some((i) => meta.get(i)?.knobs[k] !== undefined));
  const knob = config && hasKnob(config.knob) ? config.knob : guessCurveKnob(tasks, meta);
  if (!knob) return undefined;
  const where = config?.knob === knob ? (config.where ?? {}) : {};

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
    const lo = Math.min(...nums),
      hi = Math.max(...nums),
      width = (hi - lo) / BINS;
    for (const r of rows) r.x = lo + width * (Math.min(BINS - 1, Math.floor(((r.x as number) - lo) / width)) + 0.5);
    distinct = [...new Set(rows.map((r) => r.x))];
    binned = true;
  }
  const xs = numeric ? (distinct as number[]).sort((a, b) => a - b) : distinct;
  const idXs = rows.filter((r) => r.id).map((r) => r.x);
  const idRange: [number, number] | null =
    numeric && idXs.length ? [Math.min(...(idXs as number[])), Math.max(...(idXs as number[]))] : null;

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
    const points = xs
      .filter((x) => acc.has(x))
      .map((x) => {
        const { k, n } = acc.get(x)!;
        return { x, k, n, accuracy: wilson(k, n) };
      });
    if (points.length) series[model] = points;
  }
  return { knob, where, xs, idRange, series, binned };
}

export interface MatrixCell {
  k: number;
  n: number;
  accuracy: Interval;
}

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
  const config = familyView(family)?.matrix;
  if (!config) return undefined;
  const [rowKnob, colKnob] = config;
  const tasks = tasksOf(suite, family);
  const rowSet = new Set<string | number>(),
    colSet = new Set<string | number>();
  const cells: Matrix['cells'] = {};
  for (const model of suite.models) cells[model] = {};
  for (const task of tasks) {
    task.items.forEach((item, i) => {
      const knobs = meta.get(item)?.knobs;
      const r = knobs?.[rowKnob],
        c = knobs?.[colKnob];
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
  for (const byKey of Object.values(cells))
    for (const cell of Object.values(byKey)) cell.accuracy = wilson(cell.k, cell.n);
  const sortMixed = (xs: (string | number)[]) =>
    xs.every((x) => typeof x === 'number') ? (xs as number[]).sort((a, b) => a - b) : xs;
  return { rowKnob, colKnob, rows: sortMixed([...rowSet]), cols: sortMixed([...colSet]), cells };
}

/** What an item page shows, read by the build just before the page is rendered. */
export interface ItemView {
  item: NonNullable<ReturnType<typeof read.item>>;
  answers: ItemAnswerRow[];
}

export function loadItemView(store: Store, itemId: string, runIds: readonly string[]): ItemView | undefined {
  const item = read.item(store, itemId);
  return item ? { item, answers: read.answers(store, itemId, runIds) } : undefined;
}
