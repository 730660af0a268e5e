import type { Command } from 'commander';
import { Store } from '../store/store.js';
import { CompareError, compareRuns, resolveRun, type Comparison } from '../scoreboard/compare.js';
import { textTable } from '../report/terminal.js';
import { fitLines } from '../report/terminal.js';
import { mdCell } from '../report/format.js';
import { terminalSafe } from '../core/escape.js';
import { UsageError } from './errors.js';
import { DEFAULT_DB, positiveInt, requireDb } from './options.js';

interface CompareFlags {
  db: string;
  suite?: string;
  format: 'text' | 'md' | 'json';
  tasks?: boolean;
  seed: string;
  resamples: number;
}

export function registerCompare(program: Command): void {
  program
    .command('compare')
    .description(
      'paired comparison of two runs or models on the same items: B − A per split, family, axis and task, exact McNemar / sign-flip tests, Holm-adjusted',
    )
    .argument('<a>', 'a run id (or unique prefix) or a model spec (its latest finished run)')
    .argument('<b>', 'the other run or model; differences are B − A')
    .option('--db <file>', 'SQLite database', DEFAULT_DB)
    .option('-s, --suite <name>', 'the suite, when a model has runs of several')
    .option(
      '-f, --format <format>',
      'text, md or json',
      (v: string) => {
        if (v === 'text' || v === 'md' || v === 'json') return v;
        throw new UsageError(`--format must be text, md or json (got '${v}')`);
      },
      'text',
    )
    .option('--tasks', 'add a row per task (always in JSON)')
    .option('--seed <seed>', 'seed of the bootstrap and randomization tests', 'genbench')
    .option('--resamples <count>', 'bootstrap resamples and randomizations', positiveInt('--resamples'), 2000)
    .addHelpText(
      'after',
      `
Examples:
  $ bench compare openai-compatible:step-1000@http://localhost:8000/v1 openai-compatible:step-2000@http://localhost:8000/v1
  $ bench compare 3f9a2c41 7be5a1c2 --tasks
  $ bench compare baseline:random baseline:oracle --format json | jq '.rows[] | select(.scope == "split")'

Only items both runs answered count. One task: exact McNemar; averages (macro, as in bench report):
sign-flip randomization; intervals: paired bootstrap; p Holm-adjusted across every row shown in JSON.`,
    )
    .action((a: string, b: string, flags: CompareFlags) => {
      requireDb(flags.db);
      const store = Store.openReadOnly(flags.db);
      try {
        let cmp: Comparison;
        try {
          const ra = resolveRun(store, a, flags.suite);
          const rb = resolveRun(store, b, flags.suite ?? ra.suite);
          cmp = compareRuns(store, ra, rb, {
            seed: flags.seed,
            resamples: flags.resamples,
            permutations: flags.resamples,
          });
        } catch (err) {
          if (err instanceof CompareError) throw new UsageError(err.message);
          throw err;
        }
        process.stdout.write(
          flags.format === 'json'
            ? `${JSON.stringify(cmp, null, 2)}\n`
            : flags.format === 'md'
              ? formatCompareMd(cmp, flags.tasks)
              : formatCompareText(cmp, flags.tasks),
        );
      } finally {
        store.close();
      }
    });
}

const pct = (x: number) => (Number.isFinite(x) ? (Math.round(x * 1000) / 10 || 0).toFixed(1) : '—');
const pp = (x: number) =>
  Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${(Math.round(x * 1000) / 10 || 0).toFixed(1)}` : '—';
const pval = (p: number) => (!Number.isFinite(p) ? '—' : p < 0.001 ? '<0.001' : p.toFixed(3));

function table(c: Comparison, tasks = false): { header: string[]; rows: string[][]; right: boolean[] } {
  const rows = c.rows
    .filter((r) => tasks || r.scope !== 'task')
    .map((r) => [
      r.name,
      pct(r.a),
      pct(r.b),
      `${pp(r.diff.estimate)} [${pp(r.diff.low)}, ${pp(r.diff.high)}]`,
      pval(r.diff.p),
      pval(r.pHolm),
      `${r.diff.n}/${r.diff.discordant}`,
      r.diff.method === 'mcnemar' ? 'McNemar' : r.diff.method === 'sign-flip' ? 'sign-flip' : '',
    ]);
  return {
    header: ['scope', 'A %', 'B %', 'B − A (pp) [CI]', 'p', 'p Holm', 'n/disc.', 'test'],
    rows,
    right: [false, true, true, false, true, true, true, false],
  };
}

function heading(c: Comparison): string {
  return `suite ${c.suite}\nA: ${c.a.modelSpec} (run ${c.a.runId}, ${c.a.status})\nB: ${c.b.modelSpec} (run ${c.b.runId}, ${c.b.status})`;
}

const legend = (c: Comparison) =>
  `${Math.round(c.level * 100)}% paired intervals on shared items; splits and families are macro averages over tasks (families weigh the same across a split); ` +
  `n/disc. = shared items / items where A and B differ; p Holm-adjusted across all ${c.rows.length} rows (tasks included).` +
  (c.unmatched.length ? ` Not compared (one side lacks them): ${c.unmatched.join(', ')}.` : '');

export function formatCompareText(c: Comparison, tasks?: boolean): string {
  const t = table(c, tasks);
  return `${fitLines(`${terminalSafe(heading(c))}\n\n${textTable(t.header, t.rows, t.right)}\n\n${legend(c)}`)}\n`;
}

export function formatCompareMd(c: Comparison, tasks?: boolean): string {
  const t = table(c, tasks);
  const line = (cells: string[]) => `| ${cells.map(mdCell).join(' | ')} |`;
  return [
    ...heading(c)
      .split('\n')
      .map((l) => `- ${mdCell(l)}`),
    '',
    line(t.header),
    `|${t.header.map(() => ' --- ').join('|')}|`,
    ...t.rows.map(line),
    '',
    `_${mdCell(legend(c))}_`,
    '',
  ].join('\n');
}
