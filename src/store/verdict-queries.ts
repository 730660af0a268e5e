// Reads and writes for re-verification (`bench score` by id, `bench rescore`): an item's truth,
// a run's stored answers, and replacing a verdict while keeping the old one in verdict_history.
import type { Verdict } from '../core/types.js';
import { sqlOf, type Store } from './store.js';

/** The generator and truth of a stored item, without its prompt. */
export function itemTruth(store: Store, itemId: string): { generator: string; truth: unknown } | undefined {
  const row = sqlOf(store).prepare('SELECT generator, truth FROM items WHERE id = ?').get(itemId) as
    { generator: string; truth: string } | undefined;
  return row ? { generator: row.generator, truth: JSON.parse(row.truth) } : undefined;
}

export interface StoredAnswer {
  runId: string;
  itemId: string;
  sample: number;
  task: string;
  generator: string;
  truth: string;
  output: string | null;
  turns: number;
  correct: number | null;
  score: number | null;
  formatOk: number | null;
  /** JSON {reason, parsed, details}. */
  verdict: string | null;
  verifierVersion: string | null;
}

/** Every scored answer (status ok) of the given runs (all runs when none given), streamed. */
export function* storedAnswers(store: Store, runIds?: readonly string[]): Generator<StoredAnswer> {
  const base = `SELECT r.run_id AS runId, r.item_id AS itemId, r.sample AS sample, r.task AS task, i.generator AS generator, i.truth AS truth,
    r.output AS output, r.turns AS turns, r.correct AS correct, r.score AS score, r.format_ok AS formatOk, r.verdict AS verdict,
    r.verifier_version AS verifierVersion
    FROM results r JOIN items i ON i.id = r.item_id WHERE r.status = 'ok'`;
  if (!runIds) {
    yield* sqlOf(store)
      .prepare(`${base} ORDER BY r.run_id, r.task, r.item_id, r.sample`)
      .iterate() as Iterable<StoredAnswer>;
    return;
  }
  const stmt = sqlOf(store).prepare(`${base} AND r.run_id = ? ORDER BY r.task, r.item_id, r.sample`);
  for (const id of runIds) yield* stmt.iterate(id) as Iterable<StoredAnswer>;
}

export interface VerdictUpdate {
  runId: string;
  itemId: string;
  sample: number;
  verdict: Verdict;
  verifierVersion: string;
  /** False: only the recorded verifier version changes (same verdict), no history row. */
  changed: boolean;
}

/** The JSON kept in results.verdict, as the runner writes it. */
export function verdictJson(v: Verdict): string {
  return JSON.stringify({ reason: v.reason, parsed: v.parsed, details: v.details });
}

/** Applies updates in one transaction; each changed verdict's predecessor goes to verdict_history. */
export function replaceVerdicts(store: Store, updates: readonly VerdictUpdate[], rescoreId: string): void {
  const t = new Date().toISOString();
  const keep = sqlOf(store)
    .prepare(`INSERT INTO verdict_history (run_id, item_id, sample, verifier_version, correct, score, format_ok, verdict, replaced_at, replaced_by)
    SELECT run_id, item_id, sample, verifier_version, correct, score, format_ok, verdict, ?, ? FROM results WHERE run_id = ? AND item_id = ? AND sample = ?`);
  const set = sqlOf(store)
    .prepare(`UPDATE results SET correct = ?, score = ?, format_ok = ?, verdict = ?, verifier_version = ?
    WHERE run_id = ? AND item_id = ? AND sample = ?`);
  const version = sqlOf(store).prepare(
    'UPDATE results SET verifier_version = ? WHERE run_id = ? AND item_id = ? AND sample = ?',
  );
  sqlOf(store).transaction(() => {
    for (const u of updates) {
      if (!u.changed) {
        version.run(u.verifierVersion, u.runId, u.itemId, u.sample);
        continue;
      }
      keep.run(t, rescoreId, u.runId, u.itemId, u.sample);
      set.run(
        u.verdict.correct ? 1 : 0,
        u.verdict.score,
        u.verdict.formatOk ? 1 : 0,
        verdictJson(u.verdict),
        u.verifierVersion,
        u.runId,
        u.itemId,
        u.sample,
      );
    }
  })();
}

export interface HistoryRow {
  verifierVersion: string | null;
  correct: number | null;
  score: number | null;
  formatOk: number | null;
  verdict: string | null;
  replacedAt: string;
  replacedBy: string | null;
}

/** Earlier verdicts of one answer, oldest first. */
export function verdictHistory(store: Store, runId: string, itemId: string, sample: number): HistoryRow[] {
  return sqlOf(store)
    .prepare(
      `SELECT verifier_version AS verifierVersion, correct, score, format_ok AS formatOk, verdict, replaced_at AS replacedAt,
    replaced_by AS replacedBy FROM verdict_history WHERE run_id = ? AND item_id = ? AND sample = ? ORDER BY rowid`,
    )
    .all(runId, itemId, sample) as HistoryRow[];
}
