// Issue 21 (hardening) and issue 17 (turn-level durability), in process: the write buffer, reply
// limits in the database and the site, the run lease, foreign databases, confined paths,
// atomic files and the smaller input checks.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Store, StoreError, sqlOf, type RunRecord } from '../../src/store/store.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/schema.js';
import { BatchWriter } from '../../src/runner/writer.js';
import { run, RunAbortedError } from '../../src/runner/run.js';
import { loadModel, parseModelSpec } from '../../src/models/spec.js';
import { parseSuite } from '../../src/suite/load.js';
import { startMockLlmServer, type MockLlmServer } from '../../src/testing/mock-llm-server.js';
import { buildSite } from '../../src/leaderboard/build.js';
import { confinedPath, safeFileName } from '../../src/core/safe-path.js';
import { openAtomicFile, removeStaleTemps, tempSibling, writeFileAtomic } from '../../src/core/atomic-file.js';
import { formatSummary } from '../../src/runner/format.js';
import { mockModel } from '../../src/models/mock.js';
import { solveAdd, toySuite } from '../helpers/toy.js';
import { read } from '../../src/store/read.js';

let server: MockLlmServer;
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'genbench-hard-'));
  dirs.push(d);
  return d;
};
beforeAll(async () => {
  server = await startMockLlmServer({});
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
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
  planned: 1,
  tasks: [
    { task: 'a', generator: 'toy/add', family: 'toy', split: 'id', axis: 'id', params: { max: 9 }, seed: 1, n: 1 },
  ],
});

describe('finished answers are committed at once (issue 21 #7, issue 17)', () => {
  it('a result and a finished turn are in the database after one event-loop turn, not 100 ms later', async () => {
    const store = Store.open(join(tempDir(), 'w.sqlite'));
    store.beginRun(runRecord());
    const writer = new BatchWriter(store);
    writer.addItem({
      id: 'i1',
      generator: 'toy/add',
      generatorVersion: '1',
      family: 'toy',
      params: {},
      seed: 1,
      index: 0,
      difficulty: {},
      messages: [{ role: 'user', content: 'q' }],
      truth: 1,
    });
    writer.addCache({ key: 'turn-1', text: 'first turn' });
    writer.addResult({
      runId: 'run1',
      itemId: 'i1',
      sample: 0,
      task: 'a',
      status: 'ok',
      output: '1',
      turns: 1,
      cached: false,
    });
    await new Promise((r) => setImmediate(r));
    expect(store.cacheGet('turn-1')?.text).toBe('first turn');
    expect(store.finishedKeys('run1').has('i1#0')).toBe(true);
    store.close();
  });
});

describe('no hangs (issue 21 #1)', () => {
  it('a server that accepts and never answers ends the run after two timed-out attempts, not six', async () => {
    server.resetStats();
    server.setOptions({ latencyMs: 2 ** 31 - 1 });
    const store = Store.open(':memory:');
    const model = await loadModel(`openai-compatible:stall@${server.url}/v1`, { timeoutMs: 300 });
    const t0 = Date.now();
    await expect(
      run({
        suite: toySuite([{ id: 'a', split: 'id', n: 1 }]),
        models: [model],
        store,
        concurrency: 1,
        retry: { baseDelayMs: 10, maxDelayMs: 20 },
      }),
    ).rejects.toThrow(/timed out/);
    expect(server.stats.requests).toBe(2);
    expect(Date.now() - t0).toBeLessThan(30_000);
    await model.close?.();
    store.close();
    server.setOptions({ latencyMs: 0 });
  }, 60_000);
});

describe('reply limits (issue 21 #2)', () => {
  it('a 10 MB reply is cut to the limit before verifying, caching and storing; the cut is recorded', async () => {
    const pad = ' '.repeat(10_000_000);
    server.setOptions({ respond: (_b, ctx) => `${solveAdd(ctx.lastUserText)}${pad}` });
    const file = join(tempDir(), 'big.sqlite');
    const store = Store.open(file);
    const model = await loadModel(`openai-compatible:big@${server.url}/v1`);
    const [res] = await run({
      suite: toySuite([{ id: 'a', split: 'id', n: 3, max: 1e6 }]),
      models: [model],
      store,
      concurrency: 3,
      limits: { replyChars: 1000 },
    });
    await model.close?.();
    // The verifier saw the reply up to the limit: the answer at its start, then spaces.
    expect(res!.summary.tasks[0]).toMatchObject({ n: 3, correct: 3, errors: 0 });
    const rows = read
      .rows(store, 'results')
      .map((r) => ({ len: (r.output as string).length, cut: r.cut_chars as number }));
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      expect(r.len).toBe(1000);
      expect(r.cut).toBeGreaterThan(9_990_000);
    }
    const cache = { len: Math.max(...read.rows(store, 'cache').map((r) => (r.text as string).length)) };
    expect(cache.len).toBe(1000);
    store.close();
    expect(statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0)).toBeLessThan(
      2_000_000,
    );
    server.setOptions({ respond: undefined });
  }, 60_000);

  it('a multi-turn transcript of 10 MB replies stays within its limit in the database and on the site', async () => {
    server.setOptions({ respond: () => 'x'.repeat(10_000_000) });
    const dir = tempDir();
    const suite = parseSuite(
      `name: rev\nversion: 1\ntasks:\n  - id: gp\n    generator: instruct/general-points\n    split: id\n    n: 2\n    seed: 3\n    params: { rule: face10, sampling: face, protocol: revision, maxAttempts: 4 }\n`,
      join(dir, 'rev.yaml'),
    );
    const store = Store.open(join(dir, 'rev.sqlite'));
    const model = await loadModel(`openai-compatible:big@${server.url}/v1`);
    await run({
      suite,
      models: [model],
      store,
      concurrency: 2,
      limits: { replyChars: 300_000, transcriptChars: 500_000 },
    });
    await model.close?.();
    const rows = read.rows(store, 'results').map((r) => ({
      turns: r.turns as number,
      out: (r.output as string).length,
      verdict: (r.verdict as string).length,
      cut: r.cut_chars as number,
    }));
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.turns).toBe(4);
      expect(r.out).toBe(300_000);
      expect(r.verdict).toBeLessThan(500_000 + 50_000); // the transcript plus the verdict's own fields
      expect(r.cut).toBe(4 * 10_000_000 - 500_000);
    }
    const site = join(dir, 'site');
    buildSite(store, { out: site, seed: 's', resamples: 50, permutations: 50 });
    const itemFiles = readdirSync(join(site, 'i'));
    expect(itemFiles.length).toBeGreaterThan(0);
    for (const f of itemFiles) expect(statSync(join(site, 'i', f)).size).toBeLessThan(400_000);
    store.close();
    server.setOptions({ respond: undefined });
  }, 120_000);
});

describe('one writer per run (issue 21 #8)', () => {
  it('refuses a live holder, takes over a dead or silent one', () => {
    const store = Store.open(':memory:');
    expect(store.acquireLease('r', 'a', 30_000)).toBeUndefined();
    const held = store.acquireLease('r', 'b', 30_000);
    expect(held).toMatchObject({ pid: process.pid });
    // A holder that stopped sending heartbeats is taken over after the stale time.
    sqlOf(store)
      .prepare('UPDATE run_leases SET heartbeat_at = ? WHERE run_id = ?')
      .run(Date.now() - 60_000, 'r');
    expect(store.acquireLease('r', 'b', 30_000)).toBeUndefined();
    expect(store.renewLease('r', 'a')).toBe(false); // a lost it
    // A holder of this host that no longer exists (kill -9) is taken over at once.
    sqlOf(store)
      .prepare('UPDATE run_leases SET pid = ? WHERE run_id = ?')
      .run(2 ** 22 + 12345, 'r');
    expect(store.acquireLease('r', 'c', 30_000)).toBeUndefined();
    store.releaseLease('r', 'c');
    expect(store.acquireLease('r', 'd', 30_000)).toBeUndefined();
    store.close();
  });

  it('a second run of the same model and suite while the first holds the lease stops with one line', async () => {
    const store = Store.open(':memory:');
    const suite = toySuite([{ id: 'a', split: 'id', n: 5 }]);
    const slow = () => mockModel({ replies: () => '1', latencyMs: 100, spec: 'mock:slow' });
    const first = run({ suite, models: [slow()], store, concurrency: 1 });
    await new Promise((r) => setTimeout(r, 50));
    const second = run({ suite, models: [slow()], store, concurrency: 1 });
    await expect(second).rejects.toThrow(RunAbortedError);
    await expect(second).rejects.toThrow(/being written by process \d+ .*--fresh/);
    await first;
    // Once the first ended, the same run resumes (its lease was released).
    const [again] = await run({ suite, models: [slow()], store, concurrency: 1 });
    expect(again!.requests).toBe(0);
    expect(again!.skipped).toBe(5);
    store.close();
  }, 60_000);

  it('a process whose lease was taken over stops instead of writing on', async () => {
    const store = Store.open(':memory:');
    const suite = toySuite([{ id: 'a', split: 'id', n: 50 }]);
    const slow = mockModel({ replies: () => '1', latencyMs: 20, spec: 'mock:slow' });
    const running = run({ suite, models: [slow], store, concurrency: 1, lease: { heartbeatMs: 20, staleMs: 1000 } });
    await new Promise((r) => setTimeout(r, 100));
    sqlOf(store).prepare("UPDATE run_leases SET owner = 'someone else'").run();
    await expect(running).rejects.toThrow(/another process took over its lease/);
    expect(store.runs()[0]!.status).toBe('running'); // the status is the new holder's to set
    store.close();
  }, 60_000);
});

describe('foreign and read-only databases (issue 21 #5)', () => {
  const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
  it('a foreign SQLite file is refused by reads and writes alike and left byte-identical', () => {
    const file = join(tempDir(), 'other.sqlite');
    const d = new Database(file);
    d.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hello')");
    d.close();
    const before = sha(file);
    expect(() => Store.openReadOnly(file)).toThrow(/not a genbench database/);
    expect(() => Store.open(file)).toThrow(/not a genbench database/);
    expect(sha(file)).toBe(before);
    expect(readdirSync(join(file, '..'))).toEqual(['other.sqlite']);
    const junk = join(tempDir(), 'junk.sqlite');
    writeFileSync(junk, 'not a database at all, just text'.repeat(100));
    expect(() => Store.openReadOnly(junk)).toThrow(StoreError);
  });

  it('a read-only open never writes, and refuses writes', () => {
    const file = join(tempDir(), 'g.sqlite');
    Store.open(file).close();
    const s = Store.openReadOnly(file);
    expect(s.runs()).toEqual([]);
    expect(() => s.beginRun(runRecord())).toThrow();
    s.close();
  });
});

describe('older databases (issue 21 #5)', () => {
  it('a database of an older schema is read through a copy upgraded in memory, the file left byte-identical', () => {
    const file = join(tempDir(), 'old.sqlite');
    const d = new Database(file);
    d.pragma('journal_mode = WAL');
    d.exec('CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    d.exec(MIGRATIONS[0]!);
    d.prepare("INSERT INTO meta (key, value) VALUES ('schema_version', '1')").run();
    d.close();
    const before = readFileSync(file);
    const s = Store.openReadOnly(file);
    expect(s.schemaVersion()).toBe(SCHEMA_VERSION);
    expect(s.runs()).toEqual([]);
    s.close();
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('paths from database content (issue 21 #3)', () => {
  it('a crafted id cannot leave its folder', () => {
    const dir = tempDir();
    for (const id of ['../../../x/pwned', '..', '.', '/etc/passwd', 'a/../../b', 'C:\\\\x', '']) {
      const name = safeFileName(id);
      expect(name).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
      expect(confinedPath(dir, `${name}-0-1.png`).startsWith(dir)).toBe(true);
    }
    expect(safeFileName('3f9a2c41d07be5a1c2e9')).toBe('3f9a2c41d07be5a1c2e9');
    expect(safeFileName('../a')).not.toBe(safeFileName('..a'));
    expect(() => confinedPath(dir, '../escape')).toThrow(/outside/);
  });
});

describe('atomic outputs (issue 21 #6)', () => {
  it('writes through a temporary sibling, removes it on abort, and cleans what a dead process left', () => {
    const dir = tempDir();
    const target = join(dir, 'out.jsonl');
    const f = openAtomicFile(target);
    f.write('{"a":1}\n');
    expect(existsSync(target)).toBe(false); // nothing that looks complete before the commit
    f.commit();
    expect(readFileSync(target, 'utf8')).toBe('{"a":1}\n');
    const g = openAtomicFile(target);
    g.write('{"b":2}\n');
    g.abort();
    expect(readFileSync(target, 'utf8')).toBe('{"a":1}\n');
    expect(readdirSync(dir)).toEqual(['out.jsonl']);
    // A killed writer's temporary file (its pid no longer runs) goes at the next write.
    writeFileSync(tempSibling(target, 2 ** 22 + 4242), 'partial');
    mkdirSync(`${tempSibling(join(dir, 'site'), 2 ** 22 + 4243)}.old`);
    expect(removeStaleTemps(target)).toHaveLength(1);
    expect(removeStaleTemps(join(dir, 'site'))).toHaveLength(1);
    writeFileAtomic(target, 'x');
    expect(readdirSync(dir)).toEqual(['out.jsonl']);
    expect(() => writeFileAtomic(join(dir, 'missing', 'f.txt'), 'x')).toThrow(
      `cannot write ${join(dir, 'missing', 'f.txt')}: `,
    );
  });
});

describe('smaller findings (issue 21 #9)', () => {
  it('escape sequences in a model spec are shown, not executed, in the summary header', () => {
    const text = formatSummary({
      runId: 'r',
      modelSpec: 'mock:fixed:\u001b]0;pwned\u0007\u001b[2J',
      tasks: [],
      gaps: [],
    });
    expect(text).not.toMatch(/\u001b/);
    expect(text).toContain('\\u{1b}');
  });

  it('a YAML alias bomb is a configuration error naming the file', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 8; i++)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const text = `name: bomb\nversion: 1\n${levels.join('\n')}\ntasks: [*h]\n`;
    expect(() => parseSuite(text, 'suites/bomb.yaml')).toThrow(/^suites\/bomb\.yaml:1: invalid YAML: .*alias/);
  });

  it('n: 1e9 names the upper limit', () => {
    const text =
      'name: big\nversion: 1\ntasks:\n  - id: t\n    generator: instruct/general-points\n    split: id\n    n: 1e9\n';
    expect(() => parseSuite(text, 'big.yaml')).toThrow(
      /big\.yaml:7: tasks\[0\]\.n: must be a whole number of items from 1 to 10,000,000 \(got 1000000000\)/,
    );
  });

  it('an empty port in a URL is rejected', () => {
    expect(() => parseModelSpec('openai-compatible:m@http://localhost:/v1')).toThrow(/empty port/);
    expect(() => parseModelSpec('anthropic:m@http://127.0.0.1:')).toThrow(/empty port/);
    expect(parseModelSpec('openai-compatible:m@http://localhost:8000/v1').baseURL).toBe('http://localhost:8000/v1');
  });
});
