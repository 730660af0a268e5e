// The only code that speaks SQL. One writer, WAL, batched transactions: a batch of results and
// the cache entries they produced commit together, so a crash leaves either both or neither.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import type { Message, Split, Verdict } from '../core/types.js';
import { undeclaredRole, type TaskRole } from '../core/role.js';
import { canonicalJson, sha256 } from '../core/hash.js';
import { processAlive } from '../core/atomic-file.js';
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
  /** Absent: what the axis implies (src/core/role.ts). */
  role?: TaskRole;
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
  /** Characters cut from the replies and the transcript by the reply limits (absent: nothing cut). */
  cutChars?: number;
  /** The generator's verifierVersion the verdict was made with. */
  verifierVersion?: string;
}

/** Who holds a run's lease: the process writing it. */
export interface LeaseHolder {
  pid: number;
  host: string;
  ageMs: number;
}

export interface CacheEntry {
  key: string;
  text: string;
  usage?: unknown;
}

export interface RunRow {
  id: string;
  modelSpec: string;
  modelIdentity: string;
  suiteName: string;
  suiteHash: string;
  harnessVersion: string;
  sampling: string;
  samples: number;
  createdAt: string;
  startedAt: string;
  endedAt: string | null;
  status: RunStatus;
  planned: number;
}

export interface TaskSummaryRow {
  task: string;
  family: string;
  split: Split;
  axis: string;
  generator: string;
  n: number;
  correct: number;
  errors: number;
  scoreSum: number;
  /** Why the model could not take this task, or null. */
  unsupported: string | null;
}

export interface ItemResultRow {
  runId: string;
  modelSpec: string;
  sample: number;
  task: string;
  split: Split;
  status: string;
  output: string | null;
  correct: number | null;
  score: number | null;
  verdict: string | null;
  errorKind: string | null;
  errorMessage: string | null;
  latencyMs: number | null;
  cutChars: number | null;
}

export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

const now = () => new Date().toISOString();

export class Store {
  /** Private: SQL stays in src/store; everything else reads through read.ts or the methods below. */
  private readonly db: Database.Database;
  private readonly stmts;

  /** @internal use sqlOf() from the query modules of src/store. */
  static connection(store: Store): Database.Database {
    return store.db;
  }

  private constructor(db: Database.Database) {
    this.db = db;
    this.stmts = {
      blob: db.prepare('INSERT OR IGNORE INTO blobs (hash, content) VALUES (?, ?)'),
      item: db.prepare(`INSERT OR IGNORE INTO items (id, generator, generator_version, params, seed, idx, difficulty, prompt_hash, truth, reference)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      generator: db.prepare('INSERT OR IGNORE INTO generators (name, version, family) VALUES (?, ?, ?)'),
      result:
        db.prepare(`INSERT OR REPLACE INTO results (run_id, item_id, sample, task, status, output, correct, score, format_ok, verdict,
        error_kind, error_message, turns, latency_ms, input_tokens, output_tokens, metrics, cached, created_at, cut_chars, verifier_version)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      cachePut: db.prepare('INSERT OR REPLACE INTO cache (key, text, usage, created_at) VALUES (?, ?, ?, ?)'),
      cacheGet: db.prepare('SELECT text, usage FROM cache WHERE key = ?'),
    };
  }

  /** Opens (creating folders and the file if needed) and migrates. ':memory:' works for tests. */
  static open(path: string): Store {
    let db: Database.Database;
    let foreign = false;
    try {
      if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
      db = new Database(path);
      foreign = isForeign(db);
      if (!foreign) db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
    } catch (err) {
      throw new StoreError(`cannot open database ${path}: ${(err as Error).message}. Pass --db with a writable path.`);
    }
    if (foreign) {
      db.close();
      throw new StoreError(
        `${path} is not a genbench database (it has other tables): pass --db with a new file or one written by bench run`,
      );
    }
    migrate(db, path);
    return new Store(db);
  }

  /**
   * Opens an existing genbench database for reading only (report, leaderboard, show, list): no
   * table is created, the journal mode is left alone, nothing is migrated, and writes fail. A
   * file that is not a genbench database, or one of a newer schema version, is refused with one
   * line. A database on a read-only filesystem or folder (where SQLite cannot create the WAL
   * index next to it) is read from a copy in memory, and so is one of an older schema (migrated
   * in memory only).
   */
  static openReadOnly(path: string): Store {
    if (!existsSync(path)) throw new StoreError(`no database at ${path}: run 'bench run' first or pass --db`);
    if (statSync(path).isDirectory()) throw new StoreError(`--db ${path} is a folder: pass the SQLite file`);
    let db: Database.Database;
    try {
      db = new Database(path, { readonly: true, fileMustExist: true });
      db.pragma('busy_timeout = 5000');
      readOnlyVersion(db, path);
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (err instanceof StoreError) throw err;
      if (code === 'SQLITE_NOTADB')
        throw new StoreError(`${path} is not a SQLite database: pass --db with a file written by bench run`);
      if (!/^SQLITE_(READONLY|CANTOPEN)/.test(code))
        throw new StoreError(`cannot read database ${path}: ${(err as Error).message}`);
      db = openCopyInMemory(path);
      readOnlyVersion(db, path);
    }
    // An older schema is read through an upgraded copy in memory: the file itself never changes.
    if (readOnlyVersion(db, path) < SCHEMA_VERSION) {
      const bytes = db.serialize();
      if (bytes.length >= 20) {
        bytes[18] = 1;
        bytes[19] = 1;
      } // a rollback-journal copy: memory has no WAL
      const copy = new Database(bytes);
      db.close();
      db = copy;
      migrate(db, path);
    }
    db.pragma('query_only = ON');
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
      this.stmts.item.run(
        it.id,
        it.generator,
        it.generatorVersion,
        canonicalJson(it.params),
        String(it.seed),
        it.index,
        canonicalJson(it.difficulty),
        promptHash,
        canonicalJson(it.truth ?? null),
        it.reference ?? null,
      );
    }
  }

  /**
   * Creates the run, or reopens it when a run with the same id exists (same model, suite and
   * settings): that is what makes an interrupted run resumable.
   */
  beginRun(run: RunRecord): { resumed: boolean } {
    const existing = this.db.prepare('SELECT id FROM runs WHERE id = ?').get(run.id);
    const t = now();
    this.guard(() =>
      this.db.transaction(() => {
        if (existing) {
          this.db
            .prepare(
              "UPDATE runs SET status = 'running', started_at = ?, ended_at = NULL, planned = ?, harness_version = ? WHERE id = ?",
            )
            .run(t, run.planned, run.harnessVersion, run.id);
        } else {
          this.db
            .prepare(
              `INSERT INTO runs (id, model_spec, model_identity, suite_name, suite_version, suite_hash, harness_version, sampling,
          samples, generator_versions, created_at, started_at, status, planned) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'running', ?)`,
            )
            .run(
              run.id,
              run.modelSpec,
              run.modelIdentity,
              run.suiteName,
              run.suiteVersion,
              run.suiteHash,
              run.harnessVersion,
              canonicalJson(run.sampling),
              run.samples,
              canonicalJson(run.generatorVersions),
              t,
              t,
              run.planned,
            );
        }
        const task = this.db
          .prepare(`INSERT OR REPLACE INTO run_tasks (run_id, task, generator, family, split, axis, role, params, seed, n, unsupported)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
        for (const rt of run.tasks)
          task.run(
            run.id,
            rt.task,
            rt.generator,
            rt.family,
            rt.split,
            rt.axis,
            rt.role ?? undeclaredRole(rt.axis),
            canonicalJson(rt.params),
            String(rt.seed),
            rt.n,
            rt.unsupported ?? null,
          );
      })(),
    );
    return { resumed: Boolean(existing) };
  }

  endRun(runId: string, status: RunStatus): void {
    this.guard(() =>
      this.db.prepare('UPDATE runs SET status = ?, ended_at = ? WHERE id = ?').run(status, now(), runId),
    );
  }

  /**
   * Takes the lease of a run for `owner` (a token unique to one process's run): one process
   * writes a run at a time. A lease is free when nobody holds it, when its holder is a process of
   * this host that no longer exists (kill -9), or when its heartbeat is older than `staleMs`.
   * Returns the holder when someone else has it.
   */
  acquireLease(runId: string, owner: string, staleMs: number): LeaseHolder | undefined {
    const host = hostname();
    return this.guard(() =>
      this.db
        .transaction((): LeaseHolder | undefined => {
          const row = this.db
            .prepare('SELECT owner, pid, host, heartbeat_at AS at FROM run_leases WHERE run_id = ?')
            .get(runId) as { owner: string; pid: number; host: string; at: number } | undefined;
          const t = Date.now();
          if (row && row.owner !== owner) {
            const ageMs = Math.max(0, t - row.at);
            const dead = row.host === host && !processAlive(row.pid);
            if (!dead && ageMs < staleMs) return { pid: row.pid, host: row.host, ageMs };
          }
          this.db
            .prepare(
              'INSERT OR REPLACE INTO run_leases (run_id, owner, pid, host, heartbeat_at) VALUES (?, ?, ?, ?, ?)',
            )
            .run(runId, owner, process.pid, host, t);
          return undefined;
        })
        .immediate(),
    );
  }

  /** Refreshes the heartbeat; false when another process has taken the lease over. */
  renewLease(runId: string, owner: string): boolean {
    return this.guard(
      () =>
        this.db
          .prepare('UPDATE run_leases SET heartbeat_at = ? WHERE run_id = ? AND owner = ?')
          .run(Date.now(), runId, owner).changes === 1,
    );
  }

  releaseLease(runId: string, owner: string): void {
    this.guard(() => this.db.prepare('DELETE FROM run_leases WHERE run_id = ? AND owner = ?').run(runId, owner));
  }

  /** Keys `${itemId}#${sample}` of results already finished successfully: resume skips them. */
  finishedKeys(runId: string): Set<string> {
    const rows = this.db
      .prepare("SELECT item_id, sample FROM results WHERE run_id = ? AND status = 'ok'")
      .raw()
      .all(runId) as [string, number][];
    return new Set(rows.map(([id, s]) => `${id}#${s}`));
  }

  /** New items, results and the cache entries they produced, in one transaction. */
  writeBatch(batch: {
    items?: readonly ItemRecord[];
    results?: readonly ResultRecord[];
    cache?: readonly CacheEntry[];
  }): void {
    const t = now();
    const { items = [], results = [], cache = [] } = batch;
    const tx = this.db.transaction(() => {
      this.insertItems(items);
      for (const c of cache)
        this.stmts.cachePut.run(c.key, c.text, c.usage === undefined ? null : JSON.stringify(c.usage), t);
      for (const r of results) {
        const v = r.verdict;
        this.stmts.result.run(
          r.runId,
          r.itemId,
          r.sample,
          r.task,
          r.status,
          r.output ?? null,
          v ? (v.correct ? 1 : 0) : null,
          v ? v.score : null,
          v ? (v.formatOk ? 1 : 0) : null,
          v ? JSON.stringify({ reason: v.reason, parsed: v.parsed, details: v.details }) : null,
          r.errorKind ?? null,
          r.errorMessage ?? null,
          r.turns,
          r.latencyMs ?? null,
          r.inputTokens ?? null,
          r.outputTokens ?? null,
          r.metrics && Object.keys(r.metrics).length ? JSON.stringify(r.metrics) : null,
          r.cached ? 1 : 0,
          t,
          r.cutChars || null,
          v ? (r.verifierVersion ?? null) : null,
        );
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
    return this.db
      .prepare(
        `
      SELECT rt.task AS task, rt.family AS family, rt.split AS split, rt.axis AS axis, rt.generator AS generator, rt.unsupported AS unsupported,
        COUNT(CASE WHEN r.status = 'ok' THEN 1 END) AS n,
        COALESCE(SUM(CASE WHEN r.status = 'ok' THEN r.correct END), 0) AS correct,
        COUNT(CASE WHEN r.status = 'error' THEN 1 END) AS errors,
        COALESCE(SUM(CASE WHEN r.status = 'ok' THEN r.score END), 0) AS scoreSum
      FROM run_tasks rt LEFT JOIN results r ON r.run_id = rt.run_id AND r.task = rt.task
      WHERE rt.run_id = ? GROUP BY rt.task ORDER BY MIN(rt.rowid)`,
      )
      .all(runId) as TaskSummaryRow[];
  }

  /** The verdict `details` of a run's scored results for one task, for family metrics. */
  verdictDetails(runId: string, task: string): unknown[] {
    const rows = this.db
      .prepare("SELECT verdict FROM results WHERE run_id = ? AND task = ? AND status = 'ok'")
      .raw()
      .all(runId, task) as [string | null][];
    return rows.map(([v]) => (v ? (JSON.parse(v) as { details?: unknown }).details : undefined));
  }

  item(itemId: string): (ItemRecord & { promptHash: string }) | undefined {
    const row = this.db
      .prepare(
        `SELECT i.*, b.content AS prompt, g.family AS family FROM items i JOIN blobs b ON b.hash = i.prompt_hash
      LEFT JOIN generators g ON g.name = i.generator AND g.version = i.generator_version WHERE i.id = ?`,
      )
      .get(itemId) as Record<string, any> | undefined;
    if (!row) return undefined;
    return {
      id: row.id,
      generator: row.generator,
      generatorVersion: row.generator_version,
      family: row.family ?? '',
      params: JSON.parse(row.params),
      seed: row.seed,
      index: row.idx,
      difficulty: JSON.parse(row.difficulty),
      messages: JSON.parse(row.prompt),
      truth: JSON.parse(row.truth),
      reference: row.reference ?? undefined,
      promptHash: row.prompt_hash,
    };
  }

  /** Item ids starting with `prefix` (for `bench show` with a short id). */
  itemIdsWithPrefix(prefix: string, limit = 5): string[] {
    return (
      this.db
        .prepare('SELECT id FROM items WHERE id >= ? AND id < ? ORDER BY id LIMIT ?')
        .raw()
        .all(prefix, prefix + '\uffff', limit) as [string][]
    ).map((r) => r[0]);
  }

  itemResults(itemId: string): ItemResultRow[] {
    return this.db
      .prepare(
        `
      SELECT r.run_id AS runId, u.model_spec AS modelSpec, r.sample AS sample, r.task AS task, rt.split AS split, r.status AS status,
        r.output AS output, r.correct AS correct, r.score AS score, r.verdict AS verdict, r.error_kind AS errorKind,
        r.error_message AS errorMessage, r.latency_ms AS latencyMs, r.cut_chars AS cutChars
      FROM results r JOIN runs u ON u.id = r.run_id JOIN run_tasks rt ON rt.run_id = r.run_id AND rt.task = r.task
      WHERE r.item_id = ? ORDER BY u.model_spec, r.sample`,
      )
      .all(itemId) as ItemResultRow[];
  }

  /** Model specs with their number of runs and latest run time. */
  models(): { modelSpec: string; runs: number; lastRun: string }[] {
    return this.db
      .prepare(
        `SELECT model_spec AS modelSpec, COUNT(*) AS runs, MAX(started_at) AS lastRun FROM runs GROUP BY model_spec ORDER BY model_spec`,
      )
      .all() as {
      modelSpec: string;
      runs: number;
      lastRun: string;
    }[];
  }

  /** Turns SQLite's disk and lock errors into one-line messages that say what to do. */
  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (code === 'SQLITE_FULL')
        throw new StoreError(
          'the disk is full: results so far are saved; free some space and run the same command again to resume',
        );
      if (code === 'SQLITE_BUSY')
        throw new StoreError(
          'the database is locked by another process: wait for it to finish or pass a different --db',
        );
      if (code === 'SQLITE_READONLY') throw new StoreError('the database is read-only: pass --db with a writable path');
      throw err;
    }
  }
}

const RUN_SELECT = `SELECT id, model_spec AS modelSpec, model_identity AS modelIdentity, suite_name AS suiteName, suite_hash AS suiteHash,
  harness_version AS harnessVersion, sampling, samples, created_at AS createdAt, started_at AS startedAt, ended_at AS endedAt, status, planned FROM runs`;

/** The connection behind a store, for the query modules in src/store only (tests/architecture.test.ts). */
export function sqlOf(store: Store): Database.Database {
  return Store.connection(store);
}

function readVersion(db: Database.Database): number {
  db.exec('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
  const row = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value: string } | undefined;
  return row ? Number(row.value) : 0;
}

/** The schema version of a database opened read-only, refusing what this genbench cannot read. */
function readOnlyVersion(db: Database.Database, path: string): number {
  const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
  if (!tables.has('meta') || !tables.has('runs') || !tables.has('results')) {
    throw new StoreError(
      `${path} is not a genbench database (it has no genbench tables): pass --db with a file written by bench run`,
    );
  }
  const row = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value: string } | undefined;
  const version = row ? Number(row.value) : 0;
  if (version > SCHEMA_VERSION) {
    throw new StoreError(
      `database ${path} has schema version ${version}, newer than this genbench (${SCHEMA_VERSION}): upgrade genbench or use another --db`,
    );
  }
  return version;
}

/**
 * SQLite reads a WAL database only where it may create the `-shm` index next to it. On a
 * read-only folder or filesystem with no WAL left over, the file alone is the whole database:
 * read a copy of it, marked as a rollback-journal database, from memory.
 */
function openCopyInMemory(path: string): Database.Database {
  const wal = `${path}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) {
    throw new StoreError(
      `cannot read database ${path}: it is on a read-only location and its write-ahead log ${wal} was not merged; open it once where it is writable`,
    );
  }
  try {
    const bytes = readFileSync(path);
    if (bytes.length >= 20) {
      bytes[18] = 1;
      bytes[19] = 1;
    }
    return new Database(bytes, { readonly: true });
  } catch (err) {
    throw new StoreError(`cannot read database ${path}: ${(err as Error).message}`);
  }
}

/** Tables but no genbench bookkeeping: someone else's database, not ours to add tables to. */
function isForeign(db: Database.Database): boolean {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  return tables.length > 0 && !tables.includes('meta');
}

function migrate(db: Database.Database, path: string): void {
  const current = readVersion(db);
  if (current > SCHEMA_VERSION) {
    throw new StoreError(
      `database ${path} has schema version ${current}, newer than this genbench (${SCHEMA_VERSION}): upgrade genbench or use another --db`,
    );
  }
  for (let v = current; v < SCHEMA_VERSION; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)").run(String(v + 1));
    })();
  }
}
