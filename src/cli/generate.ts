import type { Command } from 'commander';
import { once } from 'node:events';
import { loadSuite } from '../suite/load.js';
import { taskItems, trainItems, type Item } from '../suite/expand.js';
import { stallLimit } from '../suite/distinct.js';
import type { SuiteTask } from '../suite/load.js';
import type { Exporter } from '../core/types.js';
import type { Split } from '../core/types.js';
import { SPLITS } from '../core/types.js';
import { OutputError, openAtomicFile, writeFileAtomic, type AtomicFile } from '../core/atomic-file.js';
import { hfRow, trlRow, verlRow, TRAINER_FORMATS, type VerlRow } from '../trainer/rows.js';
import { verlParquet } from '../trainer/parquet.js';
import { EXIT, UsageError } from './errors.js';
import { collect, positiveInt } from './options.js';

interface GenerateFlags {
  suite: string;
  split?: string;
  task?: string[];
  n?: number;
  out?: string;
  format: string;
  strict?: boolean;
}

export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description(
      "write the items of a suite as JSONL (id, task, split, axis, difficulty, messages, truth, reference), or in a trainer's layout",
    )
    .option('-s, --suite <name|file>', 'a shipped suite name or a path to a suite YAML', 'quick')
    .option(
      '--split <split>',
      `only this split (${SPLITS.join(', ')}); 'train' draws fresh training items from the ID region that never overlap the eval items`,
    )
    .option('-t, --task <id>', 'only this task, repeatable', collect)
    .option(
      '-n, --n <count>',
      'at most this many items per task (a shortfall is reported on stderr)',
      positiveInt('--n'),
    )
    .option(
      '-o, --out <file>',
      'write to a file instead of stdout (a folder with a family format); it appears only when complete',
    )
    .option(
      '--format <name>',
      "jsonl; hf or trl (JSONL with one fixed schema for every family), verl (Parquet, needs --out); or a family's own layout (e.g. travelplanner)",
      'jsonl',
    )
    .option('--strict', 'fail (exit 1, no file written) when a task cannot supply -n items')
    .addHelpText(
      'after',
      `
Trainer formats (README, "Verifiers as rewards"): every row has the same fields with the same
types; message content is text with <image> where an image part stood, the image bytes go to
"images" as {mediaType, data (base64)}; truth and difficulty are JSON strings.

Examples:
  $ bench generate --suite instruct --split ood -n 5
  $ bench generate --suite instruct --split train -n 10000 -o train.jsonl
  $ bench generate --suite quick --split train -n 1000 --format verl -o train.parquet
  $ bench generate --suite quick --split train -n 1000 --format trl -o train.jsonl
  $ bench generate --suite travel --format travelplanner --out ./tp-export`,
    )
    .action(async (flags: GenerateFlags) => {
      await generateCommand(flags);
    });
}

async function generateCommand(flags: GenerateFlags): Promise<void> {
  if (flags.split && !SPLITS.includes(flags.split as Split))
    throw new UsageError(`--split must be one of ${SPLITS.join(', ')} (got '${flags.split}')`);
  const suite = loadSuite(flags.suite);
  const known = new Set(suite.tasks.map((t) => t.id));
  for (const t of flags.task ?? [])
    if (!known.has(t))
      throw new UsageError(`suite '${suite.name}' has no task '${t}'; its tasks: ${[...known].join(', ')}`);
  const wanted = (id: string) => !flags.task?.length || flags.task.includes(id);
  const isTrainer = (TRAINER_FORMATS as readonly string[]).includes(flags.format);
  if (flags.format === 'verl' && !flags.out)
    throw new UsageError('--format verl writes Parquet: give the file with --out <file.parquet>');

  // Per task: how many items were asked for and how many came out.
  const made = new Map<string, { task: SuiteTask; asked: number; got: number }>();
  const note = (task: SuiteTask, asked: number) => made.set(task.id, { task, asked, got: 0 });
  function* items(): Generator<Item> {
    if (flags.split === 'train') {
      for (const task of suite.tasks)
        if (wanted(task.id) && (task.split === 'id' || task.split === 'train')) note(task, flags.n ?? task.n);
      for (const it of trainItems(suite, flags.n))
        if (wanted(it.task.id)) {
          made.get(it.task.id)!.got++;
          yield it;
        }
      return;
    }
    for (const task of suite.tasks) {
      if (!wanted(task.id) || (flags.split && task.split !== flags.split)) continue;
      note(task, flags.n ?? task.n);
      for (const it of taskItems(task, Math.min(task.n, flags.n ?? task.n))) {
        made.get(task.id)!.got++;
        yield it;
      }
    }
  }
  /** Says on stderr which tasks came out short; true when any did. */
  const reportShortfalls = (): boolean => {
    const short = [...made.values()].filter((m) => m.got < m.asked);
    for (const m of short) {
      const why =
        flags.split === 'train'
          ? `its ID region gave nothing new (no item that repeats neither another nor an eval item) in ${stallLimit(m.got).toLocaleString('en-US')} draws in a row (widen the region's params, or ask for fewer)`
          : `the task defines ${m.task.n} (n in suite ${suite.name}; raise it there for more)`;
      process.stderr.write(`bench: task ${m.task.id}: ${m.got} of ${m.asked} items available: ${why}\n`);
    }
    return short.length > 0;
  };

  if (!isTrainer && flags.format !== 'jsonl')
    return exportAs(
      flags,
      suite.tasks.filter((t) => wanted(t.id)),
      items(),
    );

  if (flags.format === 'verl') {
    const rows: VerlRow[] = [];
    for (const item of items()) rows.push(verlRow(item, rows.length));
    if (reportShortfalls() && flags.strict) return strictFailure();
    try {
      writeFileAtomic(flags.out!, verlParquet(rows));
    } catch (err) {
      throw outputProblem(flags.out!, err);
    }
    process.stderr.write(`bench: wrote ${rows.length} items to ${flags.out} (verl Parquet)\n`);
    return;
  }

  const lineOf = (item: Item): unknown => {
    if (flags.format === 'hf') return hfRow(item, suite.name);
    if (flags.format === 'trl') return trlRow(item);
    return {
      id: item.id,
      suite: suite.name,
      task: item.task.id,
      generator: item.task.generator.name,
      generatorVersion: item.task.generator.version,
      verifierVersion: item.task.generator.verifierVersion,
      family: item.task.family,
      split: item.split,
      axis: item.task.axis,
      seed: item.seed,
      index: item.index,
      difficulty: item.problem.difficulty,
      messages: item.problem.messages,
      truth: item.problem.truth,
      reference: item.problem.reference,
    };
  };
  let file: AtomicFile | undefined;
  if (flags.out) {
    try {
      file = openAtomicFile(flags.out);
    } catch (err) {
      throw outputProblem(flags.out, err);
    }
  }
  let count = 0;
  try {
    for (const item of items()) {
      const line = `${JSON.stringify(lineOf(item))}\n`;
      if (file) file.write(line);
      else if (!process.stdout.write(line)) await once(process.stdout, 'drain');
      count++;
    }
  } catch (err) {
    file?.abort();
    throw err instanceof OutputError ? outputProblem(err.path, err) : err;
  }
  if (reportShortfalls() && flags.strict) {
    file?.abort();
    return strictFailure();
  }
  if (file) {
    try {
      file.commit();
    } catch (err) {
      throw outputProblem(flags.out!, err);
    }
    process.stderr.write(`bench: wrote ${count} items to ${flags.out}\n`);
  }
}

function strictFailure(): void {
  process.stderr.write('bench: --strict: not written, because a task could not supply the items asked for\n');
  process.exitCode = EXIT.failure;
}

/** A family's own layout: every selected task's generator must know the format. */
async function exportAs(flags: GenerateFlags, tasks: SuiteTask[], items: Iterable<Item>): Promise<void> {
  if (!flags.out) throw new UsageError(`--format ${flags.format} writes a folder: give it with --out <dir>`);
  const known = new Set(tasks.flatMap((t) => Object.keys(t.generator.exporters ?? {})));
  const lacking = [
    ...new Set(tasks.filter((t) => !t.generator.exporters?.[flags.format]).map((t) => t.generator.name)),
  ];
  if (!known.has(flags.format) || lacking.length) {
    throw new UsageError(
      `format '${flags.format}' is not available for ${lacking.join(', ') || 'these tasks'}; formats here: jsonl, ${TRAINER_FORMATS.join(', ')}${[...known].map((k) => `, ${k}`).join('')} (choose tasks with --task)`,
    );
  }
  const exporters = new Map<string, Exporter>();
  for (const item of items) {
    const g = item.task.generator;
    let ex = exporters.get(g.name);
    if (!ex) exporters.set(g.name, (ex = g.exporters![flags.format]!(flags.out)));
    await ex.add(item.task.id, item.problem);
  }
  for (const ex of exporters.values()) process.stderr.write(`bench: ${await ex.finish()}\n`);
}

/** A file that cannot be written: one line naming it (a missing folder said plainly). */
function outputProblem(path: string, err: unknown): UsageError {
  const cause =
    err instanceof OutputError ? (err.cause as NodeJS.ErrnoException | undefined) : (err as NodeJS.ErrnoException);
  return new UsageError(
    `cannot write ${path}: ${cause?.code === 'ENOENT' ? 'its folder does not exist' : ((cause as Error | undefined)?.message ?? String(err))}`,
  );
}
