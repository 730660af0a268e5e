// Plug-in generators: a suite names a module by path (relative to the suite file) or package, and
// its generators join the registry after the same shape check as built-ins.
import { dirname, resolve } from 'node:path';
import type { Generator } from '../core/types.js';
import type { FamilyDescriptor } from '../core/family.js';
import { familyShapeProblems, generatorShapeProblems } from '../core/contract.js';
import { PluginLoadError, requirePlugin, splitExport } from '../core/plugin-module.js';
import { PluginError, registerFamily, registerGenerator } from '../../generators/index.js';

/** 'generator:' values that name a module rather than a registered generator. */
export function isModuleRef(ref: string): boolean {
  return /^(\.{1,2}[\\/]|[\\/]|[a-z]:\\)/i.test(ref) || ref.includes('#') || /\.[cm]?js$/.test(ref);
}

/** Loads a generator module; relative paths are the suite file's. */
function requireModule(path: string, fromFile: string): { module: Record<string, unknown>; file: string } {
  try {
    return requirePlugin(path, dirname(resolve(fromFile)), 'generator', fromFile);
  } catch (err) {
    throw err instanceof PluginLoadError ? new PluginError(err.message) : err;
  }
}

function checked(value: unknown, file: string, what: string): Generator<any> {
  const problems = generatorShapeProblems(value);
  if (problems.length > 0) throw new PluginError(`${file}: ${what} is not a generator: ${problems.join('; ')}`);
  return value as Generator<any>;
}

/** A family module's generators: its `generators` list, else its family's, else its default export (one or a list). */
function generatorsOf(module: Record<string, unknown>, file: string): Generator<any>[] {
  const list =
    module.generators ?? (module.family as { generators?: unknown } | undefined)?.generators ?? module.default;
  if (list === undefined)
    throw new PluginError(
      `${file} exports neither 'generators' (a list of generators), 'family' nor a default generator`,
    );
  const items = Array.isArray(list) ? list : [list];
  if (items.length === 0) throw new PluginError(`${file}: 'generators' is empty`);
  return items.map((g, i) => checked(g, file, Array.isArray(list) ? `generators[${i}]` : 'the default export'));
}

/**
 * `generators: [./my-family]` at the top of a suite: registers every generator the module lists,
 * and its `family` descriptor when it exports one (then `include: my-family#<set>` works).
 */
export function loadGeneratorModule(ref: string, fromFile: string): Generator<any>[] {
  const { module, file } = requireModule(ref, fromFile);
  const gens = generatorsOf(module, file);
  for (const g of gens) registerGenerator(g, file);
  if (module.family !== undefined) {
    const problems = familyShapeProblems(module.family);
    if (problems.length > 0)
      throw new PluginError(`${file}: 'family' is not a family descriptor: ${problems.join('; ')}`);
    registerFamily(module.family as FamilyDescriptor, file);
  }
  return gens;
}

/** `generator: ./my-family/index.js#myGenerator` in a task: that export, registered. */
export function loadGeneratorRef(ref: string, fromFile: string): Generator<any> {
  const { path, exportName } = splitExport(ref);
  const { module, file } = requireModule(path, fromFile);
  let gen: Generator<any>;
  if (exportName) {
    if (!(exportName in module)) {
      const names = Object.keys(module).filter((k) => generatorShapeProblems(module[k]).length === 0);
      throw new PluginError(
        `${file} does not export '${exportName}'${names.length ? ` (generators it exports: ${names.join(', ')})` : ''}`,
      );
    }
    gen = checked(module[exportName], file, `export '${exportName}'`);
  } else {
    const gens = generatorsOf(module, file);
    if (gens.length > 1)
      throw new PluginError(
        `${file} has ${gens.length} generators: name one, e.g. '${path}#<export>', or list the module under 'generators:' and use their names`,
      );
    gen = gens[0]!;
  }
  registerGenerator(gen, file);
  return gen;
}
