// Text output fits the terminal: at COLUMNS=80 no line of run, report, list or show is wider than
// 80 characters; --wide and machine formats are never fitted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { bench } from '../helpers/cli.js';

let dir: string;
let db: string;
let runOut: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'genbench-width-'));
  db = join(dir, 'w.sqlite');
  const r = await bench(['run', '--db', db, '-q', '-n', '3'], { COLUMNS: '80' });
  expect(r.code).toBe(0);
  runOut = r.stdout;
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const widest = (text: string) => Math.max(...text.split('\n').map((l) => [...l].length));

describe('COLUMNS=80', () => {
  it('bench run', () => {
    expect(runOut).toMatch(/model baseline:oracle/);
    expect(widest(runOut)).toBeLessThanOrEqual(80);
  });

  it('bench report (with per-task tables), bench list, bench show', async () => {
    const d = new Database(db, { readonly: true });
    const item = (d.prepare('SELECT id FROM items ORDER BY id LIMIT 1').get() as { id: string }).id;
    d.close();
    for (const args of [['report', '--tasks'], ['list'], ['show', item]]) {
      const r = await bench([...args, '--db', db], { COLUMNS: '80' });
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(200);
      expect(widest(r.stdout), args.join(' ')).toBeLessThanOrEqual(80);
    }
  }, 120_000);

  it('--wide, and a pipe without COLUMNS, keep the wide layout; JSON is never fitted', async () => {
    const wide = await bench(['report', '--db', db, '--wide'], { COLUMNS: '80' });
    expect(widest(wide.stdout)).toBeGreaterThan(80);
    expect(wide.stdout).toMatch(/OOD\/ID/);
    const piped = await bench(['report', '--db', db], { COLUMNS: undefined });
    expect(piped.stdout).toBe(wide.stdout);
    const narrow = await bench(['report', '--db', db, '--format', 'json'], { COLUMNS: '40' });
    const plain = await bench(['report', '--db', db, '--format', 'json'], { COLUMNS: undefined });
    const stable = (s: string) => s.replace(/"generatedAt": "[^"]*"/, '');
    expect(stable(narrow.stdout)).toBe(stable(plain.stdout));
    expect(narrow.stdout).not.toMatch(/\x1b\[/);
  }, 120_000);
});
