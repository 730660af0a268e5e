import type { Command } from 'commander';
import { terminalSafe } from '../core/escape.js';
import { Store } from '../store/store.js';
import { runIdsWithPrefix } from '../store/gate-queries.js';
import { rescore, type RescoreResult } from '../verify/rescore.js';
import { loadSuite } from '../suite/load.js';
import { UsageError } from './errors.js';
import { collect, DEFAULT_DB, requireDb } from './options.js';

interface RescoreFlags {
  db: string;
  run?: string[];
  suite?: string[];
  dryRun?: boolean;
  json?: boolean;
}

export function registerRescore(program: Command): void {
  program
    .command('rescore')
    .description(
      're-verify stored answers with the current verifiers; changed verdicts replace the old ones, which are kept in the verdict history',
    )
    .option('--db <file>', 'SQLite database', DEFAULT_DB)
    .option(
      '--run <id>',
      'only this run (an id or unique prefix from `bench list runs`), repeatable; default all runs',
      collect,
    )
    .option(
      '--suite <file>',
      "load this suite's plug-in generators (its 'generators:' and module tasks) first, repeatable",
      collect,
    )
    .option('--dry-run', 'report what would change, write nothing')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `
Prints, per run and task, how many answers were re-verified and which verdicts changed.
Item ids and run ids stay the same, so resumed runs and frozen gate baselines keep working.

Examples:
  $ bench rescore
  $ bench rescore --run 3f9a2c --dry-run
  $ bench rescore --suite my-family/suite.yaml      # answers of a plug-in family`,
    )
    .action((flags: RescoreFlags) => {
      requireDb(flags.db);
      for (const suite of flags.suite ?? []) loadSuite(suite); // registers its plug-in generators
      const store = Store.open(flags.db);
      try {
        const runIds = flags.run?.map((p) => resolveRun(store, p, flags.db));
        const result = rescore(store, { runIds, dryRun: flags.dryRun });
        process.stdout.write(flags.json ? `${JSON.stringify(result, null, 2)}\n` : formatRescore(result, store));
      } finally {
        store.close();
      }
    });
}

function resolveRun(store: Store, prefix: string, db: string): string {
  const matches = runIdsWithPrefix(store, prefix);
  if (matches.length === 0)
    throw new UsageError(`--run ${prefix}: no run with that id in ${db} ('bench list runs --db ${db}' shows them)`);
  if (matches.length > 1 && !matches.includes(prefix))
    throw new UsageError(`--run ${prefix}: several runs start with it (${matches.join(', ')}): give more characters`);
  return matches.includes(prefix) ? prefix : matches[0]!;
}

export function formatRescore(r: RescoreResult, store: Store): string {
  const lines: string[] = [];
  const spec = new Map(store.runs().map((run) => [run.id, run.modelSpec]));
  for (const t of r.tasks) {
    const what =
      t.changed === 0
        ? 'unchanged'
        : `${t.changed} changed (${t.nowCorrect} now correct, ${t.nowWrong} now wrong, ${t.changed - t.nowCorrect - t.nowWrong} other): ${t.examples.join(', ')}${t.changed > t.examples.length ? ', …' : ''}`;
    lines.push(
      `run ${t.runId} ${terminalSafe(spec.get(t.runId) ?? '')}  ${terminalSafe(t.task)}  ${t.generator} verifier v${t.verifierVersion}: ${t.rescored} re-verified, ${what}`,
    );
  }
  const tail = r.dryRun
    ? ' (dry run: nothing written)'
    : r.changed
      ? `; earlier verdicts kept in verdict_history (rescore ${r.id})`
      : '';
  lines.push(
    `bench: ${r.rescored} answers re-verified, ${r.changed} verdicts changed${r.skipped ? `, ${r.skipped} skipped (generator not in this genbench; a plug-in family needs --suite <its suite>)` : ''}${r.notReplayable ? `, ${r.notReplayable} multi-turn answers left as they were (their stored truth predates the step function: run them again with --fresh to re-verify)` : ''}${tail}`,
  );
  return `${lines.join('\n')}\n`;
}
