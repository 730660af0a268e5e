// Frozen baselines: a model's per-answer outcomes on a suite, saved as JSON so CI can gate a new
// checkpoint without re-running the baseline or keeping the database. The file records what the
// outcomes are answers to (suite hash, generator versions, item cap, samples), and loading it
// against a different suite is refused rather than silently comparing other problems.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { harnessVersion } from '../core/paths.js';
import type { TaskRole } from '../core/role.js';
import type { Suite } from '../suite/load.js';
import { GateConfigError } from './errors.js';
import { plannedKeys, type GatePlan, type OutcomeMap } from './plan.js';
import { checkSameItems, type ResolvedSide } from './sides.js';

export const BASELINE_FORMAT = 'genbench-gate-baseline';
export const BASELINE_FORMAT_VERSION = 1;

export interface BaselineTask {
  task: string;
  split: string;
  axis: string;
  /** Absent in files saved before roles were declared (then `axis: control` marked a control). */
  role?: TaskRole;
  family: string;
  generator: string;
  /** Items of this task in the file (0..count-1). */
  count: number;
  /** `<item id>#<sample>` → 1 right, 0 wrong, null an error. */
  outcomes: Record<string, 0 | 1 | null>;
}

export interface BaselineFile {
  format: typeof BASELINE_FORMAT;
  formatVersion: number;
  savedAt: string;
  harnessVersion: string;
  model: { spec: string; identity: string };
  runId: string | null;
  suite: { name: string; version: string; hash: string };
  generatorVersions: Record<string, string>;
  /** The per-task item cap it was run with (null: every task's n). */
  n: number | null;
  samples: number;
  sampling: unknown;
  tasks: BaselineTask[];
}

export function baselineFileOf(side: ResolvedSide, plan: GatePlan): BaselineFile {
  const tasks = plan.tasks.map((pt): BaselineTask => {
    const outcomes: Record<string, 0 | 1 | null> = {};
    for (const key of plannedKeys(pt, plan.samples)) {
      const o = side.outcomes.get(key);
      outcomes[key] = o === null || o === undefined ? null : o ? 1 : 0;
    }
    const t = pt.task;
    return {
      task: t.id,
      split: t.split,
      axis: t.axis,
      role: t.role,
      family: t.family,
      generator: t.generator.name,
      count: pt.count,
      outcomes,
    };
  });
  const suite = plan.suite;
  return {
    format: BASELINE_FORMAT,
    formatVersion: BASELINE_FORMAT_VERSION,
    savedAt: new Date().toISOString(),
    harnessVersion: harnessVersion(),
    model: { spec: side.info.modelSpec, identity: side.info.modelIdentity },
    runId: side.info.runId ?? null,
    suite: { name: suite.name, version: suite.version, hash: suite.hash },
    generatorVersions: Object.fromEntries(plan.tasks.map((pt) => [pt.task.generator.name, pt.task.generator.version])),
    n: plan.n ?? null,
    samples: plan.samples,
    sampling: side.info.sampling,
    tasks,
  };
}

/** Written next to the target and renamed into place: a crash never leaves half a baseline. */
export function writeBaselineFile(path: string, file: BaselineFile): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, `${JSON.stringify(file, null, 1)}\n`);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new GateConfigError(`cannot write baseline file ${path}: ${(err as Error).message}`);
  }
}

export function readBaselineFile(path: string): BaselineFile {
  if (!existsSync(path)) {
    throw new GateConfigError(
      `baseline file ${path} does not exist: save one with 'bench gate --suite <suite> --baseline <model|run> --save-baseline ${path}'`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new GateConfigError(
      `baseline file ${path} is not valid JSON (${(err as Error).message.split('\n')[0]}): save it again with --save-baseline`,
    );
  }
  const f = raw as Partial<BaselineFile>;
  const bad = (what: string): never => {
    throw new GateConfigError(`baseline file ${path} is damaged: ${what}; save it again with --save-baseline`);
  };
  if (!f || typeof f !== 'object' || f.format !== BASELINE_FORMAT) {
    throw new GateConfigError(
      `${path} is not a genbench baseline file (no "format": "${BASELINE_FORMAT}"): save one with --save-baseline`,
    );
  }
  if (f.formatVersion !== BASELINE_FORMAT_VERSION) {
    throw new GateConfigError(
      `baseline file ${path} has format version ${JSON.stringify(f.formatVersion)}, this genbench reads ${BASELINE_FORMAT_VERSION}: use the genbench that saved it, or save it again`,
    );
  }
  if (!f.suite || typeof f.suite.hash !== 'string' || typeof f.suite.name !== 'string') bad('no suite name and hash');
  if (!f.model || typeof f.model.spec !== 'string') bad('no model spec');
  if (!f.generatorVersions || typeof f.generatorVersions !== 'object') bad('no generator versions');
  if (!Number.isInteger(f.samples) || f.samples! < 1) bad('samples must be a whole number ≥ 1');
  if (f.n !== null && !(Number.isInteger(f.n) && f.n! >= 1)) bad('n must be null or a whole number ≥ 1');
  if (!Array.isArray(f.tasks)) bad('no task list');
  for (const t of f.tasks!) {
    if (!t || typeof t.task !== 'string' || !t.outcomes || typeof t.outcomes !== 'object')
      bad('a task without a name or outcomes');
    for (const [k, v] of Object.entries(t.outcomes)) {
      if (!(v === 0 || v === 1 || v === null) || !/#\d+$/.test(k))
        bad(`task ${t.task}: outcome ${JSON.stringify(k)} is ${JSON.stringify(v)}, expected 0, 1 or null`);
    }
  }
  return f as BaselineFile;
}

/** Refuses a file saved for other items (other suite, other generator versions). */
export function checkBaselineFile(file: BaselineFile, path: string, suite: Suite): void {
  checkSameItems(
    `baseline file ${path}`,
    {
      suiteName: file.suite.name,
      suiteVersion: String(file.suite.version),
      suiteHash: file.suite.hash,
      generatorVersions: file.generatorVersions,
    },
    suite,
    `gate with the suite it was saved with, or save the baseline again ('bench gate --suite ${suite.path} --baseline <model|run> --save-baseline ${path}')`,
  );
}

export function sideFromBaselineFile(file: BaselineFile, path: string): ResolvedSide {
  const outcomes: OutcomeMap = new Map();
  for (const t of file.tasks)
    for (const [k, v] of Object.entries(t.outcomes)) outcomes.set(k, v === null ? null : v === 1);
  return {
    info: {
      role: 'baseline',
      source: 'file',
      file: path,
      modelSpec: file.model.spec,
      modelIdentity: file.model.identity ?? file.model.spec,
      runId: file.runId ?? undefined,
      sampling: file.sampling,
      samples: file.samples,
      suiteHash: file.suite.hash,
      generatorVersions: file.generatorVersions,
    },
    outcomes,
  };
}
