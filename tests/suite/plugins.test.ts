// Plug-in generators named by a suite: loaded relative to the suite file (or as a package),
// checked against the generator contract, refused with one line naming the file.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseSuite } from '../../src/suite/load.js';
import { taskItems } from '../../src/suite/expand.js';
import { getGenerator, isPlugin } from '../../generators/index.js';

const dir = mkdtempSync(join(tmpdir(), 'genbench-plugins-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A plug-in module whose generator is named `name` ("What is a + b?"). */
const genSource = (exportName: string, name: string, extra = '') => `
export const ${exportName} = {
  name: '${name}', version: '1', verifierVersion: '1', description: 'a + b', ${extra}
  verify: (truth, r) => (String(r).trim() === String(truth.sum) ? { correct: true, score: 1, formatOk: true } : { correct: false, score: 0, formatOk: false }),
  parseParams(raw) {
    const max = raw?.max ?? 9;
    if (!Number.isInteger(max)) throw Object.assign(new Error('max: must be a whole number'), { field: 'max' });
    return { max };
  },
  generate({ max }, rng) {
    const a = rng.int(0, max), b = rng.int(0, max);
    return {
      messages: [{ role: 'user', content: \`What is \${a} + \${b}?\` }], truth: { sum: a + b }, reference: String(a + b),
      difficulty: { max },
      verify: (r) => (String(r).trim() === String(a + b) ? { correct: true, score: 1, formatOk: true } : { correct: false, score: 0, formatOk: false }),
    };
  },
};
`;

function write(rel: string, text: string): string {
  const file = join(dir, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

const suite = (head: string, generator: string, params = '{}') => `name: p
version: 1
${head}tasks:
  - id: t
    generator: ${generator}
    split: id
    n: 2
    params: ${params}
`;

/** Parses a suite stored at <dir>/suites/<file> (so relative paths are the suite file's, not the cwd's). */
const load = (text: string, file = 'suites/s.yaml') => parseSuite(text, write(file, text));
const errorOf = (text: string) => {
  try {
    load(text);
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('plug-in generators', () => {
  it("loads a family folder listed under 'generators:', relative to the suite file", () => {
    write('fam/index.js', `${genSource('addGen', 'fam/add')}\nexport const generators = [addGen];\n`);
    const s = load(suite('generators: [../fam]\n', 'fam/add', '{ max: 5 }'));
    expect(s.tasks[0]!.generator.name).toBe('fam/add');
    expect(s.tasks[0]!.family).toBe('fam');
    expect(isPlugin('fam/add')).toBe(true);
    const items = [...taskItems(s.tasks[0]!)];
    expect(items).toHaveLength(2);
    expect(items[0]!.problem.verify(items[0]!.problem.reference!).correct).toBe(true);
    // Loading again (another suite, same module) is fine; the suite hash does not depend on the path.
    const again = parseSuite(suite('generators: [./fam]\n', 'fam/add', '{ max: 5 }'), join(dir, 'top.yaml'));
    expect(again.hash).toBe(s.hash);
  });

  it("loads one export named in a task: 'generator: ./x.js#name'", () => {
    write('one/gens.js', genSource('mine', 'one/add') + genSource('other', 'one/other'));
    const s = load(suite('', '../one/gens.js#mine'));
    expect(s.tasks[0]!.generator.name).toBe('one/add');
    expect(getGenerator('one/add')).toBe(s.tasks[0]!.generator);
  });

  it('loads a package from the suite folder', () => {
    write(
      'suites/node_modules/genbench-family-pkg/package.json',
      JSON.stringify({ name: 'genbench-family-pkg', type: 'module', main: 'main.js' }),
    );
    write('suites/node_modules/genbench-family-pkg/main.js', `${genSource('g', 'pkg/add')}\nexport default [g];\n`);
    expect(load(suite('generators: [genbench-family-pkg]\n', 'pkg/add')).tasks[0]!.generator.name).toBe('pkg/add');
  });

  it('tolerates contract fields it does not know', () => {
    write('newer/index.js', genSource('g', 'newer/add', 'somethingNew: 1, environmentV2: { start() {} },'));
    expect(load(suite('', '../newer/index.js#g')).tasks[0]!.generator.name).toBe('newer/add');
  });

  it('names the file when the module is missing', () => {
    const m = errorOf(suite('generators: [./nowhere]\n', 'x/y'));
    expect(m).toMatch(
      /s\.yaml:3: generators\[0\]: generator module '\.\/nowhere' not found \(looked for .*nowhere, relative to .*s\.yaml\)/,
    );
    expect(errorOf(suite('', './nowhere.js#g'))).toMatch(
      /s\.yaml:5: tasks\[0\]\.generator: generator module '\.\/nowhere\.js' not found/,
    );
    expect(errorOf(suite('generators: [no-such-package-xyz]\n', 'x/y'))).toMatch(
      /'no-such-package-xyz' not found \(not installed\? paths need a leading \.\/\)/,
    );
  });

  it('names the file and the exports when the export is missing', () => {
    write('miss/index.js', genSource('present', 'miss/add'));
    expect(errorOf(suite('', '../miss/index.js#absent'))).toMatch(
      /miss[\\/]index\.js does not export 'absent' \(generators it exports: present\)/,
    );
  });

  it('names the file and every broken field when the shape check fails', () => {
    write('broken/index.js', "export const generators = [{ name: 'broken/x', version: 1, parseParams() {} }];\n");
    const m = errorOf(suite('generators: [../broken]\n', 'broken/x'));
    expect(m).toMatch(
      /broken[\\/]index\.js: generators\[0\] is not a generator: version must be a non-empty string.*description must be a string.*generate\(params, rng\) must be a function.*verifierVersion must be.*verify\(truth, response\) must be a function/,
    );
    expect(m).not.toContain('\n');
    write('empty/index.js', 'export const x = 1;\n');
    expect(errorOf(suite('generators: [../empty]\n', 'x/y'))).toMatch(
      /empty[\\/]index\.js exports neither 'generators' .* nor a default generator/,
    );
  });

  it('names the file when the module fails to load', () => {
    write('throws/index.js', "throw new Error('boom at import');\n");
    expect(errorOf(suite('generators: [../throws]\n', 'x/y'))).toMatch(
      /generator module .*throws[\\/]index\.js failed to load: boom at import/,
    );
  });

  it('says what to do with a TypeScript module or one using top-level await', () => {
    write('ts/index.ts', 'export const generators: unknown[] = [];\n');
    expect(errorOf(suite('generators: [../ts/index.ts]\n', 'x/y'))).toMatch(
      /ts[\\/]index\.ts failed to load: Node loads plug-ins as JavaScript: compile the TypeScript/,
    );
    write('tla/index.js', 'await Promise.resolve();\nexport const generators = [];\n');
    expect(errorOf(suite('generators: [../tla]\n', 'x/y'))).toMatch(
      /tla[\\/]index\.js failed to load: it uses top-level await, which plug-ins cannot/,
    );
  });

  it('refuses a plug-in that takes a built-in name', () => {
    write('clash/index.js', genSource('g', 'instruct/sokoban'));
    expect(errorOf(suite('', '../clash/index.js#g'))).toMatch(
      /clash[\\/]index\.js: generator 'instruct\/sokoban' is already a built-in generator/,
    );
  });

  it("suggests plug-in names for a typo, and passes the plug-in's param errors with the field's line", () => {
    write('typo/index.js', `${genSource('g', 'typo/multiply')}\nexport const generators = [g];\n`);
    expect(errorOf(suite('generators: [../typo]\n', 'typo/mulitply'))).toMatch(
      /unknown generator 'typo\/mulitply'\. Did you mean 'typo\/multiply'\?/,
    );
    expect(errorOf(suite('generators: [../typo]\n', 'typo/multiply', '{ max: x }'))).toMatch(
      /s\.yaml:\d+: tasks\[0\]\.params: max: must be a whole number/,
    );
  });

  it("rejects a 'generators:' that is not a list of strings", () => {
    expect(errorOf(suite('generators: ./fam\n', 'fam/add'))).toMatch(
      /s\.yaml:3: generators: must be a list of module paths/,
    );
  });
});
