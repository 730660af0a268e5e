// A family and a provider living in a temporary folder outside the repo, through the built CLI:
// `bench new family`, `bench run` (oracle and the plug-in provider), `bench generate`, the report,
// the site, `bench rescore`, and the scaffolded family's own test under vitest.
// Build first (npx tsc -p tsconfig.json).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';

const MAIN = join(ROOT, 'dist/src/cli/main.js');
let dir: string;

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}
function exec(args: string[], cwd: string): Promise<Result> {
  const child = spawn(process.execPath, args, {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let stdout = '',
    stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const deadline = setTimeout(() => child.kill('SIGKILL'), 120_000);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(deadline);
      resolve({ code, stdout, stderr });
    }),
  );
}
const bench = (args: string[], cwd = dir) => exec([MAIN, ...args], cwd);
const lines = (s: string) => s.split('\n').filter((l) => l.trim() && !l.startsWith('npm warn'));

// A provider that really computes: it reads the numbers from the prompt and adds them.
const PROVIDER = `export async function createModel(spec) {
  return {
    spec: spec.spec, identity: 'adder:' + spec.model, cacheable: true, defaultConcurrency: 8,
    async generate(req) {
      const text = String(req.messages.at(-1).content);
      const m = /integers: ([\\d, ]+)\\?/.exec(text);
      return { text: m ? String(m[1].split(', ').reduce((a, b) => a + Number(b), 0)) : '?' };
    },
  };
}
`;

beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npx tsc -p tsconfig.json first`);
  dir = mkdtempSync(join(tmpdir(), 'genbench-outside-'));
  writeFileSync(join(dir, 'adder.js'), PROVIDER);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a family and a provider from outside the repo', () => {
  it('bench new family writes the folder, and refuses clashes in one line', async () => {
    const r = await bench(['new', 'family', 'demo', '--dir', 'families']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/created families[\\/]demo\//);
    expect(readdirSync(join(dir, 'families/demo')).sort()).toEqual([
      'README.md',
      'demo.test.js',
      'index.js',
      'package.json',
      'params.js',
      'suite.yaml',
    ]);
    for (const [args, msg] of [
      [['new', 'family', 'demo', '--dir', 'families'], /already exists/],
      [['new', 'family', 'Bad_Name'], /family name 'Bad_Name' must be lowercase/],
      [['new', 'family', 'omega'], /'omega' is a built-in family/],
    ] as const) {
      const bad = await bench([...args]);
      expect(bad.code).toBe(2);
      expect(lines(bad.stderr)).toHaveLength(1);
      expect(bad.stderr).toMatch(msg);
    }
    expect(readdirSync(join(dir, 'families'))).toEqual(['demo']); // nothing half-written
  });

  it('bench run scores the oracle and the plug-in provider at 100% on the plug-in family', async () => {
    const r = await bench([
      'run',
      '--suite',
      'families/demo/suite.yaml',
      '--model',
      'baseline:oracle',
      '--model',
      'module:./adder.js:v1',
      '--db',
      'r.sqlite',
      '--quiet',
    ]);
    expect(r.code, r.stderr).toBe(0);
    for (const model of ['baseline:oracle', 'module:./adder.js:v1']) {
      const block = r.stdout.split(`model ${model}`)[1]!.split('\nmodel ')[0]!;
      const rows = block.split('\n').filter((l) => /^demo-(id|ood)/.test(l));
      expect(rows).toHaveLength(3);
      for (const row of rows) expect(row).toMatch(/100\.0% \[/);
    }
  });

  it('bench generate writes the plug-in items, and training items apart from them', async () => {
    const r = await bench(['generate', '--suite', 'families/demo/suite.yaml', '--split', 'ood', '-n', '2']);
    expect(r.code, r.stderr).toBe(0);
    const items = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(items).toHaveLength(4);
    expect(items[0]).toMatchObject({ generator: 'demo/sum', family: 'demo', split: 'ood', axis: 'scale' });
    expect(items[0].truth.sum).toBe(items[0].truth.numbers.reduce((a: number, b: number) => a + b, 0));
    const train = await bench(['generate', '--suite', 'families/demo/suite.yaml', '--split', 'train', '-n', '5']);
    // -n 5 from each of the two tasks that feed training (the ID task and the train task).
    expect(
      train.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).split),
    ).toEqual(Array(10).fill('train'));
  });

  it('bench report and bench leaderboard show the family and the plug-in model', async () => {
    const report = await bench(['report', '--db', 'r.sqlite']);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toMatch(/module:\.\/adder\.js:v1\s+demo\s+100\.0/);
    const site = await bench(['leaderboard', '--db', 'r.sqlite', '--out', 'site']);
    expect(site.code, site.stderr).toBe(0);
    const index = readFileSync(join(dir, 'site/index.html'), 'utf8');
    expect(index).toContain('demo');
    expect(index).toContain('module:./adder.js:v1');
  });

  it('bench rescore re-verifies plug-in answers when given the suite, and says so when not', async () => {
    const without = await bench(['rescore', '--db', 'r.sqlite', '--dry-run']);
    expect(without.stdout).toMatch(
      /0 answers re-verified, 0 verdicts changed, 120 skipped \(generator not in this genbench; a plug-in family needs --suite/,
    );
    const withSuite = await bench(['rescore', '--db', 'r.sqlite', '--suite', 'families/demo/suite.yaml', '--dry-run']);
    expect(withSuite.code, withSuite.stderr).toBe(0);
    expect(withSuite.stdout).toMatch(/bench: 120 answers re-verified, 0 verdicts changed/);
  });

  it('a missing plug-in module is one line naming the file, exit 2, nothing stored', async () => {
    writeFileSync(
      join(dir, 'broken.yaml'),
      'name: b\nversion: 1\ngenerators: [./families/nope]\ntasks:\n  - { id: t, generator: nope/x, split: id, n: 1 }\n',
    );
    const r = await bench(['run', '--suite', 'broken.yaml', '--model', 'baseline:oracle', '--db', 'b.sqlite']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([
      expect.stringMatching(/broken\.yaml:3: generators\[0\]: generator module '\.\/families\/nope' not found/),
    ]);
    expect(existsSync(join(dir, 'b.sqlite'))).toBe(false);
    const p = await bench([
      'run',
      '--suite',
      'families/demo/suite.yaml',
      '--model',
      'module:./nowhere.js:m',
      '--db',
      'b.sqlite',
    ]);
    expect(p.code).toBe(2);
    expect(lines(p.stderr)).toEqual([expect.stringMatching(/provider module '\.\/nowhere\.js' not found/)]);
  });

  it("the scaffolded family's own test passes under vitest, as generated", async () => {
    // What `npm install` gives the folder: genbench and vitest in its node_modules.
    const fam = join(dir, 'families/demo');
    mkdirSync(join(fam, 'node_modules'));
    symlinkSync(ROOT, join(fam, 'node_modules/genbench'), 'dir');
    symlinkSync(join(ROOT, 'node_modules/vitest'), join(fam, 'node_modules/vitest'), 'dir');
    const r = await exec([join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=verbose'], fam);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/demo\/sum keeps the generator contract/);
    expect(r.stdout).toMatch(/its descriptor keeps the family contract/);
    expect(r.stdout).toMatch(/Tests\s+5 passed/);
  });
});
