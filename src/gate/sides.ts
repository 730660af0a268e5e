// The two sides of a comparison. A side is a model (run now, or its finished answers reused from
// the database), a run already in the database, or (baseline only) a frozen baseline file. Each
// resolves to the same thing: who answered, under which suite, and a map of outcomes.
import { parseModelSpec } from '../models/spec.js';
import type { Model, ModelOptions, Sampling } from '../models/types.js';
import { run, type Progress } from '../runner/run.js';
import type { Store } from '../store/store.js';
import { gateRunMeta, runIdsWithPrefix, runOutcomes } from '../store/gate-queries.js';
import type { Suite } from '../suite/load.js';
import { GateConfigError, GateInterruptedError } from './errors.js';
import { outcomeKey, type GatePlan, type OutcomeMap } from './plan.js';

export type Role = 'baseline' | 'candidate';

export type SideSource =
  { kind: 'model'; model: string | Model } | { kind: 'run'; runId: string } | { kind: 'file'; path: string };

export interface SideInfo {
  role: Role;
  source: SideSource['kind'];
  modelSpec: string;
  modelIdentity: string;
  runId?: string;
  file?: string;
  sampling: unknown;
  samples: number;
  suiteHash: string;
  generatorVersions: Record<string, string>;
  /** For a model run now: requests sent in this invocation, and answers reused from earlier ones. */
  requests?: number;
  reused?: number;
}

export interface ResolvedSide {
  info: SideInfo;
  outcomes: OutcomeMap;
}

/**
 * Tells a model spec, a run id and a baseline file apart by their form alone: a `.json` path is a
 * file, 'provider:…' is a model, bare hex is a run id (or a unique prefix of one).
 */
export function classifySide(arg: string, role: Role): SideSource {
  const a = arg.trim();
  if (/\.json$/i.test(a)) {
    if (role === 'candidate')
      throw new GateConfigError(
        `--candidate ${a}: a frozen baseline file can only be the baseline; give the candidate as a model spec or a run id`,
      );
    return { kind: 'file', path: a };
  }
  if (a.includes(':')) {
    parseModelSpec(a); // a bad spec fails now, with the provider's own one-line message
    return { kind: 'model', model: a };
  }
  if (/^[0-9a-f]{4,}$/i.test(a)) return { kind: 'run', runId: a.toLowerCase() };
  const forms = role === 'baseline' ? 'a model spec, a run id or a .json baseline file' : 'a model spec or a run id';
  throw new GateConfigError(
    `--${role} '${a}' is not ${forms}: write e.g. 'openai-compatible:qwen@http://localhost:8000/v1', a run id from 'bench list runs'${role === 'baseline' ? ', or baselines/main.json' : ''}`,
  );
}

export interface RunSideOptions {
  store: Store;
  dbPath: string;
  sampling?: Sampling;
  concurrency?: number;
  cache?: boolean;
  modelOptions?: ModelOptions;
  onProgress?: (p: Progress) => void;
  stopSignal?: AbortSignal;
  abortSignal?: AbortSignal;
}

/** Runs a model on the plan (resuming or reusing a finished run with the same settings). */
export async function modelSide(
  role: Role,
  model: string | Model,
  plan: GatePlan,
  opts: RunSideOptions,
): Promise<ResolvedSide> {
  // The same run options as `bench run` with these flags, so a gate reuses a plain run's answers.
  const [result] = await run({
    suite: plan.suite,
    models: [model],
    store: opts.store,
    n: plan.n,
    samples: plan.samples,
    sampling: opts.sampling,
    concurrency: opts.concurrency,
    cache: opts.cache,
    modelOptions: opts.modelOptions,
    onProgress: opts.onProgress,
    stopSignal: opts.stopSignal,
    abortSignal: opts.abortSignal,
  });
  const spec = typeof model === 'string' ? model : model.spec;
  if (!result || result.status === 'interrupted') {
    throw new GateInterruptedError(
      `interrupted while running the ${role} ${spec}: run the same command again to resume`,
    );
  }
  const side = runSide(role, result.runId, plan.suite, opts.store, opts.dbPath);
  side.info.source = 'model';
  side.info.requests = result.requests;
  side.info.reused = result.skipped;
  return side;
}

/** A finished (or partly finished) run in the database, by id or unique prefix. */
export function runSide(role: Role, idOrPrefix: string, suite: Suite, store: Store, dbPath: string): ResolvedSide {
  const matches = runIdsWithPrefix(store, idOrPrefix);
  if (matches.length === 0)
    throw new GateConfigError(
      `--${role} ${idOrPrefix}: no run with that id in ${dbPath} ('bench list runs --db ${dbPath}' shows them)`,
    );
  if (matches.length > 1 && !matches.includes(idOrPrefix))
    throw new GateConfigError(
      `--${role} ${idOrPrefix}: several runs start with it (${matches.join(', ')}): give more characters`,
    );
  const id = matches.includes(idOrPrefix) ? idOrPrefix : matches[0]!;
  const meta = gateRunMeta(store, id)!;
  const what = `run ${id} (${meta.modelSpec})`;
  checkSameItems(
    what,
    {
      suiteName: meta.suiteName,
      suiteVersion: meta.suiteVersion,
      suiteHash: meta.suiteHash,
      generatorVersions: meta.generatorVersions,
    },
    suite,
    'run the model on this suite instead, or gate with the suite that run used',
  );
  const outcomes: OutcomeMap = new Map();
  for (const r of runOutcomes(store, id))
    outcomes.set(outcomeKey(r.itemId, r.sample), r.correct === null ? null : r.correct === 1);
  return {
    info: {
      role,
      source: 'run',
      modelSpec: meta.modelSpec,
      modelIdentity: meta.modelIdentity,
      runId: id,
      sampling: meta.sampling,
      samples: meta.samples,
      suiteHash: meta.suiteHash,
      generatorVersions: meta.generatorVersions,
    },
    outcomes,
  };
}

/**
 * Refuses to compare answers to other problems: a changed generator version means changed items
 * under the same ids' recipe, and a changed suite hash means changed tasks, params, seeds or counts.
 */
export function checkSameItems(
  what: string,
  recorded: { suiteName: string; suiteVersion: string; suiteHash: string; generatorVersions: Record<string, string> },
  suite: Suite,
  fix: string,
): void {
  for (const t of suite.tasks) {
    const then = recorded.generatorVersions[t.generator.name];
    if (then !== undefined && then !== t.generator.version) {
      throw new GateConfigError(
        `${what} answered generator ${t.generator.name} version ${then}, but it is version ${t.generator.version} now, so its items are other problems: ${fix}`,
      );
    }
  }
  if (recorded.suiteHash !== suite.hash) {
    throw new GateConfigError(
      `${what} was made with suite ${recorded.suiteName} v${recorded.suiteVersion} (hash ${recorded.suiteHash}), but ${suite.path} is ${suite.name} v${suite.version} (hash ${suite.hash}); the items differ: ${fix}`,
    );
  }
}

/** Every planned answer must be there (right, wrong or an error); a partial run or file is refused. */
export function checkCoverage(side: ResolvedSide, plan: GatePlan): void {
  for (const pt of plan.tasks) {
    let missing = 0;
    for (const id of pt.itemIds)
      for (let s = 0; s < plan.samples; s++) if (!side.outcomes.has(outcomeKey(id, s))) missing++;
    if (missing === 0) continue;
    const total = pt.count * plan.samples;
    const { info } = side;
    const what = info.file ? `baseline file ${info.file}` : `run ${info.runId} (${info.modelSpec})`;
    const hint = info.file
      ? `pass the -n/--samples it was saved with (n ${plan.n ?? 'all'}, samples ${plan.samples} asked here), or save it again`
      : info.source === 'model'
        ? 'run the same command again to finish it'
        : `finish it with 'bench run' (same model and flags), or pass a smaller -n`;
    throw new GateConfigError(
      `${what} has no answer for ${missing} of the ${total} planned answers of task ${pt.task.id}: ${hint}`,
    );
  }
}

/** Errored answers of a side over the plan; past `maxErrorRate` of them the gate gives up (exit 3). */
export function errorCount(side: ResolvedSide, plan: GatePlan): { errors: number; planned: number } {
  let errors = 0,
    planned = 0;
  for (const pt of plan.tasks) {
    for (const id of pt.itemIds) {
      for (let s = 0; s < plan.samples; s++) {
        planned++;
        if (side.outcomes.get(outcomeKey(id, s)) === null) errors++;
      }
    }
  }
  return { errors, planned };
}
