// `include: <family>#<set>` in a suite's tasks: a family's named task set, defined once in its
// folder (or a plug-in's `family` export), in order, with `n:` overriding every included task's n.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSuite, parseSuite } from '../../src/suite/load.js';
import { getFamily, familyLabel, familyView, metricDescription } from '../../generators/index.js';
import { bench } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'genbench-include-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const suite = (tasks: string, head = '') => `name: s\nversion: 1\n${head}tasks:\n${tasks}`;
const parse = (text: string) => parseSuite(text, 's.yaml');
const errorOf = (text: string) => {
  try {
    parse(text);
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('include: <family>#<set>', () => {
  it("expands a family's set in its order, next to written tasks, with n overriding every task's n", () => {
    const s = parse(
      suite(`  - { id: mine, generator: satquest, split: id, n: 3 }\n  - { include: instruct#core, n: 7 }\n`),
    );
    const core = getFamily('instruct').taskSets.core!;
    expect(s.tasks.map((t) => t.id)).toEqual(['mine', ...core.map((t) => t.id)]);
    expect(s.tasks.slice(1).every((t) => t.n === 7 && t.line === 5)).toBe(true);
    expect(s.tasks[1]!.seed).toBe(core[0]!.seed);
    expect(core[0]!.n).toBe(200); // the set itself is untouched
  });

  it('the shipped suites are made of includes: family suites are their set, core the core sets', () => {
    expect(loadSuite('instruct').tasks.map((t) => t.id)).toEqual(getFamily('instruct').taskSets.all!.map((t) => t.id));
    expect(loadSuite('omega-ladder').tasks).toHaveLength(getFamily('omega').taskSets.ladder!.length);
    const core = loadSuite('core');
    expect(core.tasks.filter((t) => t.generator.name.startsWith('jigsaw/')).every((t) => t.n === 30)).toBe(true);
  });

  it('refuses an unknown family or set in one line with the YAML line and a suggestion', () => {
    expect(errorOf(suite('  - include: instrct#core\n'))).toMatch(
      /^s\.yaml:4: tasks\[0\]\.include: unknown family 'instrct'\. Did you mean 'instruct'\?/,
    );
    expect(errorOf(suite('  - include: instruct#cor\n'))).toMatch(
      /^s\.yaml:4: tasks\[0\]\.include: family 'instruct' has no task set 'cor'\. Did you mean 'core'\? Its sets: all, core, quick$/,
    );
    expect(errorOf(suite('  - include: instruct\n'))).toMatch(
      /^s\.yaml:4: tasks\[0\]\.include: must be '<family>#<set>'/,
    );
    expect(errorOf(suite('  - include: instruct#core\n    seed: 3\n'))).toMatch(
      /^s\.yaml:5: tasks\[0\]\.seed: unknown key in an include entry\. Allowed: include, n/,
    );
  });

  it('errors inside an included task name the include line and the task id', () => {
    expect(errorOf(suite('  - { include: instruct#core, n: 0 }\n'))).toMatch(
      /^s\.yaml:4: tasks\[0\] \(instruct#core task 'gp-id'\)\.n: must be a whole number/,
    );
    expect(
      errorOf(suite('  - id: gp-id\n    generator: satquest\n    split: id\n    n: 1\n  - include: instruct#core\n')),
    ).toMatch(
      /^s\.yaml:8: tasks\[1\] \(instruct#core task 'gp-id'\)\.id: duplicate task id 'gp-id' \(first used on line 4\)/,
    );
  });

  it("registers a plug-in module's family, and refuses one named like a built-in in one line", () => {
    const gen = `{ name: 'inc/sum', version: '1', verifierVersion: '1', description: 'x', parseParams: (r) => ({ ...r }),
      verify: () => ({ correct: false, score: 0 }), generate: () => ({ messages: [{ role: 'user', content: 'x' }], truth: {}, difficulty: { k: 1 }, verify: () => ({ correct: false, score: 0 }) }) }`;
    writeFileSync(
      join(dir, 'inc.mjs'),
      `const g = ${gen};\nexport const family = { name: 'inc', generators: [g], views: { inc: { label: 'Inc', curve: { knob: 'k' } } }, metrics: {},
      taskSets: { smoke: [{ id: 'a', generator: 'inc/sum', split: 'id', n: 2, seed: 1 }] } };\n`,
    );
    const s = parseSuite(suite('  - include: inc#smoke\n', 'generators: [./inc.mjs]\n'), join(dir, 's.yaml'));
    expect(s.tasks.map((t) => [t.id, t.generator.name, t.family, t.requestedN ?? t.n])).toEqual([
      ['a', 'inc/sum', 'inc', 2],
    ]);
    expect(familyLabel('inc')).toBe('Inc');
    writeFileSync(
      join(dir, 'clash.mjs'),
      `export const family = { name: 'omega', generators: [{ ...${gen}, name: 'clash/x' }], views: {}, metrics: {}, taskSets: {} };\n`,
    );
    expect(() =>
      parseSuite(suite('  - include: omega#core\n', 'generators: [./clash.mjs]\n'), join(dir, 's.yaml')),
    ).toThrow(
      /s\.yaml:3: generators\[0\]: .*clash\.mjs: family 'omega' is already a built-in family; give yours another name$/,
    );
  });

  it('the site reads views from the registry, generic for families it does not know', () => {
    expect(familyView('sokoban')?.matrix).toEqual(['variant', 'size']);
    expect(familyLabel('jigsaw-text')).toBe('Jigsaw (text)');
    expect(familyView('not-loaded-now')).toBeUndefined();
    expect(familyLabel('not-loaded-now')).toBe('not-loaded-now');
    expect(metricDescription('travel', 'delivery')).toBe(getFamily('travel').metrics.delivery);
    expect(metricDescription('travel', 'delivery')).not.toBe('');
    expect(metricDescription('sokoban', 'delivery')).toBe('');
  });

  it('bench suite prints what a suite resolves to: includes expanded, roles declared', async () => {
    const r = await bench(['suite', 'instruct', '--json']);
    expect(r.code).toBe(0);
    const shown = JSON.parse(r.stdout) as { tasks: { id: string; role: string; n: number }[] };
    expect(shown.tasks.map((t) => t.id)).toEqual(getFamily('instruct').taskSets.all!.map((t) => t.id));
    expect(shown.tasks.filter((t) => t.role === 'control').map((t) => t.id)).toEqual([
      'gp-fake-regular',
      'gp-fake-all5',
      'sk-fake-numerical',
      'sk-fake-cardinal',
      'sk-fake-emoji',
    ]);
    const text = await bench(['suite', 'quick'], { COLUMNS: '200' });
    expect(text.stdout).toMatch(/^sk-fake-numerical +instruct\/sokoban +ood +control +control +5 +7 /m);
    const missing = await bench(['suite', 'quik']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/unknown suite 'quik'\. Did you mean 'quick'\?/);
  });
});
