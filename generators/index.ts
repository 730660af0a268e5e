// The registry: generator name → generator, and family name → its descriptor (views, metrics,
// task sets). Each family folder exports its own descriptor, so family work never touches this
// file beyond the one import line. Plug-ins (families outside the repo) join at run time through
// registerGenerator and registerFamily, loaded by src/suite/plugins.ts.
import type { Generator } from '../src/core/types.js';
import { familyOf, type FamilyDescriptor, type FamilyView } from '../src/core/family.js';
import { didYouMean } from '../src/core/suggest.js';
import { family as instruct } from './instruct/index.js';
import { family as omega } from './omega/index.js';
import { family as omegaCompositional } from './omega/compositional/index.js';
import { family as omegaTransformative } from './omega/transformative/index.js';
import { family as satquest } from './satquest/index.js';
import { family as jigsaw } from './jigsaw/index.js';
import { family as travel } from './travel/index.js';

const builtInFamilies: FamilyDescriptor[] = [
  instruct,
  omega,
  omegaCompositional,
  omegaTransformative,
  satquest,
  jigsaw,
  travel,
];
const all: Generator<any>[] = builtInFamilies.flatMap((f) => f.generators);

const builtIn: ReadonlyMap<string, Generator<any>> = new Map(all.map((g) => [g.name, g]));
if (builtIn.size !== all.length) throw new Error('generators/index.ts: two generators share a name');

/** Built-ins plus the plug-ins registered so far (a suite's `generators:` or `generator: ./x.js#y`). */
const known = new Map<string, Generator<any>>(builtIn);
/** Where each plug-in came from, for error messages. */
const pluginSources = new Map<string, string>();

export const registry: ReadonlyMap<string, Generator<any>> = known;

export function generatorNames(): string[] {
  return [...known.keys()].sort();
}

export function isPlugin(name: string): boolean {
  return pluginSources.has(name);
}

/**
 * Adds a plug-in generator (already shape-checked by its loader). Registering the same object
 * again is a no-op; a name a built-in or another module already uses is refused.
 */
export function registerGenerator(generator: Generator<any>, source: string): void {
  const rename = ` (e.g. 'my-family/${generator.name.split('/').pop()}')`;
  addPlugin(known, pluginSources, generator.name, generator, source, 'generator', rename);
}

/** Adds `value` under `name` unless the same object is there already; any other holder is a clash. */
function addPlugin<T>(
  map: Map<string, T>,
  sources: Map<string, string>,
  name: string,
  value: T,
  source: string,
  what: string,
  hint = '',
): void {
  const existing = map.get(name);
  if (existing === value) return;
  if (existing) {
    const owner = sources.get(name);
    throw new PluginError(
      `${source}: ${what} '${name}' is already ${owner ? `defined by ${owner}` : `a built-in ${what}`}; give yours another name${hint}`,
    );
  }
  map.set(name, value);
  sources.set(name, source);
}

/** A plug-in module that cannot be loaded or does not keep the contract. */
export class PluginError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PluginError';
  }
}

export class UnknownGeneratorError extends Error {
  constructor(name: string) {
    super(
      `unknown generator '${name}'.${didYouMean(name, generatorNames())} Run 'bench list' to see all generators, or name a plug-in module ('./my-family/index.js#myGenerator').`,
    );
    this.name = 'UnknownGeneratorError';
  }
}

export function getGenerator(name: string): Generator<any> {
  const g = known.get(name);
  if (!g) throw new UnknownGeneratorError(name);
  return g;
}

export { familyOf };

/** Built-in families plus the plug-in families registered so far. */
const families = new Map<string, FamilyDescriptor>(builtInFamilies.map((f) => [f.name, f]));
const familySources = new Map<string, string>();

export function familyNames(): string[] {
  return [...families.keys()].sort();
}

export function allFamilies(): FamilyDescriptor[] {
  return [...families.values()];
}

/** Adds a plug-in family's descriptor; a name a built-in or another module already uses is refused. */
export function registerFamily(family: FamilyDescriptor, source: string): void {
  addPlugin(families, familySources, family.name, family, source, 'family');
}

export function getFamily(name: string): FamilyDescriptor {
  const f = families.get(name);
  if (!f)
    throw new Error(
      `unknown family '${name}'.${didYouMean(name, familyNames())} Families: ${familyNames().join(', ')} (a plug-in family joins through the suite's 'generators:').`,
    );
  return f;
}

/** How the site shows a gap family (`familyOf`); undefined means the generic view. */
export function familyView(gapFamily: string): FamilyView | undefined {
  for (const f of families.values()) if (f.views[gapFamily]) return f.views[gapFamily];
  return undefined;
}

/** What a family metric means (its descriptor's `metrics`), for column headers; '' when undeclared. */
export function metricDescription(gapFamily: string, metric: string): string {
  for (const f of families.values()) {
    if (f.generators.some((g) => familyOf(g) === gapFamily) && f.metrics[metric]) return f.metrics[metric]!;
  }
  return '';
}

/** The name the site shows for a gap family. */
export function familyLabel(gapFamily: string): string {
  return familyView(gapFamily)?.label ?? gapFamily;
}
