import type { Command } from 'commander';
import { loadSuite } from '../suite/load.js';
import { Store } from '../store/store.js';
import { run } from '../runner/run.js';
import { interruptible, progressPrinter } from './session.js';
import { formatSummary } from '../runner/format.js';
import { DEFAULT_REPLY_LIMITS } from '../runner/limits.js';
import { dirname, join, resolve } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { loadModel, parseModelSpec, parseServerOptions } from '../models/spec.js';
import { checkpointInfo, type CheckpointInfo } from '../models/checkpoint.js';
import type { Model, ModelOptions } from '../models/types.js';
import { expandSeries, isSeriesPattern } from '../models/series.js';
import { recordRunCheckpoint } from '../store/series-queries.js';
import { runIdFor, RunAbortedError, type ModelRunResult } from '../runner/run.js';
import { terminalSafe } from '../core/escape.js';
import { EXIT, UsageError } from './errors.js';
import { parseShard, type Shard } from '../runner/shard.js';
import { defaultPoolSize } from '../runner/pool.js';
import {
  DEFAULT_DB,
  addSamplingOptions,
  collect,
  positiveInt,
  modelOptionsFrom,
  samplingFrom,
  type SamplingFlags,
} from './options.js';

export const DEFAULT_MODELS = ['baseline:oracle', 'baseline:random'];

interface RunFlags extends SamplingFlags {
  suite: string;
  model?: string[];
  task?: string[];
  n?: number;
  concurrency?: number;
  samples?: number;
  db: string;
  json?: boolean;
  quiet?: boolean;
  fresh?: boolean;
  series?: string;
  modelOptions?: string;
  reuseServer?: boolean;
  maxReplyChars?: number;
  maxTranscriptChars?: number;
  shard?: Shard;
  workers?: number;
}

/** One model to run, and the series (and step) it belongs to. */
interface Entry {
  spec: string;
  series?: string;
  step?: number;
}

export function registerRun(program: Command): void {
  const command = program
    .command('run')
    .description('run models on a suite, score every answer, store the results, print ID/OOD accuracy')
    .option('-s, --suite <name|file>', 'a shipped suite name or a path to a suite YAML', 'quick')
    .option('-m, --model <spec>', `model spec, repeatable (default: ${DEFAULT_MODELS.join(' and ')})`, collect)
    .option('-t, --task <id>', 'only this task of the suite, repeatable', collect)
    .option('-n, --n <count>', 'at most this many items per task', positiveInt('--n'))
    .option(
      '-c, --concurrency <count>',
      'concurrent requests per model (adapts downward on 429s)',
      positiveInt('--concurrency'),
    )
    .option('--samples <count>', 'answers per item (repeats)', positiveInt('--samples'))
    .option('--db <file>', 'SQLite database', DEFAULT_DB)
    .option(
      '--shard <i/N>',
      'run only shard i of N (0-based) of the items; `bench merge` combines the shards',
      shardFlag,
    )
    .option(
      '--workers <count>',
      `threads that generate and verify items for API models (default ${defaultPoolSize()}: the CPUs but one; 0: the main thread)`,
      workersFlag,
    );
  addSamplingOptions(command)
    .option('--fresh', 'start a new run instead of resuming the last one with the same settings')
    // Reply limits (issue 21): longer replies are cut before they are verified and stored.
    .option(
      '--max-reply-chars <count>',
      `characters kept of one reply (default ${DEFAULT_REPLY_LIMITS.replyChars})`,
      positiveInt('--max-reply-chars'),
    )
    .option(
      '--max-transcript-chars <count>',
      `characters kept of a multi-turn transcript (default ${DEFAULT_REPLY_LIMITS.transcriptChars})`,
      positiveInt('--max-transcript-chars'),
    )
    .option(
      '--series <name>',
      "name of the training series the checkpoints belong to (default: a pattern's parent folder)",
    )
    .option(
      '--model-options <query|file>',
      "options for every managed server spec: 'tp=2&max-model-len=8192&dtype=bfloat16' or a YAML file of them",
    )
    .option('--reuse-server', 'keep managed servers running after the run and reuse them next time')
    .option('--json', 'print the summary as JSON on stdout')
    .option('-q, --quiet', 'no progress line')
    .addHelpText(
      'after',
      `
Examples:
  $ bench run                                         # quick suite, oracle and random baselines
  $ bench run --suite instruct --model openai:gpt-4.1-mini -c 16
  $ bench run --suite instruct --model openai-compatible:qwen2.5-7b@http://localhost:8000/v1
  $ bench run --suite quick --model anthropic:claude-sonnet-4-5 --samples 4 --temperature 0.7
  $ bench run --suite core --model 'vllm:./ckpts/checkpoint-1000?tp=2'
  $ bench run --suite core --model 'vllm:./ckpts/checkpoint-*' --series rl-run-7 -n 50
  $ bench run --suite core -m openai-compatible:ckpt@http://node1:8000/v1 --shard 0/4 --db shard-0.sqlite

An interrupted run (Ctrl-C, kill) resumes when the same command is run again: finished items
are not asked again. Ctrl-C (or SIGTERM) once finishes the requests in flight for at most
--stop-timeout seconds (default 5) and saves them, then exits 130; twice stops now.`,
    )
    .action(async (flags: RunFlags) => {
      process.exitCode = await runCommand(flags);
    });
}

function workersFlag(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 256)
    throw new UsageError(`--workers must be a whole number from 0 to 256 (got '${value}')`);
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
  if (flags.fresh && flags.shard)
    throw new UsageError('--fresh cannot be combined with --shard: give each shard a new --db instead');
  const suite = loadSuite(flags.suite);
  for (const w of suite.warnings) process.stderr.write(`warning: ${w}\n`);
  const specs = flags.model?.length ? flags.model : DEFAULT_MODELS;
  const defaults = flags.modelOptions === undefined ? undefined : serverDefaults(flags.modelOptions);
  const entries = await expandEntries(specs, flags.series);
  const { stopSignal, abortSignal, dispose } = interruptible({ stopTimeoutS: flags.stopTimeout });
  const modelOptions: ModelOptions = {
    ...modelOptionsFrom(flags),
    servers: { logDir: serverLogDir(flags.db), defaults, reuse: flags.reuseServer === true, signal: stopSignal },
  };
  const sampling = samplingFrom(flags);
  // Load every model before opening the database: a missing key or a bad spec fails here, with
  // nothing written. Managed servers start only when their model is first asked.
  const models: Model[] = [];
  const closed = new Set<Model>();
  const progress = progressPrinter(flags.quiet || flags.json === true);
  let store: Store | undefined;
  try {
    for (const e of entries) models.push(await loadModel(e.spec, modelOptions));
    store = Store.open(flags.db);
    const results: ModelRunResult[] = [];
    const failed: string[] = [];
    const checkpoints = new Map<
      string,
      { path: string; fingerprint: string | null; step: number | null; series: string | null }
    >();
    const runOpts = { suite, n: flags.n, tasks: flags.task, samples: flags.samples, sampling, shard: flags.shard };
    for (const [i, model] of models.entries()) {
      if (stopSignal.aborted) break;
      const entry = entries[i]!;
      const ck = model.checkpoint ?? localCheckpoint(entry.spec);
      const path = ck?.path ?? (entry.series ? entry.spec : undefined);
      const record = (runId: string) => {
        if (!path) return;
        recordRunCheckpoint(store!, {
          runId,
          path,
          fingerprint: ck?.fingerprint,
          manifest: ck?.manifest,
          step: entry.step ?? ck?.step,
          series: entry.series,
        });
        checkpoints.set(runId, {
          path,
          fingerprint: ck?.fingerprint ?? null,
          step: entry.step ?? ck?.step ?? null,
          series: entry.series ?? null,
        });
      };
      if (!flags.fresh) record(runIdFor(model, runOpts));
      let result: ModelRunResult | undefined;
      try {
        [result] = await run({
          ...runOpts,
          models: [model],
          store,
          concurrency: flags.concurrency,
          cache: flags.cache,
          fresh: flags.fresh,
          limits: { replyChars: flags.maxReplyChars, transcriptChars: flags.maxTranscriptChars },
          workers: flags.workers ?? defaultPoolSize(),
          onProgress: progress.update,
          stopSignal,
          abortSignal,
        });
      } catch (err) {
        // In a series, one checkpoint that cannot be served must not keep the others from being
        // evaluated: say why, go on, and exit 2 at the end. The failed run is retried next time.
        if (!(err instanceof RunAbortedError) || !entry.series || entries.length < 2 || stopSignal.aborted) throw err;
        progress.done();
        printAborted(err);
        failed.push(entry.spec);
        continue;
      } finally {
        // One server at a time: the checkpoint's server stops before the next one starts.
        closed.add(model);
        await model.close?.();
      }
      if (!result) continue;
      record(result.runId);
      results.push(result);
      progress.done();
      if (!flags.json && entry.series && result.resumed && result.requests === 0 && result.status === 'done') {
        // A checkpoint evaluated on an earlier night: one line, not its whole table again.
        process.stdout.write(
          `${terminalSafe(model.spec)}: step ${entry.step ?? '?'} done before (run ${result.runId}), nothing asked\n`,
        );
      } else if (!flags.json) {
        const part = flags.shard && flags.shard.count > 1 ? `shard ${flags.shard.index}/${flags.shard.count}, ` : '';
        const note =
          part +
          (result.resumed
            ? `resumed: ${result.skipped} finished before, ${result.requests} requests now`
            : `${result.requests} requests`);
        process.stdout.write(
          `${formatSummary(result.summary)}\n(${note}${result.cacheHits ? `, ${result.cacheHits} from cache` : ''}; status ${result.status})\n\n`,
        );
      }
    }
    progress.done();
    if (flags.json) {
      process.stdout.write(
        `${JSON.stringify({ suite: { name: suite.name, version: suite.version, hash: suite.hash }, db: flags.db, runs: results.map((r) => (checkpoints.has(r.runId) ? { ...r, checkpoint: checkpoints.get(r.runId) } : r)) }, null, 2)}\n`,
      );
    } else {
      process.stdout.write(`results: ${flags.db}\n`);
      for (const name of new Set(entries.map((e) => e.series).filter((s): s is string => !!s))) {
        process.stdout.write(terminalSafe(`series '${name}': bench report --series ${name}\n`));
      }
    }
    if (stopSignal.aborted) {
      process.stderr.write('bench: interrupted: run the same command again to resume\n');
      return EXIT.interrupted;
    }
    if (failed.length) {
      process.stderr.write(
        terminalSafe(
          `bench: ${failed.length} of ${entries.length} checkpoints failed (${failed.join(', ')}): see the errors above; the same command retries them\n`,
        ),
      );
      return EXIT.config;
    }
    return results.some((r) => r.summary.tasks.some((t) => t.errors > 0)) ? EXIT.failure : EXIT.ok;
  } catch (err) {
    if (err instanceof RunAbortedError && stopSignal.aborted) {
      progress.done();
      process.stderr.write('bench: interrupted: run the same command again to resume\n');
      return EXIT.interrupted;
    }
    // A managed server's failure quotes its log: print every line, not just the first.
    if (err instanceof RunAbortedError && err.message.includes('\n')) {
      progress.done();
      printAborted(err);
      return EXIT.config;
    }
    throw err;
  } finally {
    progress.done();
    dispose();
    // Only the models the loop did not close: a provider need not survive a second close().
    for (const m of models) if (!closed.has(m)) await m.close?.();
    store?.close();
  }
}

/** Series patterns become their checkpoints, in step order; plain specs stay as they are. */
async function expandEntries(specs: string[], series: string | undefined): Promise<Entry[]> {
  const out: Entry[] = [];
  for (const spec of specs) {
    if (!isSeriesPattern(spec)) {
      out.push(series ? { spec, series } : { spec });
      continue;
    }
    const x = await expandSeries(spec, { series });
    for (const sk of x.skipped)
      process.stderr.write(
        `bench: ${terminalSafe(sk.spec)}: skipped (${terminalSafe(sk.reason)}); a later run picks it up once it is ready\n`,
      );
    if (!x.members.length)
      throw new UsageError(`no checkpoint matches '${spec}': check the pattern (e.g. 'vllm:./ckpts/checkpoint-*')`);
    for (const m of x.members)
      out.push(
        m.step === undefined ? { spec: m.spec, series: x.series } : { spec: m.spec, series: x.series, step: m.step },
      );
  }
  return out;
}

/** An in-process checkpoint (onnx:<folder>): its identity is recorded like a served one's. */
function localCheckpoint(spec: string): CheckpointInfo | undefined {
  const parsed = parseModelSpec(spec);
  return parsed.provider === 'onnx' && existsSync(parsed.model) ? checkpointInfo(parsed.model) : undefined;
}

/** Every line of a failure (a managed server's quotes its log), each made safe for the terminal. */
function printAborted(err: Error): void {
  const [first, ...more] = err.message.split('\n');
  process.stderr.write(`bench: error: ${terminalSafe(first!)}\n${more.map((l) => `${terminalSafe(l)}\n`).join('')}`);
}

/** --model-options: 'tp=2&dtype=bfloat16', or a YAML file of the same keys ({tp: 2, args: [--enforce-eager]}). */
function serverDefaults(value: string): Record<string, string> {
  let query = value;
  if (/\.ya?ml$/i.test(value)) {
    if (!existsSync(value)) throw new UsageError(`--model-options ${value}: no such file`);
    let doc: unknown;
    try {
      doc = parseYaml(readFileSync(value, 'utf8'));
    } catch (err) {
      throw new UsageError(`--model-options ${value}: not valid YAML (${(err as Error).message.split('\n')[0]})`);
    }
    if (!doc || typeof doc !== 'object' || Array.isArray(doc))
      throw new UsageError(`--model-options ${value}: expected a mapping like 'tp: 2'`);
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(doc)) params.set(k, Array.isArray(v) ? v.join(' ') : String(v));
    query = params.toString();
  }
  try {
    return parseServerOptions(query);
  } catch (err) {
    throw new UsageError(`--model-options: ${(err as Error).message}`);
  }
}

/** Server logs live next to the database. */
export function serverLogDir(db: string): string {
  return db === ':memory:' ? resolve('results/servers') : join(dirname(resolve(db)), 'servers');
}
