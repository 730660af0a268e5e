// What a kill -9 costs (issues 21 and 17): `bench run` is killed with SIGKILL at 25%, 50% and 75%
// of its items and run again until done, against a server that never answers a request twice
// the same way by accident. Counted at the server (never reset between the runs):
// - asked again: requests beyond one per turn of the finished run (in-flight requests at a kill
//   are among them: they were asked and never answered);
// - answered, then asked again: a request the server answered before the kill and was asked
//   again after it: a finished answer that was lost. It must stay within the requests in flight.
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startMockLlmServer, type MockLlmServer } from '../../src/testing/mock-llm-server.js';
import { packageRoot } from '../../src/core/paths.js';
import { storedRows } from './harness.js';

const CLI = join(packageRoot(), 'dist/src/cli/main.js');

export interface KillCost {
  workload: string;
  items: number;
  concurrency: number;
  requests: number;
  turns: number;
  askedAgain: number;
  answeredThenAskedAgain: number;
  perKill: number[];
  finalRows: number;
}

async function runOnce(args: string[], killAtRows?: { db: string; rows: number }): Promise<number | null> {
  const child = spawn(process.execPath, [CLI, 'run', '-q', ...args], { stdio: ['ignore', 'ignore', 'ignore'] });
  const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  if (killAtRows) {
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline && child.exitCode === null) {
      await new Promise((r) => setTimeout(r, 10));
      if (existsSync(killAtRows.db) && storedRows(killAtRows.db) >= killAtRows.rows) {
        child.kill('SIGKILL');
        break;
      }
    }
  }
  return closed;
}

async function measure(
  server: MockLlmServer,
  workload: string,
  args: string[],
  db: string,
  items: number,
  concurrency: number,
  kills: number,
): Promise<KillCost> {
  server.resetStats();
  // Answers lost by kill k show up as duplicates while run k + 1 asks them again.
  const dupsDuring: number[] = [];
  for (let k = 1; k <= kills + 1; k++) {
    const before = server.stats.duplicates;
    await runOnce(args, k <= kills ? { db, rows: Math.floor((items * k) / (kills + 1)) } : undefined);
    dupsDuring.push(server.stats.duplicates - before);
  }
  const dups = server.stats.duplicates;
  const perKillCost = dupsDuring.slice(1);
  const d = new Database(db, { readonly: true });
  const turns = (
    d.prepare("SELECT COALESCE(SUM(turns), 0) AS t FROM results WHERE status = 'ok'").get() as { t: number }
  ).t;
  d.close();
  return {
    workload,
    items,
    concurrency,
    requests: server.stats.requests,
    turns,
    askedAgain: server.stats.requests - turns,
    answeredThenAskedAgain: dups,
    perKill: perKillCost,
    finalRows: storedRows(db),
  };
}

export async function killCost(
  dir: string,
  answering: MockLlmServer,
  o: { n: number; episodes: number; concurrency: number; kills: number },
): Promise<KillCost[]> {
  const out: KillCost[] = [];
  // Six-card hands, so no two items share a prompt (a shared prompt would be a duplicate request
  // without any kill). Single-turn items first (5 ms latency).
  answering.setOptions({ latencyMs: 5 });
  const single = join(dir, `h-single.yaml`);
  writeFileSync(
    single,
    `name: h-single\nversion: 1\ntasks:\n  - id: gp\n    generator: instruct/general-points\n    split: id\n    n: ${o.n}\n    seed: 11\n    params: { rule: face10, sampling: normal, cards: 6 }\n`,
  );
  const db1 = join(dir, 'h-single.sqlite');
  out.push(
    await measure(
      answering,
      'single turn',
      [
        '--suite',
        single,
        '-m',
        `openai-compatible:bench@${answering.url}/v1`,
        '-c',
        String(o.concurrency),
        '--db',
        db1,
      ],
      db1,
      o.n,
      o.concurrency,
      o.kills,
    ),
  );
  answering.setOptions({ latencyMs: 0 });

  // Multi-turn episodes: 5 attempts each (echoed prompts are wrong), killed mid-episode.
  const echo = await startMockLlmServer({ latencyMs: 5 });
  try {
    const multi = join(dir, 'h-multi.yaml');
    writeFileSync(
      multi,
      `name: h-multi\nversion: 1\ntasks:\n  - id: gp\n    generator: instruct/general-points\n    split: id\n    n: ${o.episodes}\n    seed: 11\n    params: { rule: face10, sampling: normal, cards: 6, protocol: revision, maxAttempts: 5 }\n`,
    );
    const db2 = join(dir, 'h-multi.sqlite');
    out.push(
      await measure(
        echo,
        'episodes of 5 turns',
        ['--suite', multi, '-m', `openai-compatible:echo@${echo.url}/v1`, '-c', String(o.concurrency), '--db', db2],
        db2,
        o.episodes,
        o.concurrency,
        o.kills,
      ),
    );
  } finally {
    await echo.close();
  }
  return out;
}
