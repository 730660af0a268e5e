// The store's contract, run against an in-memory and an on-disk database.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Store, type ItemRecord, type RunRecord } from '../../src/store/store.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/schema.js';
import { read } from '../../src/store/read.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDb(): string {
  const d = mkdtempSync(join(tmpdir(), 'genbench-store-'));
  dirs.push(d);
  return join(d, 'nested', 'db.sqlite');
}

const item = (id: string): ItemRecord => ({
  id,
  generator: 'toy/add',
  generatorVersion: '1',
  family: 'toy',
  params: { max: 9 },
  seed: 1,
  index: 0,
  difficulty: { max: 9 },
  messages: [{ role: 'user', content: 'What is 1 + 2?' }],
  truth: { sum: 3 },
  reference: '3',
});
const runRecord = (id = 'run1'): RunRecord => ({
  id,
  modelSpec: 'mock:x',
  modelIdentity: 'mock:x',
  suiteName: 's',
  suiteVersion: '1',
  suiteHash: 'h',
  harnessVersion: '0',
  sampling: {},
  samples: 1,
  generatorVersions: { 'toy/add': '1' },
  planned: 2,
  tasks: [
    { task: 'a', generator: 'toy/add', family: 'toy', split: 'id', axis: 'id', params: { max: 9 }, seed: 1, n: 2 },
  ],
});

for (const kind of ['memory', 'file'] as const) {
  describe(`Store (${kind})`, () => {
    const open = () => Store.open(kind === 'memory' ? ':memory:' : tempDb());

    it('migrates to the current schema version', () => {
      const s = open();
      expect(s.schemaVersion()).toBe(SCHEMA_VERSION);
      s.close();
    });

    it('stores items once, runs, results and cache entries together', () => {
      const s = open();
      s.writeBatch({ items: [item('i1'), item('i1'), item('i2')] });
      expect(s.beginRun(runRecord()).resumed).toBe(false);
      s.writeBatch({
        results: [
          {
            runId: 'run1',
            itemId: 'i1',
            sample: 0,
            task: 'a',
            status: 'ok',
            output: '3',
            verdict: { correct: true, score: 1, formatOk: true },
            turns: 1,
            cached: false,
          },
          {
            runId: 'run1',
            itemId: 'i2',
            sample: 0,
            task: 'a',
            status: 'error',
            errorKind: 'transient',
            errorMessage: '500',
            turns: 0,
            cached: false,
          },
        ],
        cache: [{ key: 'k', text: '3', usage: { outputTokens: 1 } }],
      });
      expect(s.finishedKeys('run1')).toEqual(new Set(['i1#0']));
      expect(s.cacheGet('k')).toEqual({ text: '3', usage: { outputTokens: 1 } });
      expect(s.cacheGet('missing')).toBeUndefined();
      const [row] = s.taskSummary('run1');
      expect(row).toMatchObject({ task: 'a', split: 'id', n: 1, correct: 1, errors: 1 });
      expect(s.item('i1')!.messages[0]!.content).toBe('What is 1 + 2?');
      expect(s.itemIdsWithPrefix('i')).toEqual(['i1', 'i2']);
      expect(s.itemResults('i1')[0]).toMatchObject({ modelSpec: 'mock:x', split: 'id', correct: 1 });
      // Prompts are content-addressed: two items with the same prompt share one blob.
      expect(read.count(s, 'blobs')).toBe(1);
      s.close();
    });

    it('reopens a run with the same id as a resume, and a later ok replaces an error', () => {
      const s = open();
      s.writeBatch({ items: [item('i1')] });
      s.beginRun(runRecord());
      s.writeBatch({
        results: [
          {
            runId: 'run1',
            itemId: 'i1',
            sample: 0,
            task: 'a',
            status: 'error',
            errorKind: 'timeout',
            turns: 0,
            cached: false,
          },
        ],
      });
      s.endRun('run1', 'interrupted');
      expect(s.beginRun(runRecord()).resumed).toBe(true);
      expect(s.run('run1')!.status).toBe('running');
      s.writeBatch({
        results: [
          {
            runId: 'run1',
            itemId: 'i1',
            sample: 0,
            task: 'a',
            status: 'ok',
            output: '3',
            verdict: { correct: true, score: 1, formatOk: true },
            turns: 1,
            cached: false,
          },
        ],
      });
      expect(s.taskSummary('run1')[0]).toMatchObject({ n: 1, correct: 1, errors: 0 });
      expect(s.runs()).toHaveLength(1);
      s.close();
    });

    it('rolls back a batch that fails half way', () => {
      const s = open();
      s.beginRun(runRecord());
      // The result references an item that was never stored: the foreign key fails the batch,
      // and the cache entry in the same batch must not survive.
      expect(() =>
        s.writeBatch({
          results: [{ runId: 'run1', itemId: 'nope', sample: 0, task: 'a', status: 'ok', turns: 1, cached: false }],
          cache: [{ key: 'k2', text: 'x' }],
        }),
      ).toThrow();
      expect(s.cacheGet('k2')).toBeUndefined();
      s.close();
    });
  });
}

describe('migrations', () => {
  it('upgrades a version-1 database in place, keeping its rows', () => {
    const path = tempDb();
    mkdirSync(join(path, '..'), { recursive: true });
    const raw = new Database(path);
    raw.exec('CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    raw.exec(MIGRATIONS[0]!);
    raw.prepare("INSERT INTO meta (key, value) VALUES ('schema_version', '1')").run();
    raw.prepare("INSERT INTO blobs (hash, content) VALUES ('h', '[]')").run();
    raw.close();
    const s = Store.open(path);
    expect(s.schemaVersion()).toBe(SCHEMA_VERSION);
    expect(read.count(s, 'blobs')).toBe(1);
    expect(read.columns(s, 'results')).toContain('metrics');
    s.close();
  });
});

describe('Store errors', () => {
  it('refuses a database from a newer genbench with a clear message', () => {
    const path = tempDb();
    Store.open(path).close();
    const raw = new Database(path);
    raw.prepare("UPDATE meta SET value = '999' WHERE key = 'schema_version'").run();
    raw.close();
    expect(() => Store.open(path)).toThrow(/schema version 999, newer than this genbench/);
  });

  it('says so when the path cannot be created', () => {
    const file = tempDb();
    Store.open(file).close();
    // The parent "folder" is a regular file: nothing can be created below it.
    expect(() => Store.open(join(file, 'db.sqlite'))).toThrow(/cannot open database .*--db/);
  });
});
