// `bench score` and `bench rescore` as a user runs them: JSONL through stdin/stdout, bad lines
// answered with an error object each, and a rescore of real runs (every quick-suite family,
// multi-turn episodes included) with unchanged verifiers that changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, bench } from '../helpers/cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'genbench-score-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function benchWithInput(
  args: string[],
  input: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '',
    stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  child.stdin.end(input);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('bench score / rescore', () => {
  it('scores {generator, truth, response} and {id, response} lines; bad lines get an error each, in order', async () => {
    const gen = await bench(['generate', '--suite', 'quick', '-n', '1']);
    expect(gen.code).toBe(0);
    const items = gen.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const lines: string[] = [];
    for (const it of items) {
      lines.push(JSON.stringify({ generator: it.generator, truth: it.truth, response: it.reference }));
      lines.push(JSON.stringify({ id: it.id, response: it.reference }));
      lines.push(JSON.stringify({ generator: it.generator, truth: JSON.stringify(it.truth), response: 42 }));
    }
    lines.push(
      '{not json',
      '',
      JSON.stringify({ generator: 'nope', truth: {}, response: 'x' }),
      JSON.stringify({ id: 'deadbeef', response: 'x' }),
      '[1,2]',
    );
    const r = await benchWithInput(['score', '--suite', 'quick', '--batch', '7'], `${lines.join('\n')}\n`);
    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(lines.length - 1); // the blank line is skipped
    for (let k = 0; k < items.length; k++) {
      const [byTruth, byId, junk] = out.slice(3 * k, 3 * k + 3);
      expect(byTruth, JSON.stringify(byTruth).slice(0, 300)).toMatchObject({
        line: 3 * k + 1,
        verdict: 'correct',
        correct: true,
        reward: 1,
        generator: items[k].generator,
      });
      expect(typeof byTruth.verifierVersion).toBe('string');
      expect(byId).toMatchObject({ id: items[k].id, verdict: 'correct', reward: 1 });
      expect(junk).toMatchObject({ verdict: 'wrong', reward: 0, correct: false });
    }
    const tail = out.slice(3 * items.length);
    expect(tail[0]).toMatchObject({ error: expect.stringMatching(/not JSON/) });
    expect(tail[1]).toMatchObject({ error: expect.stringMatching(/unknown generator 'nope'/) });
    expect(tail[2]).toMatchObject({ id: 'deadbeef', error: expect.stringMatching(/unknown item id/) });
    expect(tail[3]).toMatchObject({ error: expect.stringMatching(/JSON object/) });
  }, 120_000);

  it('rescore with unchanged verifiers changes nothing, multi-turn transcripts included', async () => {
    const db = join(dir, 'quick.sqlite');
    const ran = await bench([
      'run',
      '--suite',
      'quick',
      '--model',
      'baseline:random',
      '--model',
      'baseline:oracle',
      '-n',
      '3',
      '--db',
      db,
      '--quiet',
    ]);
    expect(ran.code, ran.stderr).toBe(0);
    const r = await bench(['rescore', '--db', db, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.rescored).toBeGreaterThan(100);
    expect(result.changed, JSON.stringify(result.tasks.filter((t: any) => t.changed))).toBe(0);
    const text = await bench(['rescore', '--db', db, '--dry-run']);
    expect(text.stdout).toMatch(/answers re-verified, 0 verdicts changed \(dry run/);
    const bad = await bench(['rescore', '--db', db, '--run', 'zzzz']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--run zzzz: no run with that id/);
  }, 240_000);
});
