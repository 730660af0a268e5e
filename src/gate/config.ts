// Gate thresholds: defaults, then the suite's `gates:` section or a `--gates` file, then flags.
// Every YAML mistake is reported as file:line: field: what is accepted, like suite errors,
// because these files are edited by hand next to the suite.
import { existsSync, readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isMap, type Document, type Node } from 'yaml';
import type { Split } from '../core/types.js';
import { didYouMean } from '../core/suggest.js';
import type { Suite } from '../suite/load.js';
import { GateConfigError } from './errors.js';

export type GatedSplit = Exclude<Split, 'train'>;
export const GATED_SPLITS: readonly GatedSplit[] = ['id', 'ood'];

export interface TaskGate {
  /** Gate this task's accuracy change with this margin (default: the global margin). */
  margin?: number;
  /** The candidate's accuracy on this task must not fall below this. */
  floor?: number;
  /** Where it was written, for errors found once the suite is known. */
  where: string;
}

export interface GateConfig {
  /** One-sided level of every test; intervals are two-sided at 1 − 2α. */
  alpha: number;
  /** The largest drop in accuracy (a fraction: 0.02 = 2 points) that is still acceptable. */
  margin: number;
  /** Splits whose pooled accuracy change gates. */
  splits: GatedSplit[];
  /** Also gate every (non-control) task's accuracy change. */
  perTask: boolean;
  /** The largest acceptable growth of each family's ID − OOD gap; undefined: not gated. */
  maxGapGrowth?: number;
  /** Share of planned answers (per side) that may be errors before the gate gives up with exit 3. */
  maxErrorRate: number;
  /** The candidate's pooled accuracy per split must not fall below these. */
  floors: Partial<Record<GatedSplit, number>>;
  tasks: Record<string, TaskGate>;
}

export const DEFAULT_GATES: GateConfig = {
  alpha: 0.05, margin: 0.02, splits: ['ood'], perTask: false, maxErrorRate: 0.02, floors: {}, tasks: {},
};

/** What a YAML section or the flags set; unset keys fall through to the layer below. */
export type GateOverrides = Partial<Omit<GateConfig, 'tasks' | 'floors'>> & { floors?: GateConfig['floors']; tasks?: GateConfig['tasks'] };

/** Layers, lowest first; a later layer's keys win. */
export function mergeGates(...layers: (GateOverrides | undefined)[]): GateConfig {
  const out: GateConfig = { ...DEFAULT_GATES, floors: {}, tasks: {} };
  for (const layer of layers) {
    if (!layer) continue;
    for (const [k, v] of Object.entries(layer)) if (v !== undefined) (out as unknown as Record<string, unknown>)[k] = v;
  }
  return out;
}

const KEYS = ['alpha', 'margin', 'splits', 'perTask', 'maxGapGrowth', 'maxErrorRate', 'floors', 'tasks'];
const TASK_KEYS = ['margin', 'floor'];

/** Finds file:line for a path inside the document (the file alone when there are no positions). */
type Locate = (path: (string | number)[]) => string;

function locator(doc: Document | undefined, lines: LineCounter | undefined, file: string, base: (string | number)[]): Locate {
  return (path) => {
    if (!doc || !lines) return file;
    const full = [...base, ...path];
    // The deepest node that exists: a missing key is reported at its parent.
    for (let i = full.length; i >= 0; i--) {
      const node = (i === 0 ? doc.contents : doc.getIn(full.slice(0, i), true)) as Node | null | undefined;
      if (node?.range) return `${file}:${lines.linePos(node.range[0]).line}`;
    }
    return file;
  };
}

/** The suite's `gates:` section, validated with lines from the suite file. */
export function gatesFromSuite(suite: Suite): GateOverrides | undefined {
  const raw = suite.extra.gates;
  if (raw === undefined) return undefined;
  let locate: Locate = () => suite.path;
  if (existsSync(suite.path)) {
    const lines = new LineCounter();
    const doc = parseDocument(readFileSync(suite.path, 'utf8'), { lineCounter: lines });
    locate = locator(doc, lines, suite.path, ['gates']);
  }
  return validateGates(raw, locate, 'gates');
}

/** A `--gates` file: either a `gates:` section (copied from a suite) or the mapping itself. */
export function loadGatesFile(path: string): GateOverrides {
  if (!existsSync(path)) throw new GateConfigError(`gates file ${path} does not exist: pass a YAML file with a 'gates:' section`);
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(path, 'utf8'), { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new GateConfigError(`${path}:${e.linePos?.[0]?.line ?? 1}: invalid YAML: ${e.message.split('\n')[0]}`);
  }
  if (!isMap(doc.contents)) throw new GateConfigError(`${path}:1: gates: must be a mapping such as 'gates: { margin: 0.02 }'`);
  const top = doc.toJS() as Record<string, unknown>;
  const wrapped = Object.keys(top).length === 1 && 'gates' in top;
  return validateGates(wrapped ? top.gates : top, locator(doc, lines, path, wrapped ? ['gates'] : []), wrapped ? 'gates' : '');
}

/** Checks one gates mapping; `prefix` names it in messages ('gates'). */
export function validateGates(raw: unknown, locate: Locate, prefix: string): GateOverrides {
  const name = (path: (string | number)[]) => [prefix, ...path].filter((p) => p !== '').join('.');
  const fail = (path: (string | number)[], msg: string): never => {
    throw new GateConfigError(`${locate(path)}: ${name(path) || 'gates'}: ${msg}`);
  };
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return fail([], 'must be a mapping such as { margin: 0.02, splits: [ood] }');
  const g = raw as Record<string, unknown>;
  for (const key of Object.keys(g)) if (!KEYS.includes(key)) fail([key], `unknown key.${didYouMean(key, KEYS)} Allowed: ${KEYS.join(', ')}`);

  const fraction = (path: (string | number)[], v: unknown, lo: number, hi: number, closedLow: boolean, what: string): number => {
    const ok = typeof v === 'number' && Number.isFinite(v) && (closedLow ? v >= lo : v > lo) && v < hi;
    if (!ok) fail(path, `must be ${what}, a number ${closedLow ? '≥' : '>'} ${lo} and < ${hi} (got ${JSON.stringify(v)})`);
    return v as number;
  };
  const out: GateOverrides = {};
  if (g.alpha !== undefined) out.alpha = fraction(['alpha'], g.alpha, 0, 0.5, false, 'a one-sided test level such as 0.05');
  if (g.margin !== undefined) out.margin = fraction(['margin'], g.margin, 0, 1, true, 'the largest acceptable drop in accuracy, such as 0.02 (2 points)');
  if (g.maxGapGrowth !== undefined) out.maxGapGrowth = fraction(['maxGapGrowth'], g.maxGapGrowth, 0, 1, true, 'the largest acceptable growth of the ID − OOD gap, such as 0.05');
  if (g.maxErrorRate !== undefined) out.maxErrorRate = fraction(['maxErrorRate'], g.maxErrorRate, 0, 1, true, 'a share of answers such as 0.02');
  if (g.perTask !== undefined) {
    if (typeof g.perTask !== 'boolean') fail(['perTask'], `must be true or false (got ${JSON.stringify(g.perTask)})`);
    out.perTask = g.perTask as boolean;
  }
  if (g.splits !== undefined) out.splits = parseSplits(g.splits, (msg) => fail(['splits'], msg));
  if (g.floors !== undefined) {
    const f = g.floors;
    if (!f || typeof f !== 'object' || Array.isArray(f)) fail(['floors'], 'must be a mapping such as { ood: 0.3, id: 0.8 }');
    out.floors = {};
    for (const [split, v] of Object.entries(f as Record<string, unknown>)) {
      if (!(GATED_SPLITS as readonly string[]).includes(split)) fail(['floors', split], `unknown split '${split}': floors are set for ${GATED_SPLITS.join(', ')}`);
      out.floors[split as GatedSplit] = fraction(['floors', split], v, 0, 1, false, 'the lowest acceptable accuracy');
    }
  }
  if (g.tasks !== undefined) {
    const t = g.tasks;
    if (!t || typeof t !== 'object' || Array.isArray(t)) fail(['tasks'], "must be a mapping of task id to { margin, floor }, such as { gp-all5: { floor: 0.2 } }");
    out.tasks = {};
    for (const [id, v] of Object.entries(t as Record<string, unknown>)) {
      if (!v || typeof v !== 'object' || Array.isArray(v)) fail(['tasks', id], 'must be a mapping with margin and/or floor');
      const entry = v as Record<string, unknown>;
      for (const key of Object.keys(entry)) if (!TASK_KEYS.includes(key)) fail(['tasks', id, key], `unknown key.${didYouMean(key, TASK_KEYS)} Allowed: ${TASK_KEYS.join(', ')}`);
      if (entry.margin === undefined && entry.floor === undefined) fail(['tasks', id], 'set margin and/or floor');
      const gate: TaskGate = { where: `${locate(['tasks', id])}: ${name(['tasks', id])}` };
      if (entry.margin !== undefined) gate.margin = fraction(['tasks', id, 'margin'], entry.margin, 0, 1, true, 'the largest acceptable drop in accuracy');
      if (entry.floor !== undefined) gate.floor = fraction(['tasks', id, 'floor'], entry.floor, 0, 1, false, 'the lowest acceptable accuracy');
      out.tasks[id] = gate;
    }
  }
  return out;
}

/** 'ood', 'id,ood', 'all', or a YAML list of them. */
export function parseSplits(raw: unknown, fail: (msg: string) => never): GatedSplit[] {
  const parts = (Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [raw]).map((s) => (typeof s === 'string' ? s.trim() : s));
  const out = new Set<GatedSplit>();
  for (const p of parts) {
    if (p === 'all') GATED_SPLITS.forEach((s) => out.add(s));
    else if ((GATED_SPLITS as readonly unknown[]).includes(p)) out.add(p as GatedSplit);
    else fail(`must be id, ood, all, or a list of them (got ${JSON.stringify(p)})`);
  }
  if (out.size === 0) fail('must name at least one split (id, ood or all)');
  return GATED_SPLITS.filter((s) => out.has(s));
}

/** Checks that task overrides name tasks of the suite that can gate. */
export function checkTaskGates(config: GateConfig, suite: Suite): void {
  const ids = suite.tasks.filter((t) => t.split !== 'train').map((t) => t.id);
  for (const [id, gate] of Object.entries(config.tasks)) {
    const task = suite.tasks.find((t) => t.id === id);
    if (!task || task.split === 'train') throw new GateConfigError(`${gate.where}: suite '${suite.name}' has no scored task '${id}'.${didYouMean(id, ids)}`);
    if (task.role === 'control') throw new GateConfigError(`${gate.where}: task '${id}' is a control (role: control): its accuracy has no better direction, so it cannot gate`);
  }
}
