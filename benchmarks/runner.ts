// `npm run bench`: runner throughput, saturation, rate limits, resume, cache, memory, and
// generator throughput. Writes benchmarks/results/runner.json and runner.md.
// Flags: --quick (one repeat, smaller sizes), --only a,b,... (scenario letters, 'gen' for generators).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, totalmem } from 'node:os';
import Database from 'better-sqlite3';
import {
  bareFetch,
  benchRun,
  benchSuite,
  dbBytes,
  median,
  startAnsweringServer,
  storedRows,
  tempDir,
  type BenchRun,
} from './lib/harness.js';
import { killCost } from './lib/kill-cost.js';
import { loadSuite, shippedSuiteNames } from '../src/suite/load.js';
import { taskItems } from '../src/suite/expand.js';
import { packageRoot } from '../src/core/paths.js';

const quick = process.argv.includes('--quick');
const only = (() => {
  const i = process.argv.indexOf('--only');
  return i > 0 ? new Set(process.argv[i + 1]!.split(',')) : undefined;
})();
const want = (s: string) => !only || only.has(s);
const repeats = quick ? 1 : 3;
const results: Record<string, unknown> = {
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  },
  date: new Date().toISOString(),
  repeats,
};
const md: string[] = [];
const log = (s: string) => process.stderr.write(`${s}\n`);
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '—');
const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

async function repeat(n: number, fn: (i: number) => Promise<BenchRun>): Promise<BenchRun> {
  const runs: BenchRun[] = [];
  for (let i = 0; i < n; i++) runs.push(await fn(i));
  const pick = (k: keyof BenchRun) => median(runs.map((r) => r[k] as number));
  return {
    ...runs[0]!,
    wallS: pick('wallS'),
    itemsPerS: pick('itemsPerS'),
    cpuMsPerItem: pick('cpuMsPerItem'),
    peakRssMb: pick('peakRssMb'),
    firstRequestMs: pick('firstRequestMs'),
    requests: pick('requests'),
  };
}

const { dir, cleanup } = tempDir();
try {
  const sizes = quick ? [1000] : [1000, 10_000];
  const largest = benchSuite(dir, quick ? 10_000 : 100_000);
  const suites = new Map(sizes.map((n) => [n, benchSuite(dir, n)]));
  const server = await startAnsweringServer(largest.answers); // item i is the same in every size
  const url = server.url;
  const model = `openai-compatible:bench@${url}/v1`;
  const prompts = (n: number) => [...(suites.get(n)?.answers.keys() ?? largest.answers.keys())].slice(0, n);

  if (want('a')) {
    log('(a) zero latency');
    md.push(
      '### (a) Zero latency, concurrency 32',
      '',
      '| items | bench items/s | bare fetch items/s | ratio | CPU ms/item | peak RSS MB | bytes/item | first request ms |',
      '|---|---|---|---|---|---|---|---|',
    );
    const rows = [];
    for (const n of sizes) {
      const { file } = suites.get(n)!;
      const r = await repeat(repeats, async (i) => {
        const db = join(dir, `a-${n}-${i}.sqlite`);
        const run = await benchRun(server, ['--suite', file, '-m', model, '-c', '32', '--db', db, '--no-cache']);
        run.bytesPerItem = dbBytes(db) / Math.max(1, storedRows(db));
        return run;
      });
      const floors = [];
      for (let i = 0; i < repeats; i++) floors.push((await bareFetch(url, prompts(n), 32)).itemsPerS);
      const floor = median(floors);
      rows.push({ n, ...r, floorItemsPerS: floor, ratio: r.itemsPerS / floor });
      md.push(
        `| ${n} | ${f1(r.itemsPerS)} | ${f1(floor)} | ${pct(r.itemsPerS / floor)} | ${r.cpuMsPerItem.toFixed(2)} | ${f1(r.peakRssMb)} | ${Math.round(r.bytesPerItem ?? NaN)} | ${Math.round(r.firstRequestMs ?? NaN)} |`,
      );
    }
    results.zeroLatency = rows;
    md.push('');
  }

  if (want('b')) {
    log('(b) 200 ms latency');
    server.setOptions({ latencyMs: 200 });
    md.push(
      '### (b) 200 ms latency',
      '',
      '| concurrency | items | ideal items/s | bench items/s | of ideal | bare fetch of ideal |',
      '|---|---|---|---|---|---|',
    );
    const rows = [];
    for (const c of quick ? [32] : [4, 32, 128]) {
      const n = c * 20;
      const file = benchSuite(dir, n).file;
      const ideal = c / 0.2;
      const r = await repeat(repeats, (i) =>
        benchRun(server, [
          '--suite',
          file,
          '-m',
          model,
          '-c',
          String(c),
          '--db',
          join(dir, `b-${c}-${i}.sqlite`),
          '--no-cache',
        ]),
      );
      // Throughput after start-up: items over the time from the first request to the end.
      const steady = n / (r.wallS - (r.firstRequestMs ?? 0) / 1000);
      const floor = (await bareFetch(url, prompts(n), c)).itemsPerS;
      rows.push({
        concurrency: c,
        n,
        ideal,
        ...r,
        steadyItemsPerS: steady,
        ofIdeal: steady / ideal,
        floorOfIdeal: floor / ideal,
      });
      md.push(`| ${c} | ${n} | ${f1(ideal)} | ${f1(steady)} | ${pct(steady / ideal)} | ${pct(floor / ideal)} |`);
    }
    server.setOptions({ latencyMs: 0 });
    results.latency200 = rows;
    md.push('', 'Bench items/s counts from the first request (start-up is reported in (a)).', '');
  }

  if (want('c')) {
    log('(c) 20% 429s');
    server.setOptions({ rate429: 0.2, retryAfterMs: 100, latencyMs: 5, seed: 3 });
    const n = 1000;
    const r = await repeat(repeats, (i) =>
      benchRun(server, [
        '--suite',
        suites.get(1000)?.file ?? benchSuite(dir, n).file,
        '-m',
        model,
        '-c',
        '32',
        '--db',
        join(dir, `c-${i}.sqlite`),
        '--no-cache',
      ]),
    );
    server.setOptions({ rate429: 0, latencyMs: 0 });
    results.rateLimited = { n, ...r, requestsPerItem: r.requests / n, done: r.stored / n };
    md.push(
      '### (c) 20% of requests answered 429 (retry-after-ms 100)',
      '',
      '| items | requests/item | done | items/s |',
      '|---|---|---|---|',
      `| ${n} | ${(r.requests / n).toFixed(2)} | ${pct(r.stored / n)} | ${f1(r.itemsPerS)} |`,
      '',
    );
  }

  if (want('d')) {
    log('(d) requests-per-second budget');
    const budget = 100;
    server.setOptions({ rps: budget, burst: 10, latencyMs: 5 });
    const n = quick ? 600 : 1500;
    const file = benchSuite(dir, n).file;
    const r = await benchRun(server, [
      '--suite',
      file,
      '-m',
      model,
      '-c',
      '64',
      '--db',
      join(dir, 'd.sqlite'),
      '--no-cache',
    ]);
    const rejected = server.stats.rpsRejected;
    server.setOptions({ rps: undefined, burst: undefined, latencyMs: 0 });
    const steady = n / (r.wallS - (r.firstRequestMs ?? 0) / 1000);
    results.rpsBudget = {
      budget,
      n,
      ...r,
      steadyItemsPerS: steady,
      ofBudget: steady / budget,
      rejectedPerItem: rejected / n,
    };
    md.push(
      `### (d) Server enforcing ${budget} requests/s`,
      '',
      '| items | settled items/s | of budget | 429s per item |',
      '|---|---|---|---|',
      `| ${n} | ${f1(steady)} | ${pct(steady / budget)} | ${(rejected / n).toFixed(2)} |`,
      '',
    );
  }

  if (want('e')) {
    log('(e) interrupt and resume');
    server.setOptions({ latencyMs: 5 });
    const n = 1000;
    const file = suites.get(1000)?.file ?? benchSuite(dir, n).file;
    const whole = join(dir, 'e-whole.sqlite');
    await benchRun(server, ['--suite', file, '-m', model, '-c', '16', '--db', whole, '--no-cache']);
    const rows = [];
    for (const signal of ['SIGINT', 'SIGKILL'] as const) {
      const db = join(dir, `e-${signal}.sqlite`);
      const args = ['--suite', file, '-m', model, '-c', '16', '--db', db, '--no-cache'];
      const first = await benchRun(server, args, { killAfterStored: { db, rows: n / 2, signal } });
      const atStop = storedRows(db);
      const firstRequests = first.requests;
      const second = await benchRun(server, args);
      const same = sameRows(whole, db);
      rows.push({
        signal,
        storedAtStop: atStop,
        requestsBefore: firstRequests,
        requestsAfter: second.requests,
        notDoneAtStop: n - atStop,
        finalRows: storedRows(db),
        sameAsUninterrupted: same,
        lostInFlight: firstRequests - atStop,
      });
    }
    server.setOptions({ latencyMs: 0 });
    results.resume = rows;
    md.push(
      '### (e) Stop at 50%, then the same command again',
      '',
      '| signal | stored at stop | requests after resume | items not done at stop | final rows | rows = uninterrupted run |',
      '|---|---|---|---|---|---|',
      ...rows.map(
        (r) =>
          `| ${r.signal} | ${r.storedAtStop} | ${r.requestsAfter} | ${r.notDoneAtStop} | ${r.finalRows} | ${r.sameAsUninterrupted ? 'yes' : 'NO'} |`,
      ),
      '',
    );
  }

  if (want('f')) {
    log('(f) cache replay');
    const n = quick ? 1000 : 10_000;
    const file = suites.get(n)?.file ?? benchSuite(dir, n).file;
    const db = join(dir, 'f.sqlite');
    await benchRun(server, ['--suite', file, '-m', model, '-c', '32', '--db', db]);
    const r = await repeat(repeats, () =>
      benchRun(server, ['--suite', file, '-m', model, '-c', '32', '--db', db, '--fresh']),
    );
    const itemsPerS = n / r.wallS;
    results.cacheReplay = { n, ...r, itemsPerS };
    md.push(
      '### (f) Cache replay (a fresh run of answered requests)',
      '',
      '| items | requests | items/s (wall, incl. start-up) |',
      '|---|---|---|',
      `| ${n} | ${r.requests} | ${f1(itemsPerS)} |`,
      '',
    );
  }

  if (want('g')) {
    log('(g) 100,000 items');
    const n = quick ? 10_000 : 100_000;
    const r = await benchRun(server, [
      '--suite',
      largest.file,
      '-m',
      model,
      '-c',
      '64',
      '--db',
      join(dir, 'g.sqlite'),
      '--no-cache',
    ]);
    results.large = { n, ...r };
    md.push(
      `### (g) ${n.toLocaleString('en')} items, zero latency`,
      '',
      '| items | items/s | peak RSS MB |',
      '|---|---|---|',
      `| ${n} | ${f1(r.itemsPerS)} | ${f1(r.peakRssMb)} |`,
      '',
    );
  }

  if (want('h')) {
    log('(h) what a kill -9 costs: requests asked again');
    const r = await killCost(dir, server, {
      n: quick ? 400 : 1000,
      episodes: quick ? 100 : 200,
      concurrency: 8,
      kills: 3,
    });
    results.killCost = r;
    md.push(
      '### (h) kill -9 at 25%, 50%, 75%, then the same command until done (concurrency 8)',
      '',
      '| workload | items | requests | turns stored | asked again | of which the server had answered before the kill | most per kill | requests in flight at most (-c) |',
      '|---|---|---|---|---|---|---|---|',
      ...r.map(
        (x) =>
          `| ${x.workload} | ${x.items} | ${x.requests} | ${x.turns} | ${x.askedAgain} | ${x.answeredThenAskedAgain} | ${Math.max(...x.perKill)} | ${x.concurrency} |`,
      ),
      '',
    );
  }

  await server.close();

  if (want('gen')) {
    log('generators');
    const rows: { suite: string; task: string; generator: string; itemsPerS: number }[] = [];
    for (const name of shippedSuiteNames()) {
      for (const task of loadSuite(name).tasks) {
        const n = Math.min(task.n, 200);
        const t0 = performance.now();
        for (const _ of taskItems(task, n)) {
          /* generate only */
        }
        rows.push({
          suite: name,
          task: task.id,
          generator: task.generator.name,
          itemsPerS: n / ((performance.now() - t0) / 1000),
        });
      }
    }
    results.generators = rows;
    const byGen = new Map<string, number[]>();
    for (const r of rows) byGen.set(r.generator, [...(byGen.get(r.generator) ?? []), r.itemsPerS]);
    md.push(
      '### Generator throughput (median over shipped tasks, up to 200 items each)',
      '',
      '| generator | items/s |',
      '|---|---|',
      ...[...byGen].sort().map(([g, xs]) => `| ${g} | ${Math.round(median(xs))} |`),
      '',
    );
  }
} finally {
  cleanup();
}

/** Do two databases hold the same results (item, sample, status, output, verdict)? */
function sameRows(a: string, b: string): boolean {
  const read = (file: string) => {
    const d = new Database(file, { readonly: true });
    const rows = d
      .prepare('SELECT item_id, sample, status, output, correct FROM results ORDER BY item_id, sample')
      .all();
    d.close();
    return JSON.stringify(rows);
  };
  return read(a) === read(b);
}

const outDir = join(packageRoot(), 'benchmarks', 'results');
mkdirSync(outDir, { recursive: true });
// A partial run (--only) writes next to the full results instead of replacing them.
const stem = only ? `runner.${[...only].sort().join('-')}` : 'runner';
writeFileSync(join(outDir, `${stem}.json`), `${JSON.stringify(results, null, 2)}\n`);
const header = [
  `## Runner benchmarks (${results.date as string}, ${(results.machine as { cpus: number }).cpus} cores, Node ${process.version}, median of ${repeats})`,
  '',
];
writeFileSync(join(outDir, `${stem}.md`), `${[...header, ...md].join('\n')}\n`);
process.stdout.write(`${[...header, ...md].join('\n')}\n`);
