// Read API for `bench export`: every stored result of some runs, joined with its task (split,
// axis) and item (index, knobs), streamed in run and primary-key order.
import { sqlOf, type Store } from './store.js';

export interface ExportRow {
  runId: string;
  suite: string;
  model: string;
  task: string;
  generator: string;
  generatorVersion: string;
  family: string;
  split: string;
  axis: string;
  itemId: string;
  itemIndex: number;
  sample: number;
  difficulty: string;
  status: 'ok' | 'error';
  correct: number | null;
  score: number | null;
  formatOk: number | null;
  errorKind: string | null;
  turns: number;
  inputTokens: number | null;
  outputTokens: number | null;
  latencyMs: number | null;
  cached: number;
}

export function forEachExportRow(store: Store, runIds: readonly string[], fn: (row: ExportRow) => void): void {
  const stmt = sqlOf(store)
    .prepare(`SELECT r.run_id AS runId, u.suite_name AS suite, u.model_spec AS model, r.task AS task,
      i.generator AS generator, i.generator_version AS generatorVersion, rt.family AS family, rt.split AS split, rt.axis AS axis,
      r.item_id AS itemId, i.idx AS itemIndex, r.sample AS sample, i.difficulty AS difficulty, r.status AS status,
      r.correct AS correct, r.score AS score, r.format_ok AS formatOk, r.error_kind AS errorKind, r.turns AS turns,
      r.input_tokens AS inputTokens, r.output_tokens AS outputTokens, r.latency_ms AS latencyMs, r.cached AS cached
    FROM results r JOIN runs u ON u.id = r.run_id JOIN run_tasks rt ON rt.run_id = r.run_id AND rt.task = r.task
      JOIN items i ON i.id = r.item_id
    WHERE r.run_id = ? ORDER BY r.item_id, r.sample`);
  for (const id of runIds) for (const row of stmt.iterate(id)) fn(row as ExportRow);
}
