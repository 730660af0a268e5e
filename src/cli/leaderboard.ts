import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Store } from '../store/store.js';
import { buildSite, DEFAULT_MAX_ITEM_PAGES, SiteError } from '../leaderboard/build.js';
import type { Prices } from '../leaderboard/context.js';
import { UsageError } from './errors.js';
import { DEFAULT_DB, collect, positiveInt, requireDb } from './options.js';

interface LeaderboardFlags {
  db: string;
  out: string;
  suite?: string[];
  model?: string[];
  axis?: string;
  itemsPerTask?: number;
  maxItemPages: number;
  prices?: string;
  seed: string;
  resamples: number;
  json?: boolean;
}

export function registerLeaderboard(program: Command): void {
  program
    .command('leaderboard')
    .description('build the static leaderboard site (no server; opens from file:// or any static host)')
    .option('--db <file>', 'SQLite database', DEFAULT_DB)
    .option('-o, --out <dir>', 'output folder (replaced when it holds an earlier build)', 'leaderboard/site')
    .option('-s, --suite <name>', 'only this suite, repeatable', collect)
    .option('-m, --model <spec>', 'only this model (exact spec or a substring of it), repeatable', collect)
    .option('--axis <axis>', 'OOD = the tasks of this axis only')
    .option(
      '--items-per-task <count>',
      'item pages per task: the first items by index (0 for none; default: all, within --max-item-pages)',
      nonNegativeInt,
    )
    .option(
      '--max-item-pages <count>',
      'at most this many item pages in all (each task keeps its first items)',
      nonNegativeInt,
      DEFAULT_MAX_ITEM_PAGES,
    )
    .option(
      '--prices <file>',
      'JSON price table, USD per million tokens: {"openai:gpt-4.1-mini": {"input": 0.4, "output": 1.6}}',
    )
    .option('--seed <seed>', 'seed of the bootstrap and randomization tests', 'genbench')
    .option('--resamples <count>', 'bootstrap resamples and randomizations', positiveInt('--resamples'), 2000)
    .option('--json', 'print what was built as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ bench leaderboard                                   # results/genbench.sqlite → leaderboard/site
  $ bench leaderboard --out public/ --suite instruct
  $ bench leaderboard --db runs.sqlite --items-per-task 50 --prices prices.json

Open <out>/index.html in a browser. Every page has a JSON twin next to it (index.json, …); page
addresses depend only on suite, family, model and item names, so links stay valid across builds.`,
    )
    .action((flags: LeaderboardFlags) => {
      requireDb(flags.db);
      const prices = flags.prices ? readPrices(flags.prices) : undefined;
      const store = Store.openReadOnly(flags.db);
      try {
        const known = new Set(store.runs().map((r) => r.suiteName));
        const missing = (flags.suite ?? []).filter((s) => !known.has(s));
        if (missing.length)
          throw new UsageError(
            `no runs of suite ${missing.map((s) => `'${s}'`).join(', ')} in ${flags.db}; suites with runs: ${[...known].sort().join(', ') || '(none)'}`,
          );
        const result = build(store, flags, prices);
        if (flags.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else {
          process.stdout.write(
            `built ${result.pages} pages (${result.itemPages} item pages), ${(result.bytes / 1e6).toFixed(1)} MB, in ${(result.ms / 1000).toFixed(1)} s\n`,
          );
          process.stdout.write(`open ${pathToFileURL(`${result.out}/index.html`).href}\n`);
        }
      } finally {
        store.close();
      }
    });
}

function build(store: Store, flags: LeaderboardFlags, prices: Prices | undefined) {
  try {
    return buildSite(store, {
      out: flags.out,
      suites: flags.suite,
      models: flags.model,
      axis: flags.axis,
      itemsPerTask: flags.itemsPerTask,
      maxItemPages: flags.maxItemPages,
      prices,
      seed: flags.seed,
      resamples: flags.resamples,
      permutations: flags.resamples,
    });
  } catch (err) {
    if (err instanceof SiteError) throw new UsageError(err.message);
    throw err;
  }
}

function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new UsageError(`--items-per-task and --max-item-pages must be whole numbers ≥ 0 (got '${value}')`);
  return n;
}

function readPrices(file: string): Prices {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UsageError(`--prices ${file}: ${(err as Error).message}`);
  }
  const ok =
    raw &&
    typeof raw === 'object' &&
    !Array.isArray(raw) &&
    Object.values(raw).every(
      (p) =>
        p &&
        typeof p === 'object' &&
        Number.isFinite((p as { input: unknown }).input) &&
        Number.isFinite((p as { output: unknown }).output),
    );
  if (!ok)
    throw new UsageError(
      `--prices ${file}: expected {"<model spec>": {"input": <USD per 1M tokens>, "output": <USD per 1M tokens>}, …}`,
    );
  return raw as Prices;
}
