import { describe, expect, it } from 'vitest';
import { loadSuite, parseSuite, shippedSuiteNames } from '../../src/suite/load.js';
import { taskItems, trainItems, dedupKeyOf } from '../../src/suite/expand.js';

const good = `name: t
version: 1
tasks:
  - id: a
    generator: instruct/general-points
    split: id
    n: 3
    seed: 1
    params: { rule: face10 }
  - id: b
    generator: instruct/general-points
    split: ood
    axis: rule
    n: 3
    seed: 1
    params: { rule: regular }
`;

const errorOf = (text: string) => {
  try {
    parseSuite(text, 'x.yaml');
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('suite loading', () => {
  it('loads tasks with their split, axis and parsed params', () => {
    const s = parseSuite(good, 'x.yaml');
    expect(s.tasks.map((t) => [t.id, t.split, t.axis, t.family, t.n])).toEqual([
      ['a', 'id', 'id', 'general-points', 3],
      ['b', 'ood', 'rule', 'general-points', 3],
    ]);
    expect(s.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(parseSuite(good.replace('n: 3', 'n: 4'), 'x.yaml').hash).not.toBe(s.hash);
  });

  it('reads defaults and task fields through one declaration, each mistake at its own line', () => {
    const withDefaults = (d: string) => good.replace('tasks:', `defaults:\n${d}tasks:`).replace(/    n: 3\n/g, '');
    expect(parseSuite(withDefaults('  n: 5\n  seed: abc\n'), 'x.yaml').tasks.map((t) => [t.n, t.seed])).toEqual([
      [5, 1],
      [5, 1],
    ]);
    expect(errorOf(withDefaults('  n: 0\n'))).toBe(
      'x.yaml:4: defaults.n: must be a whole number of items from 1 to 10,000,000 (got 0)',
    );
    expect(errorOf(withDefaults('  count: 5\n'))).toMatch(
      /^x\.yaml:4: defaults\.count: unknown key\..* Allowed: n, seed$/,
    );
    expect(errorOf(good.replace(/    n: 3\n/, ''))).toBe(
      "x.yaml:4: tasks[0].n: required: a whole number of items from 1 to 10,000,000 (or a 'defaults: { n: … }' for the suite)",
    );
    expect(errorOf(good.replace('    generator: instruct/general-points\n    split: id', '    split: id'))).toBe(
      "x.yaml:4: tasks[0].generator: required: a generator name such as 'instruct/general-points' (see 'bench list')",
    );
    expect(errorOf(good.replace('tasks:\n', 'tasks:\n  -\n'))).toMatch(
      /^x\.yaml:4: tasks\[0\]: must be a mapping with id, generator, split, n/,
    );
    expect(errorOf(good.replace('axis: rule', 'axis: 3'))).toBe(
      'x.yaml:13: tasks[1].axis: must be a label such as rule, scale, format, difficulty (got 3)',
    );
  });

  it('names file, line and field for each mistake', () => {
    expect(errorOf(good.replace('split: ood', 'split: oodd'))).toBe(
      'x.yaml:12: tasks[1].split: must be one of train, id, ood (got "oodd")',
    );
    expect(
      errorOf(
        good.replace(
          'generator: instruct/general-points\n    split: ood',
          'generator: instruct/general-point\n    split: ood',
        ),
      ),
    ).toMatch(
      /^x\.yaml:11: tasks\[1\]\.generator: unknown generator 'instruct\/general-point'\. Did you mean 'instruct\/general-points'\?/,
    );
    expect(
      errorOf(
        good.replace(
          'n: 3\n    seed: 1\n    params: { rule: regular }',
          'n: -2\n    seed: 1\n    params: { rule: regular }',
        ),
      ),
    ).toMatch(/^x\.yaml:14: tasks\[1\]\.n: must be a whole number/);
    expect(errorOf(good.replace('    axis: rule\n', '    axes: rule\n'))).toMatch(
      /^x\.yaml:\d+: tasks\[1\]\.axes: unknown key\. Did you mean 'axis'\?/,
    );
    expect(errorOf(good.replace('- id: b', '- id: a'))).toMatch(/duplicate task id 'a' \(first used on line 4\)/);
    expect(errorOf(good.replace('{ rule: regular }', '{ rule: sevens }'))).toMatch(
      /^x\.yaml:\d+: tasks\[1\]\.params: rule/,
    );
    expect(errorOf('name: t\nversion: 1\ntasks: [\n')).toMatch(/^x\.yaml:\d+: invalid YAML/);
    expect(errorOf('name: t\nversion: 1\n')).toMatch(/tasks: required/);
    expect(errorOf('- just a list')).toMatch(/must be a mapping/);
  });

  it('every shipped suite loads, and unknown suite names get a suggestion', () => {
    expect(shippedSuiteNames()).toContain('quick');
    for (const name of shippedSuiteNames()) expect(loadSuite(name).tasks.length).toBeGreaterThan(0);
    expect(() => loadSuite('quik')).toThrow(/unknown suite 'quik'\. Did you mean 'quick'\?/);
  });
});

describe('items', () => {
  it('training items never repeat an eval instance and differ from eval items', () => {
    const s = parseSuite(good.replace(/n: 3/g, 'n: 50'), 'x.yaml');
    const evalKeys = new Set(s.tasks.flatMap((t) => [...taskItems(t)].map((i) => dedupKeyOf(i.problem))));
    const evalIds = new Set(s.tasks.flatMap((t) => [...taskItems(t)].map((i) => i.id)));
    const train = [...trainItems(s, 200)];
    expect(train.length).toBeGreaterThan(150);
    expect(train.every((i) => i.split === 'train' && i.task.split === 'id')).toBe(true);
    for (const i of train) {
      expect(evalKeys.has(dedupKeyOf(i.problem))).toBe(false);
      expect(evalIds.has(i.id)).toBe(false);
    }
    expect(new Set(train.map((i) => dedupKeyOf(i.problem))).size).toBe(train.length);
  });
});
