// The explicit state of one model's run, shared by its steps (lease heartbeat, askModel,
// runEpisode, the drive loop): what was closed over inside one long function, now named.
import { harnessVersion } from '../core/paths.js';
import { Rng } from '../core/rng.js';
import type { Model } from '../models/types.js';
import type { Store } from '../store/store.js';
import { recordShard } from '../store/shards.js';
import { AdaptiveLimiter } from '../core/limiter.js';
import { DEFAULT_RETRY, type RetryPolicy } from './retry.js';
import { BatchWriter } from './writer.js';
import { isPartial } from './shard.js';
import { runIdFor, type RunPlan } from './plan.js';
import type { Progress, RunAbortedError, RunOptions } from './options.js';

export interface RunState {
  readonly model: Model;
  readonly opts: RunOptions;
  readonly store: Store;
  readonly plan: RunPlan;
  /** Whether the run existed before this invocation. */
  readonly resumed: boolean;
  /** `${itemId}#${sample}` of the results an earlier invocation stored. */
  readonly finished: Set<string>;
  readonly concurrency: number;
  readonly limiter: AdaptiveLimiter;
  readonly policy: RetryPolicy;
  readonly writer: BatchWriter;
  readonly useCache: boolean;
  /** Retry jitter, seeded by the run so backoffs replay. */
  readonly jitter: Rng;
  readonly progress: Progress;
  readonly hardAbort?: AbortSignal;
  /** Model answers so far: before the first, an unreachable server stops the run. */
  successes: number;
  /** The error that stops the run; workers take no new item once it is set. */
  fatal?: RunAbortedError;
  /** Another process took the lease: the run's status is no longer ours to set. */
  leaseLost: boolean;
}

/** Opens (or resumes) the run in the store and builds the state its steps share. */
export function openRun(model: Model, opts: RunOptions, plan: RunPlan): RunState {
  const { store, suite } = opts;
  const { runId, nonce, planned, tasks, countOf, unsupported, samples, sampling } = plan;
  const { resumed } = store.beginRun({
    id: runId,
    modelSpec: model.spec,
    modelIdentity: model.identity,
    suiteName: suite.name,
    suiteVersion: suite.version,
    suiteHash: suite.hash,
    harnessVersion: harnessVersion(),
    sampling,
    samples,
    planned,
    generatorVersions: Object.fromEntries(tasks.map((t) => [t.generator.name, t.generator.version])),
    tasks: tasks.map((t) => ({
      task: t.id,
      generator: t.generator.name,
      family: t.family,
      split: t.split,
      axis: t.axis,
      role: t.role,
      params: t.params,
      seed: t.seed,
      n: countOf(t),
      unsupported: unsupported.get(t.id),
    })),
  });
  if (isPartial(opts.shard))
    recordShard(store, runId, opts.shard, runIdFor(model, { ...opts, shard: undefined }, nonce));
  const finished = store.finishedKeys(runId);
  const concurrency = Math.max(1, Math.floor(opts.concurrency ?? model.defaultConcurrency));
  const progress: Progress = {
    modelSpec: model.spec,
    total: planned,
    done: 0,
    skipped: 0,
    correct: 0,
    scored: 0,
    errors: 0,
    requests: 0,
    cacheHits: 0,
    startedAt: Date.now(),
    concurrency,
    bySplit: {},
    turns: 0,
    episodeTurns: 0,
    episodes: 0,
  };
  return {
    model,
    opts,
    store,
    plan,
    resumed,
    finished,
    concurrency,
    limiter: new AdaptiveLimiter({ max: concurrency }),
    policy: { ...DEFAULT_RETRY, ...opts.retry },
    writer: new BatchWriter(store),
    useCache: (opts.cache ?? true) && model.cacheable,
    jitter: Rng.fromKey(`retry-jitter:${runId}`),
    progress,
    hardAbort: opts.abortSignal,
    successes: 0,
    fatal: undefined,
    leaseLost: false,
  };
}
