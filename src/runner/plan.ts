// What a run of one model is, decided before anything is asked: its tasks, how many items it
// plans, its id, its limits; and, once the store says what is finished, the work still to do.
import { stableHash } from '../core/hash.js';
import { modalitiesOf, unsupportedReason, type Model, type Sampling } from '../models/types.js';
import type { SuiteTask } from '../suite/load.js';
import { itemIdOf, makeItem, taskIndices } from '../suite/expand.js';
import { inShard, isPartial, shardSize } from './shard.js';
import { DEFAULT_REPLY_LIMITS, type ReplyLimits } from './limits.js';
import { DEFAULT_LEASE, RunAbortedError, type Progress, type RunOptions, type Work } from './options.js';

export interface RunPlan {
  runId: string;
  nonce?: string;
  planned: number;
  tasks: SuiteTask[];
  indices: Map<SuiteTask, number[]>;
  countOf: (t: SuiteTask) => number;
  unsupported: Map<string, string>;
  samples: number;
  sampling: Sampling;
  limits: ReplyLimits;
  lease: typeof DEFAULT_LEASE;
}

export function runIdFor(
  model: Model,
  opts: Pick<RunOptions, 'suite' | 'n' | 'tasks' | 'samples' | 'sampling' | 'shard'>,
  nonce?: string,
): string {
  return stableHash(
    {
      model: model.identity,
      spec: model.spec,
      suite: opts.suite.hash,
      n: opts.n ?? null,
      tasks: opts.tasks ?? null,
      samples: opts.samples ?? 1,
      sampling: opts.sampling ?? {},
      nonce: nonce ?? null,
      // Only partial shards add a key, so unsharded runs keep the ids they always had.
      ...(isPartial(opts.shard) ? { shard: [opts.shard.index, opts.shard.count] } : {}),
    },
    16,
  );
}

/** The tasks to run: training tasks are for `bench generate --split train`, not for scoring, unless named. */
function selectedTasks(opts: RunOptions): SuiteTask[] {
  if (!opts.tasks?.length) return opts.suite.tasks.filter((t) => t.split !== 'train');
  const known = new Set(opts.suite.tasks.map((t) => t.id));
  const missing = opts.tasks.filter((t) => !known.has(t));
  if (missing.length)
    throw new RunAbortedError(
      `suite '${opts.suite.name}' has no task ${missing.map((t) => `'${t}'`).join(', ')}; its tasks: ${[...known].join(', ')}`,
      'config',
    );
  return opts.suite.tasks.filter((t) => opts.tasks!.includes(t.id));
}

/** The run's settings, fixed before its lease is taken: a bad task name fails before anything is written. */
export function planRun(model: Model, opts: RunOptions): RunPlan {
  const samples = Math.max(1, opts.samples ?? 1);
  const sampling = opts.sampling ?? {};
  const tasks = selectedTasks(opts);
  // A task counts its distinct problems (fewer when its region runs out); found once per task.
  const indices = new Map(tasks.map((t) => [t, taskIndices(t, Math.min(t.n, opts.n ?? t.n))]));
  const countOf = (t: SuiteTask) => indices.get(t)!.length;
  // Tasks the model cannot read (image prompts for a text-only model) are recorded as
  // unsupported: not asked, not retried on resume, not planned.
  const unsupported = new Map<string, string>();
  for (const t of tasks) {
    const reason =
      countOf(t) > 0
        ? unsupportedReason(model, modalitiesOf(makeItem(t, 0, '', itemIdOf(t, 0)).problem.messages))
        : undefined;
    if (reason) unsupported.set(t.id, reason);
  }
  // A shard plans only its part of the items.
  const planned =
    shardSize(
      tasks.reduce((s, t) => s + (unsupported.has(t.id) ? 0 : countOf(t)), 0),
      opts.shard,
    ) * samples;
  const nonce = opts.fresh ? `${Date.now()}-${process.pid}` : undefined;
  const runId = runIdFor(model, opts, nonce);
  const limits: ReplyLimits = {
    replyChars: opts.limits?.replyChars ?? DEFAULT_REPLY_LIMITS.replyChars,
    transcriptChars: opts.limits?.transcriptChars ?? DEFAULT_REPLY_LIMITS.transcriptChars,
  };
  const lease = {
    heartbeatMs: opts.lease?.heartbeatMs ?? DEFAULT_LEASE.heartbeatMs,
    staleMs: opts.lease?.staleMs ?? DEFAULT_LEASE.staleMs,
  };
  return { runId, nonce, planned, tasks, indices, countOf, unsupported, samples, sampling, limits, lease };
}

/**
 * Lazily yields the work still to do; finished (item, sample) pairs are skipped (and counted in
 * `progress`) without even generating the problem, so resuming a large run is cheap.
 */
export function* pendingWork(
  plan: RunPlan,
  opts: Pick<RunOptions, 'shard'>,
  finished: Set<string>,
  progress: Progress,
): Generator<Work> {
  let position = 0; // the item's place in the run's item order
  for (const task of plan.tasks) {
    if (plan.unsupported.has(task.id)) continue;
    // Distinct problems only; duplicate indices are skipped, ids unchanged.
    for (const index of plan.indices.get(task)!) {
      if (!inShard(position++, opts.shard)) continue;
      const id = itemIdOf(task, index);
      for (let sample = 0; sample < plan.samples; sample++) {
        if (finished.has(`${id}#${sample}`)) {
          progress.skipped++;
          progress.done++;
          continue;
        }
        yield { task, index, id, sample };
      }
    }
  }
}
