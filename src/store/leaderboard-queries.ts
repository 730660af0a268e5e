// Read queries for `bench report` and `bench leaderboard`. Queries over many rows return raw
// positional arrays, one run at a time, so a million results never sit in memory as row objects.
import type { Split } from '../core/types.js';
import type { TaskRole } from '../core/role.js';
import { sqlOf, type RunStatus, type Store } from './store.js';

export interface RunOverview {
  id: string;
  modelSpec: string;
  modelIdentity: string;
  suiteName: string;
  suiteVersion: string;
  suiteHash: string;
  harnessVersion: string;
  sampling: string;
  samples: number;
  generatorVersions: string;
  createdAt: string;
  startedAt: string;
  endedAt: string | null;
  status: RunStatus;
  planned: number;
  /** Stored results: finished, failed with an error, answered from the cache. */
  ok: number;
  errors: number;
  cached: number;
  inputTokens: number;
  outputTokens: number;
  /** Sum of latencies (ms) and how many results had one. */
  latencySum: number;
  latencyCount: number;
}

/** Every run with its result counts, tokens and latency totals. */
export function runOverviews(store: Store): RunOverview[] {
  return sqlOf(store)
    .prepare(
      `
    SELECT u.id, u.model_spec AS modelSpec, u.model_identity AS modelIdentity, u.suite_name AS suiteName,
      u.suite_version AS suiteVersion, u.suite_hash AS suiteHash, u.harness_version AS harnessVersion, u.sampling,
      u.samples, u.generator_versions AS generatorVersions, u.created_at AS createdAt, u.started_at AS startedAt,
      u.ended_at AS endedAt, u.status, u.planned,
      COALESCE(a.ok, 0) AS ok, COALESCE(a.errors, 0) AS errors, COALESCE(a.cached, 0) AS cached,
      COALESCE(a.inputTokens, 0) AS inputTokens, COALESCE(a.outputTokens, 0) AS outputTokens,
      COALESCE(a.latencySum, 0) AS latencySum, COALESCE(a.latencyCount, 0) AS latencyCount
    FROM runs u LEFT JOIN (
      SELECT run_id,
        COUNT(CASE WHEN status = 'ok' THEN 1 END) AS ok, COUNT(CASE WHEN status = 'error' THEN 1 END) AS errors,
        SUM(cached) AS cached, SUM(input_tokens) AS inputTokens, SUM(output_tokens) AS outputTokens,
        SUM(latency_ms) AS latencySum, COUNT(latency_ms) AS latencyCount
      FROM results GROUP BY run_id
    ) a ON a.run_id = u.id
    ORDER BY u.started_at DESC, u.id`,
    )
    .all() as RunOverview[];
}

export interface RunTaskRow {
  runId: string;
  task: string;
  generator: string;
  family: string;
  split: Split;
  axis: string;
  role: TaskRole;
  params: string;
  seed: string;
  n: number;
  /** Why the run's model could not take this task (e.g. 'needs image input'), or null. */
  unsupported: string | null;
}

export function runTasks(store: Store, runIds: readonly string[]): RunTaskRow[] {
  const stmt = sqlOf(store)
    .prepare(`SELECT run_id AS runId, task, generator, family, split, axis, role, params, seed, n, unsupported
    FROM run_tasks WHERE run_id = ? ORDER BY rowid`);
  return runIds.flatMap((id) => stmt.all(id) as RunTaskRow[]);
}

/** One stored result, as a positional tuple: [task, itemId, sample, status, correct, score]. */
export type OutcomeTuple = [string, string, number, 'ok' | 'error', number | null, number | null];

/**
 * The results of one run in primary-key order (item id, then sample), so the samples of an item
 * arrive together. Rows come as positional arrays: a run of 100,000 results is a few MB.
 */
export function forEachOutcome(store: Store, runId: string, fn: (row: OutcomeTuple) => void): void {
  const rows = sqlOf(store)
    .prepare('SELECT task, item_id, sample, status, correct, score FROM results WHERE run_id = ?')
    .raw()
    .all(runId) as OutcomeTuple[];
  for (const row of rows) fn(row);
}

/** [itemId, index within its task, generator, difficulty JSON]. */
export type ItemKnobTuple = [string, number, string, string];

/** The index and difficulty knobs of the given items (ids not in the table are skipped). */
export function forEachItemKnobs(store: Store, itemIds: Iterable<string>, fn: (row: ItemKnobTuple) => void): void {
  const stmt = sqlOf(store).prepare('SELECT id, idx, generator, difficulty FROM items WHERE id = ?').raw();
  for (const id of itemIds) {
    const row = stmt.get(id) as ItemKnobTuple | undefined;
    if (row) fn(row);
  }
}

/** [task, itemId, sample, details JSON or null] of the finished results of some tasks of a run. */
export type DetailsTuple = [string, string, number, string | null];

export function forEachDetails(
  store: Store,
  runId: string,
  tasks: readonly string[],
  fn: (row: DetailsTuple) => void,
): void {
  if (tasks.length === 0) return;
  // One pass over the run's rows (its primary-key range), whatever the number of tasks.
  const stmt = sqlOf(store)
    .prepare(
      `SELECT task, item_id, sample, json_extract(verdict, '$.details') FROM results
    WHERE run_id = ? AND status = 'ok' AND task IN (${tasks.map(() => '?').join(', ')})`,
    )
    .raw();
  for (const row of stmt.iterate(runId, ...tasks)) fn(row as DetailsTuple);
}

/** Latency quantiles (ms) of a run's results (one pass over the run; the sort happens in memory). */
export function latencyQuantiles(store: Store, runId: string, qs: readonly number[]): (number | null)[] {
  const values = Float64Array.from(
    sqlOf(store)
      .prepare('SELECT latency_ms FROM results WHERE run_id = ? AND latency_ms IS NOT NULL')
      .pluck()
      .all(runId) as number[],
  );
  if (values.length === 0) return qs.map(() => null);
  values.sort();
  return qs.map((q) => values[Math.min(values.length - 1, Math.max(0, Math.round(q * (values.length - 1))))]!);
}

export interface ItemAnswerRow {
  runId: string;
  modelSpec: string;
  sample: number;
  task: string;
  split: Split;
  axis: string;
  status: 'ok' | 'error';
  output: string | null;
  correct: number | null;
  score: number | null;
  formatOk: number | null;
  verdict: string | null;
  errorKind: string | null;
  errorMessage: string | null;
  turns: number;
  latencyMs: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
}

/** Every stored answer to one item from the given runs. */
export function itemAnswers(store: Store, itemId: string, runIds: readonly string[]): ItemAnswerRow[] {
  if (runIds.length === 0) return [];
  const marks = runIds.map(() => '?').join(', ');
  return sqlOf(store)
    .prepare(
      `
    SELECT r.run_id AS runId, u.model_spec AS modelSpec, r.sample, r.task, rt.split, rt.axis, r.status, r.output, r.correct,
      r.score, r.format_ok AS formatOk, r.verdict, r.error_kind AS errorKind, r.error_message AS errorMessage, r.turns,
      r.latency_ms AS latencyMs, r.input_tokens AS inputTokens, r.output_tokens AS outputTokens
    FROM results r JOIN runs u ON u.id = r.run_id JOIN run_tasks rt ON rt.run_id = r.run_id AND rt.task = r.task
    WHERE r.item_id = ? AND r.run_id IN (${marks}) ORDER BY u.model_spec, r.sample`,
    )
    .all(itemId, ...runIds) as ItemAnswerRow[];
}
