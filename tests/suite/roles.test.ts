// Task roles are declared (`role: control`), not read off a magic axis; suites and databases from
// before roles (where `axis: control` marked a control) read the same as they did.
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parseSuite } from '../../src/suite/load.js';
import { Store } from '../../src/store/store.js';
import { read } from '../../src/store/read.js';
import { loadDataset } from '../../src/report/data.js';
import { buildBoard } from '../../src/report/board.js';
import { checkTaskGates, gatesFromSuite, mergeGates } from '../../src/gate/config.js';
import { run } from '../../src/runner/run.js';
import { mockModel, lastUserText } from '../../src/models/mock.js';
import { solveAdd, toySuite } from '../helpers/toy.js';
import { tempDir } from '../leaderboard/fixture.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const task = (id: string, extra: string) => `  - id: ${id}
    generator: instruct/general-points
    split: ood
    n: 2
    seed: 1
    params: { rule: face10, promptRule: regular, sampling: face, cards: 4 }
${extra}`;
const suiteText = (...tasks: string[]) =>
  `name: r\nversion: 1\ntasks:\n  - id: base\n    generator: instruct/general-points\n    split: id\n    n: 2\n    params: { rule: face10 }\n${tasks.join('')}`;
const errorOf = (text: string) => {
  try {
    parseSuite(text, 'r.yaml');
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('task roles in suites', () => {
  it('reads a declared role, and the role an undeclared axis: control implied before', () => {
    const s = parseSuite(
      suiteText(
        task('declared', '    axis: prompt\n    role: control\n'),
        task('legacy', '    axis: control\n'),
        task('explicit', '    axis: control\n    role: scored\n'),
      ),
      'r.yaml',
    );
    expect(s.tasks.map((t) => [t.id, t.axis, t.role])).toEqual([
      ['base', 'id', 'scored'],
      ['declared', 'prompt', 'control'],
      ['legacy', 'control', 'control'],
      ['explicit', 'control', 'scored'],
    ]);
  });

  it('keeps the hash of a suite written before roles; a role the axis does not imply changes it', () => {
    const before = parseSuite(suiteText(task('fake', '    axis: control\n')), 'r.yaml').hash;
    expect(parseSuite(suiteText(task('fake', '    axis: control\n    role: control\n')), 'r.yaml').hash).toBe(before);
    expect(parseSuite(suiteText(task('fake', '    axis: control\n    role: scored\n')), 'r.yaml').hash).not.toBe(
      before,
    );
  });

  it('names the line and the accepted roles for a wrong one', () => {
    expect(errorOf(suiteText(task('fake', '    role: controll\n')))).toBe(
      'r.yaml:15: tasks[1].role: must be scored or control (got "controll"). Did you mean \'control\'?',
    );
  });

  it('refuses to gate a declared control', () => {
    const s = parseSuite(
      `${suiteText(task('fake', '    axis: prompt\n    role: control\n'))}gates:\n  tasks:\n    fake: { floor: 0.2 }\n`,
      join(tempDir('roles'), 'r.yaml'),
    );
    expect(() => checkTaskGates(mergeGates(gatesFromSuite(s)), s)).toThrow(
      /task 'fake' is a control \(role: control\)/,
    );
  });
});

describe('task roles in stored runs', () => {
  it('stores the declared role, and the report keeps a control on any axis out of the averages', async () => {
    const dir = tempDir('roles');
    dirs.push(dir);
    const suite = toySuite(
      [
        { id: 'a-id', split: 'id', n: 6, max: 9, axis: 'base', seed: 1 },
        { id: 'a-far', split: 'ood', n: 6, max: 999, axis: 'scale', seed: 2 },
        { id: 'a-fake', split: 'ood', n: 6, max: 9, axis: 'prompt', seed: 3 },
      ],
      'roles',
    );
    suite.tasks[2]!.role = 'control';
    const store = Store.open(join(dir, 'db.sqlite'));
    // Right on small sums only: the control (small sums) would lift the OOD average if it counted.
    await run({
      suite,
      store,
      models: [
        mockModel({
          spec: 'mock:small',
          replies: (req) => {
            const a = solveAdd(lastUserText(req.messages));
            return Number(a) < 12 ? a : '-1';
          },
        }),
      ],
    });
    const runId = read.rows<{ id: string }>(store, 'runs')[0]!.id;
    expect(read.tasks(store, [runId]).map((t) => [t.task, t.role])).toEqual([
      ['a-id', 'scored'],
      ['a-far', 'scored'],
      ['a-fake', 'control'],
    ]);
    const family = buildBoard(loadDataset(store)).suites[0]!.families[0]!;
    expect(family.controlTasks).toEqual(['a-fake']);
    expect(family.axes).toEqual(['scale']);
    expect(family.cells['mock:small']!.ood.estimate).toBe(family.taskCells['a-far']!['mock:small']!.accuracy.estimate);
    store.close();
  });

  it('gives runs stored before roles the role their axis implied', () => {
    const dir = tempDir('roles');
    dirs.push(dir);
    const path = join(dir, 'old.sqlite');
    const store = Store.open(path);
    store.beginRun({
      id: 'old',
      modelSpec: 'mock:x',
      modelIdentity: 'mock:x',
      suiteName: 's',
      suiteVersion: '1',
      suiteHash: 'h',
      harnessVersion: '0',
      sampling: {},
      samples: 1,
      generatorVersions: {},
      planned: 2,
      tasks: [
        { task: 'fake', generator: 'toy/add', family: 'toy', split: 'ood', axis: 'control', params: {}, seed: 1, n: 1 },
        { task: 'far', generator: 'toy/add', family: 'toy', split: 'ood', axis: 'scale', params: {}, seed: 1, n: 1 },
      ],
    });
    store.close();
    // Back to schema 7: the column did not exist then.
    const raw = new Database(path);
    raw.exec("ALTER TABLE run_tasks DROP COLUMN role; UPDATE meta SET value = '7' WHERE key = 'schema_version'");
    raw.close();
    const reopened = Store.open(path);
    expect(read.tasks(reopened, ['old']).map((t) => [t.task, t.role])).toEqual([
      ['fake', 'control'],
      ['far', 'scored'],
    ]);
    reopened.close();
  });
});
