// The one read model: every number a user sees (run summary, report, leaderboard, compare,
// export, and the gate's input accuracies through paired.ts) comes from here, over the store's read API by entity (runs, tasks, outcomes, answers).
// Weighting is always explicit (macro over tasks by default, or micro over items), the gap is
// always ID − OOD from stats/macro's gapEstimates, and family metrics come only from the family's
// own Generator.summarizeDetails.
import { isPerCheckMetric } from '../core/family.js';
import { registry } from '../../generators/index.js';
import { buildBoard, type Board, type BoardOptions, type SuiteBoard } from '../report/board.js';
import { loadDataset, type Dataset, type SelectOptions, type SuiteData } from '../report/data.js';
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

export { isPerCheckMetric };

function headline(metrics: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(metrics).filter(([k]) => !isPerCheckMetric(k)));
}

/** A task's headline family metrics for one run, from the family's own summarizeDetails (undefined when it has none). */
export function familyMetrics(
  store: Store,
  runId: string,
  task: string,
  generator: string,
): Record<string, number> | undefined {
  const summarize = registry.get(generator)?.summarizeDetails;
  if (!summarize) return undefined;
  const details = store.verdictDetails(runId, task);
  return details.length ? headline(summarize(details)) : undefined;
}

export interface SplitMetrics {
  /** Finished answers whose details were summarized. */
  answers: number;
  /** Everything the family's summarizeDetails returned, per-check keys included. */
  metrics: Record<string, number>;
}

/** Model → split → a family's metrics; what the site's check tables show. */
export type FamilyMetricsBoard = Record<string, Partial<Record<'id' | 'ood', SplitMetrics>>>;

/**
 * A family's metrics per model and split, over the answers of the split's tasks pooled (control
 * tasks left out), computed only by the family's own summarizeDetails. Undefined when its tasks
 * have none, or their generators summarize differently (answers of two kinds are not pooled).
 */
export function familySplitMetrics(store: Store, suite: SuiteData, family: string): FamilyMetricsBoard | undefined {
  const tasks = [...suite.tasks.values()]
    .map((t) => t.info)
    .filter((t) => t.family === family && !t.control && (t.split === 'id' || t.split === 'ood'));
  const summarizers = new Set(tasks.map((t) => registry.get(t.generator)?.summarizeDetails));
  const [summarize] = summarizers;
  if (summarizers.size !== 1 || !summarize) return undefined;
  const board: FamilyMetricsBoard = {};
  for (const [model, run] of suite.runs) {
    for (const split of ['id', 'ood'] as const) {
      const details = tasks.filter((t) => t.split === split).flatMap((t) => store.verdictDetails(run.id, t.id));
      if (details.length === 0) continue;
      (board[model] ??= {})[split] = { answers: details.length, metrics: summarize(details) };
    }
  }
  return Object.keys(board).length ? board : undefined;
}
