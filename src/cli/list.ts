import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { registry } from '../../generators/index.js';
import { loadSuite, shippedSuiteNames } from '../suite/load.js';
import { Store } from '../store/store.js';
import { fitLines, textTable } from '../report/terminal.js';
import { DEFAULT_DB } from './options.js';
import { UsageError } from './errors.js';
import { generatorInfo, generatorSummary, generatorText, type GeneratorSummary } from './list-generator.js';
import { closestNames, didYouMean } from '../core/suggest.js';
import { isModuleRef } from '../suite/plugins.js';

const LISTS = ['generators', 'suites', 'models', 'runs'];

/** `bench list <generator>`; a near miss of a list name ('suite') is answered as one. */
function listOne(name: string, flags: { json?: boolean }): void {
  if (!registry.has(name) && !isModuleRef(name) && closestNames(name, LISTS).length > 0) {
    throw new UsageError(
      `unknown list '${name}'.${didYouMean(name, LISTS)} Use generators, suites, models or runs, or a generator name`,
    );
  }
  const info = generatorInfo(name);
  process.stdout.write(flags.json ? `${JSON.stringify(info, null, 2)}\n` : `${generatorText(info)}\n`);
}

export function registerList(program: Command): void {
  program
    .command('list')
    .description(
      "list generators, shipped suites, and the models and runs stored in the database; or one generator's parameters",
    )
    .argument('[what]', 'generators | suites | models | runs (default: all), or a generator name')
    .option('--db <file>', 'SQLite database', DEFAULT_DB)
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ bench list generators
  $ bench list instruct/general-points      (its parameters, types, defaults)
  $ bench list runs --db results/genbench.sqlite`,
    )
    .action((what: string | undefined, flags: { db: string; json?: boolean }) => {
      if (what && !LISTS.includes(what)) return listOne(what, flags);
      const show = (w: string) => !what || what === w;
      const out: Record<string, unknown> = {};
      if (show('generators')) out.generators = [...registry.values()].map(generatorSummary);
      if (show('suites'))
        out.suites = shippedSuiteNames().map((name) => {
          const s = loadSuite(name);
          return {
            name,
            version: s.version,
            tasks: s.tasks.length,
            items: s.tasks.reduce((n, t) => n + t.n, 0),
            description: s.description,
            warnings: s.warnings,
          };
        });
      if ((show('models') || show('runs')) && existsSync(flags.db)) {
        const store = Store.openReadOnly(flags.db);
        try {
          if (show('models')) out.models = store.models();
          if (show('runs')) out.runs = store.runs();
        } finally {
          store.close();
        }
      }
      if (flags.json) return void process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      const sections: string[] = [];
      const gens = out.generators as GeneratorSummary[] | undefined;
      if (gens)
        sections.push(
          `Generators\n${textTable(
            ['name', 'version', 'family', 'description'],
            gens.map((g) => [g.name, g.version, g.family, g.description]),
          )}`,
        );
      const suites = out.suites as
        | { name: string; version: string; tasks: number; items: number; description: string; warnings: string[] }[]
        | undefined;
      if (suites) {
        // Items are distinct problems; a task whose region holds fewer than it asks for is capped (issue 17).
        const capped = suites.flatMap((s) => s.warnings.map((w) => `  warning (${s.name}): ${w}`));
        sections.push(
          `Suites\n${textTable(
            ['name', 'version', 'tasks', 'items', 'description'],
            suites.map((s) => [s.name, s.version, String(s.tasks), String(s.items), s.description]),
          )}${capped.length ? `\n${capped.join('\n')}` : ''}`,
        );
      }
      const models = out.models as { modelSpec: string; runs: number; lastRun: string }[] | undefined;
      if (models)
        sections.push(
          `Models in ${flags.db}\n${textTable(
            ['model', 'runs', 'last run'],
            models.map((m) => [m.modelSpec, String(m.runs), m.lastRun]),
          )}`,
        );
      const runs = out.runs as
        | { id: string; modelSpec: string; suiteName: string; status: string; startedAt: string; planned: number }[]
        | undefined;
      if (runs)
        sections.push(
          `Runs in ${flags.db}\n${textTable(
            ['run', 'model', 'suite', 'status', 'items', 'started'],
            runs.map((r) => [r.id, r.modelSpec, r.suiteName, r.status, String(r.planned), r.startedAt]),
          )}`,
        );
      if ((show('models') || show('runs')) && !existsSync(flags.db))
        sections.push(`No database at ${flags.db} yet: run 'bench run' first.`);
      process.stdout.write(`${fitLines(sections.join('\n\n'))}\n`);
    });
}
