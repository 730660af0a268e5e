// `bench merge`: copies runs, results, items and cache entries from several databases into one.
// A shard (`bench run --shard i/N`) is written into its whole run: the run id an unsharded run of
// the same items has, so report, site and gate read a merged run exactly as a single-machine one.
// One transaction for everything: a conflict or mismatch rolls back and leaves the target as it was.
// Merging is idempotent: rows already there are compared, not written again.
import Database from 'better-sqlite3';
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { SCHEMA_VERSION } from './schema.js';
import { Store, StoreError, sqlOf } from './store.js';

/** The inputs disagree (settings, rows, shard counts): nothing was written. */
export class MergeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MergeError';
  }
}

export interface MergedRun {
  runId: string;
  modelSpec: string;
  suiteName: string;
  status: string;
  /** Results written now; already present and equal; errors replaced by a success. */
  added: number;
  unchanged: number;
  replaced: number;
  /** For sharded runs: the partition and which parts the target now holds. */
  shards?: { count: number; present: number[]; missing: number[]; unfinished: number[] };
}

export interface MergeReport {
  into: string;
  sources: string[];
  runs: MergedRun[];
  /** One line per shard found in more than one database (rows agreed, kept once). */
  duplicates: string[];
  /** One line per whole run that still lacks shards. */
  missing: string[];
  /** Things that do not stop a merge (e.g. harness versions differ). */
  notes: string[];
}

// Tables merged with their own rules; any other table (added by later migrations) is copied
// row by row, ignoring rows already present, with its run_id column (if any) mapped like results.
const SPECIAL = new Set([
  'meta',
  'generators',
  'blobs',
  'items',
  'runs',
  'run_tasks',
  'results',
  'cache',
  'run_shards',
]);
// What must agree between parts of one run. Harness versions only produce a note.
const RUN_IDENTITY = [
  'model_identity',
  'model_spec',
  'suite_name',
  'suite_version',
  'suite_hash',
  'sampling',
  'samples',
  'generator_versions',
] as const;
const STATUS_RANK: Record<string, number> = { failed: 0, running: 1, interrupted: 1, done: 2 };

type Row = Record<string, unknown>;

interface Touched {
  runId: string;
  added: number;
  unchanged: number;
  replaced: number;
  statuses: string[];
}

export function mergeDatabases(sourcePaths: readonly string[], into: string): MergeReport {
  if (!sourcePaths.length)
    throw new MergeError(
      'no databases to merge: name at least one, e.g. bench merge shard-*.sqlite --into merged.sqlite',
    );
  const target = resolve(into);
  const sources = [...new Set(sourcePaths.map((p) => resolve(p)))];
  if (sources.includes(target))
    throw new MergeError(`--into ${into} is also an input: merge into a new or another database`);
  const opened = sources.map(openSource);
  const existed = existsSync(target);
  let store: Store | undefined;
  try {
    store = Store.open(into);
    const db = sqlOf(store);
    const report: MergeReport = {
      into,
      sources: sourcePaths.slice(),
      runs: [],
      duplicates: [],
      missing: [],
      notes: [],
    };
    db.transaction(() => new Merger(db, report).mergeAll(opened))();
    return report;
  } catch (err) {
    store?.close();
    store = undefined;
    // A target this merge created holds nothing worth keeping when the merge failed.
    if (!existed) for (const f of [target, `${target}-wal`, `${target}-shm`]) rmSync(f, { force: true });
    throw err;
  } finally {
    store?.close();
    for (const s of opened) s.db.close();
  }
}

interface Source {
  path: string;
  db: Database.Database;
  version: number;
}

function openSource(path: string): Source {
  if (!existsSync(path)) throw new MergeError(`${path}: no such database`);
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new StoreError(`cannot open ${path}: ${(err as Error).message}`);
  }
  const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
  const row = hasMeta
    ? (db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value: string } | undefined)
    : undefined;
  if (!row) {
    db.close();
    throw new MergeError(`${path} is not a genbench database (no schema version)`);
  }
  const version = Number(row.value);
  if (version > SCHEMA_VERSION) {
    db.close();
    throw new MergeError(
      `${path} has schema version ${version}, newer than this genbench (${SCHEMA_VERSION}): merge with a newer genbench`,
    );
  }
  // One read transaction: a consistent snapshot even if a shard is still writing.
  db.exec('BEGIN');
  return { path, db, version };
}

const columnsOf = (db: Database.Database, table: string): string[] =>
  (db.prepare(`PRAGMA table_info(${quote(table)})`).all() as { name: string }[]).map((c) => c.name);
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const tablesOf = (db: Database.Database): string[] =>
  (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[]
  ).map((r) => r.name);

class Merger {
  private readonly touched = new Map<string, Touched>();
  /** `${wholeRunId}#${index}` → the database this merge took that shard from. */
  private readonly shardSeen = new Map<string, string>();

  constructor(
    private readonly db: Database.Database,
    private readonly report: MergeReport,
  ) {}

  mergeAll(sources: readonly Source[]): void {
    for (const s of sources) this.mergeSource(s);
    for (const t of this.touched.values()) this.report.runs.push(this.finish(t));
  }

  private mergeSource(src: Source): void {
    const common = (table: string) => {
      const theirs = new Set(columnsOf(src.db, table));
      return columnsOf(this.db, table).filter((c) => theirs.has(c));
    };
    const hasTable = (table: string) => tablesOf(src.db).includes(table);
    this.copyIgnoring(src, 'generators', common('generators'));
    this.copyIgnoring(src, 'blobs', common('blobs'));
    this.copyItems(src, common('items'));
    if (hasTable('cache')) this.copyIgnoring(src, 'cache', common('cache'));

    const runMap = new Map<string, string>();
    const runs = src.db.prepare('SELECT * FROM runs ORDER BY created_at, id').all() as Row[];
    for (const run of runs)
      runMap.set(run.id as string, this.mergeRun(src, run, common('runs'), common('run_tasks'), common('results')));
    for (const table of tablesOf(src.db)) {
      if (SPECIAL.has(table) || !tablesOf(this.db).includes(table)) continue;
      this.copyIgnoring(src, table, common(table), runMap);
    }
  }

  private copyIgnoring(src: Source, table: string, cols: string[], runMap?: Map<string, string>): void {
    if (!cols.length) return;
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO ${quote(table)} (${cols.map(quote).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
    );
    const mapRun = runMap && cols.includes('run_id');
    for (const row of src.db
      .prepare(`SELECT ${cols.map(quote).join(', ')} FROM ${quote(table)}`)
      .iterate() as IterableIterator<Row>) {
      if (mapRun) row.run_id = runMap.get(row.run_id as string) ?? row.run_id;
      insert.run(cols.map((c) => row[c]));
    }
  }

  /** Items are named by a hash of what defines them: the same id with another prompt or truth means different generator code. */
  private copyItems(src: Source, cols: string[]): void {
    const get = this.db.prepare('SELECT prompt_hash, truth FROM items WHERE id = ?');
    const insert = this.db.prepare(
      `INSERT INTO items (${cols.map(quote).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
    );
    for (const row of src.db
      .prepare(`SELECT ${cols.map(quote).join(', ')} FROM items`)
      .iterate() as IterableIterator<Row>) {
      const have = get.get(row.id) as Row | undefined;
      if (!have) insert.run(cols.map((c) => row[c]));
      else if (have.prompt_hash !== row.prompt_hash || have.truth !== row.truth) {
        throw new MergeError(
          `item ${String(row.id)} has another prompt or truth in ${src.path} than in the databases merged before: they were made by different generator code; merge only databases from the same genbench version`,
        );
      }
    }
  }

  /** Merges one source run into its whole run and returns the whole run's id. */
  private mergeRun(src: Source, run: Row, runCols: string[], taskCols: string[], resultCols: string[]): string {
    const isShard = run.shard_index !== undefined && run.shard_index !== null;
    const wholeId = isShard ? (run.shard_of as string) : (run.id as string);
    const label = `${String(run.model_spec)} on ${String(run.suite_name)}${isShard ? ` (shard ${String(run.shard_index)}/${String(run.shard_count)})` : ''} in ${src.path}`;
    let t = this.touched.get(wholeId);
    if (!t) {
      const before = this.db.prepare('SELECT * FROM runs WHERE id = ?').get(wholeId) as Row | undefined;
      t = { runId: wholeId, added: 0, unchanged: 0, replaced: 0, statuses: before ? [before.status as string] : [] };
      this.touched.set(wholeId, t);
    }
    const existing = this.db.prepare('SELECT * FROM runs WHERE id = ?').get(wholeId) as Row | undefined;
    if (!existing) {
      const row: Row = { ...run, id: wholeId, shard_index: null, shard_count: null, shard_of: null };
      const cols = runCols.filter((c) => c in row);
      this.db
        .prepare(`INSERT INTO runs (${cols.map(quote).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
        .run(cols.map((c) => row[c]));
    } else {
      for (const field of RUN_IDENTITY) {
        if (field in run && existing[field] !== run[field]) {
          throw new MergeError(
            `${label} differs from the run merged before in ${field.replace('_', ' ')} ('${String(existing[field])}' vs '${String(run[field])}'): only parts of the same run can be merged into it`,
          );
        }
      }
      if (existing.harness_version !== run.harness_version) {
        this.report.notes.push(
          `${label} was made by genbench ${String(run.harness_version)}, the run merged before by ${String(existing.harness_version)}`,
        );
      }
      this.db
        .prepare(
          'UPDATE runs SET created_at = min(created_at, ?), started_at = min(started_at, ?), ended_at = max(coalesce(ended_at, ?), coalesce(?, ended_at)) WHERE id = ?',
        )
        .run(run.created_at, run.started_at, run.ended_at, run.ended_at, wholeId);
    }
    if (!isShard) t.statuses.push(run.status as string);
    this.mergeTasks(src, run.id as string, wholeId, taskCols, label);
    this.mergeResults(src, run.id as string, t, resultCols, label);
    if (isShard) this.recordShard(src, run, wholeId, label);
    else if (tablesOf(src.db).includes('run_shards')) {
      // A database merged before: carry over which shards its run holds.
      const parts = src.db
        .prepare('SELECT * FROM run_shards WHERE run_id = ? ORDER BY shard_index')
        .all(run.id) as Row[];
      for (const p of parts) {
        this.recordShard(
          src,
          {
            ...run,
            id: p.source_run_id,
            created_at: p.source_created_at,
            status: p.status,
            shard_index: p.shard_index,
            shard_count: p.shard_count,
          },
          wholeId,
          `${String(run.model_spec)} on ${String(run.suite_name)} (shard ${String(p.shard_index)}/${String(p.shard_count)}) in ${src.path}`,
        );
      }
    }
    return wholeId;
  }

  private mergeTasks(src: Source, sourceRunId: string, wholeId: string, cols: string[], label: string): void {
    // In the order the run wrote them (the suite's order): reports list tasks in that order.
    const theirs = src.db
      .prepare(`SELECT ${cols.map(quote).join(', ')} FROM run_tasks WHERE run_id = ? ORDER BY rowid`)
      .all(sourceRunId) as Row[];
    const ours = this.db
      .prepare(`SELECT ${cols.map(quote).join(', ')} FROM run_tasks WHERE run_id = ? ORDER BY rowid`)
      .all(wholeId) as Row[];
    const strip = (rows: Row[]) =>
      JSON.stringify(
        rows
          .map((r): Row => ({ ...r, run_id: undefined }))
          .sort((a, b) => String(a.task).localeCompare(String(b.task))),
      );
    if (!ours.length) {
      const insert = this.db.prepare(
        `INSERT INTO run_tasks (${cols.map(quote).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
      );
      for (const r of theirs) insert.run(cols.map((c) => (c === 'run_id' ? wholeId : r[c])));
    } else if (strip(ours) !== strip(theirs)) {
      throw new MergeError(
        `${label} has other tasks (split, params, seed or n) than the run merged before: only parts of the same run can be merged into it`,
      );
    }
  }

  private mergeResults(src: Source, sourceRunId: string, t: Touched, cols: string[], label: string): void {
    const get = this.db.prepare(
      'SELECT status, output, correct, score, verdict FROM results WHERE run_id = ? AND item_id = ? AND sample = ?',
    );
    const put = this.db.prepare(
      `INSERT OR REPLACE INTO results (${cols.map(quote).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
    );
    const rows = src.db
      .prepare(`SELECT ${cols.map(quote).join(', ')} FROM results WHERE run_id = ?`)
      .iterate(sourceRunId) as IterableIterator<Row>;
    for (const row of rows) {
      row.run_id = t.runId;
      const have = get.get(t.runId, row.item_id, row.sample) as Row | undefined;
      if (!have) {
        put.run(cols.map((c) => row[c]));
        t.added++;
        continue;
      }
      if (have.status === 'error' && row.status === 'ok') {
        put.run(cols.map((c) => row[c]));
        t.replaced++;
        continue;
      }
      if (
        have.status === 'ok' &&
        row.status === 'ok' &&
        (have.output !== row.output ||
          have.correct !== row.correct ||
          have.score !== row.score ||
          have.verdict !== row.verdict)
      ) {
        throw new MergeError(
          `conflicting answers for item ${String(row.item_id)} sample ${String(row.sample)}: ${label} differs from the databases merged before (the same part was run twice with different answers): leave one of them out`,
        );
      }
      t.unchanged++; // equal, or an error where a success is kept
    }
  }

  private recordShard(src: Source, run: Row, wholeId: string, label: string): void {
    const index = run.shard_index as number,
      count = run.shard_count as number;
    const other = this.db
      .prepare('SELECT shard_count FROM run_shards WHERE run_id = ? AND shard_count != ? LIMIT 1')
      .get(wholeId, count) as Row | undefined;
    if (other)
      throw new MergeError(
        `${label} splits the run into ${count} shards, the shards merged before into ${String(other.shard_count)}: merge shards of one partition`,
      );
    const key = `${wholeId}#${index}`;
    const seenIn = this.shardSeen.get(key);
    const have = this.db
      .prepare('SELECT source_created_at, status FROM run_shards WHERE run_id = ? AND shard_index = ?')
      .get(wholeId, index) as Row | undefined;
    if (seenIn !== undefined && seenIn !== src.path)
      this.report.duplicates.push(`${label} is also in ${seenIn}: their rows agree, kept once`);
    else if (seenIn === undefined && have && have.source_created_at !== run.created_at)
      this.report.duplicates.push(`${label} was merged before from another database: their rows agree, kept once`);
    this.shardSeen.set(key, src.path);
    const status =
      have && STATUS_RANK[have.status as string]! >= STATUS_RANK[run.status as string]! ? have.status : run.status;
    this.db
      .prepare(
        `INSERT INTO run_shards (run_id, shard_index, shard_count, source_run_id, source_created_at, status) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (run_id, shard_index) DO UPDATE SET status = excluded.status`,
      )
      .run(wholeId, index, count, run.id, have ? have.source_created_at : run.created_at, status);
  }

  /** The whole run's status and plan, from everything the target now holds. */
  private finish(t: Touched): MergedRun {
    const run = this.db.prepare('SELECT * FROM runs WHERE id = ?').get(t.runId) as Row;
    const shards = this.db
      .prepare(
        'SELECT shard_index AS i, shard_count AS c, status FROM run_shards WHERE run_id = ? ORDER BY shard_index',
      )
      .all(t.runId) as { i: number; c: number; status: string }[];
    const statuses = [...t.statuses];
    let shardInfo: MergedRun['shards'];
    if (shards.length) {
      const count = shards[0]!.c;
      const present = shards.map((s) => s.i);
      const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !present.includes(i));
      const unfinished = shards.filter((s) => s.status !== 'done').map((s) => s.i);
      shardInfo = { count, present, missing, unfinished };
      statuses.push(missing.length || unfinished.length ? 'interrupted' : 'done');
      if (missing.length) {
        this.report.missing.push(
          `${String(run.model_spec)} on ${String(run.suite_name)} (run ${t.runId}): missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')}`,
        );
      }
    }
    let status = statuses.reduce((best, s) => (STATUS_RANK[s]! > STATUS_RANK[best]! ? s : best), 'failed');
    if (status === 'running') status = 'interrupted'; // nothing runs in a merged database
    const plan = this.db.prepare('SELECT coalesce(sum(n), 0) AS n FROM run_tasks WHERE run_id = ?').get(t.runId) as {
      n: number;
    };
    this.db
      .prepare('UPDATE runs SET status = ?, planned = ? WHERE id = ?')
      .run(status, plan.n * (run.samples as number), t.runId);
    return {
      runId: t.runId,
      modelSpec: run.model_spec as string,
      suiteName: run.suite_name as string,
      status,
      added: t.added,
      unchanged: t.unchanged,
      replaced: t.replaced,
      ...(shardInfo ? { shards: shardInfo } : {}),
    };
  }
}
