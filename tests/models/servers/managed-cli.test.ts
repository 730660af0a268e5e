// bench run with a managed server (a fake `vllm` of the tests' own): the server starts, answers,
// and is gone afterwards, whether the run succeeds, the server fails at start, the user presses
// Ctrl-C, or genbench itself is killed with SIGKILL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { bench, startBench } from '../../helpers/cli.js';
import { FAKE_VLLM, alive, cleanup, makeCheckpoint, readEvents, waitFor } from '../../helpers/fake-vllm.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'genbench-managed-'));
});
afterAll(() => {
  for (const f of readdirSync(dir)) if (f.endsWith('.jsonl')) cleanup(join(dir, f));
  rmSync(dir, { recursive: true, force: true });
});

const TASKS = ['--suite', 'quick', '-t', 'gp-id', '-t', 'gp-regular'];
const envFor = (name: string, extra: Record<string, string> = {}) => ({
  GENBENCH_VLLM: FAKE_VLLM,
  FAKE_VLLM_RECORD: join(dir, `${name}.jsonl`),
  ...extra,
});
const pidsOf = (name: string) =>
  readEvents(join(dir, `${name}.jsonl`))
    .filter((e) => e.event === 'start')
    .flatMap((e) => [e.pid, e.worker!]);

describe('vllm:<checkpoint>', { timeout: 120_000 }, () => {
  it('starts the server, scores through it, records the checkpoint, and stops the whole group', async () => {
    const ckpt = makeCheckpoint(join(dir, 'run-a', 'checkpoint-40'));
    const db = join(dir, 'ok', 'db.sqlite');
    const r = await bench(
      ['run', ...TASKS, '-n', '3', '--db', db, '-m', `vllm:${ckpt}?tp=2&max-model-len=4096`, '-q'],
      envFor('ok'),
    );
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    const events = readEvents(join(dir, 'ok.jsonl'));
    const start = events.find((e) => e.event === 'start')!;
    expect(start.argv!.slice(0, 2)).toEqual(['serve', ckpt]);
    expect(start.argv).toEqual(
      expect.arrayContaining(['--tensor-parallel-size', '2', '--max-model-len', '4096', '--host', '127.0.0.1']),
    );
    expect(events.filter((e) => e.event === 'request').length).toBe(6);
    for (const pid of pidsOf('ok')) expect(alive(pid)).toBe(false);
    // The log is next to the database.
    const logs = readdirSync(join(dir, 'ok', 'servers'));
    expect(logs.some((f) => /^vllm-checkpoint-40-.*\.log$/.test(f))).toBe(true);
    const d = new Database(db, { readonly: true });
    const row = d
      .prepare('SELECT checkpoint_path AS path, fingerprint, step, manifest FROM run_checkpoints')
      .get() as any;
    const scored = (d.prepare("SELECT COUNT(*) AS n FROM results WHERE status = 'ok'").get() as any).n;
    d.close();
    expect(scored).toBe(6);
    expect(row).toMatchObject({ path: ckpt, step: 40 });
    expect(row.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(row.manifest).toContain('model.safetensors');
    expect(row.manifest).not.toContain('optimizer.pt');
  });

  it("--model-options (a query or a YAML file) applies to every managed spec; the spec's own options win", async () => {
    const ckpt = makeCheckpoint(join(dir, 'run-h', 'step-13'));
    const yaml = join(dir, 'server.yaml');
    writeFileSync(yaml, 'tp: 4\ndtype: bfloat16\nargs: [--enforce-eager, --seed, 3]\n');
    const r = await bench(
      [
        'run',
        ...TASKS,
        '-n',
        '1',
        '--db',
        join(dir, 'opts', 'db.sqlite'),
        '-m',
        `vllm:${ckpt}?tp=2`,
        '--model-options',
        yaml,
        '--json',
      ],
      envFor('opts'),
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).runs[0].checkpoint).toMatchObject({
      path: ckpt,
      step: 13,
      fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    const argv = readEvents(join(dir, 'opts.jsonl')).find((e) => e.event === 'start')!.argv!;
    expect(argv).toEqual(
      expect.arrayContaining(['--tensor-parallel-size', '2', '--dtype', 'bfloat16', '--enforce-eager', '--seed', '3']),
    );
    writeFileSync(yaml, 'tensor_parallel: 4\n');
    const bad = await bench(
      ['run', ...TASKS, '--db', join(dir, 'opts2', 'db.sqlite'), '-m', `vllm:${ckpt}`, '--model-options', yaml],
      envFor('opts2'),
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--model-options: unknown server option 'tensor_parallel'/);
    expect(existsSync(join(dir, 'opts2', 'db.sqlite'))).toBe(false);
  });

  it('a server that fails at start: exit 2, its last log lines quoted, nothing left running', async () => {
    const ckpt = makeCheckpoint(join(dir, 'run-b', 'step-7'));
    const r = await bench(
      ['run', ...TASKS, '-n', '2', '--db', join(dir, 'fail', 'db.sqlite'), '-m', `vllm:${ckpt}`, '-q'],
      envFor('fail', { FAKE_VLLM_MODE: 'fail' }),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/exited before it was ready \(exit code 1\)/);
    expect(r.stderr).toMatch(/\| RuntimeError: CUDA out of memory \(fake\)/);
    expect(r.stderr).toMatch(/Log: .*servers\/vllm-step-7-.*\.log/);
    expect(pidsOf('fail').length).toBe(2);
    await waitFor('the failed server to be gone', () => pidsOf('fail').every((p) => !alive(p)), 5000);
  });

  it('a server that never becomes ready: exit 2 after the ready timeout, and it is stopped', async () => {
    const ckpt = makeCheckpoint(join(dir, 'run-c', 'step-8'));
    const r = await bench(
      ['run', ...TASKS, '-n', '2', '--db', join(dir, 'hang', 'db.sqlite'), '-m', `vllm:${ckpt}?ready-timeout=2`, '-q'],
      envFor('hang', { FAKE_VLLM_MODE: 'hang' }),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/was not ready within 2 s/);
    expect(r.stderr).toMatch(/\| INFO fake vllm: loading/);
    for (const pid of pidsOf('hang')) expect(alive(pid)).toBe(false);
  });

  it('a missing server program is a one-line config error before anything starts', async () => {
    const ckpt = makeCheckpoint(join(dir, 'run-d', 'step-9'));
    const r = await bench(['run', ...TASKS, '--db', join(dir, 'missing', 'db.sqlite'), '-m', `vllm:${ckpt}`], {
      GENBENCH_VLLM: join(dir, 'no-such-vllm'),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/GENBENCH_VLLM/);
    expect(existsSync(join(dir, 'missing', 'db.sqlite'))).toBe(false);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s during the run: the in-flight answers are saved, the server is stopped, exit 130',
    async (signal) => {
      const ckpt = makeCheckpoint(join(dir, `run-e-${signal}`, 'step-10'));
      const name = `int-${signal}`;
      const child = startBench(
        ['run', ...TASKS, '-n', '20', '-c', '1', '--db', join(dir, name, 'db.sqlite'), '-m', `vllm:${ckpt}`, '-q'],
        envFor(name, { FAKE_VLLM_LATENCY_MS: '300' }),
      );
      let stderr = '';
      child.stderr!.on('data', (d) => (stderr += d));
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      await waitFor(
        'a first request',
        () => readEvents(join(dir, `${name}.jsonl`)).some((e) => e.event === 'request'),
        60_000,
      );
      child.kill(signal);
      expect(await exited).toBe(130);
      expect(stderr).toMatch(/interrupted/);
      for (const pid of pidsOf(name)) expect(alive(pid)).toBe(false);
      const d = new Database(join(dir, name, 'db.sqlite'), { readonly: true });
      const saved = (d.prepare("SELECT COUNT(*) AS n FROM results WHERE status = 'ok'").get() as { n: number }).n;
      d.close();
      expect(saved).toBeGreaterThanOrEqual(1);
      expect(saved).toBeLessThan(40);
    },
  );

  it('a server that dies during the run: exit 2 with its last log lines, nothing left running', async () => {
    const ckpt = makeCheckpoint(join(dir, 'run-g', 'step-12'));
    const r = await bench(
      ['run', ...TASKS, '-n', '10', '-c', '1', '--db', join(dir, 'die', 'db.sqlite'), '-m', `vllm:${ckpt}`, '-q'],
      envFor('die', { FAKE_VLLM_DIE_AFTER: '3' }),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/server exited during the run/);
    expect(r.stderr).toMatch(/\| RuntimeError: engine core died \(fake\)/);
    for (const pid of pidsOf('die')) expect(alive(pid)).toBe(false);
  });

  it('SIGKILL of genbench: the watchdog takes the server group down within 10 s', async () => {
    const ckpt = makeCheckpoint(join(dir, 'run-f', 'step-11'));
    const child = startBench(
      ['run', ...TASKS, '-n', '20', '-c', '1', '--db', join(dir, 'kill', 'db.sqlite'), '-m', `vllm:${ckpt}`, '-q'],
      envFor('kill', { FAKE_VLLM_LATENCY_MS: '300' }),
    );
    const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
    await waitFor(
      'a first request',
      () => readEvents(join(dir, 'kill.jsonl')).some((e) => e.event === 'request'),
      60_000,
    );
    const pids = pidsOf('kill');
    expect(pids.every(alive)).toBe(true);
    child.kill('SIGKILL');
    await exited;
    const t0 = Date.now();
    await waitFor('the server group to be gone', () => pids.every((p) => !alive(p)), 10_000);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });
});
