// The items a gate compares: every scored task of the suite (train tasks excluded, as in `bench
// run`), its first count distinct items (suite/expand.ts's taskIndices), samples 0..samples-1.
// Item ids are hashes of (generator, version, params, seed, index), so planning a shipped suite
// needs no generation at all.
import { itemIdOf, taskIndices } from '../suite/expand.js';
import type { Suite, SuiteTask } from '../suite/load.js';

export interface PlannedTask {
  task: SuiteTask;
  count: number;
  itemIds: string[];
}

export interface GatePlan {
  suite: Suite;
  tasks: PlannedTask[];
  /** The per-task item cap given to the runner (undefined: each task's n). */
  n?: number;
  samples: number;
}

/** One answer: right, wrong, or null when the harness recorded an error instead of a verdict. */
export type Outcome = boolean | null;
/** Answers keyed by `outcomeKey(itemId, sample)`. */
export type OutcomeMap = Map<string, Outcome>;

export const outcomeKey = (id: string, sample: number): string => `${id}#${sample}`;

export function makePlan(suite: Suite, opts: { n?: number; samples?: number } = {}): GatePlan {
  const samples = opts.samples ?? 1;
  const tasks = suite.tasks
    .filter((t) => t.split !== 'train')
    .map((task) => {
      // Issue 17: the items the runner asks, distinct problems only (duplicates skipped).
      const itemIds = taskIndices(task, Math.min(task.n, opts.n ?? task.n)).map((i) => itemIdOf(task, i));
      return { task, count: itemIds.length, itemIds };
    });
  return { suite, tasks, n: opts.n, samples };
}

/** Every planned key of a task, in item then sample order. */
export function* plannedKeys(pt: PlannedTask, samples: number): Generator<string> {
  for (const id of pt.itemIds) for (let s = 0; s < samples; s++) yield outcomeKey(id, s);
}
