import type { Command } from 'commander';
import { Store } from '../store/store.js';
import type { Dataset } from '../report/data.js';
import { scoreboard, type Weighting } from '../scoreboard/index.js';
import { formatJson, formatMarkdown, formatText, type ReportFormat } from '../report/format.js';
import { UsageError } from './errors.js';
import {
  SeriesNotFoundError,
  buildSeriesBoard,
  formatSeriesMarkdown,
  formatSeriesText,
  seriesJson,
} from '../report/series.js';
import { seriesNames } from '../store/series-queries.js';
import { DEFAULT_DB, collect, positiveInt, requireDb } from './options.js';

interface ReportFlags {
  db: string;
  suite?: string[];
  model?: string[];
  axis?: string;
  format: ReportFormat;
  tasks?: boolean;
  alpha: number;
  seed: string;
  resamples: number;
  series?: string;
  weighting: Weighting;
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description(
      'ID and OOD accuracy, the gap and OOD/ID retention per suite, family, axis and task, with intervals and tied groups',
    )
    .option('--db <file>', 'SQLite database', DEFAULT_DB)
    .option('-s, --suite <name>', 'only this suite, repeatable', collect)
    .option('-m, --model <spec>', 'only this model (exact spec or a substring of it), repeatable', collect)
    .option('--axis <axis>', 'OOD = the tasks of this axis only (e.g. scale, format, rule); ID stays whole')
    .option('-f, --format <format>', 'text, md or json', parseFormat, 'text')
    .option('--tasks', 'add a per-task table for each family')
    .option('--series <name>', 'a training series: ID, OOD and the gap per checkpoint step')
    .option(
      '--weighting <w>',
      "macro (each task the same, each family the same in 'all') or micro (each item the same)",
      parseWeighting,
      'macro',
    )
    .option('--alpha <p>', 'significance level of the tied groups, after Holm', parseAlpha, 0.05)
    .option('--seed <seed>', 'seed of the bootstrap and randomization tests', 'genbench')
    .option('--resamples <count>', 'bootstrap resamples and randomizations', positiveInt('--resamples'), 2000)
    .addHelpText(
      'after',
      `
Examples:
  $ bench report
  $ bench report --suite instruct --tasks
  $ bench report --model gpt-4.1 --model qwen --axis scale --format md > report.md
  $ bench report --format json | jq '.suites[0].overall'
  $ bench report --series rl-run-7

Each (model, suite) is represented by its latest finished run. ID and OOD are macro averages over
tasks (families weigh the same in "all"); tasks with role: control are shown but never averaged.`,
    )
    .action((flags: ReportFlags) => {
      process.stdout.write(reportCommand(flags));
    });
}

function parseFormat(value: string): ReportFormat {
  if (value === 'text' || value === 'md' || value === 'json') return value;
  throw new UsageError(`--format must be text, md or json (got '${value}')`);
}

function parseAlpha(value: string): number {
  const x = Number(value);
  if (!(x > 0 && x < 1)) throw new UsageError(`--alpha must be a number between 0 and 1 (got '${value}')`);
  return x;
}

export function reportCommand(flags: ReportFlags): string {
  requireDb(flags.db);
  const store = Store.openReadOnly(flags.db);
  try {
    if (flags.series !== undefined) return seriesReport(store, flags);
    const { board, data } = scoreboard(
      store,
      { suites: flags.suite, models: flags.model },
      {
        axis: flags.axis,
        alpha: flags.alpha,
        seed: flags.seed,
        resamples: flags.resamples,
        permutations: flags.resamples,
        weighting: flags.weighting,
      },
    );
    checkFilters(store, data, flags);
    const view = { tasks: flags.tasks };
    return flags.format === 'json'
      ? formatJson(board)
      : flags.format === 'md'
        ? formatMarkdown(board, view)
        : formatText(board, view);
  } finally {
    store.close();
  }
}

function parseWeighting(value: string): Weighting {
  if (value === 'macro' || value === 'micro') return value;
  throw new UsageError(`--weighting must be macro or micro (got '${value}')`);
}

/** A filter that matches nothing is a mistake worth naming, with what would have matched. */
function checkFilters(store: Store, data: Dataset, flags: ReportFlags): void {
  if (flags.suite?.length) {
    const known = new Set(store.runs().map((r) => r.suiteName));
    const missing = flags.suite.filter((s) => !known.has(s));
    if (missing.length)
      throw new UsageError(
        `no runs of suite ${missing.map((s) => `'${s}'`).join(', ')} in ${flags.db}; suites with runs: ${[...known].sort().join(', ') || '(none)'}`,
      );
  }
  if (flags.model?.length && data.runs.length === 0) {
    const models = store.models().map((m) => m.modelSpec);
    throw new UsageError(
      `no model matches ${flags.model.map((m) => `'${m}'`).join(', ')}; models in ${flags.db}: ${models.join(', ') || '(none)'}`,
    );
  }
  if (flags.axis) {
    const axes = new Set(
      data.suites.flatMap((s) =>
        [...s.tasks.values()].filter((t) => t.info.split === 'ood' && !t.info.control).map((t) => t.info.axis),
      ),
    );
    if (!axes.has(flags.axis))
      throw new UsageError(`no OOD task has axis '${flags.axis}'; axes: ${[...axes].sort().join(', ') || '(none)'}`);
  }
}

function seriesReport(store: Store, flags: ReportFlags): string {
  if (flags.suite && flags.suite.length > 1) throw new UsageError('--series takes one --suite');
  let board;
  try {
    board = buildSeriesBoard(store, flags.series!, {
      suite: flags.suite?.[0],
      seed: flags.seed,
      resamples: flags.resamples,
    });
  } catch (err) {
    if (!(err instanceof SeriesNotFoundError)) throw err;
    const known = seriesNames(store).map((s) => s.series);
    throw new UsageError(
      `${err.message} in ${flags.db}; series: ${known.join(', ') || '(none: run \'bench run --model "vllm:./ckpts/checkpoint-*"\')'}`,
    );
  }
  return flags.format === 'json'
    ? seriesJson(board)
    : flags.format === 'md'
      ? formatSeriesMarkdown(board)
      : formatSeriesText(board);
}
