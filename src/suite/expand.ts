// Turning a suite's tasks into items: (task, index) → Problem, lazily, so 100,000 items never
// sit in memory at once.
import type { Problem, Split } from '../core/types.js';
import { Rng } from '../core/rng.js';
import { itemId } from '../core/hash.js';
import type { ItemRecord } from '../store/store.js';
import type { Suite, SuiteTask } from './load.js';
import { dedupKeyOf, distinctIndices, stallLimit } from './distinct.js';

export { dedupKeyOf } from './distinct.js';

export interface Item {
  id: string;
  task: SuiteTask;
  index: number;
  /** The seed the item was drawn from (the task's seed, or a derived one for training items). */
  seed: number | string;
  split: Split;
  problem: Problem;
}

/** The stream name that keeps training items apart from the eval items of the same task. */
const TRAIN_STREAM = 'train';

const seedOf = (task: SuiteTask, stream: string) => (stream ? `${task.seed}/${stream}` : task.seed);

/** The id of item `index` of a task, without generating it (resume skips finished items by id). */
export function itemIdOf(task: SuiteTask, index: number, stream = ''): string {
  return itemId(task.generator.name, task.generator.version, task.params, seedOf(task, stream), index);
}

/** `id` may be passed when the caller already computed it. */
export function makeItem(task: SuiteTask, index: number, stream = '', id = itemIdOf(task, index, stream)): Item {
  const seed = seedOf(task, stream);
  const problem = task.generator.generate(task.params, Rng.forItem(seed, index));
  return { id, task, index, seed, split: stream === TRAIN_STREAM ? 'train' : task.split, problem };
}

/**
 * The item indices of a task's first `n` items: distinct problems, duplicates skipped (not
 * renumbered). No generation for shipped suites (see distinct.ts). The runner iterates these.
 */
export function taskIndices(task: SuiteTask, n = task.n): number[] {
  return distinctIndices(task, Math.min(n, task.n)).indices;
}

/** The first n items of a task (n defaults to the task's count), distinct problems. */
export function* taskItems(task: SuiteTask, n = task.n): Generator<Item> {
  for (const i of taskIndices(task, n)) yield makeItem(task, i);
}

/**
 * Training items from the suite's ID region: the ID tasks' generators and params on a separate
 * seed stream, skipping every instance that also occurs in any eval task of the same generator.
 * Gives up on a task by the same stall rule as the eval items' distinctness (`stallLimit`): a
 * long run of draws that bring nothing new means the region holds no more fresh instances.
 */
export function* trainItems(suite: Suite, n?: number): Generator<Item> {
  const evalKeys = new Map<string, Set<string>>();
  for (const task of suite.tasks) {
    if (task.split === 'train') continue;
    const keys = evalKeys.get(task.generator.name) ?? new Set<string>();
    for (const item of taskItems(task)) keys.add(dedupKeyOf(item.problem));
    evalKeys.set(task.generator.name, keys);
  }
  for (const task of suite.tasks.filter((t) => t.split === 'id' || t.split === 'train')) {
    const want = n ?? task.n;
    const blocked = evalKeys.get(task.generator.name) ?? new Set<string>();
    const seenHere = new Set<string>();
    let made = 0,
      stall = 0;
    for (let i = 0; made < want && stall < stallLimit(seenHere.size); i++) {
      const item = makeItem(task, i, TRAIN_STREAM);
      const key = dedupKeyOf(item.problem);
      if (blocked.has(key) || seenHere.has(key)) {
        stall++;
        continue;
      }
      stall = 0;
      seenHere.add(key);
      made++;
      yield item;
    }
  }
}

export function itemRecord(item: Item): ItemRecord {
  const { task, problem } = item;
  return {
    id: item.id,
    generator: task.generator.name,
    generatorVersion: task.generator.version,
    family: task.family,
    params: task.params,
    seed: item.seed,
    index: item.index,
    difficulty: problem.difficulty,
    messages: problem.messages,
    truth: problem.truth,
    reference: problem.reference,
  };
}
