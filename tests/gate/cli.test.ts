// The real `bench gate` in a child process: one case per exit code, and the frozen-baseline flow
// CI uses (save on main, gate a branch against the file with a fresh database).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { bench, errorLines } from '../helpers/cli.js';
import { startMockLlmServer } from '../../src/testing/mock-llm-server.js';

let dir: string;
let suite: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'genbench-gate-cli-'));
  suite = join(dir, 'gp.yaml');
  // A 5-point margin: agreement on 52 or more items shows non-inferiority.
  writeFileSync(
    suite,
    `name: gp-gate
version: 1
tasks:
  - id: gp-id
    generator: instruct/general-points
    split: id
    n: 20
    seed: 1
    params: { rule: face10, sampling: face, cards: 4 }
  - id: gp-regular
    generator: instruct/general-points
    split: ood
    n: 60
    seed: 2
    params: { rule: regular, sampling: face, cards: 4 }
gates:
  margin: 0.05
`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const db = (name: string) => join(dir, `${name}.sqlite`);

describe('bench gate (CLI)', () => {
  it('freezes a baseline, then passes an identical candidate against the file alone (exit 0)', async () => {
    const file = join(dir, 'baselines', 'main.json');
    const save = await bench([
      'gate',
      '--suite',
      suite,
      '--baseline',
      'baseline:oracle',
      '--save-baseline',
      file,
      '--db',
      db('main'),
      '-q',
    ]);
    expect(save.code).toBe(0);
    expect(errorLines(save.stderr)).toEqual([`bench: gate: saved the baseline's outcomes to ${file}`]);
    expect(JSON.parse(readFileSync(file, 'utf8')).tasks).toHaveLength(2);

    const out = (ext: string) => join(dir, 'out', `gate.${ext}`);
    const r = await bench([
      'gate',
      '--suite',
      suite,
      '--baseline',
      file,
      '--candidate',
      'baseline:oracle',
      '--db',
      db('branch'),
      '-q',
      '--markdown',
      out('md'),
      '--junit',
      out('xml'),
      '--json',
      out('json'),
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^## ✅ genbench gate: pass/);
    expect(r.stdout).toMatch(/against baseline `baseline:oracle` \(frozen file `.*main\.json`\)/);
    expect(readFileSync(out('md'), 'utf8')).toBe(r.stdout);
    expect(readFileSync(out('xml'), 'utf8')).toMatch(/tests="1" failures="0" skipped="0"/);
    expect(JSON.parse(readFileSync(out('json'), 'utf8'))).toMatchObject({
      verdict: 'pass',
      exitCode: 0,
      baseline: { source: 'file' },
    });
    // The baseline was not run again: the fresh database holds the candidate's run only.
    const d = new Database(db('branch'), { readonly: true });
    expect(d.prepare('SELECT model_spec AS m FROM runs').all()).toEqual([{ m: 'baseline:oracle' }]);
    expect((d.prepare('SELECT COUNT(*) AS n FROM results').get() as { n: number }).n).toBe(80);
    d.close();
  });

  it.concurrent('flags a regression (exit 10)', async () => {
    const r = await bench([
      'gate',
      '--suite',
      suite,
      '--baseline',
      'baseline:oracle',
      '--candidate',
      'baseline:random',
      '--db',
      db('reg'),
      '-q',
      '--json',
    ]);
    expect(r.code).toBe(10);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({ verdict: 'regression', exitCode: 10 });
    expect(result.checks.find((c: { id: string }) => c.id === 'change:ood')).toMatchObject({
      status: 'regression',
      gating: true,
    });
    expect(errorLines(r.stderr)).toEqual(['bench: gate: regression (exit 10)']);
  });

  it.concurrent('calls too few items inconclusive (exit 11) and says how many would decide', async () => {
    const r = await bench([
      'gate',
      '--suite',
      suite,
      '--baseline',
      'baseline:oracle',
      '--candidate',
      'baseline:oracle',
      '-n',
      '10',
      '--db',
      db('few'),
      '-q',
    ]);
    expect(r.code).toBe(11);
    expect(r.stdout).toMatch(/^## ⚠️ genbench gate: inconclusive/);
    expect(r.stdout).toMatch(/about 52 items would decide it \(now 10\)/);
  });

  it.concurrent('rejects a bad gates file with file:line and writes nothing (exit 2)', async () => {
    const gates = join(dir, 'gates.yaml');
    writeFileSync(gates, 'gates:\n  margin: 0.02\n  split: ood\n');
    const r = await bench([
      'gate',
      '--suite',
      suite,
      '--gates',
      gates,
      '--baseline',
      'baseline:oracle',
      '--candidate',
      'baseline:random',
      '--db',
      db('bad'),
    ]);
    expect(r.code).toBe(2);
    expect(errorLines(r.stderr)).toEqual([
      `bench: error: ${gates}:3: gates.split: unknown key. Did you mean 'splits'? Allowed: alpha, margin, splits, perTask, maxGapGrowth, maxErrorRate, floors, tasks`,
    ]);
    expect(existsSync(db('bad'))).toBe(false);
  });

  it.concurrent('gives up on a candidate whose answers are errors (exit 3), not a false regression', async () => {
    const r = await bench([
      'gate',
      '--suite',
      suite,
      '--baseline',
      'baseline:oracle',
      '--candidate',
      'mock:error:content',
      '--db',
      db('err'),
      '-q',
    ]);
    expect(r.code).toBe(3);
    const lines = errorLines(r.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^bench: error: the candidate mock:error:content has 80 errors in 80 answers \(100\.0%, more than the 2\.0% allowed by maxErrorRate\)/,
    );
    expect(r.stdout).toBe('');
  });

  it.concurrent('gates an openai-compatible endpoint, and calls a dead one a harness error (exit 3)', async () => {
    const server = await startMockLlmServer({ respond: () => 'I cannot solve this.' });
    const endpoint = `openai-compatible:ckpt@${server.url}/v1`;
    try {
      const r = await bench([
        'gate',
        '--suite',
        suite,
        '--baseline',
        'baseline:oracle',
        '--candidate',
        endpoint,
        '--db',
        db('endpoint'),
        '-q',
      ]);
      expect(r.code).toBe(10);
      expect(server.stats.requests).toBe(80);
    } finally {
      await server.close();
    }
    const dead = await bench([
      'gate',
      '--suite',
      suite,
      '--baseline',
      'baseline:oracle',
      '--candidate',
      endpoint,
      '--db',
      db('dead'),
      '-q',
    ]);
    expect(dead.code).toBe(3);
    expect(errorLines(dead.stderr)).toEqual([
      expect.stringMatching(/^bench: error: openai-compatible:ckpt@.*connection refused.*is the server running/),
    ]);
  });
});
