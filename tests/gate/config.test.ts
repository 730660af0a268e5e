import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSuite } from '../../src/suite/load.js';
import { DEFAULT_GATES, checkTaskGates, gatesFromSuite, loadGatesFile, mergeGates } from '../../src/gate/config.js';
import { GateConfigError } from '../../src/gate/errors.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'genbench-gate-config-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TASKS = `tasks:
  - id: gp-id
    generator: instruct/general-points
    split: id
    n: 4
    params: { rule: face10, sampling: face, cards: 4 }
  - id: gp-regular
    generator: instruct/general-points
    split: ood
    n: 4
    params: { rule: regular, sampling: face, cards: 4 }
  - id: gp-fake
    generator: instruct/general-points
    split: ood
    axis: control
    n: 4
    params: { rule: face10, promptRule: regular, sampling: face, cards: 4 }
`;

function suiteWith(gates: string, name = `s${Math.random().toString(36).slice(2)}`) {
  const path = join(dir, `${name}.yaml`);
  writeFileSync(path, `name: ${name}\nversion: 1\n${TASKS}${gates}`);
  return { path, suite: () => loadSuite(path) };
}

const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(GateConfigError);
    return (err as Error).message;
  }
  throw new Error('expected an error');
};

describe('gate thresholds from YAML', () => {
  it("reads a suite's gates: section over the defaults", () => {
    const { suite } = suiteWith(
      'gates:\n  margin: 0.05\n  splits: [id, ood]\n  floors: { ood: 0.3 }\n  maxGapGrowth: 0.1\n  tasks:\n    gp-regular: { floor: 0.2 }\n',
    );
    const s = suite();
    const config = mergeGates(gatesFromSuite(s));
    expect(config).toMatchObject({
      margin: 0.05,
      alpha: DEFAULT_GATES.alpha,
      splits: ['id', 'ood'],
      floors: { ood: 0.3 },
      maxGapGrowth: 0.1,
    });
    expect(config.tasks['gp-regular']!.floor).toBe(0.2);
    expect(() => checkTaskGates(config, s)).not.toThrow();
  });

  it('lets flags override the file, and the file replace the suite', () => {
    const merged = mergeGates({ margin: 0.05, perTask: true }, { margin: 0.01 }, { alpha: 0.1, margin: undefined });
    expect(merged).toMatchObject({ margin: 0.01, perTask: true, alpha: 0.1, splits: ['ood'] });
  });

  it('reports mistakes as file:line: field: what is accepted', () => {
    const a = suiteWith('gates:\n  margin: 0.02\n  marginn: 0.1\n');
    expect(errorOf(() => gatesFromSuite(a.suite()))).toBe(
      `${a.path}:22: gates.marginn: unknown key. Did you mean 'margin'? Allowed: alpha, margin, splits, perTask, maxGapGrowth, maxErrorRate, floors, tasks`,
    );
    const b = suiteWith('gates:\n  alpha: 0.05\n  margin: 2\n');
    expect(errorOf(() => gatesFromSuite(b.suite()))).toMatch(
      new RegExp(`^${b.path}:22: gates.margin: must be the largest acceptable drop.*got 2\\)$`),
    );
    const c = suiteWith('gates:\n  splits: [ood, train]\n');
    expect(errorOf(() => gatesFromSuite(c.suite()))).toMatch(
      new RegExp(`^${c.path}:21: gates.splits: must be id, ood, all, or a list of them \\(got "train"\\)`),
    );
    const d = suiteWith('gates:\n  floors:\n    odd: 0.3\n');
    expect(errorOf(() => gatesFromSuite(d.suite()))).toMatch(
      new RegExp(`^${d.path}:22: gates.floors.odd: unknown split 'odd'`),
    );
    const e = suiteWith('gates:\n  tasks:\n    gp-regulr: { floor: 0.2 }\n');
    expect(errorOf(() => checkTaskGates(mergeGates(gatesFromSuite(e.suite())), e.suite()))).toBe(
      `${e.path}:22: gates.tasks.gp-regulr: suite '${e.suite().name}' has no scored task 'gp-regulr'. Did you mean 'gp-regular'?`,
    );
    const f = suiteWith('gates:\n  tasks:\n    gp-fake: { margin: 0.1 }\n');
    expect(errorOf(() => checkTaskGates(mergeGates(gatesFromSuite(f.suite())), f.suite()))).toMatch(
      /:22: gates.tasks.gp-fake: task 'gp-fake' is a control/,
    );
    const g = suiteWith('gates:\n  tasks:\n    gp-id: { flor: 0.2 }\n');
    expect(errorOf(() => gatesFromSuite(g.suite()))).toMatch(
      /:22: gates.tasks.gp-id.flor: unknown key. Did you mean 'floor'\?/,
    );
  });

  it('reads a --gates file, with or without the gates: key', () => {
    const wrapped = join(dir, 'wrapped.yaml');
    writeFileSync(wrapped, 'gates:\n  margin: 0.03\n  perTask: true\n');
    expect(loadGatesFile(wrapped)).toEqual({ margin: 0.03, perTask: true });
    const bare = join(dir, 'bare.yaml');
    writeFileSync(bare, '# thresholds for CI\nalpha: 0.01\nsplits: all\n');
    expect(loadGatesFile(bare)).toEqual({ alpha: 0.01, splits: ['id', 'ood'] });
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'margin: 0.02\nperTask: yes please\n');
    expect(errorOf(() => loadGatesFile(bad))).toBe(`${bad}:2: perTask: must be true or false (got "yes please")`);
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'margin: [0.02\n');
    expect(errorOf(() => loadGatesFile(broken))).toMatch(new RegExp(`^${broken}:\\d+: invalid YAML`));
    expect(errorOf(() => loadGatesFile(join(dir, 'missing.yaml')))).toMatch(/does not exist/);
  });
});
