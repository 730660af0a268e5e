// Checkpoints and training series: which checkpoint (path, fingerprint, step) a run evaluated and
// which named series it belongs to. Written by `bench run`, read by report, leaderboard and gate.
import { sqlOf, type RunStatus, type Store } from './store.js';

export interface RunCheckpointRecord {
  runId: string;
  path: string;
  fingerprint?: string;
  manifest?: unknown;
  step?: number;
  series?: string;
}

export function recordRunCheckpoint(store: Store, r: RunCheckpointRecord): void {
  sqlOf(store)
    .prepare(
      `INSERT OR REPLACE INTO run_checkpoints (run_id, checkpoint_path, fingerprint, manifest, step, series, recorded_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      r.runId,
      r.path,
      r.fingerprint ?? null,
      r.manifest === undefined ? null : JSON.stringify(r.manifest),
      r.step ?? null,
      r.series ?? null,
      new Date().toISOString(),
    );
}

export interface SeriesRun {
  runId: string;
  modelSpec: string;
  suiteName: string;
  status: RunStatus;
  startedAt: string;
  path: string;
  fingerprint: string | null;
  step: number | null;
}

/** The runs of a series (only those whose run row exists), by step then start time. */
export function seriesRuns(store: Store, series: string): SeriesRun[] {
  return sqlOf(store)
    .prepare(
      `SELECT c.run_id AS runId, u.model_spec AS modelSpec, u.suite_name AS suiteName, u.status, u.started_at AS startedAt,
      c.checkpoint_path AS path, c.fingerprint, c.step
    FROM run_checkpoints c JOIN runs u ON u.id = c.run_id WHERE c.series = ?
    ORDER BY c.step IS NULL, c.step, u.started_at`,
    )
    .all(series) as SeriesRun[];
}

/** Series names with their number of runs. */
export function seriesNames(store: Store): { series: string; runs: number }[] {
  return sqlOf(store)
    .prepare(
      `SELECT c.series AS series, COUNT(*) AS runs FROM run_checkpoints c JOIN runs u ON u.id = c.run_id
    WHERE c.series IS NOT NULL GROUP BY c.series ORDER BY c.series`,
    )
    .all() as { series: string; runs: number }[];
}

/** The checkpoint a run evaluated, if recorded. */
export function runCheckpoint(
  store: Store,
  runId: string,
): { path: string; fingerprint: string | null; step: number | null; series: string | null } | undefined {
  return sqlOf(store)
    .prepare('SELECT checkpoint_path AS path, fingerprint, step, series FROM run_checkpoints WHERE run_id = ?')
    .get(runId) as { path: string; fingerprint: string | null; step: number | null; series: string | null } | undefined;
}
