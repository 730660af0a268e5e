// `bench gate` as a library call: resolve both sides on identical items, check that they are the
// same items, compute the checks, decide. The CLI only parses flags and writes the outputs.
import { canonicalJson } from '../core/hash.js';
import type { ModelOptions, Sampling } from '../models/types.js';
import type { Progress } from '../runner/run.js';
import type { Store } from '../store/store.js';
import type { Suite } from '../suite/load.js';
import {
  baselineFileOf,
  checkBaselineFile,
  readBaselineFile,
  sideFromBaselineFile,
  writeBaselineFile,
  type BaselineFile,
} from './baseline-file.js';
import { buildChecks, type Check } from './checks.js';
import { checkTaskGates, mergeGates, gatesFromSuite, type GateConfig } from './config.js';
import { decide } from './decide.js';
import { GateConfigError, GateHarnessError, exitCodeForVerdict, type Verdict } from './errors.js';
import { makePlan, type GatePlan } from './plan.js';
import {
  checkCoverage,
  errorCount,
  modelSide,
  runSide,
  type ResolvedSide,
  type Role,
  type SideInfo,
  type SideSource,
} from './sides.js';

export interface GateOptions {
  suite: Suite;
  baseline: SideSource;
  /** Absent: only resolve (and save) the baseline. */
  candidate?: SideSource;
  /** Resolved thresholds (default: the suite's `gates:` over the defaults). */
  config?: GateConfig;
  /** Needed unless the baseline is a file and there is no candidate. */
  store?: Store;
  /** For messages ('results/genbench.sqlite'). */
  dbPath?: string;
  /** Per-task item cap and samples per item (default: the baseline file's, else every item, 1 sample). */
  n?: number;
  samples?: number;
  sampling?: Sampling;
  concurrency?: number;
  cache?: boolean;
  modelOptions?: ModelOptions;
  /** Write the baseline's outcomes here (a frozen baseline for later gates). */
  saveBaseline?: string;
  onProgress?: (p: Progress) => void;
  stopSignal?: AbortSignal;
  abortSignal?: AbortSignal;
}

export const RESULT_FORMAT = 'genbench-gate-result';

export interface GateResult {
  format: typeof RESULT_FORMAT;
  formatVersion: 1;
  verdict: Verdict;
  exitCode: number;
  suite: { name: string; version: string; hash: string; path: string };
  baseline: SideInfo;
  candidate: SideInfo;
  config: Omit<GateConfig, 'tasks'> & { tasks: Record<string, { margin?: number; floor?: number }> };
  /** Two-sided level of every interval shown (1 − 2α). */
  level: number;
  plan: { n: number | null; samples: number; tasks: number; items: number };
  /** Errored answers of each side over the whole plan (candidate errors count as wrong answers). */
  errors: { baseline: ErrorTally; candidate: ErrorTally };
  checks: Check[];
  notes: string[];
}

export interface ErrorTally {
  errors: number;
  planned: number;
}

export interface GateOutcome {
  /** Absent when no candidate was given (the call only saved a baseline). */
  result?: GateResult;
  savedBaseline?: string;
}

export async function gate(opts: GateOptions): Promise<GateOutcome> {
  const { suite } = opts;
  const config = opts.config ?? mergeGates(gatesFromSuite(suite));
  checkTaskGates(config, suite);

  // A frozen file is read first: its cap and sample count are the plan's unless flags say otherwise.
  let file: BaselineFile | undefined;
  if (opts.baseline.kind === 'file') {
    file = readBaselineFile(opts.baseline.path);
    checkBaselineFile(file, opts.baseline.path, suite);
  }
  const plan = makePlan(suite, { n: opts.n ?? file?.n ?? undefined, samples: opts.samples ?? file?.samples ?? 1 });

  const baseline = await resolveSide('baseline', opts.baseline, plan, opts, file);
  checkCoverage(baseline, plan);
  checkErrors(baseline, plan, config.maxErrorRate);
  let savedBaseline: string | undefined;
  if (opts.saveBaseline) {
    writeBaselineFile(opts.saveBaseline, baselineFileOf(baseline, plan));
    savedBaseline = opts.saveBaseline;
  }
  if (!opts.candidate) return { savedBaseline };

  const candidate = await resolveSide('candidate', opts.candidate, plan, opts, undefined);
  checkCoverage(candidate, plan);
  checkErrors(candidate, plan, config.maxErrorRate);

  const { verdict, checks } = decide(buildChecks(plan, baseline.outcomes, candidate.outcomes, config), config.alpha);
  const result: GateResult = {
    format: RESULT_FORMAT,
    formatVersion: 1,
    verdict,
    exitCode: exitCodeForVerdict(verdict),
    suite: { name: suite.name, version: suite.version, hash: suite.hash, path: suite.path },
    baseline: baseline.info,
    candidate: candidate.info,
    config: {
      ...config,
      tasks: Object.fromEntries(Object.entries(config.tasks).map(([k, { where: _where, ...v }]) => [k, v])),
    },
    level: 1 - 2 * config.alpha,
    plan: {
      n: plan.n ?? null,
      samples: plan.samples,
      tasks: plan.tasks.length,
      items: plan.tasks.reduce((s, t) => s + t.count, 0),
    },
    errors: { baseline: errorCount(baseline, plan), candidate: errorCount(candidate, plan) },
    checks,
    notes: notesFor(baseline, candidate, plan),
  };
  return { result, savedBaseline };
}

async function resolveSide(
  role: Role,
  source: SideSource,
  plan: GatePlan,
  opts: GateOptions,
  file: BaselineFile | undefined,
): Promise<ResolvedSide> {
  if (source.kind === 'file') return sideFromBaselineFile(file!, source.path);
  if (!opts.store)
    throw new GateConfigError(`the ${role} is a ${source.kind === 'run' ? 'run id' : 'model'}: a database is needed`);
  const dbPath = opts.dbPath ?? 'the database';
  if (source.kind === 'run') return runSide(role, source.runId, plan.suite, opts.store, dbPath);
  return modelSide(role, source.model, plan, { ...opts, store: opts.store, dbPath });
}

function checkErrors(side: ResolvedSide, plan: GatePlan, maxRate: number): void {
  const { errors, planned } = errorCount(side, plan);
  if (errors > maxRate * planned) {
    const { info } = side;
    const fix =
      info.source === 'file'
        ? 'save the baseline again once its model answers reliably'
        : "check the model's endpoint and logs ('bench show <item>' shows an error), then run the same command again: finished answers are reused";
    throw new GateHarnessError(
      `the ${info.role} ${info.modelSpec} has ${errors} errors in ${planned} answers (${((100 * errors) / planned).toFixed(1)}%, more than the ${(100 * maxRate).toFixed(1)}% allowed by maxErrorRate): ${fix}`,
    );
  }
}

function notesFor(baseline: ResolvedSide, candidate: ResolvedSide, plan: GatePlan): string[] {
  const notes: string[] = [];
  const b = baseline.info,
    c = candidate.info;
  if (b.runId && b.runId === c.runId)
    notes.push(`baseline and candidate are the same run (${b.runId}): the comparison is trivially even.`);
  if (canonicalJson(b.sampling ?? {}) !== canonicalJson(c.sampling ?? {})) {
    notes.push(
      `the sides were sampled differently (baseline ${canonicalJson(b.sampling ?? {})}, candidate ${canonicalJson(c.sampling ?? {})}): part of any change may come from that.`,
    );
  }
  const ce = errorCount(candidate, plan),
    be = errorCount(baseline, plan);
  const share = (e: { errors: number; planned: number }) =>
    `${e.errors} of ${e.planned} answers, ${((100 * e.errors) / e.planned).toFixed(1)}%`;
  if (ce.errors > 0)
    notes.push(
      `the candidate erred on ${share(ce)}: errors count as wrong answers ('bench show <item>' shows one; running the same command again retries them).`,
    );
  if (be.errors > 0)
    notes.push(
      `the baseline erred on ${share(be)}: those items are left out of the paired tests (see "dropped" in the JSON).`,
    );
  return notes;
}
