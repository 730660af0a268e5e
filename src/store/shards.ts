// The shard columns of a run (migration 3). Kept apart from store.ts so that sharding stays one
// small addition to the run lifecycle.
import type { Store } from './store.js';

export interface ShardOf { index: number; count: number }

/** Marks a run as shard `index/count` of the run `wholeRunId` (idempotent: resume writes the same). */
export function recordShard(store: Store, runId: string, shard: ShardOf, wholeRunId: string): void {
  store.db.prepare('UPDATE runs SET shard_index = ?, shard_count = ?, shard_of = ? WHERE id = ?')
    .run(shard.index, shard.count, wholeRunId, runId);
}

export interface RunShardInfo { index: number; count: number; of: string }

/** The shard a run is, or undefined for a whole run. */
export function shardOfRun(store: Store, runId: string): RunShardInfo | undefined {
  const row = store.db.prepare('SELECT shard_index AS i, shard_count AS c, shard_of AS o FROM runs WHERE id = ?').get(runId) as
    { i: number | null; c: number | null; o: string | null } | undefined;
  return row && row.i !== null && row.c !== null && row.o !== null ? { index: row.i, count: row.c, of: row.o } : undefined;
}
