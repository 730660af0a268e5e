import { Store } from '../store/store.js';
import { loadSuite, type Suite } from '../suite/load.js';
import { firstOf, storeLookup, suiteLookup } from '../verify/lookup.js';
import type { ItemLookup } from '../verify/score.js';
import { requireDb } from './options.js';

/** Where `bench score` and `bench serve` find an {id} request's item: --db (opened read-only; the caller closes it), then each --suite (loaded here). */
export function itemLookupOf(
  db: string | undefined,
  suiteNames: readonly string[] = [],
): { lookup: ItemLookup | undefined; store: Store | undefined; suites: Suite[] } {
  const lookups: ItemLookup[] = [];
  let store: Store | undefined;
  if (db) {
    requireDb(db, 'pass --db with an existing database');
    store = Store.openReadOnly(db);
    lookups.push(storeLookup(store));
  }
  const suites = suiteNames.map((s) => loadSuite(s));
  for (const s of suites) lookups.push(suiteLookup(s));
  return { lookup: firstOf(lookups), store, suites };
}
