import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import Database from 'better-sqlite3';
import { bench, errorLines, startBench } from '../helpers/cli.js';
import { startMockLlmServer, type MockLlmServer } from '../../src/testing/mock-llm-server.js';

let dir: string;
let server: MockLlmServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'genbench-cli-'));
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

describe('bench run (defaults)', () => {
  it('runs the quick suite with both baselines, prints ID and OOD rows, and stores them', async () => {
    const r = await bench(['run', '--db', db('quick')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/model baseline:oracle/);
    expect(r.stdout).toMatch(/model baseline:random/);
    const oracle = r.stdout.split('model baseline:random')[0]!;
    const rows = oracle.split('\n').filter((l) => /\s(id|ood)\s/.test(l) && /% \[/.test(l));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.some((l) => /\sid\s/.test(l)) && rows.some((l) => /\sood\s/.test(l))).toBe(true);
    for (const l of rows) expect(l).toMatch(/100\.0% \[/);
    expect(r.stdout).toMatch(/ID − OOD gap/);
    const d = new Database(db('quick'), { readonly: true });
    const bySplit = d
      .prepare(
        `SELECT rt.split AS split, COUNT(*) AS n FROM results r JOIN run_tasks rt ON rt.run_id = r.run_id AND rt.task = r.task GROUP BY rt.split`,
      )
      .all();
    d.close();
    expect(bySplit.map((x: any) => x.split).sort()).toEqual(['id', 'ood']);
  });

  it('is idempotent: the same command again asks nothing and prints the same table', async () => {
    const first = await bench(['run', '--db', db('again'), '-m', 'baseline:oracle', '-q']);
    const second = await bench(['run', '--db', db('again'), '-m', 'baseline:oracle', '-q']);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/resumed: \d+ finished before, 0 requests now/);
    const table = (s: string) =>
      s
        .split('\n')
        .filter((l) => /%/.test(l))
        .join('\n');
    expect(table(second.stdout)).toBe(table(first.stdout));
  });
});

describe('one-line errors with a non-zero exit and nothing written', () => {
  it('malformed suite', async () => {
    const f = join(dir, 'bad.yaml');
    writeFileSync(
      f,
      'name: bad\nversion: 1\ntasks:\n  - id: a\n    generator: instruct/general-points\n    split: maybe\n    n: 2\n',
    );
    const r = await bench(['run', '--suite', f, '--db', db('bad-suite')]);
    expect(r.code).toBe(2);
    expect(errorLines(r.stderr)).toEqual([
      `bench: error: ${f}:6: tasks[0].split: must be one of train, id, ood (got "maybe")`,
    ]);
    expect(existsSync(db('bad-suite'))).toBe(false);
  });

  it('unknown model provider', async () => {
    const r = await bench(['run', '-m', 'opnai:gpt-4o', '--db', db('bad-model')]);
    expect(r.code).toBe(2);
    const lines = errorLines(r.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/unknown model provider 'opnai'.*Did you mean 'openai'/);
    expect(existsSync(db('bad-model'))).toBe(false);
  });

  it('missing API key', async () => {
    const r = await bench(['run', '-m', 'openai:gpt-4.1-mini', '--db', db('no-key')], {
      OPENAI_API_KEY: undefined,
      OPENAI_BASE_URL: undefined,
    });
    expect(r.code).toBe(2);
    const lines = errorLines(r.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/OPENAI_API_KEY is not set/);
    expect(existsSync(db('no-key'))).toBe(false);
  });

  it('unreachable server, within seconds', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const r = await bench([
      'run',
      '-m',
      `openai-compatible:m@http://127.0.0.1:${port}/v1`,
      '--db',
      db('unreachable'),
      '-q',
    ]);
    expect(r.code).toBe(2);
    const lines = errorLines(r.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`127\\.0\\.0\\.1:${port}`));
    expect(r.ms).toBeLessThan(10_000);
    // The run is marked failed and holds no results; nothing counts as a wrong answer.
    expect(count(db('unreachable'), '1 = 1')).toBe(0);
  });

  it('bad flag values', async () => {
    const r = await bench(['run', '-n', 'lots', '--db', db('bad-flag')]);
    expect(r.code).toBe(2);
    expect(errorLines(r.stderr)).toEqual(["bench: error: --n must be a whole number ≥ 1 (got 'lots')"]);
  });
});

describe('kill -9 and resume', () => {
  it('gives the same rows as an uninterrupted run, asking only what was not stored', async () => {
    server.setOptions({ latencyMs: 40 });
    const model = `openai-compatible:echo@${server.url}/v1`;
    // Single-turn tasks, so requests and stored rows correspond one to one.
    const suite = join(dir, 'resume.yaml');
    writeFileSync(
      suite,
      'name: resume\nversion: 1\ntasks:\n' +
        ['id', 'ood']
          .map(
            (split) =>
              `  - id: gp-${split}\n    generator: instruct/general-points\n    split: ${split}\n    n: 30\n    seed: 5\n    params: { rule: ${split === 'id' ? 'face10' : 'regular'}, sampling: face }\n`,
          )
          .join(''),
    );
    const args = (file: string) => ['run', '--suite', suite, '-m', model, '-c', '2', '--db', file, '-q'];

    server.resetStats();
    const whole = await bench(args(db('whole')));
    expect(whole.code).toBe(0);
    const total = count(db('whole'));
    expect(total).toBe(60);

    server.resetStats();
    const child = startBench(args(db('killed')));
    const deadline = Date.now() + 60_000; // generous: CI runs many test files at once on 2 cores
    let stored = 0;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      if (existsSync(db('killed'))) {
        try {
          stored = count(db('killed'));
        } catch {
          /* schema not created yet */
        }
        if (stored >= 10) break;
      }
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.on('close', r));
    const atKill = count(db('killed'));
    expect(atKill).toBeGreaterThanOrEqual(10);
    expect(atKill).toBeLessThan(60);

    server.resetStats();
    const resumed = await bench(args(db('killed')));
    expect(resumed.code).toBe(0);
    expect(server.stats.requests).toBe(60 - atKill); // nothing finished is asked again
    const rows = (file: string) => {
      const d = new Database(file, { readonly: true });
      const out = d
        .prepare('SELECT item_id, sample, task, status, output, correct FROM results ORDER BY item_id, sample')
        .all();
      d.close();
      return out;
    };
    expect(rows(db('killed'))).toEqual(rows(db('whole')));
    server.setOptions({ latencyMs: 0 });
  }, 180_000);
});

describe('other commands', () => {
  it('every command has --help with examples', async () => {
    for (const cmd of ['run', 'generate', 'list', 'show', 'report', 'leaderboard', 'gate']) {
      const r = await bench([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Examples:/);
    }
  });

  it('generate writes JSONL items; train items never collide with eval items', async () => {
    const ood = await bench(['generate', '--suite', 'quick', '--split', 'ood', '-n', '2']);
    expect(ood.code).toBe(0);
    const items = ood.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(items.length).toBeGreaterThan(2);
    for (const it of items) {
      expect(it).toMatchObject({ split: 'ood' });
      expect(Object.keys(it)).toEqual(
        expect.arrayContaining(['id', 'task', 'split', 'axis', 'difficulty', 'messages', 'truth', 'reference']),
      );
    }
    const train = await bench(['generate', '--suite', 'quick', '--split', 'train', '-n', '30']);
    const trainItems = train.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(trainItems.every((i) => i.split === 'train')).toBe(true);
    const evalAll = await bench(['generate', '--suite', 'quick']);
    const evalIds = new Set(
      evalAll.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    );
    expect(trainItems.some((i) => evalIds.has(i.id))).toBe(false);
  });

  it("generate --format writes a family's own layout, and refuses tasks that lack it", async () => {
    const out = join(dir, 'tp');
    const r = await bench([
      'generate',
      '--suite',
      'quick',
      '--task',
      'travel-3d-easy',
      '-n',
      '2',
      '--format',
      'travelplanner',
      '--out',
      out,
    ]);
    expect(r.code).toBe(0);
    expect(errorLines(r.stderr).join('\n')).toMatch(/wrote 1 world database\(s\) and 2 queries/);
    const world = join(out, 'world-1-10');
    expect(existsSync(join(world, 'travel-3d-easy.queries.jsonl'))).toBe(true);
    expect(existsSync(join(world, 'database'))).toBe(true);
    const bad = await bench([
      'generate',
      '--suite',
      'quick',
      '--task',
      'gp-id',
      '--format',
      'travelplanner',
      '--out',
      out,
    ]);
    expect(bad.code).toBe(2);
    expect(errorLines(bad.stderr)).toEqual([
      expect.stringMatching(/format 'travelplanner' is not available for instruct\/general-points/),
    ]);
  });

  it('show prints the item with every answer, with terminal escapes neutralised', async () => {
    const file = db('show');
    await bench(['run', '--db', file, '-m', 'mock:fixed:\u001b[31mred\u001b[0m', '-t', 'gp-id', '-n', '1', '-q']);
    const d = new Database(file, { readonly: true });
    const { item_id } = d.prepare('SELECT item_id FROM results LIMIT 1').get() as { item_id: string };
    d.close();
    const r = await bench(['show', item_id.slice(0, 8), '--db', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/── prompt/);
    expect(r.stdout).toMatch(/── truth/);
    expect(r.stdout).toMatch(/mock:fixed/);
    expect(r.stdout).not.toMatch(/\u001b/);
    expect(r.stdout).toContain('\\u{1b}[31mred');
  });
});
