// `bench list <generator>`: one generator's description, family, version and declared parameters.
import { resolve } from 'node:path';
import { familyOf, getGenerator } from '../../generators/index.js';
import type { ParamRow } from '../core/params.js';
import type { Generator } from '../core/types.js';
import { terminalSafe } from '../core/escape.js';
import { fitLines, outputWidth, textTable } from '../report/terminal.js';
import { isModuleRef, loadGeneratorRef } from '../suite/plugins.js';

/** A generator's row in `bench list generators`. */
export interface GeneratorSummary {
  name: string;
  version: string;
  family: string;
  description: string;
}

export const generatorSummary = (g: Generator<unknown>): GeneratorSummary => ({
  name: g.name,
  version: g.version,
  family: familyOf(g),
  description: g.description,
});

export interface GeneratorInfo extends GeneratorSummary {
  /** Absent when the generator declares none (a plug-in that only has parseParams). */
  params?: ParamRow[];
}

/** A registered name, or a plug-in module ('./my-family/index.js#myGenerator', from the working folder). */
export function generatorInfo(ref: string): GeneratorInfo {
  const g: Generator<unknown> = isModuleRef(ref) ? loadGeneratorRef(ref, resolve('(bench list)')) : getGenerator(ref);
  const info: GeneratorInfo = generatorSummary(g);
  if (typeof g.params?.table === 'function') info.params = g.params.table();
  return info;
}

export function generatorText(info: GeneratorInfo, width: number = outputWidth()): string {
  const head = fitLines(
    terminalSafe(`${info.name}: ${info.description}\nfamily: ${info.family}  version: ${info.version}`),
    width,
  );
  if (!info.params) return `${head}\n\nparameters: not declared (see its parseParams)`;
  if (info.params.length === 0) return `${head}\n\nparameters: none`;
  const rows = info.params.map((p) => [p.name, p.type, p.default || '—', p.doc]);
  const table = textTable(['name', 'type', 'default', 'doc'], rows, [], Infinity);
  if (Math.max(...table.split('\n').map((l) => l.length)) <= width) return `${head}\n\nParameters\n${table}`;
  // Too wide: one block per parameter, wrapped at any space (type texts are comma lists).
  const blocks = info.params.map((p) =>
    [
      ...wrapAtSpaces(`${p.name}: ${p.type}${p.default ? ` (default ${p.default})` : ''}`, width, '', '  '),
      ...wrapAtSpaces(p.doc, width, '    ', '    '),
    ].join('\n'),
  );
  return `${head}\n\nParameters\n${blocks.join('\n')}`;
}

function wrapAtSpaces(text: string, width: number, first: string, rest: string): string[] {
  const lines: string[] = [];
  let line = first;
  for (const word of terminalSafe(text).split(' ')) {
    if (line.trim() && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest;
    }
    line += line.trim() ? ` ${word}` : word;
  }
  return [...lines, line];
}
