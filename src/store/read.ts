// The store's read API, by entity: what the scoreboard, compare, export and the site read. Each
// reader names the entity it returns; SQL lives in the query modules next to this one.
import type { Store } from './store.js';
import {
  forEachDetails,
  forEachItemKnobs,
  forEachOutcome,
  itemAnswers,
  latencyQuantiles,
  runOverviews,
  runTasks,
  type DetailsTuple,
  type ItemAnswerRow,
  type ItemKnobTuple,
  type OutcomeTuple,
  type RunOverview,
  type RunTaskRow,
} from './leaderboard-queries.js';
import { forEachExportRow, type ExportRow } from './export-queries.js';
import { tableColumns, tableCount, tableRows, type StoredRow } from './row-queries.js';

export type { DetailsTuple, ExportRow, StoredRow, ItemAnswerRow, ItemKnobTuple, OutcomeTuple, RunOverview, RunTaskRow };

export const read = {
  /** Runs with their counts, tokens and latency sums. */
  runs: (store: Store): RunOverview[] => runOverviews(store),
  /** The tasks of some runs (split, axis, family, unsupported reason), in suite order. */
  tasks: (store: Store, runIds: readonly string[]): RunTaskRow[] => runTasks(store, runIds),
  /** A run's outcomes, item by item: [task, item, sample, status, correct, score]. */
  outcomes: (store: Store, runId: string, fn: (row: OutcomeTuple) => void): void => forEachOutcome(store, runId, fn),
  /** Verdict details of a run's answers on some tasks. */
  details: (store: Store, runId: string, tasks: readonly string[], fn: (row: DetailsTuple) => void): void =>
    forEachDetails(store, runId, tasks, fn),
  /** Every model's answer to one item, among the given runs. */
  answers: (store: Store, itemId: string, runIds: readonly string[]): ItemAnswerRow[] =>
    itemAnswers(store, itemId, runIds),
  /** One item: prompt, truth, reference, knobs. */
  item: (store: Store, itemId: string) => store.item(itemId),
  /** Index and difficulty knobs of some items. */
  itemKnobs: (store: Store, itemIds: Iterable<string>, fn: (row: ItemKnobTuple) => void): void =>
    forEachItemKnobs(store, itemIds, fn),
  /** Latency quantiles of a run's answers (ms). */
  latency: (store: Store, runId: string, qs: readonly number[]): (number | null)[] =>
    latencyQuantiles(store, runId, qs),
  /** Flat result rows (run × task × item × sample) for exports. */
  results: (store: Store, runIds: readonly string[], fn: (row: ExportRow) => void): void =>
    forEachExportRow(store, runIds, fn),
  /** A table's rows exactly as stored (snake_case columns, JSON as text): for tests and benchmarks. */
  rows: (store: Store, table: string, orderBy?: readonly string[]): StoredRow[] => tableRows(store, table, orderBy),
  /** How many rows a table holds. */
  count: (store: Store, table: string): number => tableCount(store, table),
  /** A table's column names, in schema order. */
  columns: (store: Store, table: string): string[] => tableColumns(store, table),
};
