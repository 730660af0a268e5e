// Issue 21 and issue 17 through the real `bench` command: one SIGTERM against a stalled server,
// two processes on one run, kill -9 in the middle of multi-turn episodes, a crafted item id,
// a foreign database and a database on a read-only folder, leftovers of killed site builds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ROOT, bench, errorLines, startBench } from '../helpers/cli.js';
import { startMockLlmServer, type MockLlmServer, type MockRequestBody } from '../../src/testing/mock-llm-server.js';
import { Store } from '../../src/store/store.js';

const STALL = 2 ** 31 - 1; // the mock server accepts the request and never answers

let dir: string;
let server: MockLlmServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'genbench-hardening-'));
  chmodSync(dir, 0o755);
  server = await startMockLlmServer({});
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const db = (name: string) => join(dir, `${name}.sqlite`);
const count = (file: string, where = "status = 'ok'") => {
  const d = new Database(file, { readonly: true });
  try {
    return (d.prepare(`SELECT COUNT(*) AS n FROM results WHERE ${where}`).get() as { n: number }).n;
  } finally {
    d.close();
  }
};
const until = async (cond: () => boolean, ms = 60_000) => {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 50));
  }
};
const closed = (child: ReturnType<typeof startBench>) =>
  new Promise<number | null>((r) => child.on('close', (code) => r(code)));
function gpSuite(name: string, n: number, extra = ''): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(
    file,
    `name: ${name}\nversion: 1\ntasks:\n  - id: gp\n    generator: instruct/general-points\n    split: id\n    n: ${n}\n    seed: 11\n    params: { rule: face10, sampling: face${extra} }\n`,
  );
  return file;
}

describe('no hangs (issue 21 #1)', () => {
  it('a stalled server and ONE SIGTERM: exit 130 within the stop deadline, finished answers saved', async () => {
    server.resetStats();
    server.setOptions({ latencyMs: (_b, ctx) => (ctx.index < 3 ? 0 : STALL) });
    const file = db('stalled');
    const child = startBench([
      'run',
      '--suite',
      gpSuite('stall', 10),
      '-m',
      `openai-compatible:m@${server.url}/v1`,
      '-c',
      '2',
      '--db',
      file,
      '-q',
      '--stop-timeout',
      '2',
    ]);
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    const exit = closed(child);
    await until(() => server.stats.requests >= 5); // 3 answered, 2 stalled
    await new Promise((r) => setTimeout(r, 500));
    const t0 = Date.now();
    child.kill('SIGTERM');
    const code = await exit;
    const seconds = (Date.now() - t0) / 1000;
    expect(code).toBe(130);
    expect(seconds).toBeLessThan(2 + 30); // the deadline plus a generous allowance for a loaded machine; without it: never
    expect(stderr).toMatch(/stop deadline of 2 s reached/);
    expect(count(file)).toBe(3);
    server.setOptions({ latencyMs: 0 });
  }, 120_000);
});

describe('one writer per run (issue 21 #8)', () => {
  it('two processes on one run send each item once', async () => {
    server.resetStats();
    // The first process's first answers wait until the second has come and gone.
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    server.setOptions({
      latencyMs: 5,
      respond: async (_b, ctx) => {
        await released;
        return ctx.lastUserText;
      },
    });
    const args = [
      'run',
      '--suite',
      gpSuite('two', 30),
      '-m',
      `openai-compatible:m@${server.url}/v1`,
      '-c',
      '2',
      '--db',
      db('two'),
      '-q',
    ];
    const first = startBench(args);
    const firstExit = closed(first);
    await until(() => server.stats.requests >= 1);
    const second = await bench(args);
    release();
    expect(second.code).toBe(2);
    expect(errorLines(second.stderr)).toHaveLength(1);
    expect(second.stderr).toMatch(/is being written by process \d+ on .*: wait for it to end or stop it/);
    expect(await firstExit).toBe(0);
    expect(count(db('two'))).toBe(30);
    expect(server.stats.requests).toBe(30);
    expect(Math.max(...server.stats.bodyCounts.values())).toBe(1);
    server.setOptions({ latencyMs: 0, respond: undefined });
  }, 120_000);
});

describe('turn-level durability (issue 17)', () => {
  it('kill -9 mid-episode: the resumed run replays finished turns from the cache, asking none again', async () => {
    server.resetStats();
    let triggered = false;
    const assistants = (b: MockRequestBody) => (b.messages ?? []).filter((m) => m.role === 'assistant').length;
    // Echoed prompts are wrong answers, so every episode runs its 5 attempts. When some episode
    // reaches its 4th attempt, everything stalls: that episode has 3 finished turns.
    server.setOptions({
      latencyMs: (b) => {
        if (triggered || assistants(b) >= 3) {
          triggered = true;
          return STALL;
        }
        return 5;
      },
    });
    const args = [
      'run',
      '--suite',
      gpSuite('episodes', 6, ', protocol: revision, maxAttempts: 5'),
      '-m',
      `openai-compatible:m@${server.url}/v1`,
      '-c',
      '2',
      '--db',
      db('episodes'),
      '-q',
    ];
    const child = startBench(args);
    const exit = closed(child);
    await until(() => triggered);
    await new Promise((r) => setTimeout(r, 1000)); // the finished turns are committed long before this
    child.kill('SIGKILL');
    await exit;
    const answeredBefore = server.stats.ok;
    expect(answeredBefore).toBeGreaterThanOrEqual(3);
    server.setOptions({ latencyMs: 0 });
    // No resetStats: `duplicates` counts bodies answered before the kill and asked again.
    const resumed = await bench([...args, '--json']);
    expect(resumed.code).toBe(0);
    expect(server.stats.duplicates).toBe(0);
    const [r] = JSON.parse(resumed.stdout).runs as { cacheHits: number; requests: number }[];
    expect(r!.cacheHits).toBeGreaterThanOrEqual(3);
    expect(count(db('episodes'))).toBe(6);
    expect(count(db('episodes'), 'turns = 5')).toBe(6);
  }, 120_000);
});

describe('paths from a crafted database (issue 21 #3)', () => {
  it('bench show --images with the id ../../../x/pwned writes inside the folder only', async () => {
    const root = mkdtempSync(join(tmpdir(), 'genbench-traversal-'));
    const file = join(root, 'crafted.sqlite');
    const store = Store.open(file);
    const png = Buffer.from('89504e470d0a1a0a', 'hex').toString('base64');
    store.saveItems([
      {
        id: '../../../x/pwned',
        generator: 'toy/add',
        generatorVersion: '1',
        family: 'toy',
        params: {},
        seed: 1,
        index: 0,
        difficulty: {},
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'look' },
              { type: 'image', mediaType: 'image/png', data: png },
            ],
          },
        ],
        truth: 1,
      },
    ]);
    store.close();
    const images = join(root, 'a', 'b', 'c', 'imgs');
    const r = await bench(['show', '../../../x/pwned', '--db', file, '--images', images]);
    expect(r.code).toBe(0);
    const written = readdirSync(images);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^x_pwned-[0-9a-f]+-0-1\.png$/);
    const everything = (d: string): string[] =>
      readdirSync(d, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? everything(join(d, e.name)) : [join(d, e.name)],
      );
    expect(everything(root).filter((f) => f.includes('pwned'))).toEqual([join(images, written[0]!)]);
    rmSync(root, { recursive: true, force: true });
  }, 60_000);
});

describe('read commands never write (issue 21 #5) and site builds clean up (issue 21 #6)', () => {
  const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

  it('report, leaderboard, show and list on a foreign SQLite file: one line, file byte-identical', async () => {
    const file = db('foreign');
    const d = new Database(file);
    d.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine')");
    d.close();
    const before = sha(file);
    for (const args of [
      ['report'],
      ['leaderboard', '--out', join(dir, 'foreign-site')],
      ['show', 'abc'],
      ['list', 'runs'],
    ]) {
      const r = await bench([...args, '--db', file]);
      expect(r.code, args[0]).toBe(3);
      expect(errorLines(r.stderr)).toEqual([expect.stringMatching(/not a genbench database/)]);
    }
    expect(sha(file)).toBe(before);
    expect(readdirSync(dir).filter((f) => f.startsWith('foreign.sqlite'))).toEqual(['foreign.sqlite']);
  }, 120_000);

  it('a chmod 444 database in a read-only folder is read by report, list and a gate of stored runs; the site build removes leftovers of killed builds', async () => {
    const made = await bench([
      'run',
      '--suite',
      'quick',
      '-n',
      '1',
      '-m',
      'baseline:oracle',
      '--db',
      db('source'),
      '-q',
    ]);
    expect(made.code).toBe(0);
    const ro = join(dir, 'ro');
    mkdirSync(ro);
    copyFileSync(db('source'), join(ro, 'g.sqlite'));
    chmodSync(join(ro, 'g.sqlite'), 0o444);
    chmodSync(ro, 0o555);
    const before = sha(join(ro, 'g.sqlite'));
    // Root ignores file modes, so read as an unprivileged user where the test runs as root.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const runAs = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
          cwd: ROOT,
          stdio: ['ignore', 'pipe', 'pipe'],
          ...asUser,
        });
        let stdout = '',
          stderr = '';
        child.stdout.on('data', (x) => (stdout += x));
        child.stderr.on('data', (x) => (stderr += x));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
    const report = await runAs(['report', '--db', join(ro, 'g.sqlite')]);
    expect(report.stderr).toBe('');
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/baseline:oracle/);
    const list = await runAs(['list', 'runs', '--db', join(ro, 'g.sqlite')]);
    expect(list.code).toBe(0);
    // A gate of two stored runs only reads, so it works there too.
    const d = new Database(db('source'), { readonly: true });
    const runId = d.prepare('SELECT id FROM runs').pluck().get() as string;
    d.close();
    const gate = await runAs([
      'gate',
      '--suite',
      'quick',
      '-n',
      '1',
      '--baseline',
      runId,
      '--candidate',
      runId,
      '--db',
      join(ro, 'g.sqlite'),
    ]);
    expect(gate.stderr).not.toMatch(/error/);
    expect([0, 11]).toContain(gate.code);
    expect(readdirSync(ro)).toEqual(['g.sqlite']);
    expect(sha(join(ro, 'g.sqlite'))).toBe(before);

    // Leftovers of a build killed by a process that no longer exists: removed by the next build.
    const out = join(dir, 'site');
    const deadPid = 2 ** 22 + 777;
    mkdirSync(join(dir, `.site.tmp-${deadPid}`, 'i'), { recursive: true });
    writeFileSync(join(dir, `.site.tmp-${deadPid}`, 'i', 'half.html'), '<p>half');
    const site = await bench(['leaderboard', '--db', join(ro, 'g.sqlite'), '--out', out, '--resamples', '50']);
    expect(site.code).toBe(0);
    expect(readdirSync(dir).filter((f) => f.startsWith('.site.tmp-'))).toEqual([]);
    expect(readdirSync(out)).toContain('index.html');
    chmodSync(ro, 0o755);
  }, 180_000);
});
