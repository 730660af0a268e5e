// The files `bench new family <name>` writes: a working plug-in family (a list sum with an ID
// region and two OOD regions) that passes the generator contract as generated. Plain ES modules
// with no import from genbench, so the family runs wherever its folder is; only the test imports
// genbench (the contract check) and vitest.
import { harnessVersion } from '../core/paths.js';

export const FAMILY_NAME = /^[a-z][a-z0-9-]{0,39}$/;

/** 'my-family' → 'myFamily' */
export function camel(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export function familyFiles(name: string): Record<string, string> {
  const gen = `${camel(name)}Sum`;
  return {
    'index.js': `// ${name}: a genbench task family, loaded as a plug-in (see README.md).
// Contract: name, version, description, parseParams(raw), a pure generate(params, rng), and a pure
// verify(truth, response) with its verifierVersion. Bump \`version\` whenever the problem for the
// same (params, seed, index) changes; bump \`verifierVersion\` whenever a verdict would change.
import { parseParams } from './params.js';

/** "What is the sum of these integers?" — the answer is one integer, checked exactly. */
export const ${gen} = {
  name: '${name}/sum',
  version: '1',
  description: 'sum of a list of integers (ID: 3 one-digit numbers; OOD: longer lists, larger values)',
  family: '${name}',
  verifierVersion: '1',
  parseParams,
  verify: (truth, response) => verifySum(truth, response),
  generate(params, rng) {
    const numbers = Array.from({ length: params.count }, () => rng.int(0, params.max));
    const sum = numbers.reduce((a, b) => a + b, 0);
    return {
      messages: [{
        role: 'user',
        content: \`What is the sum of these integers: \${numbers.join(', ')}?\\n\` +
          'Reply with the sum alone, as a base-10 integer, nothing else.',
      }],
      truth: { numbers, sum },
      reference: String(sum),
      // The knobs that place the problem on the ID/OOD map; the same keys on every item.
      difficulty: { count: params.count, max: params.max },
      verify: (response) => verifySum({ numbers, sum }, response),
      randomAnswer: (r) => String(r.int(0, params.count * params.max)),
    };
  },
};

/**
 * Pure and total: the stored truth (plain JSON) and any string in, a Verdict out, never an
 * exception. Parsing never guesses.
 */
export function verifySum(truth, response) {
  if (typeof truth?.sum !== 'number') return { correct: false, score: 0, formatOk: false, reason: 'cannot verify: truth.sum is missing' };
  const text = String(response ?? '').trim();
  if (!/^\\d{1,16}$/.test(text)) return { correct: false, score: 0, formatOk: false, reason: 'not a single integer' };
  const got = Number(text);
  return got === truth.sum
    ? { correct: true, score: 1, formatOk: true, parsed: got }
    : { correct: false, score: 0, formatOk: true, parsed: got, reason: \`expected \${truth.sum}\` };
}

export const generators = [${gen}];

/** The tasks, defined once: a suite takes a set with \`include: ${name}#all\` (or \`#smoke\`). */
const tasks = [
  { id: '${name}-id', generator: '${name}/sum', split: 'id', axis: 'id', n: 20, seed: 1, params: { count: 3, max: 9 } },
  { id: '${name}-ood-length', generator: '${name}/sum', split: 'ood', axis: 'scale', n: 20, seed: 1, params: { count: 8, max: 9 } },
  { id: '${name}-ood-values', generator: '${name}/sum', split: 'ood', axis: 'scale', n: 20, seed: 1, params: { count: 3, max: 999 } },
  { id: '${name}-train', generator: '${name}/sum', split: 'train', n: 100, seed: 1, params: { count: 3, max: 9 } },
];

/**
 * What genbench knows about the family: its generators, how the site shows it (the knobs must be
 * keys of every item's \`difficulty\`), its metrics (the keys of a summarizeDetails, none here) and
 * its named task sets.
 */
export const family = {
  name: '${name}',
  generators,
  views: { '${name}': { label: '${name}', curve: { knob: 'count', where: { max: 9 } }, matrix: ['count', 'max'] } },
  metrics: {},
  taskSets: { all: tasks, smoke: tasks.slice(0, 2).map((t) => ({ ...t, n: 5 })) },
};
`,
    'params.js': `// Parameters of ${name}/sum: validated, defaults filled. Errors name the field (the suite loader
// adds the file and line), so a typo in a suite gets a one-line fix.
export const DEFAULTS = { count: 3, max: 9 };

export class ParamError extends Error {
  constructor(field, message) {
    super(\`\${field}: \${message}\`);
    this.name = 'ParamError';
    this.field = field;
  }
}

export function parseParams(raw) {
  const input = raw ?? {};
  if (typeof input !== 'object' || Array.isArray(input)) throw new ParamError('params', 'must be a mapping');
  for (const key of Object.keys(input)) {
    if (!(key in DEFAULTS)) throw new ParamError(key, \`unknown parameter; known: \${Object.keys(DEFAULTS).join(', ')}\`);
  }
  const count = input.count ?? DEFAULTS.count;
  if (!Number.isInteger(count) || count < 2 || count > 1000) throw new ParamError('count', 'must be a whole number from 2 to 1000');
  const max = input.max ?? DEFAULTS.max;
  if (!Number.isInteger(max) || max < 1 || max > 1_000_000_000) throw new ParamError('max', 'must be a whole number from 1 to 1000000000');
  return { count, max };
}
`,
    [`${name}.test.js`]: `// The generator contract (the same check genbench runs over every built-in) plus this family's
// own promises. Run with \`npm test\` in this folder (genbench and vitest installed).
import { describe, expect, it } from 'vitest';
import { checkFamily, checkGenerator, Rng } from 'genbench';
import { family, generators, ${gen}, verifySum } from './index.js';
import { parseParams } from './params.js';

describe('${name}', () => {
  for (const g of generators) {
    it(\`\${g.name} keeps the generator contract (ID and OOD params)\`, () => {
      for (const raw of [{}, { count: 8 }, { max: 999 }]) expect(checkGenerator(g, { params: g.parseParams(raw), items: 5 })).toEqual([]);
    });
  }

  it('its descriptor keeps the family contract (plotted knobs in difficulty, declared metrics)', () => {
    expect(checkFamily(family)).toEqual([]);
  });

  it('typical wrong answers are wrong, and say why', () => {
    const p = ${gen}.generate(parseParams({}), Rng.forItem(1, 0));
    expect(p.verify(String(p.truth.sum + 1))).toMatchObject({ correct: false, formatOk: true });
    expect(p.verify(\`The sum is \${p.truth.sum}\`)).toMatchObject({ correct: false, formatOk: false });
    expect(verifySum(p.truth, \` \${p.truth.sum}\\n\`).correct).toBe(true);
  });

  it('the OOD regions really differ in their knob', () => {
    const id = ${gen}.generate(parseParams({}), Rng.forItem(1, 0));
    const longer = ${gen}.generate(parseParams({ count: 8 }), Rng.forItem(1, 0));
    expect(id.truth.numbers).toHaveLength(3);
    expect(longer.truth.numbers).toHaveLength(8);
  });

  it('bad params name the field', () => {
    expect(() => parseParams({ count: 1 })).toThrow(/^count: /);
    expect(() => parseParams({ cuont: 3 })).toThrow(/^cuont: unknown parameter/);
  });
});
`,
    'suite.yaml': `# A suite for the ${name} family. Run it with:
#   bench run --suite ${name}/suite.yaml --model baseline:oracle
name: ${name}
version: 1
description: ${name} — sum of integers, ID vs longer lists and larger values
generators: [./index.js]   # plug-in modules, relative to this file; index.js's \`family\` brings its task sets
tasks:
  - include: ${name}#all     # the family's task set 'all', defined in index.js (add \`n: 5\` to shrink every task)
`,
    'package.json': `${JSON.stringify(
      {
        name: `genbench-family-${name}`,
        private: true,
        type: 'module',
        main: 'index.js',
        scripts: { test: 'vitest run' },
        devDependencies: { genbench: `^${harnessVersion()}`, vitest: '^4.1.12' },
      },
      null,
      2,
    )}\n`,
    'README.md': `# ${name}

A genbench task family, loaded as a plug-in: no fork of genbench needed.

- **Task**: the sum of a list of integers; the reply is the integer alone, checked exactly.
- **ID region**: 3 numbers from 0 to 9 (\`count: 3, max: 9\`).
- **OOD regions**: longer lists (\`count: 8\`, axis \`scale\`) and larger values (\`max: 999\`).
- **Truth**: \`{ numbers, sum }\` — enough to check an answer without this code.

| parameter | default | accepted |
|---|---|---|
| \`count\` | 3 | whole number 2–1000 |
| \`max\` | 9 | whole number 1–1000000000 |

## Files

- \`index.js\` — the generator (\`generators\` lists every generator of the family) and \`family\`: the
  site's label and knobs, the metrics and the named task sets suites include.
- \`params.js\` — parameter parsing and defaults.
- \`suite.yaml\` — includes the family's task set (\`include: ${name}#all\`); \`generators: [./index.js]\` loads the family.
- \`${name}.test.js\` — the generator contract and the family's own checks.

## Use

\`\`\`sh
npm install                        # genbench and vitest (or: npm link genbench)
npm test
npx bench run --suite ./suite.yaml --model baseline:oracle     # must score 100%
npx bench generate --suite ./suite.yaml --split ood -n 5
npx bench report && npx bench leaderboard --out public/
\`\`\`

Replace the sum with your task: keep \`generate\` pure (all randomness from \`rng\`), \`truth\` plain
JSON, \`verify(truth, response)\` pure and total; bump \`version\` whenever items change and
\`verifierVersion\` whenever verdicts would. See genbench's docs/new-family.md.
`,
  };
}
