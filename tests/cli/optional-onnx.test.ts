// onnxruntime-node is optional: without it, API and baseline runs work end to end, and an onnx:
// spec fails in one line that names the install command, before anything is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, errorLines, type CliResult } from '../helpers/cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'genbench-no-ort-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `bench` in a process where importing onnxruntime-node fails as if it were not installed. */
function benchWithoutOrt(args: string[]): Promise<CliResult> {
  const t0 = Date.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--import', './tests/fixtures/without-onnxruntime.mjs', 'src/cli/main.ts', ...args],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '',
    stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - t0 })));
}

describe('without onnxruntime-node', () => {
  it('an onnx: spec fails in one line naming the install command, nothing written', async () => {
    const db = join(dir, 'onnx.sqlite');
    const r = await benchWithoutOrt(['run', '-m', 'onnx:demo', '--db', db]);
    expect(r.code).toBe(2);
    expect(errorLines(r.stderr)).toEqual([
      "bench: error: onnx: models need the optional package onnxruntime-node, which is not installed: run 'npm install onnxruntime-node'",
    ]);
    expect(existsSync(db)).toBe(false);
  }, 120_000);

  it('baseline and API runs, report and leaderboard never load it', async () => {
    const db = join(dir, 'api.sqlite');
    const run = await benchWithoutOrt([
      'run',
      '-m',
      'baseline:oracle',
      '-m',
      'mock:fixed:1',
      '-n',
      '2',
      '-q',
      '--db',
      db,
    ]);
    expect(run.stderr).not.toMatch(/onnxruntime/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/model baseline:oracle/);
    const report = await benchWithoutOrt(['report', '--db', db, '--resamples', '50']);
    expect(report.code).toBe(0);
    const site = await benchWithoutOrt(['leaderboard', '--db', db, '-o', join(dir, 'site'), '--resamples', '50']);
    expect(site.code).toBe(0);
  }, 180_000);
});
