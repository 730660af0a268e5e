// End to end: the quick suite through the runner and through `bench run`, on a tiny checkpoint
// folder written by the project itself, with token counts stored for every answer.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadSuite } from '../../../src/suite/load.js';
import { Store } from '../../../src/store/store.js';
import { run } from '../../../src/runner/run.js';
import { tinyCheckpointFiles } from '../../../src/models/onnx/testing/checkpoint-files.js';
import { checkpointDir, tempDir } from './helpers.js';

const ROOT = new URL('../../../', import.meta.url).pathname;

function storedTokens(db: string) {
  const conn = new Database(db, { readonly: true });
  try {
    return conn.prepare('SELECT status, input_tokens AS inputTokens, output_tokens AS outputTokens, output FROM results').all() as {
      status: string; inputTokens: number | null; outputTokens: number | null; output: string;
    }[];
  } finally {
    conn.close();
  }
}

describe('onnx models in a suite run', () => {
  it('runs the quick suite through the runner and stores token counts', async () => {
    const dir = checkpointDir(tinyCheckpointFiles());
    const db = join(tempDir(), 'r.sqlite');
    const store = Store.open(db);
    const suite = loadSuite('quick');
    const [res] = await run({ suite, models: [`onnx:${dir}?batch=8`], store, n: 6 });
    store.close();
    expect(res!.status).toBe('done');
    const rows = storedTokens(db);
    expect(rows).toHaveLength(suite.tasks.length * 6);
    for (const r of rows) {
      expect(r.status).toBe('ok');
      expect(r.inputTokens).toBeGreaterThan(100); // the task prompt through the chat template
      expect(r.outputTokens).toBeGreaterThanOrEqual(1);
      expect(r.output).toMatch(/^[a-{]*$/);
    }
  });

  it('`bench run --model onnx:<dir> --suite quick` works from the command line', () => {
    const dir = checkpointDir(tinyCheckpointFiles({ layout: 'optimum' }));
    const db = join(tempDir(), 'cli.sqlite');
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'run', '--suite', 'quick', '--model', `onnx:${dir}`, '--db', db, '-n', '3', '--json', '-q'], {
      cwd: ROOT, encoding: 'utf8', timeout: 60_000,
    });
    const summary = JSON.parse(out) as { runs: { modelSpec: string; status: string; requests: number }[] };
    expect(summary.runs).toMatchObject([{ modelSpec: `onnx:${dir}`, status: 'done' }]);
    const rows = storedTokens(db);
    expect(rows.length).toBe(summary.runs[0]!.requests);
    expect(rows.every((r) => r.outputTokens! >= 1 && r.inputTokens! > 100)).toBe(true);
  });
});
