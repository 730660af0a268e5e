// Family READMEs point at `bench list <generator>` for params; where their prose still names a
// default, it must be the declared one (src/core/params.ts), so the text cannot drift.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { getGenerator } from '../../generators/index.js';

const readme = (family: string) =>
  readFileSync(new URL(`../../generators/${family}/README.md`, import.meta.url), 'utf8');
const defaultOf = (generator: string, field: string) =>
  getGenerator(generator)
    .params!.table()
    .find((r) => r.name === field)!.default;

interface Claim {
  family: string;
  /** A sentence naming defaults; its groups are the values. */
  claim: RegExp;
  generator: string;
  fields: string[];
  /** The groups as the params table writes the defaults (default: as they are). */
  said?: (groups: string[]) => string[];
}

const CLAIMS: Claim[] = [
  {
    family: 'jigsaw',
    claim: /At the default (\d+)×(\d+) a PNG/,
    generator: 'jigsaw/image',
    fields: ['width', 'height'],
  },
  {
    family: 'jigsaw',
    claim: /`jigsaw\/text`, default (\d+) characters × (\d+) lines/,
    generator: 'jigsaw/text',
    fields: ['width', 'height'],
  },
  { family: 'jigsaw', claim: /Layout `(\w+)` \(default\)/, generator: 'jigsaw/text', fields: ['layout'] },
  { family: 'satquest', claim: /- `(\w+)` \(default\): the user prompt/, generator: 'satquest', fields: ['prompt'] },
  {
    family: 'satquest',
    claim: /The default params reproduce its described\s+region \(n (\d+)–(\d+) × ratio ([\d.]+)–([\d.]+)\)/,
    generator: 'satquest',
    fields: ['n', 'ratio'],
    said: ([a, b, c, d]) => [`[${a}, ${b}]`, `[${Number(c)}, ${Number(d)}]`],
  },
  {
    family: 'instruct',
    claim: /random walk is on by default \(`playerWalk: (\w+)` turns it off\)/,
    generator: 'instruct/sokoban',
    fields: ['playerWalk'],
    said: ([off]) => [String(off !== 'true')],
  },
];

describe('defaults named in family READMEs', () => {
  it.each(CLAIMS.map((c) => [c.family, c.fields.join(', '), c] as const))('%s: %s', (_family, _fields, c) => {
    const m = c.claim.exec(readme(c.family));
    expect(m, `${c.family}/README.md no longer says ${c.claim}`).not.toBeNull();
    const groups = m!.slice(1);
    expect((c.said ?? ((g) => g))(groups)).toEqual(c.fields.map((f) => defaultOf(c.generator, f)));
  });

  it('no family README re-types a params table', () => {
    for (const family of ['instruct', 'jigsaw', 'satquest', 'travel'])
      expect(readme(family)).not.toMatch(/\| field \| values \| default \|/);
  });
});
