// bench export: one row per item × sample × run, read back as Parquet (parquet-wasm + Arrow) and
// as CSV, and checked against the database row by row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { readParquet } from 'parquet-wasm';
import { tableFromIPC } from 'apache-arrow';
import { bench, errorLines } from '../helpers/cli.js';

let dir: string;
let db: string;
let stored: Map<string, { correct: number | null; status: string; split: string }>;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'genbench-export-'));
  db = join(dir, 'e.sqlite');
  const r = await bench([
    'run',
    '--db',
    db,
    '-q',
    '-n',
    '2',
    '--samples',
    '2',
    '-m',
    'baseline:random',
    '-m',
    'mock:error:content',
  ]);
  expect([0, 1]).toContain(r.code); // mock:error:content stores errors (exit 1)
  const d = new Database(db, { readonly: true });
  const rows = d
    .prepare(
      `SELECT r.run_id || '|' || r.item_id || '|' || r.sample AS k, r.correct, r.status, rt.split FROM results r
    JOIN run_tasks rt ON rt.run_id = r.run_id AND rt.task = r.task`,
    )
    .all() as { k: string; correct: number | null; status: string; split: string }[];
  d.close();
  stored = new Map(rows.map((x) => [x.k, x]));
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bench export', () => {
  it('Parquet: every stored result once, with split, verdict, knobs; errors have no verdict', async () => {
    const out = join(dir, 'r.parquet');
    writeFileSync(out, 'an older export');
    const r = await bench(['export', '--db', db, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/wrote \d+ rows/);
    const t = tableFromIPC(readParquet(readFileSync(out)).intoIPCStream());
    expect(t.numRows).toBe(stored.size);
    const names = t.schema.fields.map((f) => f.name);
    for (const c of [
      'model',
      'task',
      'split',
      'axis',
      'item_id',
      'sample',
      'correct',
      'score',
      'input_tokens',
      'latency_ms',
      'difficulty',
    ])
      expect(names).toContain(c);
    expect(names.some((n) => n.startsWith('knob_'))).toBe(true);
    const seen = new Set<string>();
    for (const row of t) {
      const o = row!.toJSON() as Record<string, unknown>;
      const k = `${o.run_id}|${o.item_id}|${o.sample}`;
      const s = stored.get(k)!;
      expect(s, k).toBeDefined();
      expect(seen.has(k)).toBe(false);
      seen.add(k);
      expect(o.split).toBe(s.split);
      expect(o.status).toBe(s.status);
      expect(o.correct).toBe(s.correct === null ? null : s.correct === 1);
      if (o.model === 'mock:error:content') expect(o.error_kind).toBe('content');
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 120_000);

  it('CSV on stdout, filtered by model; bad requests fail in one line and write nothing', async () => {
    const r = await bench(['export', '--db', db, '--model', 'random']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    const header = lines[0]!.split(',');
    expect(header.slice(0, 3)).toEqual(['suite', 'model', 'run_id']);
    expect(lines.length - 1).toBe([...stored.values()].length / 2);
    expect(lines.slice(1).every((l) => l.startsWith('quick,baseline:random,'))).toBe(true);
    const noFile = await bench(['export', '--db', db, '--format', 'parquet']);
    expect(noFile.code).toBe(2);
    expect(errorLines(noFile.stderr)).toEqual(['bench: error: Parquet needs a file: pass -o results.parquet']);
    const none = await bench(['export', '--db', db, '--model', 'nobody', '-o', join(dir, 'none.csv')]);
    expect(none.code).toBe(2);
    expect(existsSync(join(dir, 'none.csv'))).toBe(false);
  }, 120_000);
});
