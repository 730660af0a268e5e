// `bench serve` throughput: scored responses per second through POST /score, batches of 256,
// single-turn families only, the server in its own process (as a trainer would run it) and the
// client here. Requests come from the `quick` suite's single-turn tasks: half the reference
// answer, half a chance-level answer, with the truth sent along ({generator, truth, response}).
// Run: node --import tsx benchmarks/serve.ts [--quick]
// Writes benchmarks/results/serve.json and serve.md; prints the Markdown.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../src/core/paths.js';
import { Rng } from '../src/core/rng.js';
import { loadSuite } from '../src/suite/load.js';
import { taskItems } from '../src/suite/expand.js';

const quick = process.argv.includes('--quick');
const BATCH = 256;
const SECONDS = quick ? 2 : 6;
const IN_FLIGHT = 2;
const loadAtStart = loadavg()[0]!;
const log = (s: string) => process.stderr.write(`${s}\n`);

interface Req {
  generator: string;
  truth: unknown;
  response: string;
}

function requests(): Map<string, Req[]> {
  const byFamily = new Map<string, Req[]>();
  const rng = Rng.forItem('bench-serve', 0);
  for (const task of loadSuite('quick').tasks) {
    if (task.split === 'train') continue;
    for (const item of taskItems(task, Math.min(task.n, 40))) {
      if (item.problem.episode) continue; // single-turn families only
      const list = byFamily.get(task.family) ?? [];
      const truth = JSON.parse(JSON.stringify(item.problem.truth));
      list.push({ generator: task.generator.name, truth, response: item.problem.reference! });
      list.push({ generator: task.generator.name, truth, response: item.problem.randomAnswer!(rng) });
      byFamily.set(task.family, list);
    }
  }
  return byFamily;
}

async function startServer(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(packageRoot(), 'src/cli/main.ts'), 'serve', '--port', '0'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('bench serve did not start within 60 s')), 60_000);
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`bench serve exited with ${code}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

/** Batches of 256 cycled from `pool`, IN_FLIGHT at a time, for SECONDS. */
async function measure(
  url: string,
  pool: Req[],
): Promise<{ responses: number; seconds: number; perS: number; batches: number; msPerBatch: number }> {
  const bodies: string[] = [];
  for (let i = 0; i < 8; i++) {
    const batch = Array.from({ length: BATCH }, (_, k) => pool[(i * BATCH + k) % pool.length]!);
    bodies.push(JSON.stringify({ requests: batch }));
  }
  // Warm-up: the first batches pay for JIT and per-room caches.
  for (const b of bodies.slice(0, 2)) await (await fetch(`${url}/score`, { method: 'POST', body: b })).json();
  let responses = 0,
    batches = 0,
    next = 0;
  const t0 = performance.now();
  const deadline = t0 + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (performance.now() < deadline) {
        const res = await fetch(`${url}/score`, {
          method: 'POST',
          body: bodies[next++ % bodies.length]!,
          headers: { 'content-type': 'application/json' },
        });
        const out = (await res.json()) as { results: { error?: string }[] };
        if (res.status !== 200 || out.results.length !== BATCH || out.results.some((r) => r.error))
          throw new Error(`bad reply ${res.status}`);
        responses += BATCH;
        batches++;
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { responses, seconds, perS: responses / seconds, batches, msPerBatch: (seconds * 1000) / batches };
}

const pools = requests();
const server = await startServer();
const rows: { workload: string; requests: number; perS: number; msPerBatch: number }[] = [];
try {
  const mixed = [...pools.values()].flat();
  // Interleave families so every batch is a mix.
  const rng = Rng.forItem('bench-serve-shuffle', 0);
  const shuffled = rng.shuffle(mixed);
  const m = await measure(server.url, shuffled);
  rows.push({
    workload: 'mixed single-turn families',
    requests: shuffled.length,
    perS: m.perS,
    msPerBatch: m.msPerBatch,
  });
  log(`mixed: ${m.perS.toFixed(0)} responses/s`);
  for (const [family, pool] of pools) {
    const r = await measure(server.url, pool);
    rows.push({ workload: family, requests: pool.length, perS: r.perS, msPerBatch: r.msPerBatch });
    log(`${family}: ${r.perS.toFixed(0)} responses/s`);
  }
} finally {
  server.stop();
}

const result = {
  benchmark: 'serve',
  date: new Date().toISOString(),
  cpus: cpus().length,
  loadAverageAtStart: loadAtStart,
  batch: BATCH,
  inFlight: IN_FLIGHT,
  secondsPerWorkload: SECONDS,
  target: 'at least 2,000 scored responses/s, single-turn families, batches of 256',
  rows,
};
const md = [
  `# bench serve: POST /score throughput`,
  '',
  `${result.date}, ${result.cpus} CPUs, load average ${loadAtStart.toFixed(2)} at start; batches of ${BATCH}, ${IN_FLIGHT} in flight, ${SECONDS} s per workload; server and client in separate processes.`,
  '',
  '| workload | distinct requests | scored responses/s | ms per batch |',
  '|---|---:|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${r.workload} | ${r.requests} | ${Math.round(r.perS).toLocaleString('en-US')} | ${r.msPerBatch.toFixed(1)} |`,
  ),
  '',
].join('\n');
const dir = join(packageRoot(), 'benchmarks', 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'serve.json'), `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(join(dir, 'serve.md'), md);
process.stdout.write(md);
