// Trainer exports: every row of an hf/trl export has the same field types (read back and
// checked the way Arrow infers a schema), the verl Parquet reads back with an independent reader
// (parquet-wasm + apache-arrow), short regions are reported, and -o files appear only complete.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readParquet } from 'parquet-wasm';
import { tableFromIPC } from 'apache-arrow';
import { bench } from '../helpers/cli.js';
import { getGenerator } from '../../generators/index.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'genbench-export-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Shape = string | { array: Shape | null } | { object: Record<string, Shape> };

function shapeOf(v: unknown): Shape {
  if (v === null) return 'null';
  if (Array.isArray(v)) {
    let el: Shape | null = null;
    for (const x of v) el = el === null ? shapeOf(x) : merge(el, shapeOf(x), '[]');
    return { array: el };
  }
  if (typeof v === 'object')
    return {
      object: Object.fromEntries(
        Object.keys(v as object)
          .sort()
          .map((k) => [k, shapeOf((v as Record<string, unknown>)[k])]),
      ),
    };
  return typeof v === 'number' ? (Number.isInteger(v) ? 'int' : 'float') : typeof v;
}

/** Arrow-style unification: an empty list fits any list; anything else must match exactly. */
function merge(a: Shape, b: Shape, path: string): Shape {
  if (typeof a === 'string' || typeof b === 'string') {
    if (a !== b) throw new Error(`${path}: ${JSON.stringify(a)} in one row, ${JSON.stringify(b)} in another`);
    return a;
  }
  if ('array' in a && 'array' in b)
    return { array: a.array === null ? b.array : b.array === null ? a.array : merge(a.array, b.array, `${path}[]`) };
  if ('object' in a && 'object' in b) {
    const keys = Object.keys(a.object);
    expect(Object.keys(b.object), `${path}: fields`).toEqual(keys);
    return { object: Object.fromEntries(keys.map((k) => [k, merge(a.object[k]!, b.object[k]!, `${path}.${k}`)])) };
  }
  throw new Error(`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
}

function expectOneSchema(rows: unknown[]): Shape {
  let schema: Shape | undefined;
  for (const r of rows) schema = schema === undefined ? shapeOf(r) : merge(schema, shapeOf(r), 'row');
  return schema!;
}

describe('bench generate --format hf|trl|verl', () => {
  it('hf and trl: every row the same field types, across every family of the quick suite (images included)', async () => {
    for (const format of ['hf', 'trl']) {
      const out = join(dir, `${format}.jsonl`);
      const r = await bench(['generate', '--suite', 'quick', '-n', '2', '--format', format, '-o', out]);
      expect(r.code, r.stderr).toBe(0);
      const rows = readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(rows.length).toBeGreaterThan(40);
      const schema = expectOneSchema(rows) as { object: Record<string, Shape> };
      expect(schema.object.truth).toBe('string');
      const images = rows.filter((row) => row.images.length > 0);
      expect(images.length, 'the quick suite has image items').toBeGreaterThan(0);
      for (const row of images) {
        const msgs = format === 'hf' ? row.messages : row.prompt;
        const placeholders = msgs
          .map((m: { content: string }) => m.content.split('<image>').length - 1)
          .reduce((a: number, b: number) => a + b, 0);
        expect(placeholders).toBe(row.images.length);
        expect(row.images[0].mediaType).toMatch(/^image\//);
      }
      if (format === 'hf') {
        expect(new Set(rows.map((row) => row.family)).size).toBeGreaterThan(5);
        // The truth string verifies the reference with the generator's pure verify.
        for (const row of rows.filter((x) => x.reference))
          expect(getGenerator(row.generator).verify(JSON.parse(row.truth), row.reference).correct, row.task).toBe(true);
      }
    }
  }, 180_000);

  it("verl: Parquet in verl's layout that an independent reader loads", async () => {
    const out = join(dir, 'train.parquet');
    const r = await bench([
      'generate',
      '--suite',
      'quick',
      '--split',
      'train',
      '-n',
      '2',
      '--format',
      'verl',
      '-o',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const table = tableFromIPC(readParquet(new Uint8Array(readFileSync(out))).intoIPCStream());
    const fields = Object.fromEntries(table.schema.fields.map((f) => [f.name, String(f.type)]));
    expect(fields).toMatchObject({
      data_source: 'Utf8',
      prompt: 'List<Struct<{role:Utf8, content:Utf8}>>',
      ability: 'Utf8',
      reward_model: 'Struct<{style:Utf8, ground_truth:Utf8}>',
    });
    expect(fields.extra_info).toMatch(/^Struct<\{id:Utf8, split:Utf8, index:Int64/);
    const rows = table.toArray().map((row) => row.toJSON());
    expect(rows.length).toBeGreaterThan(10);
    rows.forEach((row: any, i: number) => {
      expect(row.data_source).toMatch(/^genbench\//);
      expect(row.extra_info.split).toBe('train');
      expect(Number(row.extra_info.index)).toBe(i);
      expect(row.reward_model.style).toBe('rule');
      const truth = JSON.parse(row.reward_model.ground_truth);
      expect(truth).toBeTypeOf('object');
      const prompt = row.prompt.toArray().map((m: any) => m.toJSON());
      expect(prompt[0].content.length).toBeGreaterThan(10);
    });
    expect(r.stderr).toMatch(/wrote \d+ items to .*verl Parquet/);
  }, 180_000);

  it('a region that cannot supply -n says so with the count; --strict fails and writes nothing; -o leaves no temporary file', async () => {
    const out = join(dir, 'gp.jsonl');
    const r = await bench([
      'generate',
      '--suite',
      'instruct',
      '--task',
      'gp-id',
      '--split',
      'train',
      '-n',
      '2000',
      '-o',
      out,
    ]);
    expect(r.code).toBe(0);
    const got = readFileSync(out, 'utf8').split('\n').filter(Boolean).length;
    expect(got).toBeLessThan(2000);
    expect(r.stderr).toContain(`task gp-id: ${got} of 2000 items available`);
    const strictOut = join(dir, 'strict.jsonl');
    const s = await bench([
      'generate',
      '--suite',
      'instruct',
      '--task',
      'gp-id',
      '--split',
      'train',
      '-n',
      '2000',
      '-o',
      strictOut,
      '--strict',
    ]);
    expect(s.code).toBe(1);
    expect(s.stderr).toMatch(/--strict: not written/);
    expect(existsSync(strictOut)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
    const v = await bench(['generate', '--suite', 'quick', '--format', 'verl']);
    expect(v.code).toBe(2);
    expect(v.stderr).toMatch(/--format verl writes Parquet: give the file with --out/);
  }, 180_000);
});
