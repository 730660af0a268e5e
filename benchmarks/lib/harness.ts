// Runner benchmarks: `bench run` (a real child process, real SQLite, real HTTP) against the
// project's mock server on 127.0.0.1, next to a bare fetch loop with the same concurrency as the
// floor. Each scenario reports the median of its repeats. Loopback only; every loop is bounded.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startMockLlmServer, type MockLlmServer } from '../../src/testing/mock-llm-server.js';
import { loadSuite } from '../../src/suite/load.js';
import { taskItems } from '../../src/suite/expand.js';
import { messageText } from '../../src/core/types.js';
import { packageRoot } from '../../src/core/paths.js';

const ROOT = packageRoot();
const CLI = join(ROOT, 'dist/src/cli/main.js');

export interface BenchRun {
  wallS: number;
  itemsPerS: number;
  cpuMsPerItem: number;
  peakRssMb: number;
  requests: number;
  stored: number;
  firstRequestMs?: number;
  bytesPerItem?: number;
  duplicates: number;
  exitCode: number | null;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
};

/**
 * A suite of `n` distinct General Points items, and a table prompt → reference so the mock answers
 * right. Tasks hold at most 2,000 items (six cards, one target each): a task's items are distinct
 * problems (issue 17), and a four-card region holds only a few hundred.
 */
export function benchSuite(dir: string, n: number): { file: string; answers: Map<string, string> } {
  const file = join(dir, `bench-${n}.yaml`);
  const perTask = 2000;
  const tasks: string[] = [];
  for (let k = 0; k * perTask < n; k++) {
    tasks.push(
      `  - id: gp-${k}\n    generator: instruct/general-points\n    split: id\n    n: ${Math.min(perTask, n - k * perTask)}\n    seed: 11\n` +
        `    params: { rule: face10, sampling: normal, cards: 6, target: ${24 + k} }\n`,
    );
  }
  writeFileSync(file, `name: bench-${n}\nversion: 1\ntasks:\n${tasks.join('')}`);
  const answers = new Map<string, string>();
  const suite = loadSuite(file);
  if (suite.warnings.length) throw new Error(`benchmark suite capped: ${suite.warnings.join('; ')}`);
  for (const task of suite.tasks)
    for (const item of taskItems(task))
      answers.set(messageText(item.problem.messages.at(-1)!), item.problem.reference ?? '');
  return { file, answers };
}

/** Runs `bench run` once; resolves with timings read from the child's own resource usage. */
export async function benchRun(
  server: MockLlmServer,
  args: string[],
  opts: { killAfterStored?: { db: string; rows: number; signal: NodeJS.Signals } } = {},
): Promise<BenchRun> {
  const usageFile = join(tmpdir(), `genbench-rusage-${process.pid}-${Date.now()}.json`);
  server.resetStats();
  firstRequest.at = undefined;
  const t0 = Date.now();
  const child = spawn(process.execPath, [CLI, 'run', '-q', ...args], {
    env: { ...process.env, GENBENCH_RUSAGE_FILE: usageFile },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  if (opts.killAfterStored) {
    const { db, rows, signal } = opts.killAfterStored;
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline && child.exitCode === null) {
      await new Promise((r) => setTimeout(r, 20));
      if (existsSync(db) && storedRows(db) >= rows) {
        child.kill(signal);
        break;
      }
    }
  }
  const exitCode = await closed;
  const wallS = (Date.now() - t0) / 1000;
  if (exitCode !== 0 && !opts.killAfterStored)
    throw new Error(`bench run failed (${exitCode}): ${stderr.split('\n').slice(-3).join(' ')}`);
  const usage = existsSync(usageFile)
    ? (JSON.parse(readFileSync(usageFile, 'utf8')) as { userCPUTime: number; systemCPUTime: number; maxRSS: number })
    : undefined;
  rmSync(usageFile, { force: true });
  const dbPath = args[args.indexOf('--db') + 1]!;
  const stored = existsSync(dbPath) ? storedRows(dbPath) : 0;
  const items = Math.max(1, server.stats.ok);
  return {
    wallS,
    itemsPerS: server.stats.ok / wallS,
    cpuMsPerItem: usage ? (usage.userCPUTime + usage.systemCPUTime) / 1000 / items : NaN,
    peakRssMb: usage ? usage.maxRSS / 1024 : NaN,
    requests: server.stats.requests,
    stored,
    duplicates: server.stats.duplicates,
    firstRequestMs: firstRequest.at ? firstRequest.at - t0 : undefined,
    exitCode,
  };
}

export function storedRows(db: string): number {
  try {
    const d = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (d.prepare("SELECT COUNT(*) AS n FROM results WHERE status = 'ok'").get() as { n: number }).n;
    } finally {
      d.close();
    }
  } catch {
    return 0;
  }
}

export function dbBytes(db: string): number {
  return ['', '-wal'].reduce((s, ext) => s + (existsSync(db + ext) ? statSync(db + ext).size : 0), 0);
}

/** The floor: a bare fetch pool posting the same bodies with the same concurrency. */
export async function bareFetch(
  url: string,
  prompts: string[],
  concurrency: number,
): Promise<{ wallS: number; itemsPerS: number }> {
  let next = 0;
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < prompts.length) {
        const prompt = prompts[next++]!;
        const res = await fetch(`${url}/v1/chat/completions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
          body: JSON.stringify({ model: 'bench', messages: [{ role: 'user', content: prompt }] }),
        });
        await res.json();
      }
    }),
  );
  const wallS = (Date.now() - t0) / 1000;
  return { wallS, itemsPerS: prompts.length / wallS };
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'genbench-bench-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** When the mock server saw its first request since the last benchRun started. */
const firstRequest: { at?: number } = {};

export async function startAnsweringServer(answers: Map<string, string>): Promise<MockLlmServer> {
  return startMockLlmServer({
    respond: (_b, ctx) => {
      firstRequest.at ??= Date.now();
      return answers.get(ctx.lastUserText) ?? '';
    },
  });
}
