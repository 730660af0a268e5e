// The registry: generator name → generator. Each family folder exports its own list, so family
// work never touches this file beyond the one import line. Plug-ins (families outside the repo)
// join at run time through registerGenerator, loaded by src/suite/plugins.ts.
import type { Generator } from '../src/core/types.js';
import { didYouMean } from '../src/core/suggest.js';
import { generators as instruct } from './instruct/index.js';
import { generators as omega } from './omega/index.js';
import { generators as omegaCompositional } from './omega/compositional/index.js';
import { generators as omegaTransformative } from './omega/transformative/index.js';
import { generators as satquest } from './satquest/index.js';
import { generators as jigsaw } from './jigsaw/index.js';
import { generators as travel } from './travel/index.js';

const all: Generator<any>[] = [...instruct, ...omega, ...omegaCompositional, ...omegaTransformative, ...satquest, ...jigsaw, ...travel];

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
  const existing = known.get(generator.name);
  if (existing === generator) return;
  if (existing) {
    const owner = pluginSources.get(generator.name);
    throw new PluginError(`${source}: generator '${generator.name}' is already ${owner ? `defined by ${owner}` : 'a built-in generator'}; give yours another name (e.g. 'my-family/${generator.name.split('/').pop()}')`);
  }
  known.set(generator.name, generator);
  pluginSources.set(generator.name, source);
}

/** A plug-in module that cannot be loaded or does not keep the contract. */
export class PluginError extends Error {
  constructor(message: string) { super(message); this.name = 'PluginError'; }
}

export class UnknownGeneratorError extends Error {
  constructor(name: string) {
    super(`unknown generator '${name}'.${didYouMean(name, generatorNames())} Run 'bench list' to see all generators, or name a plug-in module ('./my-family/index.js#myGenerator').`);
    this.name = 'UnknownGeneratorError';
  }
}

export function getGenerator(name: string): Generator<any> {
  const g = known.get(name);
  if (!g) throw new UnknownGeneratorError(name);
  return g;
}

/** The family a generator reports its ID − OOD gap under. */
export function familyOf(generator: Generator<any>): string {
  return generator.family ?? generator.name.split('/')[0]!;
}
