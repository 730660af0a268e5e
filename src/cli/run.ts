import type { Command } from 'commander';
import { loadSuite } from '../suite/load.js';
import { Store } from '../store/store.js';
import { run } from '../runner/run.js';
import { interruptible, progressPrinter } from './session.js';
import { formatSummary } from '../runner/format.js';
import { loadModel } from '../models/spec.js';
import type { Model } from '../models/types.js';
import { EXIT, UsageError } from './errors.js';
import { parseShard, type Shard } from '../runner/shard.js';
import { defaultPoolSize } from '../runner/pool.js';
import { DEFAULT_DB, addSamplingOptions, collect, positiveInt, modelOptionsFrom, samplingFrom, type SamplingFlags } from './options.js';

export const DEFAULT_MODELS = ['baseline:oracle', 'baseline:random'];

interface RunFlags extends SamplingFlags {
  suite: string; model?: string[]; task?: string[]; n?: number; concurrency?: number; samples?: number; db: string;
  json?: boolean; quiet?: boolean; fresh?: boolean; shard?: Shard; workers?: number;
}

export function registerRun(program: Command): void {
  const command = program
    .command('run')
    .description('run models on a suite, score every answer, store the results, print ID/OOD accuracy')
    .option('-s, --suite <name|file>', 'a shipped suite name or a path to a suite YAML', 'quick')
    .option('-m, --model <spec>', `model spec, repeatable (default: ${DEFAULT_MODELS.join(' and ')})`, collect)
    .option('-t, --task <id>', 'only this task of the suite, repeatable', collect)
    .option('-n, --n <count>', 'at most this many items per task', positiveInt('--n'))
    .option('-c, --concurrency <count>', 'concurrent requests per model (adapts downward on 429s)', positiveInt('--concurrency'))
    .option('--samples <count>', 'answers per item (repeats)', positiveInt('--samples'))
    .option('--db <file>', 'SQLite database', DEFAULT_DB)
    .option('--shard <i/N>', 'run only shard i of N (0-based) of the items; `bench merge` combines the shards', shardFlag)
    .option('--workers <count>', `threads that generate and verify items for API models (default ${defaultPoolSize()}: the CPUs but one; 0: the main thread)`, workersFlag);
  addSamplingOptions(command)
    .option('--fresh', 'start a new run instead of resuming the last one with the same settings')
    .option('--json', 'print the summary as JSON on stdout')
    .option('-q, --quiet', 'no progress line')
    .addHelpText('after', `
Examples:
  $ bench run                                         # quick suite, oracle and random baselines
  $ bench run --suite instruct --model openai:gpt-4.1-mini -c 16
  $ bench run --suite instruct --model openai-compatible:qwen2.5-7b@http://localhost:8000/v1
  $ bench run --suite quick --model anthropic:claude-sonnet-4-5 --samples 4 --temperature 0.7
  $ bench run --suite core -m openai-compatible:ckpt@http://node1:8000/v1 --shard 0/4 --db shard-0.sqlite

An interrupted run (Ctrl-C, kill) resumes when the same command is run again: finished items
are not asked again. Ctrl-C once finishes the requests in flight and saves them; twice stops now.`)
    .action(async (flags: RunFlags) => {
      process.exitCode = await runCommand(flags);
    });
}

function workersFlag(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 256) throw new UsageError(`--workers must be a whole number from 0 to 256 (got '${value}')`);
  return n;
}

function shardFlag(value: string): Shard {
  try {
    return parseShard(value);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

async function runCommand(flags: RunFlags): Promise<number> {
  // Each shard would get its own nonce, and the parts would no longer belong to one run.
  if (flags.fresh && flags.shard) throw new UsageError('--fresh cannot be combined with --shard: give each shard a new --db instead');
  const suite = loadSuite(flags.suite);
  const specs = flags.model?.length ? flags.model : DEFAULT_MODELS;
  const modelOptions = modelOptionsFrom(flags);
  // Load every model before opening the database: a missing key or a bad spec fails here, with
  // nothing written.
  const models: Model[] = [];
  for (const spec of specs) models.push(await loadModel(spec, modelOptions));
  const sampling = samplingFrom(flags);

  const store = Store.open(flags.db);
  const { stopSignal, abortSignal, dispose } = interruptible();
  const progress = progressPrinter(flags.quiet || flags.json === true);
  try {
    const results = await run({
      suite, models, store, n: flags.n, tasks: flags.task, samples: flags.samples, concurrency: flags.concurrency,
      sampling, cache: flags.cache, fresh: flags.fresh, shard: flags.shard, workers: flags.workers ?? defaultPoolSize(), onProgress: progress.update, stopSignal, abortSignal,
    });
    progress.done();
    if (flags.json) {
      process.stdout.write(`${JSON.stringify({ suite: { name: suite.name, version: suite.version, hash: suite.hash }, db: flags.db, runs: results }, null, 2)}\n`);
    } else {
      for (const r of results) {
        const part = flags.shard && flags.shard.count > 1 ? `shard ${flags.shard.index}/${flags.shard.count}, ` : '';
        const note = part + (r.resumed ? `resumed: ${r.skipped} finished before, ${r.requests} requests now` : `${r.requests} requests`);
        process.stdout.write(`${formatSummary(r.summary)}\n(${note}${r.cacheHits ? `, ${r.cacheHits} from cache` : ''}; status ${r.status})\n\n`);
      }
      process.stdout.write(`results: ${flags.db}\n`);
    }
    if (stopSignal.aborted) {
      process.stderr.write('bench: interrupted: run the same command again to resume\n');
      return EXIT.interrupted;
    }
    return results.some((r) => r.summary.tasks.some((t) => t.errors > 0)) ? EXIT.failure : EXIT.ok;
  } finally {
    progress.done();
    dispose();
    for (const m of models) await m.close?.();
    store.close();
  }
}
