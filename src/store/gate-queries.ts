// Reads for `bench gate`: a run's per-answer outcomes and the metadata needed to check that two
// runs (or a run and a frozen baseline) are about the same items. Read-only; the schema is the
// store's.
import { sqlOf, type Store } from './store.js';

export interface GateRunMeta {
  id: string;
  modelSpec: string;
  modelIdentity: string;
  suiteName: string;
  suiteVersion: string;
  suiteHash: string;
  generatorVersions: Record<string, string>;
  sampling: unknown;
  samples: number;
  status: string;
}

export interface OutcomeRow {
  itemId: string;
  sample: number;
  task: string;
  /** 1 right, 0 wrong, null when the answer is an error. */
  correct: number | null;
}

export function gateRunMeta(store: Store, runId: string): GateRunMeta | undefined {
  const row = sqlOf(store)
    .prepare(
      `SELECT id, model_spec AS modelSpec, model_identity AS modelIdentity, suite_name AS suiteName,
    suite_version AS suiteVersion, suite_hash AS suiteHash, generator_versions AS generatorVersions, sampling, samples, status
    FROM runs WHERE id = ?`,
    )
    .get(runId) as
    (Omit<GateRunMeta, 'generatorVersions' | 'sampling'> & { generatorVersions: string; sampling: string }) | undefined;
  if (!row) return undefined;
  return { ...row, generatorVersions: JSON.parse(row.generatorVersions), sampling: JSON.parse(row.sampling) };
}

/** Run ids starting with `prefix` (a short id typed by hand), at most `limit`. */
export function runIdsWithPrefix(store: Store, prefix: string, limit = 5): string[] {
  return (
    sqlOf(store)
      .prepare('SELECT id FROM runs WHERE id >= ? AND id < ? ORDER BY id LIMIT ?')
      .raw()
      .all(prefix, `${prefix}\uffff`, limit) as [string][]
  ).map((r) => r[0]);
}

/** Every stored answer of a run: the verdict's correctness, or null for an error. */
export function runOutcomes(store: Store, runId: string): OutcomeRow[] {
  return sqlOf(store)
    .prepare(
      `SELECT item_id AS itemId, sample, task, CASE WHEN status = 'ok' THEN correct END AS correct
    FROM results WHERE run_id = ?`,
    )
    .all(runId) as OutcomeRow[];
}
