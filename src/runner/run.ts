// The runner: the only place where tasks and models meet. For each model it plans the run
// (plan.ts), takes its lease (lease.ts), opens or resumes it (state.ts), streams items through a
// bounded pool of workers that drive each episode turn by turn through the cache and the retry
// layer (episode.ts), and hands results to the batch writer.
import { setMaxListeners } from 'node:events';
import type { Model } from '../models/types.js';
import { loadModel } from '../models/spec.js';
import type { RunStatus } from '../store/store.js';
import { EpisodePool, canPool } from './pool.js';
import { summarize } from './summary.js';
import { planRun, pendingWork } from './plan.js';
import { acquireRunLease, releaseRunLease, startHeartbeat } from './lease.js';
import { openRun, type RunState } from './state.js';
import { ItemSource, runEpisode } from './episode.js';
import type { ModelRunResult, RunOptions } from './options.js';

export { DEFAULT_LEASE, RunAbortedError, type ModelRunResult, type Progress, type RunOptions } from './options.js';
export { runIdFor } from './plan.js';

export async function run(opts: RunOptions): Promise<ModelRunResult[]> {
  const out: ModelRunResult[] = [];
  // Models run one after another: a local checkpoint is loaded once, and each model gets the
  // whole concurrency budget of its provider.
  for (const m of opts.models) {
    if (opts.stopSignal?.aborted || opts.abortSignal?.aborted) break;
    const model = typeof m === 'string' ? await loadModel(m, opts.modelOptions) : m;
    try {
      out.push(await runModel(model, opts));
    } finally {
      if (typeof m === 'string') await model.close?.();
    }
  }
  return out;
}

/** One model's run: planned, then run under its lease, which is released whatever happens. */
async function runModel(model: Model, opts: RunOptions): Promise<ModelRunResult> {
  const plan = planRun(model, opts);
  const owner = acquireRunLease(opts.store, model, plan);
  try {
    const state = openRun(model, opts, plan);
    const heartbeat = startHeartbeat(state, owner);
    // Every request in flight links to this one signal; the default cap of 10 would warn.
    if (state.hardAbort) setMaxListeners(0, state.hardAbort);
    const stopHeartbeat = () => clearInterval(heartbeat);
    const status = await drive(state, stopHeartbeat).finally(stopHeartbeat);
    return finish(state, status);
  } finally {
    releaseRunLease(opts.store, plan, owner);
  }
}

/**
 * Runs the pending work on concurrency × 2 workers until it is done, stopped or fatal, and
 * commits the last batch; returns the run's status. A store failure ends the run as failed.
 * The heartbeat stops as soon as the workers do, before the last batch and the pool close.
 */
async function drive(state: RunState, stopHeartbeat: () => void): Promise<RunStatus> {
  const { model, opts, writer, plan, concurrency, hardAbort } = state;
  const queue = pendingWork(plan, opts, state.finished, state.progress);
  const items = new ItemSource(state);
  // Generation and verification in worker threads, started ahead in the runner's order
  const poolSize = model.cacheable && canPool(plan.tasks) ? (opts.workers ?? 0) : 0;
  const pool =
    poolSize > 0
      ? new EpisodePool(plan.tasks, queue, {
          size: poolSize,
          lookahead: Math.max(64, concurrency * 4),
          onItem: (r) => writer.addItem(r),
        })
      : undefined;
  const workers = Array.from({ length: Math.max(1, concurrency * 2) }, async () => {
    for (;;) {
      if (state.fatal || opts.stopSignal?.aborted || hardAbort?.aborted) return;
      writer.check();
      const next = pool ? await pool.next() : queue.next();
      if (next.done) return;
      await runEpisode(state, items, next.value);
    }
  });

  let status: RunStatus = 'done';
  try {
    await Promise.all(workers).finally(stopHeartbeat);
    writer.flush();
    if (state.fatal) status = 'failed';
    else if (opts.stopSignal?.aborted || hardAbort?.aborted) status = 'interrupted';
  } catch (err) {
    status = 'failed';
    await pool?.close();
    try {
      writer.flush();
    } catch {
      /* the store itself failed; report the first error */
    }
    state.store.endRun(plan.runId, status);
    throw err;
  }
  await pool?.close();
  return status;
}

/** Records the status (if the lease is still ours), reports the last progress, and sums the run up. */
function finish(state: RunState, status: RunStatus): ModelRunResult {
  const {
    store,
    model,
    progress,
    plan: { runId },
  } = state;
  // The run's status belongs to whoever holds its lease.
  if (!state.leaseLost) store.endRun(runId, status);
  state.opts.onProgress?.(progress);
  if (state.fatal) throw state.fatal;
  return {
    runId,
    modelSpec: model.spec,
    resumed: state.resumed,
    status,
    requests: progress.requests,
    cacheHits: progress.cacheHits,
    skipped: progress.skipped,
    summary: summarize(store, runId),
  };
}
