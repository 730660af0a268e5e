import type { Command } from 'commander';
import { loadSuite } from '../suite/load.js';
import { Store } from '../store/store.js';
import { run } from '../runner/run.js';
import { interruptible, progressPrinter } from './session.js';
import { formatSummary } from '../runner/format.js';
import { loadModel } from '../models/spec.js';
import type { Model } from '../models/types.js';
import { EXIT } from './errors.js';
import { DEFAULT_DB, addSamplingOptions, collect, positiveInt, modelOptionsFrom, samplingFrom, type SamplingFlags } from './options.js';

export const DEFAULT_MODELS = ['baseline:oracle', 'baseline:random'];

interface RunFlags extends SamplingFlags {
  suite: string; model?: string[]; task?: string[]; n?: number; concurrency?: number; samples?: number; db: string;
  json?: boolean; quiet?: boolean; fresh?: boolean;
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
    .option('--db <file>', 'SQLite database', DEFAULT_DB);
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

An interrupted run (Ctrl-C, kill) resumes when the same command is run again: finished items
are not asked again. Ctrl-C once finishes the requests in flight and saves them; twice stops now.`)
    .action(async (flags: RunFlags) => {
      process.exitCode = await runCommand(flags);
    });
}

async function runCommand(flags: RunFlags): Promise<number> {
  const suite = loadSuite(flags.suite);
  for (const w of suite.warnings) process.stderr.write(`warning: ${w}\n`);
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
      sampling, cache: flags.cache, fresh: flags.fresh, onProgress: progress.update, stopSignal, abortSignal,
    });
    progress.done();
    if (flags.json) {
      process.stdout.write(`${JSON.stringify({ suite: { name: suite.name, version: suite.version, hash: suite.hash }, db: flags.db, runs: results }, null, 2)}\n`);
    } else {
      for (const r of results) {
        const note = r.resumed ? `resumed: ${r.skipped} finished before, ${r.requests} requests now` : `${r.requests} requests`;
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
