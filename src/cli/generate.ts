import type { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { loadSuite } from '../suite/load.js';
import { taskItems, trainItems, type Item } from '../suite/expand.js';
import type { Split } from '../core/types.js';
import { SPLITS } from '../core/types.js';
import { UsageError } from './errors.js';
import { collect, positiveInt } from './options.js';

interface GenerateFlags { suite: string; split?: string; task?: string[]; n?: number; out?: string }

export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description('write the items of a suite as JSONL (id, task, split, axis, difficulty, messages, truth, reference)')
    .option('-s, --suite <name|file>', 'a shipped suite name or a path to a suite YAML', 'quick')
    .option('--split <split>', `only this split (${SPLITS.join(', ')}); 'train' draws fresh training items from the ID region that never overlap the eval items`)
    .option('-t, --task <id>', 'only this task, repeatable', collect)
    .option('-n, --n <count>', 'at most this many items per task', positiveInt('--n'))
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .addHelpText('after', `
Examples:
  $ bench generate --suite instruct --split ood -n 5
  $ bench generate --suite instruct --split train -n 10000 -o train.jsonl`)
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
