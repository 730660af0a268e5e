// Shards: a deterministic partition of a run's items so that N machines (a Slurm array, a
// Kubernetes Indexed Job, a CI matrix) each run one part into their own database, and `bench merge`
// puts the parts back together. An item's shard is its position in the suite's item order (tasks
// in suite order, indexes 0..n-1 within each) modulo N: every shard gets a near-equal share of
// every task, and the assignment depends only on the suite, `--task` and `-n` (all part of the run
// identity), never on concurrency, timing or what an earlier invocation finished.

export interface Shard {
  /** 0-based: 0 ≤ index < count (Kubernetes' JOB_COMPLETION_INDEX, `--array=0-(N-1)` in Slurm). */
  index: number;
  count: number;
}

export class ShardError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShardError';
  }
}

/** 'i/N' → Shard; one line saying what is accepted otherwise. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new ShardError(`--shard must be 'i/N' with 0 ≤ i < N, e.g. '0/4' (got '${text}')`);
  const index = Number(m[1]),
    count = Number(m[2]);
  if (!Number.isSafeInteger(count) || count < 1) throw new ShardError(`--shard '${text}': N must be ≥ 1`);
  if (index >= count)
    throw new ShardError(
      `--shard '${text}': i is 0-based and must be < N (use ${count - 1}/${count} for the last shard)`,
    );
  return { index, count };
}

export const shardLabel = (s: Shard): string => `${s.index}/${s.count}`;

/** A shard of one is the whole run: it gets the unsharded run's identity. */
export const isPartial = (s: Shard | undefined): s is Shard => s !== undefined && s.count > 1;

/** Whether the item at this position of the run's item order belongs to the shard. */
export const inShard = (position: number, s: Shard | undefined): boolean =>
  !isPartial(s) || position % s.count === s.index;

/** How many of `total` positions fall in the shard. */
export const shardSize = (total: number, s: Shard | undefined): number =>
  !isPartial(s) ? total : Math.floor(total / s.count) + (s.index < total % s.count ? 1 : 0);
