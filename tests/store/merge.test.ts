// Shards and merge, end to end: 4 shards of a suite run as separate `bench run --shard i/4`
// processes (one killed with SIGKILL and resumed), merged, compared with one unsharded run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { bench, startBench } from '../helpers/cli.js';
import { startMockLlmServer, type MockLlmServer } from '../../src/testing/mock-llm-server.js';
import { MergeError, mergeDatabases } from '../../src/store/merge.js';
import { inShard, parseShard, shardSize } from '../../src/runner/shard.js';

let dir: string;
let server: MockLlmServer;
let suite: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'genbench-merge-'));
  // Deterministic answers that are sometimes right: the number of the prompt's length parity.
  server = await startMockLlmServer({ respond: (_b, ctx) => (ctx.lastUserText.length % 2 ? '24' : 'no solution') });
  suite = join(dir, 'shards.yaml');
  writeFileSync(
    suite,
    'name: shards\nversion: 1\ntasks:\n' +
      ['id', 'ood']
        .map(
          (split) =>
            `  - id: gp-${split}\n    generator: instruct/general-points\n    split: ${split}\n    n: 30\n    seed: 7\n    params: { rule: ${split === 'id' ? 'face10' : 'regular'}, sampling: face }\n`,
        )
        .join(''),
  );
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const db = (name: string) => join(dir, `${name}.sqlite`);
const model = () => `openai-compatible:echo@${server.url}/v1`;
const args = (file: string, extra: string[] = []) => [
  'run',
  '--suite',
  suite,
  '-m',
  model(),
  '-c',
  '2',
  '--db',
  file,
  '-q',
  ...extra,
];

function query<T>(file: string, sql: string): T[] {
  const d = new Database(file, { readonly: true });
  try {
    return d.prepare(sql).all() as T[];
  } finally {
    d.close();
  }
}
const rows = (file: string) =>
  query(
    file,
    'SELECT run_id, item_id, sample, task, status, output, correct, score, verdict FROM results ORDER BY item_id, sample',
  );
/** Every table's content: what "merging again changes nothing" compares. */
function dump(file: string): Record<string, unknown[]> {
  const tables = query<{ name: string }>(
    file,
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  );
  return Object.fromEntries(
    tables.map(({ name }) => {
      const cols = query(file, `PRAGMA table_info("${name}")`).length;
      return [
        name,
        query(file, `SELECT * FROM "${name}" ORDER BY ${Array.from({ length: cols }, (_, i) => i + 1).join(', ')}`),
      ];
    }),
  );
}

describe('shard partition', () => {
  it('is a partition: every position in exactly one shard, sizes within one of each other', () => {
    for (const count of [1, 2, 3, 4, 7]) {
      const owners = Array.from({ length: 100 }, (_, p) =>
        [...Array(count).keys()].filter((i) => inShard(p, { index: i, count })),
      );
      expect(owners.every((o) => o.length === 1)).toBe(true);
      const sizes = [...Array(count).keys()].map((i) => shardSize(100, { index: i, count }));
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(100);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it('rejects malformed shards with what is accepted', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(() => parseShard('4/4')).toThrow(/0-based.*3\/4/);
    expect(() => parseShard('1-4')).toThrow(/'i\/N'/);
    expect(() => parseShard('0/0')).toThrow(/N must be ≥ 1/);
  });
});

describe('bench run --shard and bench merge', () => {
  it('4 shard processes (one killed and resumed) merge into rows identical to one unsharded run', async () => {
    const whole = await bench(args(db('whole')));
    expect(whole.code, whole.stderr).toBe(0);
    expect(rows(db('whole'))).toHaveLength(60);

    const shards = await Promise.all([0, 1, 3].map((i) => bench(args(db(`shard-${i}`), ['--shard', `${i}/4`]))));
    for (const r of shards) expect(r.code, r.stderr).toBe(0);

    // Shard 2 is killed with SIGKILL part way, then resumed by the same command.
    server.setOptions({ latencyMs: 150 });
    const child = startBench(args(db('shard-2'), ['--shard', '2/4', '-c', '1']));
    const deadline = Date.now() + 60_000;
    let stored = 0;
    while (Date.now() < deadline && stored < 3) {
      await new Promise((r) => setTimeout(r, 50));
      if (existsSync(db('shard-2')))
        try {
          stored = rows(db('shard-2')).length;
        } catch {
          /* schema not created yet */
        }
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.on('close', r));
    server.setOptions({ latencyMs: 0 });
    const atKill = rows(db('shard-2')).length;
    expect(atKill).toBeGreaterThanOrEqual(3);
    expect(atKill).toBeLessThan(15);
    server.resetStats();
    const resumed = await bench(args(db('shard-2'), ['--shard', '2/4']));
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(server.stats.requests).toBe(15 - atKill);

    // Each shard holds its quarter, recorded in its run; the shards never overlap.
    const parts = [0, 1, 2, 3].map(
      (i) =>
        query<{ shard_index: number; shard_count: number; shard_of: string; planned: number }>(
          db(`shard-${i}`),
          'SELECT * FROM runs',
        )[0]!,
    );
    const wholeRun = query<{ id: string }>(db('whole'), 'SELECT id FROM runs')[0]!;
    parts.forEach((p, i) =>
      expect(p).toMatchObject({ shard_index: i, shard_count: 4, shard_of: wholeRun.id, planned: 15 }),
    );
    const ids = [0, 1, 2, 3].flatMap((i) => rows(db(`shard-${i}`)).map((r) => (r as { item_id: string }).item_id));
    expect(new Set(ids).size).toBe(60);

    // A missing shard is named, the exit code says the merge is incomplete.
    const partial = await bench(['merge', db('shard-0'), db('shard-1'), db('shard-3'), '--into', db('merged')]);
    expect(partial.code).toBe(1);
    expect(partial.stderr).toMatch(/missing shard 2\/4/);
    expect(query<{ status: string }>(db('merged'), 'SELECT status FROM runs')[0]!.status).toBe('interrupted');

    // The last shard completes it; the merged rows equal the unsharded run's.
    const done = await bench(['merge', ...[0, 1, 2, 3].map((i) => db(`shard-${i}`)), '--into', db('merged')]);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toMatch(/15 results added, 45 already there, shards 4\/4; status done/);
    expect(rows(db('merged'))).toEqual(rows(db('whole')));
    const runInfo = (f: string) =>
      query(
        f,
        'SELECT id, model_spec, model_identity, suite_hash, sampling, samples, generator_versions, status, planned, shard_index FROM runs',
      );
    expect(runInfo(db('merged'))).toEqual(runInfo(db('whole')));
    expect(query(db('merged'), 'SELECT * FROM run_tasks ORDER BY rowid')).toEqual(
      query(db('whole'), 'SELECT * FROM run_tasks ORDER BY rowid'),
    );

    // Merging again changes nothing.
    const before = dump(db('merged'));
    const again = await bench(['merge', ...[3, 2, 1, 0].map((i) => db(`shard-${i}`)), '--into', db('merged')]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/0 results added, 60 already there/);
    expect(dump(db('merged'))).toEqual(before);

    // The report reads the merged run exactly as the single-machine one (run times aside).
    const report = async (f: string) => {
      const r = await bench(['report', '--db', f, '--format', 'json']);
      expect(r.code, r.stderr).toBe(0);
      return r.stdout.replace(/"(generatedAt|startedAt|endedAt|createdAt)": "[^"]*"/g, '"$1": "-"');
    };
    expect(await report(db('merged'))).toBe(await report(db('whole')));
    // So does the site: every page's JSON twin is equal once measured times are left out.
    const site = async (f: string, out: string) => {
      const r = await bench(['leaderboard', '--db', f, '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      const timing = /^(generatedAt|startedAt|endedAt|duration|latency\w*)$/;
      const strip = (x: unknown): unknown =>
        Array.isArray(x)
          ? x.map(strip)
          : x && typeof x === 'object'
            ? Object.fromEntries(
                Object.entries(x)
                  .filter(([k]) => !timing.test(k))
                  .map(([k, v]) => [k, strip(v)]),
              )
            : x;
      const files = (readdirSync(out, { recursive: true }) as string[]).filter((p) => p.endsWith('.json')).sort();
      return Object.fromEntries(files.map((p) => [p, strip(JSON.parse(readFileSync(join(out, p), 'utf8')))]));
    };
    const mergedSite = await site(db('merged'), join(dir, 'site-merged'));
    expect(Object.keys(mergedSite).length).toBeGreaterThan(10);
    expect(mergedSite).toEqual(await site(db('whole'), join(dir, 'site-whole')));

    // A shard run twice on two machines with the same answers is a duplicate, kept once.
    copyFileSync(db('shard-1'), db('shard-1-copy'));
    const dup = mergeDatabases(
      [db('shard-0'), db('shard-1'), db('shard-1-copy'), db('shard-2'), db('shard-3')],
      db('merged-dup'),
    );
    expect(dup.duplicates.join('\n')).toMatch(/shard 1\/4.*also in .*shard-1\.sqlite/);
    expect(rows(db('merged-dup'))).toEqual(rows(db('whole')));
  }, 240_000);

  it('refuses conflicting answers and mismatched parts, writing nothing', async () => {
    // The same shard answered differently (a sampled model, another server): a conflict.
    const base = db('shard-0');
    if (!existsSync(base)) return expect.unreachable('the first test makes the shard databases');
    copyFileSync(base, db('conflict'));
    const d = new Database(db('conflict'));
    d.prepare("UPDATE results SET output = 'something else' WHERE item_id = (SELECT min(item_id) FROM results)").run();
    d.close();
    expect(() => mergeDatabases([base, db('conflict')], db('refused'))).toThrow(MergeError);
    expect(() => mergeDatabases([base, db('conflict')], db('refused'))).toThrow(
      /conflicting answers for item \w+ sample 0/,
    );
    expect(existsSync(db('refused'))).toBe(false);

    // A shard made by other generator code (same run id, other generator versions).
    copyFileSync(db('shard-1'), db('other-version'));
    const e = new Database(db('other-version'));
    e.prepare('UPDATE runs SET generator_versions = \'{"instruct/general-points":"0.0.0"}\'').run();
    e.close();
    copyFileSync(db('whole'), db('target'));
    const before = dump(db('target'));
    const r = await bench(['merge', base, db('other-version'), '--into', db('target')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/differs from the run merged before in generator versions/);
    expect(dump(db('target'))).toEqual(before);

    const usage = await bench(['merge', base, '--into', base]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/also an input/);
  }, 120_000);
});

describe('merge in process', () => {
  async function runInto(file: string, model: string | string[], shard?: { index: number; count: number }) {
    const { Store } = await import('../../src/store/store.js');
    const { run } = await import('../../src/runner/run.js');
    const { loadSuite } = await import('../../src/suite/load.js');
    const store = Store.open(file);
    try {
      await run({ suite: loadSuite('quick'), models: [model].flat(), store, n: 3, shard });
    } finally {
      store.close();
    }
  }
  const results = (f: string) =>
    query(
      f,
      'SELECT run_id, item_id, sample, status, output, correct, verdict FROM results ORDER BY run_id, item_id, sample',
    );

  it('merges merged databases (shards 0–1 and 2–3 apart, then together) into the whole run', async () => {
    const models = ['baseline:oracle', 'baseline:random'];
    for (let i = 0; i < 4; i++) await runInto(db(`p-${i}`), models, { index: i, count: 4 });
    await runInto(db('p-whole'), models);
    const first = mergeDatabases([db('p-0'), db('p-1')], db('p-01'));
    expect(first.missing.join()).toMatch(/missing shards 2\/4, 3\/4/);
    mergeDatabases([db('p-2'), db('p-3')], db('p-23'));
    const all = mergeDatabases([db('p-01'), db('p-23')], db('p-all'));
    expect(all.missing).toEqual([]);
    expect(all.runs).toHaveLength(2);
    for (const r of all.runs)
      expect(r).toMatchObject({
        status: 'done',
        shards: { count: 4, present: [0, 1, 2, 3], missing: [], unfinished: [] },
      });
    expect(results(db('p-all'))).toEqual(results(db('p-whole')));
    // The gate decides the same on the merged database as on the single-machine one.
    const [oracle, random] = all.runs.sort((a, b) => a.modelSpec.localeCompare(b.modelSpec)).map((r) => r.runId);
    const gate = async (f: string) => {
      const out = join(dir, `gate-${f}.json`);
      const r = await bench([
        'gate',
        '--suite',
        'quick',
        '-n',
        '3',
        '--db',
        db(f),
        '--baseline',
        oracle!,
        '--candidate',
        random!,
        '--split',
        'all',
        '--json',
        out,
      ]);
      return { code: r.code, stdout: r.stdout, json: readFileSync(out, 'utf8') };
    };
    const merged = await gate('p-all');
    expect(merged.code).toBe(10); // the random baseline regresses against the oracle
    expect(merged).toEqual(await gate('p-whole'));
  }, 60_000);

  it('combines databases of different models into one with both runs', async () => {
    await runInto(db('m-oracle'), 'baseline:oracle');
    await runInto(db('m-random'), 'baseline:random');
    const r = mergeDatabases([db('m-oracle'), db('m-random')], db('m-both'));
    expect(r.runs.map((x) => x.modelSpec).sort()).toEqual(['baseline:oracle', 'baseline:random']);
    expect(r.runs.every((x) => x.status === 'done' && x.shards === undefined)).toBe(true);
    expect(results(db('m-both'))).toEqual(
      [...results(db('m-oracle')), ...results(db('m-random'))].sort((a: any, b: any) =>
        a.run_id === b.run_id
          ? a.item_id === b.item_id
            ? a.sample - b.sample
            : a.item_id < b.item_id
              ? -1
              : 1
          : a.run_id < b.run_id
            ? -1
            : 1,
      ),
    );
  }, 60_000);
});
