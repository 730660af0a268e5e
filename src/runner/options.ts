// The runner's public shapes (options, progress, result, the run-stopping error), apart from
// run.ts so the runner's steps (plan, lease, episode) share them without importing run.ts;
// run.ts re-exports them, which is where callers import them from.
import type { Model, ModelOptions, Sampling } from '../models/types.js';
import type { Suite, SuiteTask } from '../suite/load.js';
import type { RunStatus, Store } from '../store/store.js';
import type { RetryPolicy } from './retry.js';
import type { Shard } from './shard.js';
import type { ReplyLimits } from './limits.js';
import type { RunSummary } from './summary.js';

export interface RunOptions {
  suite: Suite;
  /** Spec strings ('openai:gpt-4.1-mini') or ready Model objects (tests, library use). */
  models: (string | Model)[];
  store: Store;
  /** At most this many items per task (default: each task's n). */
  n?: number;
  /** Only these task ids. */
  tasks?: string[];
  /** Samples per item (repeats), default 1. */
  samples?: number;
  /** Concurrency ceiling per model (default: the provider's). */
  concurrency?: number;
  sampling?: Sampling;
  /** Answer identical requests from the response cache (default true). */
  cache?: boolean;
  retry?: Partial<RetryPolicy>;
  /** Start a new run instead of resuming the one with the same settings. */
  fresh?: boolean;
  modelOptions?: ModelOptions;
  onProgress?: (p: Progress) => void;
  /** Graceful stop (first Ctrl-C): nothing new starts; in-flight items finish and are saved. */
  stopSignal?: AbortSignal;
  /** Hard stop (second Ctrl-C): in-flight requests are aborted and not recorded. */
  abortSignal?: AbortSignal;
  /** Size limits of stored replies and transcripts (default DEFAULT_REPLY_LIMITS). */
  limits?: Partial<ReplyLimits>;
  /** The run's lease: heartbeat interval and the silence after which another process takes it over. */
  lease?: { heartbeatMs?: number; staleMs?: number };
  /** Only this part of the items (`--shard i/N`); see shard.ts. */
  shard?: Shard;
  /** Threads generating and verifying items for cacheable models (pool.ts); 0 or unset: this thread. */
  workers?: number;
}

/** One process writes a run: its lease is refreshed every 5 s and taken over after 30 s of silence. */
export const DEFAULT_LEASE = { heartbeatMs: 5_000, staleMs: 30_000 };

export interface Progress {
  modelSpec: string;
  total: number;
  done: number;
  /** Of `done`, the items an earlier invocation had finished. */
  skipped: number;
  correct: number;
  scored: number;
  errors: number;
  requests: number;
  cacheHits: number;
  startedAt: number;
  concurrency: number;
  /** Scored and correct per split, so ID and OOD are shown apart. */
  bySplit?: Partial<Record<'id' | 'ood' | 'train', { scored: number; correct: number }>>;
  /**
   * Model turns answered in this invocation as they arrive, and the turns and number of the episodes
   * finished: a multi-turn item finishes in a lump, turns arrive steadily, so the ETA counts turns.
   */
  turns?: number;
  episodeTurns?: number;
  episodes?: number;
}

export interface ModelRunResult {
  runId: string;
  modelSpec: string;
  resumed: boolean;
  status: RunStatus;
  /** Requests sent to the model in this invocation (retries included). */
  requests: number;
  cacheHits: number;
  /** Items skipped because an earlier invocation had finished them. */
  skipped: number;
  summary: RunSummary;
}

/** A failure that stops the whole run (bad key, unknown model, unreachable server). */
export class RunAbortedError extends Error {
  constructor(
    message: string,
    readonly kind: string,
  ) {
    super(message);
    this.name = 'RunAbortedError';
  }
}

/** One (item, sample) still to ask. */
export interface Work {
  task: SuiteTask;
  index: number;
  id: string;
  sample: number;
}
