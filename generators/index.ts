// The registry: generator name → generator. Each family folder exports its own list, so family
// work never touches this file beyond the one import line.
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

export const registry: ReadonlyMap<string, Generator<any>> = new Map(all.map((g) => [g.name, g]));
if (registry.size !== all.length) throw new Error('generators/index.ts: two generators share a name');

export function generatorNames(): string[] {
  return [...registry.keys()].sort();
}

export class UnknownGeneratorError extends Error {
  constructor(name: string) {
    super(`unknown generator '${name}'.${didYouMean(name, generatorNames())} Run 'bench list' to see all generators.`);
    this.name = 'UnknownGeneratorError';
  }
}

export function getGenerator(name: string): Generator<any> {
  const g = registry.get(name);
  if (!g) throw new UnknownGeneratorError(name);
  return g;
}

/** The family a generator reports its ID − OOD gap under. */
export function familyOf(generator: Generator<any>): string {
  return generator.family ?? generator.name.split('/')[0]!;
}
