// What every page builder gets: the computed board, the loaded data, and helpers that keep
// colours and links consistent across the site.
import type { Board, SuiteBoard } from '../report/board.js';
import type { Dataset, SuiteData } from '../report/data.js';
import type { FamilyMetricsBoard } from '../scoreboard/index.js';
import type { ItemMeta } from './views.js';

export interface Prices {
  [modelPattern: string]: { input: number; output: number };
}

/**
 * What pages render. Pages never read the store: the build reads everything first (board, data,
 * latency, checks; an item's view just before its page) and pages only format it.
 */
export interface SiteContext {
  board: Board;
  data: Dataset;
  generatedAt: string;
  /** Item id → its index within its task and its difficulty knobs. */
  meta: Map<string, ItemMeta>;
  /** `${suite}\u0000${task}` → ids of the items that get a page, in index order. */
  shownItems: Map<string, string[]>;
  prices?: Prices;
  /** Model spec → the training series it belongs to (for the link from its row). */
  seriesOf?: Map<string, string>;
  /** Run id → [p50, p95] answer latency (ms). */
  latency: Map<string, (number | null)[]>;
  /** `${suite}\u0000${family}` → the family's own metrics (its summarizeDetails), per model and split. */
  checks: Map<string, FamilyMetricsBoard | undefined>;
  /** Palette index of a model: the same colour on every page. */
  colour(model: string): number;
}

export function suitePair(ctx: SiteContext, board: SuiteBoard): SuiteData {
  return ctx.data.suites.find((s) => s.name === board.suite)!;
}

export const shownKey = (suite: string, task: string) => `${suite}\u0000${task}`;

/** USD per million tokens from the first price entry whose key equals or is contained in the spec. */
export function priceFor(prices: Prices | undefined, model: string): { input: number; output: number } | undefined {
  if (!prices) return undefined;
  if (prices[model]) return prices[model];
  const key = Object.keys(prices).find((k) => model.includes(k));
  return key ? prices[key] : undefined;
}
