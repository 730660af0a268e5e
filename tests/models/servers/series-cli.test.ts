// A training series: 'vllm:<dir>/checkpoint-*' runs every checkpoint in step order, one server at
// a time; running it again asks nothing; a new checkpoint folder is the only one evaluated next time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { bench } from '../../helpers/cli.js';
import { FAKE_VLLM, alive, cleanup, makeCheckpoint, readEvents } from '../../helpers/fake-vllm.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'genbench-series-'));
});
afterAll(() => {
  for (const f of readdirSync(dir)) if (f.endsWith('.jsonl')) cleanup(join(dir, f));
  rmSync(dir, { recursive: true, force: true });
});

describe('a checkpoint series', { timeout: 300_000 }, () => {
  it('runs three checkpoints in step order, then nothing, then only a new fourth', async () => {
    const ckpts = join(dir, 'rl-run');
    // Name order (100, 200, 50) differs from step order (50, 100, 200).
    for (const step of [100, 200, 50]) makeCheckpoint(join(ckpts, `checkpoint-${step}`), String(step));
    const record = join(dir, 'series.jsonl');
    const env = { GENBENCH_VLLM: FAKE_VLLM, FAKE_VLLM_RECORD: record };
    const db = join(dir, 'db.sqlite');
    const args = [
      'run',
      '--suite',
      'quick',
      '-t',
      'gp-id',
      '-t',
      'gp-regular',
      '-n',
      '4',
      '--db',
      db,
      '-m',
      `vllm:${ckpts}/checkpoint-*?max-model-len=2048`,
      '-q',
    ];

    const first = await bench(args, env);
    expect(first.stderr).not.toMatch(/error/);
    expect(first.code).toBe(0);
    const starts = () => readEvents(record).filter((e) => e.event === 'start');
    expect(starts().map((e) => e.argv![1])).toEqual([50, 100, 200].map((s) => join(ckpts, `checkpoint-${s}`)));
    expect(readEvents(record).filter((e) => e.event === 'request')).toHaveLength(3 * 8);
    for (const e of starts()) for (const pid of [e.pid, e.worker!]) expect(alive(pid)).toBe(false);
    expect(first.stdout).toContain("series 'rl-run': bench report --series rl-run");

    const d = new Database(db, { readonly: true });
    const rows = d
      .prepare('SELECT step, series FROM run_checkpoints c JOIN runs u ON u.id = c.run_id ORDER BY u.started_at')
      .all();
    d.close();
    expect(rows).toEqual([50, 100, 200].map((step) => ({ step, series: 'rl-run' })));

    const before = readEvents(record).length;
    const again = await bench(args, env);
    expect(again.code).toBe(0);
    expect(readEvents(record).length).toBe(before); // no server started, nothing asked
    expect(
      again.stdout.split('\n').filter((l) => /done before \(run [0-9a-f]+\), nothing asked$/.test(l)),
    ).toHaveLength(3);

    makeCheckpoint(join(ckpts, 'checkpoint-300'), '300');
    const third = await bench(args, env);
    expect(third.code).toBe(0);
    const fresh = readEvents(record).slice(before);
    expect(fresh.filter((e) => e.event === 'start').map((e) => e.argv![1])).toEqual([join(ckpts, 'checkpoint-300')]);
    expect(fresh.filter((e) => e.event === 'request')).toHaveLength(8);

    const report = await bench(['report', '--db', db, '--series', 'rl-run']);
    expect(report.code).toBe(0);
    const lines = report.stdout.split('\n').filter((l) => /^\d+/.test(l));
    expect(lines.map((l) => Number(/^(\d+)/.exec(l)![1]))).toEqual([50, 100, 200, 300]);
    for (const l of lines) expect(l).toMatch(/\d+\.\d \[\d+\.\d, \d+\.\d\].*\d+\.\d \[.*\].*[+-]\d+\.\d \[/);
    expect(report.stdout).toMatch(/\* = best OOD step/);
    const json = JSON.parse((await bench(['report', '--db', db, '--series', 'rl-run', '--format', 'json'])).stdout);
    expect(json.points.map((p: { step: number }) => p.step)).toEqual([50, 100, 200, 300]);
    expect(json.points[0].overall.ood.low).toBeLessThanOrEqual(json.points[0].overall.ood.estimate);

    const unknown = await bench(['report', '--db', db, '--series', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no series 'nope'.*series: rl-run/);
  });

  it('a checkpoint still being written is skipped, one that fails to load does not stop the others', async () => {
    const ckpts = join(dir, 'live');
    for (const step of [1, 2, 3]) makeCheckpoint(join(ckpts, `step-${step}`), String(step));
    writeFileSync(join(ckpts, 'step-2', 'fake-fail'), '');
    const partial = makeCheckpoint(join(ckpts, 'step-4'));
    writeFileSync(
      join(partial, 'model.safetensors.index.json'),
      JSON.stringify({ weight_map: { a: 'model-00001-of-00002.safetensors', b: 'model-00002-of-00002.safetensors' } }),
    );
    writeFileSync(join(partial, 'model-00001-of-00002.safetensors'), 'x');
    const record = join(dir, 'live.jsonl');
    const r = await bench(
      [
        'run',
        '--suite',
        'quick',
        '-t',
        'gp-id',
        '-n',
        '2',
        '--db',
        join(dir, 'live.sqlite'),
        '-m',
        `vllm:${ckpts}/step-*`,
        '-q',
      ],
      { GENBENCH_VLLM: FAKE_VLLM, FAKE_VLLM_RECORD: record },
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /step-4: skipped \(not complete yet: model\.safetensors\.index\.json names 1 missing file \(model-00002-of-00002\.safetensors\)\)/,
    );
    expect(r.stderr).toMatch(/step-2.*exited before it was ready/);
    expect(r.stderr).toMatch(/1 of 3 checkpoints failed/);
    expect(
      readEvents(record)
        .filter((e) => e.event === 'start')
        .map((e) => e.argv![1]),
    ).toEqual([1, 2, 3].map((s) => join(ckpts, `step-${s}`)));
    const d = new Database(join(dir, 'live.sqlite'), { readonly: true });
    const rows = d
      .prepare(
        'SELECT c.step AS step, u.status AS status FROM run_checkpoints c JOIN runs u ON u.id = c.run_id ORDER BY c.step',
      )
      .all();
    d.close();
    expect(rows).toEqual([
      { step: 1, status: 'done' },
      { step: 2, status: 'failed' },
      { step: 3, status: 'done' },
    ]);
  });

  it('a pattern that matches nothing, or a folder without a step, is a clear error', async () => {
    const empty = join(dir, 'empty');
    makeCheckpoint(join(empty, 'final'));
    const env = { GENBENCH_VLLM: FAKE_VLLM };
    const none = await bench(['run', '--db', join(dir, 'x.sqlite'), '-m', `vllm:${empty}/checkpoint-*`], env);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no checkpoint matches/);
    const nostep = await bench(['run', '--db', join(dir, 'x.sqlite'), '-m', `vllm:${empty}/*`], env);
    expect(nostep.code).toBe(2);
    expect(nostep.stderr).toMatch(/no training step in/);
    const { expandSeries } = await import('../../../src/models/series.js');
    makeCheckpoint(join(empty, 'step-5'));
    const x = await expandSeries(`vllm:${empty}/*`);
    expect(x.members.map((m) => m.step)).toEqual([5]);
    expect(x.skipped).toEqual([
      { spec: `vllm:${empty}/final`, reason: 'no training step in its name or trainer_state.json' },
    ]);
    writeFileSync(join(empty, 'final', 'trainer_state.json'), JSON.stringify({ global_step: 1234 }));
    const { checkpointInfo } = await import('../../../src/models/checkpoint.js');
    expect(checkpointInfo(join(empty, 'final')).step).toBe(1234);
  });
});
