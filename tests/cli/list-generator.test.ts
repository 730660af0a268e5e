// `bench list <generator>`: description, family, version and the declared parameters, fitted to the
// terminal; --json; one line and exit 2 for an unknown name; a plug-in without declared params.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getGenerator } from '../../generators/index.js';
import { bench, errorLines } from '../helpers/cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'genbench-list-gen-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const widest = (text: string) => Math.max(...text.split('\n').map((l) => [...l].length));

describe('bench list <generator>', () => {
  it('prints description, family, version and one row per parameter with its default', async () => {
    const r = await bench(['list', 'instruct/general-points'], { COLUMNS: '250' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^instruct\/general-points: General Points/);
    expect(r.stdout).toMatch(/family: general-points {2}version: 1/);
    const row = (name: string) => r.stdout.split('\n').find((l) => l.startsWith(`${name} `)) ?? '';
    expect(row('cards')).toMatch(/4, 5 or 6 +4 +Cards per hand\./);
    expect(row('rule')).toMatch(/face10 +The face-card rule/);
    expect(row('promptRule')).toMatch(/ — +The rule the prompt states/);
  }, 60_000);

  it('fits 80 columns, and --json gives the same table as the schema', async () => {
    const narrow = await bench(['list', 'travel/sole-planning'], { COLUMNS: '80' });
    expect(narrow.code).toBe(0);
    expect(widest(narrow.stdout)).toBeLessThanOrEqual(80);
    expect(narrow.stdout).toMatch(/^cuisines: a non-empty list of 'American'/m);
    expect(narrow.stdout).toMatch(/^slackPercent: .*\(default \[10, 30\]\)$/m);
    const json = await bench(['list', 'satquest', '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      name: 'satquest',
      version: getGenerator('satquest').version,
      family: 'satquest',
      description: getGenerator('satquest').description,
      params: getGenerator('satquest').params!.table(),
    });
  }, 60_000);

  it('answers an unknown generator in one line with a suggestion, exit 2', async () => {
    const r = await bench(['list', 'instruct/sokobn']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(errorLines(r.stderr)).toEqual([
      expect.stringMatching(/^bench: error: unknown generator 'instruct\/sokobn'\. Did you mean 'instruct\/sokoban'\?/),
    ]);
    const typo = await bench(['list', 'suite']);
    expect(typo.code).toBe(2);
    expect(errorLines(typo.stderr)).toEqual([expect.stringMatching(/unknown list 'suite'\. Did you mean 'suites'\?/)]);
  }, 60_000);

  it('says when a plug-in declares no parameters', async () => {
    const file = join(dir, 'plain.mjs');
    writeFileSync(
      file,
      `export const plain = {
  name: 'plain/echo', version: '1', description: 'Echo a number.', verifierVersion: '1',
  parseParams: (raw) => ({ ...(raw ?? {}) }),
  generate: () => ({ messages: [{ role: 'user', content: 'Say 1.' }], truth: '1', difficulty: {}, verify: (r) => ({ correct: r === '1', score: r === '1' ? 1 : 0, formatOk: true }) }),
  verify: (t, r) => ({ correct: r === t, score: r === t ? 1 : 0, formatOk: true }),
};
`,
    );
    const r = await bench(['list', `${file}#plain`]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^plain\/echo: Echo a number\.\nfamily: plain {2}version: 1\n\nparameters: not declared \(see its parseParams\)\n$/,
    );
    const json = await bench(['list', `${file}#plain`, '--json']);
    expect(JSON.parse(json.stdout)).toEqual({
      name: 'plain/echo',
      version: '1',
      family: 'plain',
      description: 'Echo a number.',
    });
  }, 60_000);
});
