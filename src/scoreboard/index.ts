// The one read model: every number a user sees (run summary, report, leaderboard, compare,
// export, and the gate's input accuracies through paired.ts) comes from here, over the store's read API by entity (runs, tasks, outcomes, answers).
// Weighting is always explicit (macro over tasks by default, or micro over items), the gap is
// always ID − OOD from stats/macro's gapEstimates, and family metrics come only from the family's
// own Generator.summarizeDetails.
import { registry } from '../../generators/index.js';
import { buildBoard, type Board, type BoardOptions, type SuiteBoard } from '../report/board.js';
import { loadDataset, type Dataset, type SelectOptions } from '../report/data.js';
import type { Store } from '../store/store.js';

export type { Board, BoardOptions, SuiteBoard, Weighting } from '../report/board.js';
export type { Dataset, SelectOptions } from '../report/data.js';
/** The two steps of scoreboard(), for callers that time them apart (the site build). */
export { buildBoard, loadDataset };

export interface Scoreboard {
  /** The computed numbers: what report, site and summaries render. */
  board: Board;
  /** The per-item outcomes they were computed from (for paired comparisons and exports). */
  data: Dataset;
}

/** Boards for the selected runs: each (model, suite) by its chosen run, unless `runs` names them. */
export function scoreboard(store: Store, select: SelectOptions = {}, options: BoardOptions = {}): Scoreboard {
  const data = loadDataset(store, select);
  return { board: buildBoard(data, options), data };
}

/** The board of one run on its own (its model alone on its suite). */
export function runBoard(store: Store, runId: string, options: BoardOptions = {}): SuiteBoard | undefined {
  return scoreboard(store, { runs: [runId] }, options).board.suites[0];
}

/** A task's family metrics for one run, from the family's own summarizeDetails (undefined when it has none). */
export function familyMetrics(store: Store, runId: string, task: string, generator: string): Record<string, number> | undefined {
  const summarize = registry.get(generator)?.summarizeDetails;
  if (!summarize) return undefined;
  const details = store.verdictDetails(runId, task);
  return details.length ? summarize(details) : undefined;
}
