import type { Command } from 'commander';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { terminalSafe } from '../core/escape.js';
import { tidy } from '../stats/proportion.js';
import { RunAbortedError } from '../runner/run.js';
import { Store } from '../store/store.js';
import { loadSuite } from '../suite/load.js';
import { gate, type GateResult } from '../gate/gate.js';
import { gatesFromSuite, loadGatesFile, mergeGates, parseSplits, type GateOverrides } from '../gate/config.js';
import { GATE_EXIT, GateConfigError, GateHarnessError, GateInterruptedError } from '../gate/errors.js';
import { classifySide } from '../gate/sides.js';
import { renderMarkdown } from '../gate/markdown.js';
import { renderJUnit } from '../gate/junit.js';
import { reportError, UsageError } from './errors.js';
import {
  DEFAULT_DB,
  addSamplingOptions,
  collect,
  positiveInt,
  modelOptionsFrom,
  samplingFrom,
  requireDb,
  type SamplingFlags,
} from './options.js';
import { interruptible, progressPrinter } from './session.js';
import { isSeriesRef, resolveSeriesRefs, SeriesRefError } from '../report/series.js';
import { serverLogDir } from './run.js';

interface GateFlags extends SamplingFlags {
  suite: string;
  baseline: string;
  candidate?: string;
  margin?: number;
  alpha?: number;
  split?: string[];
  perTask?: boolean;
  maxGapGrowth?: number;
  gates?: string;
  saveBaseline?: string;
  markdown?: string;
  junit?: string;
  json?: string | boolean;
  n?: number;
  samples?: number;
  concurrency?: number;
  db: string;
  quiet?: boolean;
}

function fraction(flag: string, lo: number, hi: number, closedLow: boolean) {
  return (value: string): number => {
    const x = Number(value);
    if (!Number.isFinite(x) || (closedLow ? x < lo : x <= lo) || x >= hi) {
      throw new UsageError(`${flag} must be a number ${closedLow ? '≥' : '>'} ${lo} and < ${hi} (got '${value}')`);
    }
    return x;
  };
}

export function registerGate(program: Command): void {
  const command = program
    .command('gate')
    .description(
      'CI regression gate: is a candidate checkpoint worse than a baseline on the same items? Paired tests, exit code per verdict',
    )
    .requiredOption('-s, --suite <name|file>', 'a shipped suite name or a path to a suite YAML')
    .requiredOption(
      '--baseline <model|run|file>',
      'the last good model: a model spec, a run id in --db, series:<name>@best, or a frozen baseline .json',
    )
    .option(
      '--candidate <model|run>',
      'the checkpoint to gate: a model spec, a run id or series:<name>@latest (omit with --save-baseline to only save)',
    )
    .option(
      '--margin <x>',
      'largest acceptable accuracy drop, as a fraction (default 0.02 = 2 points)',
      fraction('--margin', 0, 1, true),
    )
    .option('--alpha <x>', 'one-sided level of each test (default 0.05)', fraction('--alpha', 0, 0.5, false))
    .option('--split <splits>', 'splits that gate: ood (default), id, all, or id,ood; repeatable', collect)
    .option('--per-task', 'also gate every task (Holm-adjusted), not only the pooled split')
    .option(
      '--max-gap-growth <x>',
      "gate each family's ID − OOD gap: largest acceptable growth, as a fraction",
      fraction('--max-gap-growth', 0, 1, true),
    )
    .option('--gates <file>', "thresholds from this YAML file instead of the suite's gates: section")
    .option('--save-baseline <file>', "freeze the baseline's per-item outcomes into this .json file")
    .option('--markdown <file>', 'also write the Markdown summary here (e.g. for $GITHUB_STEP_SUMMARY)')
    .option('--junit <file>', 'write a JUnit XML report here')
    .option('--json [file]', 'write the full result as JSON to this file, or to stdout instead of the Markdown')
    .option(
      '-n, --n <count>',
      "at most this many items per task (default: the baseline file's, else all)",
      positiveInt('--n'),
    )
    .option('--samples <count>', "answers per item (default: the baseline file's, else 1)", positiveInt('--samples'))
    .option('-c, --concurrency <count>', 'concurrent requests per model', positiveInt('--concurrency'))
    .option('--db <file>', 'SQLite database (runs are reused and resumed from it)', DEFAULT_DB);
  addSamplingOptions(command)
    .option('-q, --quiet', 'no progress line')
    .addHelpText(
      'after',
      `
Exit codes:
  0    pass: every gating check shows the candidate within its thresholds
  10   regression: a gating check found a significant drop beyond its threshold
  11   inconclusive: no regression found, but too few items to show a pass
       (the summary says about how many items would decide)
  2    configuration error (flags, gates YAML, a baseline of other items)
  3    harness error (a model or server that errs, the database)
  130  interrupted (run the same command again to resume)

Examples:
  $ bench gate --suite instruct --baseline onnx:./ckpt/step-1000 --candidate onnx:./ckpt/step-2000
  $ bench gate --suite instruct --baseline onnx:./ckpt/step-1000 --save-baseline baselines/main.json
  $ bench gate --suite instruct --baseline baselines/main.json \\
      --candidate openai-compatible:ckpt@http://localhost:8000/v1 --junit gate.xml --markdown gate.md
  $ bench gate --suite instruct --baseline 3f9a2c41d07be5a1 --candidate 8e1b07c2aa90d3f4 --split all --per-task
  $ bench gate --suite core --candidate series:rl-run-7@latest --baseline series:rl-run-7@best

A series reference (series:<name>@latest, @best, @previous or @<step>) names a finished run of a
checkpoint series recorded by 'bench run'; @best is the best OOD step other than the candidate.`,
    )
    .action(async (flags: GateFlags) => {
      process.exitCode = await gateCommand(flags);
    });
}

async function gateCommand(flags: GateFlags): Promise<number> {
  const cleanups: (() => void)[] = [];
  try {
    const suite = loadSuite(flags.suite);
    const config = mergeGates(flags.gates ? loadGatesFile(flags.gates) : gatesFromSuite(suite), cliOverrides(flags));
    const refs = resolveSeries(flags, suite.name);
    const baseline = classifySide(refs.baseline, 'baseline');
    const candidate = refs.candidate === undefined ? undefined : classifySide(refs.candidate, 'candidate');
    if (!candidate && !flags.saveBaseline)
      throw new UsageError('give --candidate to gate, or --save-baseline <file> to only freeze the baseline');
    if (flags.saveBaseline && !/\.json$/i.test(flags.saveBaseline))
      throw new UsageError(
        `--save-baseline ${flags.saveBaseline}: the file name must end in .json (that is how --baseline tells a file from a model or run)`,
      );

    const needsDb = [baseline, candidate].some((s) => s && s.kind !== 'file');
    const usesRun = [baseline, candidate].some((s) => s?.kind === 'run');
    if (usesRun) requireDb(flags.db, 'a run id needs the database it is in (pass --db)');
    // Gating stored runs (or a frozen file) only reads: the database is opened read-only then.
    const onlyReads = [baseline, candidate].every((s) => !s || s.kind !== 'model');
    const store = needsDb ? (onlyReads ? Store.openReadOnly(flags.db) : Store.open(flags.db)) : undefined;
    if (store) cleanups.push(() => store.close());

    const { stopSignal, abortSignal, dispose } = interruptible({ stopTimeoutS: flags.stopTimeout });
    cleanups.push(dispose);
    const progress = progressPrinter(flags.quiet === true || flags.json === true);
    cleanups.push(progress.done);

    const outcome = await gate({
      suite,
      baseline,
      candidate,
      config,
      store,
      dbPath: flags.db,
      n: flags.n,
      samples: flags.samples,
      sampling: samplingFrom(flags),
      concurrency: flags.concurrency,
      cache: flags.cache,
      modelOptions: { ...modelOptionsFrom(flags), servers: { logDir: serverLogDir(flags.db), signal: stopSignal } },
      saveBaseline: flags.saveBaseline,
      onProgress: progress.update,
      stopSignal,
      abortSignal,
    });
    progress.done();
    if (outcome.savedBaseline)
      process.stderr.write(`bench: gate: saved the baseline's outcomes to ${terminalSafe(outcome.savedBaseline)}\n`);
    if (!outcome.result) return GATE_EXIT.pass;
    writeOutputs(outcome.result, flags);
    process.stderr.write(`bench: gate: ${outcome.result.verdict} (exit ${outcome.result.exitCode})\n`);
    return outcome.result.exitCode;
  } catch (err) {
    return reportGateError(err);
  } finally {
    for (const c of cleanups.reverse()) c();
  }
}

/** 'series:<name>@latest' / '@best' / '@previous' / '@<step>' → the run ids they stand for. */
function resolveSeries(flags: GateFlags, suiteName: string): { baseline: string; candidate?: string } {
  if (!isSeriesRef(flags.baseline) && !isSeriesRef(flags.candidate))
    return { baseline: flags.baseline, candidate: flags.candidate };
  requireDb(flags.db, 'a series needs the database its runs are in (pass --db)');
  const store = Store.openReadOnly(flags.db);
  try {
    const r = resolveSeriesRefs(store, suiteName, { baseline: flags.baseline, candidate: flags.candidate });
    for (const n of r.notes) process.stderr.write(`bench: gate: ${terminalSafe(n)}\n`);
    return r;
  } catch (err) {
    if (err instanceof SeriesRefError) throw new GateConfigError(err.message);
    throw err;
  } finally {
    store.close();
  }
}

function cliOverrides(f: GateFlags): GateOverrides {
  const splits = f.split
    ? parseSplits(
        f.split.flatMap((s) => s.split(',')),
        (msg) => {
          throw new UsageError(`--split ${msg}`);
        },
      )
    : undefined;
  return {
    margin: f.margin,
    alpha: f.alpha,
    splits,
    perTask: f.perTask ? true : undefined,
    maxGapGrowth: f.maxGapGrowth,
  };
}

function writeOutputs(result: GateResult, flags: GateFlags): void {
  const markdown = renderMarkdown(result);
  // Numbers without float noise (1.0000000000000007 → 1); Infinity and NaN become null.
  const json = `${JSON.stringify(result, (_key, v: unknown) => (typeof v === 'number' ? tidy(v) : v), 2)}\n`;
  if (flags.markdown) writeAtomic(flags.markdown, markdown);
  if (flags.junit) writeAtomic(flags.junit, renderJUnit(result));
  if (typeof flags.json === 'string') writeAtomic(flags.json, json);
  process.stdout.write(flags.json === true ? json : markdown);
}

function writeAtomic(path: string, content: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.tmp-${process.pid}`;
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (err) {
    throw new GateHarnessError(`cannot write ${path}: ${(err as Error).message}`);
  }
}

function reportGateError(err: unknown): number {
  const code =
    err instanceof GateConfigError
      ? GATE_EXIT.config
      : err instanceof GateHarnessError
        ? GATE_EXIT.harness
        : err instanceof GateInterruptedError
          ? GATE_EXIT.interrupted
          : // A run stopped by a bad key or model name is a configuration error (as for `bench run`);
            // one stopped by a server that never answered is the harness's, and CI should say so.
            err instanceof RunAbortedError
            ? err.kind === 'auth' || err.kind === 'config'
              ? GATE_EXIT.config
              : GATE_EXIT.harness
            : undefined;
  if (code === undefined) return reportError(err);
  process.stderr.write(
    `bench: ${code === GATE_EXIT.interrupted ? 'interrupted' : 'error'}: ${terminalSafe((err as Error).message.split('\n')[0])}\n`,
  );
  return code;
}
