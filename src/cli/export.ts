import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { Store } from '../store/store.js';
import { exportRuns, exportTable, toCsv, toParquet, type ExportFormat } from '../scoreboard/export.js';
import { writeFileAtomic } from '../core/atomic-file.js';
import { UsageError } from './errors.js';
import { DEFAULT_DB, collect, requireDb } from './options.js';

interface ExportFlags {
  db: string;
  out?: string;
  format?: string;
  suite?: string[];
  model?: string[];
  allRuns?: boolean;
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description(
      'results as one row per item × sample × model (split, axis, difficulty knobs, verdict, score, tokens, latency), CSV or Parquet',
    )
    .option('--db <file>', 'SQLite database', DEFAULT_DB)
    .option('-o, --out <file>', 'write here (.csv or .parquet); CSV goes to stdout without it')
    .option('-f, --format <format>', 'csv or parquet (default: from the file name, else csv)')
    .option('-s, --suite <name>', 'only this suite, repeatable', collect)
    .option('-m, --model <spec>', 'only this model (exact spec or a substring of it), repeatable', collect)
    .option('--all-runs', "every run, not only each (model, suite)'s latest finished one (as in bench report)")
    .addHelpText(
      'after',
      `
Examples:
  $ bench export -o results.parquet
  $ bench export --suite instruct --model qwen > qwen.csv
  $ python3 -c "import pandas as pd; print(pd.read_parquet('results.parquet').groupby(['model', 'split']).correct.mean())"`,
    )
    .action((flags: ExportFlags) => {
      const format = formatOf(flags);
      if (format === 'parquet' && !flags.out) throw new UsageError('Parquet needs a file: pass -o results.parquet');
      if (flags.out && !existsSync(dirname(flags.out) || '.'))
        throw new UsageError(`no folder ${dirname(flags.out)} for ${flags.out}`);
      requireDb(flags.db);
      const store = Store.openReadOnly(flags.db);
      try {
        const runs = exportRuns(store, { suites: flags.suite, models: flags.model, allRuns: flags.allRuns });
        if (runs.length === 0) throw new UsageError(`no runs match in ${flags.db}: loosen --suite/--model`);
        const table = exportTable(store, runs);
        const bytes = format === 'parquet' ? toParquet(table) : toCsv(table);
        if (flags.out) {
          writeFileAtomic(flags.out, bytes);
          process.stderr.write(
            `bench: wrote ${table.rows} rows × ${table.columns.length} columns from ${runs.length} run${runs.length === 1 ? '' : 's'} to ${flags.out}\n`,
          );
        } else process.stdout.write(bytes);
      } finally {
        store.close();
      }
    });
}

function formatOf(flags: ExportFlags): ExportFormat {
  const f = flags.format ?? (flags.out && /\.parquet$/i.test(flags.out) ? 'parquet' : 'csv');
  if (f !== 'csv' && f !== 'parquet') throw new UsageError(`--format must be csv or parquet (got '${f}')`);
  if (flags.out && f === 'csv' && /\.parquet$/i.test(flags.out))
    throw new UsageError(`--format csv with ${flags.out}: name the file .csv or drop --format`);
  return f;
}
