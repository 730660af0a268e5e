// End to end: the quick suite through the runner and through `bench run`, on a tiny checkpoint
// folder written by the project itself, with token counts stored for every answer.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadSuite } from '../../../src/suite/load.js';
import { Store } from '../../../src/store/store.js';
import { run } from '../../../src/runner/run.js';
import { DEMO_OPTIONS, tinyCheckpointFiles } from '../../../src/models/onnx/testing/checkpoint-files.js';
import { checkpointDir, tempDir } from './helpers.js';

const ROOT = new URL('../../../', import.meta.url).pathname;

function storedRows(db: string) {
  const conn = new Database(db, { readonly: true });
  try {
    return conn
      .prepare(
        `SELECT r.task, r.status, r.error_kind AS errorKind, r.error_message AS errorMessage, r.input_tokens AS inputTokens,
      r.output_tokens AS outputTokens, r.output, i.prompt_hash AS promptHash, b.content AS prompt
      FROM results r JOIN items i ON i.id = r.item_id JOIN blobs b ON b.hash = i.prompt_hash`,
      )
      .all() as {
      task: string;
      status: string;
      errorKind: string | null;
      errorMessage: string | null;
      inputTokens: number | null;
      outputTokens: number | null;
      output: string;
      prompt: string;
    }[];
  } finally {
    conn.close();
  }
}

/**
 * Every text prompt is answered with token counts. Image tasks are unsupported for a text-only
 * model: recorded on the run, never asked, so they have no rows.
 */
function checkRows(rows: ReturnType<typeof storedRows>, db: string): void {
  for (const r of rows) {
    expect(r.prompt).not.toContain('"type":"image"');
    expect(r.status).toBe('ok');
    expect(r.inputTokens).toBeGreaterThan(50); // the task prompt through the chat template
    expect(r.outputTokens).toBeGreaterThanOrEqual(1);
  }
  expect(rows.length).toBeGreaterThan(0);
  const conn = new Database(db, { readonly: true });
  try {
    const unsupported = conn.prepare('SELECT task, unsupported FROM run_tasks WHERE unsupported IS NOT NULL').all();
    expect(unsupported).toEqual(
      imageTasks()
        .filter((t) => sampleTasks().includes(t))
        .map((task) => ({ task, unsupported: 'needs image input' })),
    );
  } finally {
    conn.close();
  }
}

const imageTasks = () =>
  loadSuite('quick')
    .tasks.filter((t) => t.generator.name.includes('image'))
    .map((t) => t.id);
/** Expected rows: n items of each sampled task, image tasks excepted. */
const expectedRows = (tasks: string[], n: number) =>
  loadSuite('quick')
    .tasks.filter((t) => tasks.includes(t.id) && !imageTasks().includes(t.id))
    .reduce((s, t) => s + Math.min(t.n, n), 0);

/**
 * A few quick-suite tasks: one per family (the suite grows as families land, and the whole of it
 * is not needed to show the path works), always including an image task when there is one.
 */
function sampleTasks(): string[] {
  const tasks = loadSuite('quick').tasks;
  const picked = new Map<string, string>();
  for (const t of tasks) if (!picked.has(t.family)) picked.set(t.family, t.id);
  const image = tasks.find((t) => t.generator.name.includes('image'));
  const ids = new Set([...picked.values()]);
  if (image) ids.add(image.id);
  return [...ids];
}

describe('onnx models in a suite run', () => {
  it('runs the quick suite through the runner and stores token counts', async () => {
    const dir = checkpointDir(tinyCheckpointFiles(DEMO_OPTIONS));
    const db = join(tempDir(), 'r.sqlite');
    const store = Store.open(db);
    const suite = loadSuite('quick');
    const tasks = sampleTasks();
    const [res] = await run({ suite, models: [`onnx:${dir}?batch=8`], store, n: 4, tasks });
    store.close();
    expect(res!.status).toBe('done');
    const rows = storedRows(db);
    expect(rows).toHaveLength(expectedRows(tasks, 4));
    checkRows(rows, db);
  });

  it('`bench run --model onnx:<dir> --suite quick` works from the command line', () => {
    const dir = checkpointDir(tinyCheckpointFiles({ ...DEMO_OPTIONS, layout: 'optimum' }));
    const db = join(tempDir(), 'cli.sqlite');
    const tasks = sampleTasks();
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'run',
        '--suite',
        'quick',
        '--model',
        `onnx:${dir}`,
        '--db',
        db,
        '-n',
        '2',
        ...tasks.flatMap((t) => ['--task', t]),
        '--json',
        '-q',
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    const summary = JSON.parse(run.stdout) as { runs: { modelSpec: string; status: string; requests: number }[] };
    expect(summary.runs).toMatchObject([{ modelSpec: `onnx:${dir}`, status: 'done' }]);
    const rows = storedRows(db);
    expect(rows.length).toBe(expectedRows(tasks, 2));
    expect(summary.runs[0]!.requests).toBeGreaterThanOrEqual(rows.length); // multi-turn tasks ask more than once
    checkRows(rows, db);
    // Unsupported image tasks are not errors: the run succeeds.
    expect(run.status).toBe(0);
  });
});
