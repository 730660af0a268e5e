// The Python client (examples/python, standard library only) against a real `bench serve`: every
// shipped suite's reference answers score 1.0, baseline:random's answers score what the library
// verifiers say (near chance), garbage scores 0 without a server error, concurrent clients agree,
// verl's compute_score and TRL's reward function work, and Sokoban plays through the environment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';
import { Rng } from '../../src/core/rng.js';
import { loadSuite, shippedSuiteNames, type SuiteTask } from '../../src/suite/load.js';
import { makeItem } from '../../src/suite/expand.js';
import { safeVerify } from '../../src/core/verdict.js';

const python = spawnSync('python3', ['--version']).status === 0;
let dir: string;
let server: ChildProcess | undefined;
let url = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'genbench-py-'));
  // The built CLI when there is one (as users run it), else the sources through tsx.
  const built = join(ROOT, 'dist/src/cli/main.js');
  const args = existsSync(built) ? [built] : ['--import', 'tsx', 'src/cli/main.ts'];
  server = spawn(process.execPath, [...args, 'serve', '--port', '0', '--suite', 'quick'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('bench serve did not start in 60 s')), 60_000);
    let out = '';
    server!.stdout!.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    server!.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bench serve exited with ${code}`));
    });
  });
}, 90_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once('exit', r));
    server.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (server.exitCode === null) server.kill('SIGKILL');
  }
  rmSync(dir, { recursive: true, force: true });
});

/** One item per task of every shipped suite (two for the instruct tasks), with a reference and a chance-level answer. */
function cases() {
  const seen = new Set<string>();
  const out: {
    generator: string;
    truth: unknown;
    reference: string;
    random: string;
    multiTurn: boolean;
    sokoban: boolean;
    expectedRandom: number;
  }[] = [];
  for (const name of shippedSuiteNames()) {
    for (const task of loadSuite(name).tasks as SuiteTask[]) {
      const key = `${task.generator.name}|${JSON.stringify(task.params)}|${task.seed}`;
      if (seen.has(key)) continue;
      seen.add(key);
      for (let i = 0; i < (task.family === 'sokoban' || task.family === 'general-points' ? 2 : 1); i++) {
        const item = makeItem(task, i);
        const p = item.problem;
        const random = p.randomAnswer!(Rng.forItem(item.id, 0, 'random'));
        const truth = JSON.parse(JSON.stringify(p.truth));
        out.push({
          generator: task.generator.name,
          truth,
          reference: p.reference!,
          random,
          multiTurn: Boolean(p.episode),
          sokoban: task.generator.name === 'instruct/sokoban' && Boolean(p.episode),
          expectedRandom: safeVerify((r) => task.generator.verify(truth, r), random).score,
        });
      }
    }
  }
  return out;
}

describe.runIf(python)('Python client against bench serve', () => {
  it('scores references 1.0, random answers as the verifiers do, garbage 0; verl, TRL, concurrency and Sokoban', async () => {
    const all = cases();
    const path = join(dir, 'cases.jsonl');
    writeFileSync(path, all.map((c) => JSON.stringify(c)).join('\n'));
    const child = spawn('python3', [join(ROOT, 'tests/serve/python/drive.py'), url, path], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '',
      stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise((r) => child.on('close', r));
    expect(code, stderr).toBe(0);
    const out = JSON.parse(stdout);

    expect(all.length).toBeGreaterThan(300);
    expect(out.reference.filter((r: unknown) => r !== 1)).toEqual([]);
    expect(out.random).toEqual(all.map((c) => c.expectedRandom));
    const chance = out.random.reduce((a: number, b: number) => a + b, 0) / out.random.length;
    expect(chance).toBeGreaterThan(0);
    expect(chance).toBeLessThan(0.4);

    expect(out.garbage).toEqual({ n: 400, nonzero: 0, errors: [] });
    expect(out.badRequests).toEqual([true, true, true, true, true, true]);
    expect(out.concurrent).toEqual({ clients: 8, consistent: true, errors: [] });
    expect(out.verl.every((r: number) => r === 1)).toBe(true);
    expect(out.verl.length).toBeGreaterThan(20);
    expect(out.verlRandom.some((r: number) => r < 1)).toBe(true);
    expect(out.trl).toEqual(out.verl);

    expect(out.sokoban.plans.length).toBeGreaterThan(0);
    for (const p of out.sokoban.plans) expect(p).toMatchObject({ reward: 1, done: true });
    expect(out.sokoban.idle).toEqual({ reward: 0, done: true, turn: 5 });
    expect(out.stepWithoutReset).toMatch(/reset\(\) first/);
    expect(out.unknownEpisode).toMatch(/HTTP 404 unknown_episode/);

    // The server is still healthy after all of that.
    const health = await (await fetch(`${url}/health`)).json();
    expect(health.status).toBe('ok');
  }, 240_000);
});
