import type { Command } from 'commander';
import { terminalSafe } from '../core/escape.js';
import { MergeError, mergeDatabases, type MergeReport } from '../store/merge.js';
import { EXIT, UsageError } from './errors.js';

interface MergeFlags {
  into: string;
  json?: boolean;
}

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description('combine databases (the shards of `bench run --shard i/N`, or any runs) into one')
    .argument('<db...>', 'databases to read (never written)')
    .requiredOption('--into <file>', 'database to merge into (created if missing)')
    .option('--json', 'print what was merged as JSON on stdout')
    .addHelpText(
      'after',
      `
Examples:
  $ bench merge shards/shard-*.sqlite --into results/genbench.sqlite
  $ bench merge a.sqlite b.sqlite --into all.sqlite --json

Shards are written into their whole run, which then reads exactly like a run made on one
machine. Merging again changes nothing. Settings that differ between parts of one run, or two
different answers for one item, stop the merge with nothing written (exit 2). Missing shards are
named and the exit code is 1; merge again once they are there.`,
    )
    .action((dbs: string[], flags: MergeFlags) => {
      process.exitCode = mergeCommand(dbs, flags);
    });
}

function mergeCommand(dbs: string[], flags: MergeFlags): number {
  let report: MergeReport;
  try {
    report = mergeDatabases(dbs, flags.into);
  } catch (err) {
    if (err instanceof MergeError) throw new UsageError(`merge: ${err.message}`);
    throw err;
  }
  if (flags.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else {
    for (const r of report.runs) {
      const parts = r.shards ? `, shards ${r.shards.present.length}/${r.shards.count}` : '';
      const counts = `${r.added} results added, ${r.unchanged} already there${r.replaced ? `, ${r.replaced} errors replaced by answers` : ''}`;
      process.stdout.write(
        terminalSafe(`${r.modelSpec} on ${r.suiteName} (run ${r.runId}): ${counts}${parts}; status ${r.status}`) + '\n',
      );
    }
    process.stdout.write(
      `merged ${report.sources.length} database${report.sources.length === 1 ? '' : 's'} into ${terminalSafe(report.into)}\n`,
    );
  }
  for (const line of [...report.notes, ...report.duplicates])
    process.stderr.write(`bench: note: ${terminalSafe(line)}\n`);
  for (const line of report.missing) process.stderr.write(`bench: ${terminalSafe(line)}\n`);
  if (report.missing.length)
    process.stderr.write('bench: run the missing shards (into their own databases) and merge again\n');
  return report.missing.length ? EXIT.failure : EXIT.ok;
}
