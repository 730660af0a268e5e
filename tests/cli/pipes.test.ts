// Every command's machine output survives a real pipe: the reader gets all of it, and it parses.
// (Node writes to pipes asynchronously; exiting before stdout drains truncated output at 64 KiB.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ROOT, bench } from '../helpers/cli.js';

let dir: string;
let db: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'genbench-pipes-'));
  db = join(dir, 'big.sqlite');
  // 60 models × the quick suite: a report of a few MB, far past a pipe's 64 KiB buffer.
  const models = Array.from({ length: 60 }, (_, i) => ['-m', `mock:fixed:${i}`]).flat();
  const r = await bench(['run', '--db', db, '-n', '1', '-q', ...models]);
  expect(r.code).toBe(0);
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** `bench <args> | python3 -c <reader>` through /bin/sh; returns the reader's stdout and both exit codes. */
function piped(args: string[], reader: string): Promise<{ code: number | null; out: string; err: string }> {
  const cmd = `${quote(process.execPath)} --import tsx src/cli/main.ts ${args.map(quote).join(' ')} | python3 -c ${quote(reader)}`;
  const child = spawn('bash', ['-o', 'pipefail', '-c', cmd], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '',
    err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
}

const JSON_BYTES = 'import json,sys; d=sys.stdin.buffer.read(); json.loads(d); print(len(d))';
const JSONL_BYTES = 'import json,sys\nd=sys.stdin.buffer.read()\nfor l in d.splitlines(): json.loads(l)\nprint(len(d))';

describe('machine output through a pipe', () => {
  it('bench report --format json: several MB, complete and valid', async () => {
    const r = await piped(['report', '--db', db, '--format', 'json', '--resamples', '50'], JSON_BYTES);
    expect(r.err).not.toMatch(/Traceback/);
    expect(r.code).toBe(0);
    expect(Number(r.out)).toBeGreaterThan(1_000_000);
  }, 120_000);

  it('bench report --format md: every byte arrives', async () => {
    const direct = await bench(['report', '--db', db, '--format', 'md', '--resamples', '50', '--tasks']);
    const r = await piped(
      ['report', '--db', db, '--format', 'md', '--resamples', '50', '--tasks'],
      'import sys; print(len(sys.stdin.buffer.read()))',
    );
    expect(r.code).toBe(0);
    expect(Buffer.byteLength(direct.stdout)).toBeGreaterThan(65_536);
    expect(Number(r.out)).toBe(Buffer.byteLength(direct.stdout));
  }, 120_000);

  it('bench generate (JSONL)', async () => {
    const r = await piped(['generate', '--suite', 'quick', '-n', '200'], JSONL_BYTES);
    expect(r.err).not.toMatch(/Traceback/);
    expect(r.code).toBe(0);
    expect(Number(r.out)).toBeGreaterThan(65_536);
  }, 120_000);

  it('bench list --json, bench run --json, bench show --json, bench gate --json', async () => {
    const list = await piped(['list', '--db', db, '--json'], JSON_BYTES);
    expect(list.code).toBe(0);
    expect(Number(list.out)).toBeGreaterThan(10_000);
    const run = await piped(
      [
        'run',
        '--db',
        db,
        '-n',
        '1',
        '--json',
        ...Array.from({ length: 60 }, (_, i) => ['-m', `mock:fixed:${i}`]).flat(),
      ],
      JSON_BYTES,
    );
    expect(run.code).toBe(0);
    expect(Number(run.out)).toBeGreaterThan(65_536);
    const d = new Database(db, { readonly: true });
    const item = (d.prepare('SELECT id FROM items ORDER BY id LIMIT 1').get() as { id: string }).id;
    d.close();
    const show = await piped(['show', item, '--db', db, '--json'], JSON_BYTES);
    expect(show.code).toBe(0);
    expect(Number(show.out)).toBeGreaterThan(10_000);
    const gate = await piped(
      [
        'gate',
        '--suite',
        'quick',
        '--db',
        db,
        '--baseline',
        'mock:fixed:1',
        '--candidate',
        'mock:fixed:2',
        '-n',
        '1',
        '--json',
      ],
      JSON_BYTES,
    );
    expect(gate.err).not.toMatch(/Traceback/);
    expect(Number(gate.out)).toBeGreaterThan(1000);
  }, 180_000);
});
