// Where `{id, response}` requests find their item: the database (an item a run stored), or a
// suite (its eval items regenerated on demand, remembered by id).
import type { Store } from '../store/store.js';
import { itemTruth } from '../store/verdict-queries.js';
import type { Suite, SuiteTask } from '../suite/load.js';
import { itemIdOf, makeItem } from '../suite/expand.js';
import type { ItemLookup } from './score.js';

export function storeLookup(store: Store): ItemLookup {
  return (id) => itemTruth(store, id);
}

/** Items regenerated on first use: a suite's ids are cheap to compute, its items are not. */
const REMEMBERED = 4096;

export function suiteLookup(suite: Suite): ItemLookup {
  let index: Map<string, [SuiteTask, number]> | undefined;
  const made = new Map<string, { generator: string; truth: unknown }>();
  return (id) => {
    const hit = made.get(id);
    if (hit) return hit;
    index ??= new Map(
      suite.tasks.flatMap((t) =>
        Array.from({ length: t.n }, (_, i) => [itemIdOf(t, i), [t, i]] as [string, [SuiteTask, number]]),
      ),
    );
    const where = index.get(id);
    if (!where) return undefined;
    const item = makeItem(where[0], where[1], '', id);
    const found = { generator: where[0].generator.name, truth: item.problem.truth };
    if (made.size >= REMEMBERED) made.delete(made.keys().next().value!);
    made.set(id, found);
    return found;
  };
}

/** The first lookup that knows the id. */
export function firstOf(lookups: readonly ItemLookup[]): ItemLookup | undefined {
  if (!lookups.length) return undefined;
  return (id) => {
    for (const l of lookups) {
      const found = l(id);
      if (found) return found;
    }
    return undefined;
  };
}
