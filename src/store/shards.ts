// The shard columns of a run (migration 3). Kept apart from store.ts so that sharding stays one
// small addition to the run lifecycle.
import { sqlOf, type Store } from './store.js';

export interface ShardOf {
  index: number;
  count: number;
}

/** Marks a run as shard `index/count` of the run `wholeRunId` (idempotent: resume writes the same). */
export function recordShard(store: Store, runId: string, shard: ShardOf, wholeRunId: string): void {
  sqlOf(store)
    .prepare('UPDATE runs SET shard_index = ?, shard_count = ?, shard_of = ? WHERE id = ?')
    .run(shard.index, shard.count, wholeRunId, runId);
}
