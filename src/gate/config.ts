// Gate thresholds: defaults, then the suite's `gates:` section or a `--gates` file, then flags.
// Every YAML mistake is reported as file:line: field: what is accepted, like suite errors,
// because these files are edited by hand next to the suite.
import { existsSync, readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isMap, type Document } from 'yaml';
import { didYouMean } from '../core/suggest.js';
import {
  boolean,
  custom,
  defineParams,
  number,
  object,
  paramFail,
  record,
  type ParamPath,
  CONFIG_WORDS,
} from '../core/params.js';
import { ParamError, type Split } from '../core/types.js';
import type { Suite } from '../suite/load.js';
import { GateConfigError } from './errors.js';
import { deepestLine } from '../suite/yaml-lines.js';

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
  alpha: 0.05,
  margin: 0.02,
  splits: ['ood'],
  perTask: false,
  maxErrorRate: 0.02,
  floors: {},
  tasks: {},
};

/** What a YAML section or the flags set; unset keys fall through to the layer below. */
export type GateOverrides = Partial<Omit<GateConfig, 'tasks' | 'floors'>> & {
  floors?: GateConfig['floors'];
  tasks?: GateConfig['tasks'];
};

/** Layers, lowest first; a later layer's keys win. */
export function mergeGates(...layers: (GateOverrides | undefined)[]): GateConfig {
  const out: GateConfig = { ...DEFAULT_GATES, floors: {}, tasks: {} };
  for (const layer of layers) {
    if (!layer) continue;
    for (const [k, v] of Object.entries(layer)) if (v !== undefined) (out as unknown as Record<string, unknown>)[k] = v;
  }
  return out;
}

/** Finds file:line for a path inside the document (the file alone when there are no positions). */
type Locate = (path: (string | number)[]) => string;

function locator(
  doc: Document | undefined,
  lines: LineCounter | undefined,
  file: string,
  base: (string | number)[],
): Locate {
  return (path) => {
    const line = doc && lines ? deepestLine(doc, lines, [...base, ...path]) : undefined;
    return line === undefined ? file : `${file}:${line}`;
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
  if (!existsSync(path))
    throw new GateConfigError(`gates file ${path} does not exist: pass a YAML file with a 'gates:' section`);
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(path, 'utf8'), { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new GateConfigError(`${path}:${e.linePos?.[0]?.line ?? 1}: invalid YAML: ${e.message.split('\n')[0]}`);
  }
  if (!isMap(doc.contents))
    throw new GateConfigError(`${path}:1: gates: must be a mapping such as 'gates: { margin: 0.02 }'`);
  const top = doc.toJS() as Record<string, unknown>;
  const wrapped = Object.keys(top).length === 1 && 'gates' in top;
  return validateGates(
    wrapped ? top.gates : top,
    locator(doc, lines, path, wrapped ? ['gates'] : []),
    wrapped ? 'gates' : '',
  );
}

const drop = (what: string) => number({ min: 0, max: 1, below: true, what, doc: what });
const floor = (what: string) => number({ min: 0, max: 1, above: true, below: true, what, doc: what });

const gatesSchema = defineParams(
  {
    alpha: number({
      min: 0,
      max: 0.5,
      above: true,
      below: true,
      what: 'a one-sided test level such as 0.05',
      doc: 'One-sided level of every test.',
    }),
    margin: drop('the largest acceptable drop in accuracy, such as 0.02 (2 points)'),
    splits: custom({
      type: 'id, ood, all, or a list of them',
      doc: 'Splits whose pooled accuracy change gates.',
      parse: (raw, _field, ctx) => parseSplits(raw, (msg) => paramFail(ctx, msg)),
    }),
    perTask: boolean({ doc: "Also gate every (non-control) task's accuracy change." }),
    maxGapGrowth: drop('the largest acceptable growth of the ID − OOD gap, such as 0.05'),
    maxErrorRate: drop('a share of answers such as 0.02'),
    floors: record(floor('the lowest acceptable accuracy'), {
      type: 'a mapping such as { ood: 0.3, id: 0.8 }',
      doc: "The candidate's pooled accuracy per split must not fall below these.",
      keyError: (split) =>
        (GATED_SPLITS as readonly string[]).includes(split)
          ? undefined
          : `unknown split '${split}': floors are set for ${GATED_SPLITS.join(', ')}`,
    }),
    tasks: record(
      object(
        { margin: drop('the largest acceptable drop in accuracy'), floor: floor('the lowest acceptable accuracy') },
        {
          type: 'a mapping with margin and/or floor',
          doc: '',
          check: (t, _raw, ctx) => {
            if (t.margin === undefined && t.floor === undefined) paramFail(ctx, 'set margin and/or floor');
          },
        },
      ),
      {
        type: 'a mapping of task id to { margin, floor }, such as { gp-all5: { floor: 0.2 } }',
        doc: 'Per-task margin and/or floor.',
      },
    ),
  },
  { words: CONFIG_WORDS, type: 'a mapping such as { margin: 0.02, splits: [ood] }' },
);

/** Checks one gates mapping; `prefix` names it in messages ('gates'). */
export function validateGates(raw: unknown, locate: Locate, prefix: string): GateOverrides {
  const name = (path: ParamPath) => [prefix, ...path].filter((p) => p !== '').join('.');
  const fail = (path: ParamPath, msg: string): never => {
    throw new GateConfigError(`${locate([...path])}: ${name(path) || 'gates'}: ${msg}`);
  };
  if (raw === null || raw === undefined) return fail([], 'must be a mapping such as { margin: 0.02, splits: [ood] }');
  let parsed: ReturnType<typeof gatesSchema.parse>;
  try {
    parsed = gatesSchema.parse(raw);
  } catch (err) {
    if (err instanceof ParamError) return fail(err.path ?? [err.field], err.reason);
    throw err;
  }
  const { tasks, floors, ...rest } = parsed;
  const out: GateOverrides = rest;
  if (floors) out.floors = floors;
  if (tasks)
    out.tasks = Object.fromEntries(
      Object.entries(tasks).map(([id, t]) => [id, { where: `${locate(['tasks', id])}: ${name(['tasks', id])}`, ...t }]),
    );
  return out;
}

/** 'ood', 'id,ood', 'all', or a YAML list of them. */
export function parseSplits(raw: unknown, fail: (msg: string) => never): GatedSplit[] {
  const parts = (Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [raw]).map((s) =>
    typeof s === 'string' ? s.trim() : s,
  );
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
    if (!task || task.split === 'train')
      throw new GateConfigError(
        `${gate.where}: suite '${suite.name}' has no scored task '${id}'.${didYouMean(id, ids)}`,
      );
    if (task.role === 'control')
      throw new GateConfigError(
        `${gate.where}: task '${id}' is a control (role: control): its accuracy has no better direction, so it cannot gate`,
      );
  }
}
