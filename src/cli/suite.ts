// `bench suite <name|file>`: a suite's tasks as they resolve (includes expanded, caps applied),
// to see what `include: <family>#<set>` stands for.
import type { Command } from 'commander';
import { canonicalJson } from '../core/hash.js';
import { loadSuite } from '../suite/load.js';
import { fitLines, textTable } from '../report/terminal.js';

export function registerSuite(program: Command): void {
  program
    .command('suite')
    .description(
      'list the tasks of a suite as they resolve (included task sets expanded): id, generator, split, axis, role, n, seed, params',
    )
    .argument('<suite>', 'a shipped suite name or a path to a suite YAML')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ bench suite core
  $ bench suite ./my-family/suite.yaml --json`,
    )
    .action((name: string, flags: { json?: boolean }) => {
      const suite = loadSuite(name);
      const tasks = suite.tasks.map((t) => ({
        id: t.id,
        generator: t.generator.name,
        family: t.family,
        split: t.split,
        axis: t.axis,
        role: t.role,
        n: t.n,
        seed: t.seed,
        params: t.rawParams,
      }));
      if (flags.json)
        return void process.stdout.write(
          `${JSON.stringify({ name: suite.name, version: suite.version, hash: suite.hash, tasks, warnings: suite.warnings }, null, 2)}\n`,
        );
      const table = textTable(
        ['id', 'generator', 'split', 'axis', 'role', 'n', 'seed', 'params'],
        tasks.map((t) => [
          t.id,
          t.generator,
          t.split,
          t.axis,
          t.role,
          String(t.n),
          String(t.seed),
          canonicalJson(t.params),
        ]),
        [false, false, false, false, false, true, true, false],
      );
      const warnings = suite.warnings.map((w) => `warning: ${w}`);
      process.stdout.write(
        `${fitLines([`${suite.name} v${suite.version} (${tasks.length} tasks, hash ${suite.hash})`, table, ...warnings].join('\n'))}\n`,
      );
    });
}
