import type { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { loadSuite } from '../suite/load.js';
import { taskItems, trainItems, type Item } from '../suite/expand.js';
import type { SuiteTask } from '../suite/load.js';
import type { Exporter } from '../core/types.js';
import type { Split } from '../core/types.js';
import { SPLITS } from '../core/types.js';
import { UsageError } from './errors.js';
import { collect, positiveInt } from './options.js';

interface GenerateFlags { suite: string; split?: string; task?: string[]; n?: number; out?: string; format: string }

export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description('write the items of a suite as JSONL (id, task, split, axis, difficulty, messages, truth, reference)')
    .option('-s, --suite <name|file>', 'a shipped suite name or a path to a suite YAML', 'quick')
    .option('--split <split>', `only this split (${SPLITS.join(', ')}); 'train' draws fresh training items from the ID region that never overlap the eval items`)
    .option('-t, --task <id>', 'only this task, repeatable', collect)
    .option('-n, --n <count>', 'at most this many items per task', positiveInt('--n'))
    .option('-o, --out <file>', 'write to a file instead of stdout (a folder with --format)')
    .option('--format <name>', "jsonl, or a family's own layout (e.g. travelplanner: TravelPlanner's database/ tables, queries and plans)", 'jsonl')
    .addHelpText('after', `
Examples:
  $ bench generate --suite instruct --split ood -n 5
  $ bench generate --suite instruct --split train -n 10000 -o train.jsonl
  $ bench generate --suite travel --format travelplanner --out ./tp-export`)
    .action(async (flags: GenerateFlags) => {
      await generateCommand(flags);
    });
}

async function generateCommand(flags: GenerateFlags): Promise<void> {
  if (flags.split && !SPLITS.includes(flags.split as Split)) throw new UsageError(`--split must be one of ${SPLITS.join(', ')} (got '${flags.split}')`);
  const suite = loadSuite(flags.suite);
  const known = new Set(suite.tasks.map((t) => t.id));
  for (const t of flags.task ?? []) if (!known.has(t)) throw new UsageError(`suite '${suite.name}' has no task '${t}'; its tasks: ${[...known].join(', ')}`);
  const wanted = (id: string) => !flags.task?.length || flags.task.includes(id);

  function* items(): Generator<Item> {
    if (flags.split === 'train') {
      for (const it of trainItems(suite, flags.n)) if (wanted(it.task.id)) yield it;
      return;
    }
    for (const task of suite.tasks) {
      if (!wanted(task.id) || (flags.split && task.split !== flags.split)) continue;
      yield* taskItems(task, Math.min(task.n, flags.n ?? task.n));
    }
  }

  if (flags.format !== 'jsonl') return exportAs(flags, suite.tasks.filter((t) => wanted(t.id)), items());

  const out = flags.out ? createWriteStream(flags.out) : process.stdout;
  let count = 0;
  for (const item of items()) {
    const line = JSON.stringify({
      id: item.id, suite: suite.name, task: item.task.id, generator: item.task.generator.name, generatorVersion: item.task.generator.version,
      family: item.task.family, split: item.split, axis: item.task.axis, seed: item.seed, index: item.index,
      difficulty: item.problem.difficulty, messages: item.problem.messages, truth: item.problem.truth, reference: item.problem.reference,
    });
    if (!out.write(`${line}\n`)) await once(out, 'drain');
    count++;
  }
  if (flags.out) {
    (out as ReturnType<typeof createWriteStream>).end();
    await once(out, 'finish');
    process.stderr.write(`bench: wrote ${count} items to ${flags.out}\n`);
  }
}

/** A family's own layout: every selected task's generator must know the format. */
async function exportAs(flags: GenerateFlags, tasks: SuiteTask[], items: Iterable<Item>): Promise<void> {
  if (!flags.out) throw new UsageError(`--format ${flags.format} writes a folder: give it with --out <dir>`);
  const known = new Set(tasks.flatMap((t) => Object.keys(t.generator.exporters ?? {})));
  const lacking = [...new Set(tasks.filter((t) => !t.generator.exporters?.[flags.format]).map((t) => t.generator.name))];
  if (!known.has(flags.format) || lacking.length) {
    throw new UsageError(`format '${flags.format}' is not available for ${lacking.join(', ') || 'these tasks'}; formats here: jsonl${[...known].map((k) => `, ${k}`).join('')} (choose tasks with --task)`);
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
