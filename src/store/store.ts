// The only code that speaks SQL. One writer, WAL, batched transactions: a batch of results and
// the cache entries they produced commit together, so a crash leaves either both or neither.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Message, Split, Verdict } from '../core/types.js';
import { canonicalJson, sha256 } from '../core/hash.js';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';

export interface ItemRecord {
  id: string;
  generator: string;
  generatorVersion: string;
  family: string;
  params: unknown;
  seed: number | string;
  index: number;
  difficulty: Record<string, number | string>;
  messages: Message[];
  truth: unknown;
  reference?: string;
}

export interface RunTaskRecord {
  task: string;
  generator: string;
  family: string;
  split: Split;
  axis: string;
  params: unknown;
  seed: number | string;
  n: number;
  /** Why the model cannot take this task (e.g. 'needs image input'); absent when it can. */
  unsupported?: string;
}

export interface RunRecord {
  id: string;
  modelSpec: string;
  modelIdentity: string;
  suiteName: string;
  suiteVersion: string;
  suiteHash: string;
  harnessVersion: string;
  sampling: unknown;
  samples: number;
  generatorVersions: Record<string, string>;
  planned: number;
  tasks: RunTaskRecord[];
}

export type RunStatus = 'running' | 'done' | 'interrupted' | 'failed';

export interface ResultRecord {
  runId: string;
  itemId: string;
  sample: number;
  task: string;
  status: 'ok' | 'error';
  output?: string;
  verdict?: Verdict;
  errorKind?: string;
  errorMessage?: string;
  turns: number;
  latencyMs?: number;
  inputTokens?: number;
  outputTokens?: number;
  /** Provider-measured numbers (per-token latency, time to first token), averaged over turns. */
  metrics?: Record<string, number>;
  cached: boolean;
}

export interface CacheEntry { key: string; text: string; usage?: unknown }

export interface RunRow {
  id: string; modelSpec: string; modelIdentity: string; suiteName: string; suiteHash: string;
  harnessVersion: string; sampling: string; samples: number; createdAt: string; startedAt: string;
  endedAt: string | null; status: RunStatus; planned: number;
}

export interface TaskSummaryRow {
  task: string; family: string; split: Split; axis: string; generator: string;
  n: number; correct: number; errors: number; scoreSum: number;
  /** Why the model could not take this task, or null. */
  unsupported: string | null;
}

export interface ItemResultRow {
  runId: string; modelSpec: string; sample: number; task: string; split: Split; status: string;
  output: string | null; correct: number | null; score: number | null; verdict: string | null;
  errorKind: string | null; errorMessage: string | null; latencyMs: number | null;
}

export class StoreError extends Error {
  constructor(message: string) { super(message); this.name = 'StoreError'; }
}

const now = () => new Date().toISOString();

export class Store {
  readonly db: Database.Database;
  private readonly stmts;

  private constructor(db: Database.Database) {
    this.db = db;
    this.stmts = {
      blob: db.prepare('INSERT OR IGNORE INTO blobs (hash, content) VALUES (?, ?)'),
      item: db.prepare(`INSERT OR IGNORE INTO items (id, generator, generator_version, params, seed, idx, difficulty, prompt_hash, truth, reference)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      generator: db.prepare('INSERT OR IGNORE INTO generators (name, version, family) VALUES (?, ?, ?)'),
      result: db.prepare(`INSERT OR REPLACE INTO results (run_id, item_id, sample, task, status, output, correct, score, format_ok, verdict,
        error_kind, error_message, turns, latency_ms, input_tokens, output_tokens, metrics, cached, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      cachePut: db.prepare('INSERT OR REPLACE INTO cache (key, text, usage, created_at) VALUES (?, ?, ?, ?)'),
      cacheGet: db.prepare('SELECT text, usage FROM cache WHERE key = ?'),
    };
  }

  /** Opens (creating folders and the file if needed) and migrates. ':memory:' works for tests. */
  static open(path: string): Store {
    let db: Database.Database;
    try {
      if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
      db = new Database(path);
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
    } catch (err) {
      throw new StoreError(`cannot open database ${path}: ${(err as Error).message}. Pass --db with a writable path.`);
    }
    migrate(db, path);
    return new Store(db);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  schemaVersion(): number {
    return readVersion(this.db);
  }

  /** Writes items (and their prompts, generators) that are not stored yet, in one transaction. */
  saveItems(items: readonly ItemRecord[]): void {
    this.guard(() => this.db.transaction(() => this.insertItems(items))());
  }

  private insertItems(items: readonly ItemRecord[]): void {
    for (const it of items) {
      const prompt = canonicalJson(it.messages);
      const promptHash = sha256(prompt);
      this.stmts.blob.run(promptHash, prompt);
      this.stmts.generator.run(it.generator, it.generatorVersion, it.family);
      this.stmts.item.run(it.id, it.generator, it.generatorVersion, canonicalJson(it.params), String(it.seed), it.index,
        canonicalJson(it.difficulty), promptHash, canonicalJson(it.truth ?? null), it.reference ?? null);
    }
  }

  /**
   * Creates the run, or reopens it when a run with the same id exists (same model, suite and
   * settings): that is what makes an interrupted run resumable.
   */
  beginRun(run: RunRecord): { resumed: boolean } {
    const existing = this.db.prepare('SELECT id FROM runs WHERE id = ?').get(run.id);
    const t = now();
    this.guard(() => this.db.transaction(() => {
      if (existing) {
        this.db.prepare("UPDATE runs SET status = 'running', started_at = ?, ended_at = NULL, planned = ?, harness_version = ? WHERE id = ?")
          .run(t, run.planned, run.harnessVersion, run.id);
      } else {
        this.db.prepare(`INSERT INTO runs (id, model_spec, model_identity, suite_name, suite_version, suite_hash, harness_version, sampling,
          samples, generator_versions, created_at, started_at, status, planned) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'running', ?)`)
          .run(run.id, run.modelSpec, run.modelIdentity, run.suiteName, run.suiteVersion, run.suiteHash, run.harnessVersion,
            canonicalJson(run.sampling), run.samples, canonicalJson(run.generatorVersions), t, t, run.planned);
      }
      const task = this.db.prepare(`INSERT OR REPLACE INTO run_tasks (run_id, task, generator, family, split, axis, params, seed, n, unsupported)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
      for (const rt of run.tasks) task.run(run.id, rt.task, rt.generator, rt.family, rt.split, rt.axis, canonicalJson(rt.params), String(rt.seed), rt.n, rt.unsupported ?? null);
    })());
    return { resumed: Boolean(existing) };
  }

  endRun(runId: string, status: RunStatus): void {
    this.guard(() => this.db.prepare('UPDATE runs SET status = ?, ended_at = ? WHERE id = ?').run(status, now(), runId));
  }

  /** Keys `${itemId}#${sample}` of results already finished successfully: resume skips them. */
  finishedKeys(runId: string): Set<string> {
    const rows = this.db.prepare("SELECT item_id, sample FROM results WHERE run_id = ? AND status = 'ok'").raw().all(runId) as [string, number][];
    return new Set(rows.map(([id, s]) => `${id}#${s}`));
  }

  /** New items, results and the cache entries they produced, in one transaction. */
  writeBatch(batch: { items?: readonly ItemRecord[]; results?: readonly ResultRecord[]; cache?: readonly CacheEntry[] }): void {
    const t = now();
    const { items = [], results = [], cache = [] } = batch;
    const tx = this.db.transaction(() => {
      this.insertItems(items);
      for (const c of cache) this.stmts.cachePut.run(c.key, c.text, c.usage === undefined ? null : JSON.stringify(c.usage), t);
      for (const r of results) {
        const v = r.verdict;
        this.stmts.result.run(r.runId, r.itemId, r.sample, r.task, r.status, r.output ?? null,
          v ? (v.correct ? 1 : 0) : null, v ? v.score : null, v ? (v.formatOk ? 1 : 0) : null,
          v ? JSON.stringify({ reason: v.reason, parsed: v.parsed, details: v.details }) : null,
          r.errorKind ?? null, r.errorMessage ?? null, r.turns, r.latencyMs ?? null, r.inputTokens ?? null, r.outputTokens ?? null,
          r.metrics && Object.keys(r.metrics).length ? JSON.stringify(r.metrics) : null, r.cached ? 1 : 0, t);
      }
    });
    this.guard(() => tx());
  }

  cacheGet(key: string): { text: string; usage?: unknown } | undefined {
    const row = this.stmts.cacheGet.get(key) as { text: string; usage: string | null } | undefined;
    return row ? { text: row.text, usage: row.usage ? JSON.parse(row.usage) : undefined } : undefined;
  }

  // ---- read side ---------------------------------------------------------------------------

  run(runId: string): RunRow | undefined {
    return this.db.prepare(`${RUN_SELECT} WHERE id = ?`).get(runId) as RunRow | undefined;
  }

  runs(): RunRow[] {
    return this.db.prepare(`${RUN_SELECT} ORDER BY started_at DESC`).all() as RunRow[];
  }

  /** Per-task counts of a run, from the stored rows (so a printed summary always equals the table). */
  taskSummary(runId: string): TaskSummaryRow[] {
    return this.db.prepare(`
      SELECT rt.task AS task, rt.family AS family, rt.split AS split, rt.axis AS axis, rt.generator AS generator, rt.unsupported AS unsupported,
        COUNT(CASE WHEN r.status = 'ok' THEN 1 END) AS n,
        COALESCE(SUM(CASE WHEN r.status = 'ok' THEN r.correct END), 0) AS correct,
        COUNT(CASE WHEN r.status = 'error' THEN 1 END) AS errors,
        COALESCE(SUM(CASE WHEN r.status = 'ok' THEN r.score END), 0) AS scoreSum
      FROM run_tasks rt LEFT JOIN results r ON r.run_id = rt.run_id AND r.task = rt.task
      WHERE rt.run_id = ? GROUP BY rt.task ORDER BY MIN(rt.rowid)`).all(runId) as TaskSummaryRow[];
  }

  /** The verdict `details` of a run's scored results for one task, for family metrics. */
  verdictDetails(runId: string, task: string): unknown[] {
    const rows = this.db.prepare("SELECT verdict FROM results WHERE run_id = ? AND task = ? AND status = 'ok'").raw().all(runId, task) as [string | null][];
    return rows.map(([v]) => (v ? (JSON.parse(v) as { details?: unknown }).details : undefined));
  }

  item(itemId: string): (ItemRecord & { promptHash: string }) | undefined {
    const row = this.db.prepare(`SELECT i.*, b.content AS prompt, g.family AS family FROM items i JOIN blobs b ON b.hash = i.prompt_hash
      LEFT JOIN generators g ON g.name = i.generator AND g.version = i.generator_version WHERE i.id = ?`).get(itemId) as Record<string, any> | undefined;
    if (!row) return undefined;
    return {
      id: row.id, generator: row.generator, generatorVersion: row.generator_version, family: row.family ?? '',
      params: JSON.parse(row.params), seed: row.seed, index: row.idx, difficulty: JSON.parse(row.difficulty),
      messages: JSON.parse(row.prompt), truth: JSON.parse(row.truth), reference: row.reference ?? undefined, promptHash: row.prompt_hash,
    };
  }

  /** Item ids starting with `prefix` (for `bench show` with a short id). */
  itemIdsWithPrefix(prefix: string, limit = 5): string[] {
    return (this.db.prepare('SELECT id FROM items WHERE id >= ? AND id < ? ORDER BY id LIMIT ?').raw().all(prefix, prefix + '\uffff', limit) as [string][]).map((r) => r[0]);
  }

  itemResults(itemId: string): ItemResultRow[] {
    return this.db.prepare(`
      SELECT r.run_id AS runId, u.model_spec AS modelSpec, r.sample AS sample, r.task AS task, rt.split AS split, r.status AS status,
        r.output AS output, r.correct AS correct, r.score AS score, r.verdict AS verdict, r.error_kind AS errorKind,
        r.error_message AS errorMessage, r.latency_ms AS latencyMs
      FROM results r JOIN runs u ON u.id = r.run_id JOIN run_tasks rt ON rt.run_id = r.run_id AND rt.task = r.task
      WHERE r.item_id = ? ORDER BY u.model_spec, r.sample`).all(itemId) as ItemResultRow[];
  }

  /** Model specs with their number of runs and latest run time. */
  models(): { modelSpec: string; runs: number; lastRun: string }[] {
    return this.db.prepare(`SELECT model_spec AS modelSpec, COUNT(*) AS runs, MAX(started_at) AS lastRun FROM runs GROUP BY model_spec ORDER BY model_spec`).all() as {
      modelSpec: string; runs: number; lastRun: string;
    }[];
  }

  /** Turns SQLite's disk and lock errors into one-line messages that say what to do. */
  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (code === 'SQLITE_FULL') throw new StoreError('the disk is full: results so far are saved; free some space and run the same command again to resume');
      if (code === 'SQLITE_BUSY') throw new StoreError('the database is locked by another process: wait for it to finish or pass a different --db');
      if (code === 'SQLITE_READONLY') throw new StoreError('the database is read-only: pass --db with a writable path');
      throw err;
    }
  }
}

const RUN_SELECT = `SELECT id, model_spec AS modelSpec, model_identity AS modelIdentity, suite_name AS suiteName, suite_hash AS suiteHash,
  harness_version AS harnessVersion, sampling, samples, created_at AS createdAt, started_at AS startedAt, ended_at AS endedAt, status, planned FROM runs`;

function readVersion(db: Database.Database): number {
  db.exec('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
  const row = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value: string } | undefined;
  return row ? Number(row.value) : 0;
}

function migrate(db: Database.Database, path: string): void {
  const current = readVersion(db);
  if (current > SCHEMA_VERSION) {
    throw new StoreError(`database ${path} has schema version ${current}, newer than this genbench (${SCHEMA_VERSION}): upgrade genbench or use another --db`);
  }
  for (let v = current; v < SCHEMA_VERSION; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)").run(String(v + 1));
    })();
  }
}
