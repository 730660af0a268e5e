// The worker pool (src/runner/pool.ts): SATQuest and OMEGA runs against a zero-latency server with
// generation and verification in the main thread (--workers 0) and in worker threads, as items/s
// and as a share of a bare fetch loop measured in the same run, interleaved so that load from other
// processes on the machine falls on both alike. Also checks that the stored rows are identical.
// Writes benchmarks/results/pool.json and pool.md. Flags: --quick (one repeat).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism, cpus, loadavg } from 'node:os';
import Database from 'better-sqlite3';
import { bareFetch, benchRun, median, startAnsweringServer, tempDir, type BenchRun } from './lib/harness.js';
import { loadSuite } from '../src/suite/load.js';
import { taskItems } from '../src/suite/expand.js';
import { messageText } from '../src/core/types.js';
import { packageRoot } from '../src/core/paths.js';
import { defaultPoolSize } from '../src/runner/pool.js';

const quick = process.argv.includes('--quick');
const repeats = quick ? 1 : 3;
const concurrency = 32;
const log = (s: string) => process.stderr.write(`${s}\n`);
const f1 = (x: number) => x.toFixed(1);
const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
const workerCounts = [0, defaultPoolSize()];

const SUITES = [
  { suite: 'satquest', n: 80 },
  { suite: 'omega', n: 20 },
];
const results: Record<string, unknown> = {
  machine: {
    cpus: cpus().length,
    availableParallelism: availableParallelism(),
    cpu: cpus()[0]?.model,
    node: process.version,
    loadAverageAtStart: loadavg()[0],
  },
  date: new Date().toISOString(),
  repeats,
  concurrency,
  defaultPoolSize: defaultPoolSize(),
  suites: [] as unknown[],
};
const md: string[] = [];

function rows(db: string): string {
  const d = new Database(db, { readonly: true });
  try {
    return JSON.stringify(
      d
        .prepare(
          'SELECT item_id, sample, status, output, correct, score, verdict FROM results ORDER BY item_id, sample',
        )
        .all(),
    );
  } finally {
    d.close();
  }
}

const { dir, cleanup } = tempDir();
try {
  for (const { suite, n } of SUITES) {
    const tasks = loadSuite(suite).tasks.filter((t) => t.split !== 'train');
    const answers = new Map<string, string>();
    const t0 = performance.now();
    for (const task of tasks)
      for (const item of taskItems(task, Math.min(n, task.n)))
        answers.set(messageText(item.problem.messages.at(-1)!), item.problem.reference ?? '');
    const generationS = (performance.now() - t0) / 1000;
    const items = tasks.reduce((s, t) => s + Math.min(n, t.n), 0);
    log(`${suite}: ${items} items (generated in ${generationS.toFixed(2)} s on one thread)`);
    const server = await startAnsweringServer(answers);
    const model = `openai-compatible:bench@${server.url}/v1`;
    const runs = new Map<number, BenchRun[]>(workerCounts.map((w) => [w, []]));
    const floors: number[] = [];
    const dbs = new Map<number, string>();
    for (let r = 0; r < repeats; r++) {
      floors.push((await bareFetch(server.url, [...answers.keys()], concurrency)).itemsPerS);
      for (const w of workerCounts) {
        const db = join(dir, `${suite}-${w}-${r}.sqlite`);
        dbs.set(w, db);
        const run = await benchRun(server, [
          '--suite',
          suite,
          '-n',
          String(n),
          '-m',
          model,
          '-c',
          String(concurrency),
          '--workers',
          String(w),
          '--db',
          db,
          '--no-cache',
        ]);
        log(`  workers ${w}: ${f1(run.itemsPerS)} items/s, first request ${run.firstRequestMs} ms`);
        runs.get(w)!.push(run);
      }
    }
    await server.close();
    const floor = median(floors);
    const same = workerCounts.every((w) => rows(dbs.get(w)!) === rows(dbs.get(0)!));
    const summary = workerCounts.map((w) => {
      const rs = runs.get(w)!;
      const itemsPerS = median(rs.map((x) => x.itemsPerS));
      return {
        workers: w,
        itemsPerS,
        ofFloor: itemsPerS / floor,
        wallS: median(rs.map((x) => x.wallS)),
        cpuMsPerItem: median(rs.map((x) => x.cpuMsPerItem)),
        firstRequestMs: median(rs.map((x) => x.firstRequestMs ?? NaN)),
        stored: rs[0]!.stored,
        all: rs.map((x) => x.itemsPerS),
      };
    });
    (results.suites as unknown[]).push({
      suite,
      n,
      items,
      generationSOneThread: generationS,
      floorItemsPerS: floor,
      rowsIdentical: same,
      runs: summary,
    });
    md.push(
      `### ${suite} (-n ${n}: ${items} items; generating them alone takes ${generationS.toFixed(2)} s on one thread)`,
      '',
      `Bare fetch loop (the floor): ${f1(floor)} items/s. Rows identical across worker counts: ${same ? 'yes' : 'NO'}.`,
      '',
      '| --workers | items/s | of bare fetch | wall s | CPU ms/item (main process, all threads) | first request ms |',
      '|---|---|---|---|---|---|',
      ...summary.map(
        (s) =>
          `| ${s.workers} | ${f1(s.itemsPerS)} | ${pct(s.ofFloor)} | ${s.wallS.toFixed(2)} | ${s.cpuMsPerItem.toFixed(2)} | ${Math.round(s.firstRequestMs)} |`,
      ),
      '',
    );
  }
} finally {
  cleanup();
}

const outDir = join(packageRoot(), 'benchmarks', 'results');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'pool.json'), `${JSON.stringify(results, null, 2)}\n`);
const m = results.machine as { cpus: number; loadAverageAtStart: number };
const header = [
  `## Worker pool: generation and verification off the main thread (${results.date as string}, ${m.cpus} cores, load average ${m.loadAverageAtStart.toFixed(1)} at start, Node ${process.version}, median of ${repeats}, concurrency ${concurrency}, zero latency)`,
  '',
];
writeFileSync(join(outDir, 'pool.md'), `${[...header, ...md].join('\n')}\n`);
process.stdout.write(`${[...header, ...md].join('\n')}\n`);
