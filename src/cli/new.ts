// `bench new family <name>`: scaffolds a plug-in family folder that passes the generator contract
// as written. The folder appears whole or not at all (written beside it, then renamed).
import type { Command } from 'commander';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { registry, familyOf } from '../../generators/index.js';
import { FAMILY_NAME, familyFiles } from './new-family.js';
import { UsageError } from './errors.js';

export function registerNew(program: Command): void {
  const cmd = program
    .command('new')
    .description('scaffold a new task family (a plug-in folder that passes the contract test as generated)');
  cmd
    .command('family')
    .description('write <dir>/<name>/: generator, params, README, test and suite of a working example family')
    .argument('<name>', 'family name: lowercase letters, digits and -, e.g. my-family')
    .option('--dir <folder>', 'where to create the family folder', '.')
    .addHelpText(
      'after',
      `
Examples:
  $ bench new family my-family
  $ bench new family my-family --dir ~/research/families
  $ bench run --suite my-family/suite.yaml --model baseline:oracle`,
    )
    .action((name: string, flags: { dir: string }) => {
      const target = newFamily(name, flags.dir);
      const shown = relative(process.cwd(), target) || '.';
      process.stdout
        .write(`created ${shown}/ (index.js, params.js, suite.yaml, ${name}.test.js, README.md, package.json)
next:
  bench run --suite ${shown}/suite.yaml --model baseline:oracle     # must score 100%
  cd ${shown} && npm install && npm test                              # the generator contract
`);
    })
    .exitOverride();
  cmd.exitOverride();
}

/** Writes the family folder and returns its path; refuses names and folders that would clash. */
export function newFamily(name: string, dir: string): string {
  if (!FAMILY_NAME.test(name))
    throw new UsageError(
      `family name '${name}' must be lowercase letters, digits and -, starting with a letter (e.g. my-family)`,
    );
  const builtIn = [...registry.values()].some((g) => familyOf(g) === name || g.name.split('/')[0] === name);
  if (builtIn) throw new UsageError(`'${name}' is a built-in family; choose another name`);
  const parent = resolve(dir);
  const target = join(parent, name);
  if (existsSync(target)) throw new UsageError(`${target} already exists; choose another name or --dir`);
  mkdirSync(parent, { recursive: true });
  const staging = mkdtempSync(join(parent, `.${name}.new-`));
  try {
    for (const [file, text] of Object.entries(familyFiles(name))) writeFileSync(join(staging, file), text);
    renameSync(staging, target);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
  return target;
}
