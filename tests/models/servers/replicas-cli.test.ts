// vllm:<checkpoint>?replicas=N: N fake servers, each on its own slice of GPUs, behind one
// ReplicatedModel. Requests spread over them, the work moves off a replica that dies without
// asking an item twice (beyond what was in flight there), and no server outlives genbench.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { bench, startBench } from '../../helpers/cli.js';
import { FAKE_VLLM, alive, cleanup, makeCheckpoint, readEvents, waitFor } from '../../helpers/fake-vllm.js';
import { deviceSlices, withoutPlacement } from '../../../src/models/servers/gpus.js';
import { parseModelSpec, parseServerOptions } from '../../../src/models/spec.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'genbench-replicas-'));
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
const events = (name: string) => readEvents(join(dir, `${name}.jsonl`));
const starts = (name: string) => events(name).filter((e) => e.event === 'start');
const pidsOf = (name: string) => starts(name).flatMap((e) => [e.pid, e.worker!]);
const requestsBy = (name: string, pid: number) =>
  events(name).filter((e) => e.event === 'request' && e.pid === pid).length;

function scored(db: string): { ok: number; runs: { spec: string; id: string }[] } {
  const d = new Database(db, { readonly: true });
  const ok = (d.prepare("SELECT COUNT(*) AS n FROM results WHERE status = 'ok'").get() as { n: number }).n;
  const runs = d.prepare('SELECT model_spec AS spec, id FROM runs').all() as { spec: string; id: string }[];
  d.close();
  return { ok, runs };
}

describe('GPU slices of replicas', () => {
  it('are disjoint slices of tp × dp devices from gpus=, CUDA_VISIBLE_DEVICES, or 0..N·tp·dp−1', () => {
    expect(deviceSlices({ replicas: 2, perReplica: 2 })).toEqual([
      ['0', '1'],
      ['2', '3'],
    ]);
    expect(deviceSlices({ replicas: 2, perReplica: 1, visible: '4,5,6' })).toEqual([['4'], ['5']]);
    expect(deviceSlices({ replicas: 2, perReplica: 2, visible: '0,1,2,3', gpus: '7,6,5,4' })).toEqual([
      ['7', '6'],
      ['5', '4'],
    ]);
    expect(() => deviceSlices({ replicas: 4, perReplica: 2, visible: '0,1,2,3' })).toThrow(
      /needs 8 GPUs but CUDA_VISIBLE_DEVICES lists 4 \(0,1,2,3\)/,
    );
    expect(() => deviceSlices({ replicas: 2, perReplica: 1, gpus: '0,1,2' })).toThrow(
      /gpus lists 3 devices .* needs 2: list exactly 2/,
    );
  });

  it('replicas and gpus are checked in the spec and left out of the recorded spec', () => {
    expect(parseModelSpec('vllm:./c?tp=2&replicas=4&gpus=0,1,2,3,4,5,6,7').options).toEqual({
      tp: '2',
      replicas: '4',
      gpus: '0,1,2,3,4,5,6,7',
    });
    expect(() => parseModelSpec('vllm:./c?replicas=0')).toThrow(/replicas must be a whole number ≥ 1/);
    expect(() => parseModelSpec('vllm:./c?gpus=0,0')).toThrow(/gpus lists a device twice/);
    expect(() => parseModelSpec('vllm:./c?gpus=0;1')).toThrow(/gpus must be a comma-separated list/);
    // --model-options YAML 'gpus: [0, 1]' arrives as 'gpus=0+1'.
    expect(deviceSlices({ replicas: 2, perReplica: 1, gpus: parseServerOptions('replicas=2&gpus=0+1').gpus! })).toEqual(
      [['0'], ['1']],
    );
    expect(withoutPlacement('vllm:./c?tp=2&replicas=4&gpus=0,1&args=--seed 1')).toBe('vllm:./c?tp=2&args=--seed 1');
    expect(withoutPlacement('vllm:./c?replicas=2')).toBe('vllm:./c');
    expect(withoutPlacement('vllm:./c')).toBe('vllm:./c');
  });
});

describe('vllm:<checkpoint>?replicas=N', { timeout: 180_000 }, () => {
  it('starts N servers on disjoint GPUs, spreads the requests, stops them all; the run is the one-server run', async () => {
    const ckpt = makeCheckpoint(join(dir, 'run-a', 'step-20'));
    const db = join(dir, 'spread', 'db.sqlite');
    const r = await bench(
      ['run', ...TASKS, '-n', '20', '-c', '8', '--db', db, '-m', `vllm:${ckpt}?tp=2&replicas=2`, '-q'],
      envFor('spread', { CUDA_VISIBLE_DEVICES: '4,5,6,7', FAKE_VLLM_LATENCY_MS: '40' }),
    );
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    const s = starts('spread');
    expect(s.map((e) => e.cuda).sort()).toEqual(['4,5', '6,7']);
    for (const e of s) expect(e.argv).toEqual(expect.arrayContaining(['--tensor-parallel-size', '2']));
    expect(new Set(s.map((e) => e.argv![e.argv!.indexOf('--port') + 1])).size).toBe(2);
    const counts = s.map((e) => requestsBy('spread', e.pid));
    expect(counts[0]! + counts[1]!).toBe(40);
    for (const c of counts) expect(c).toBeGreaterThanOrEqual(10); // about half each
    for (const pid of pidsOf('spread')) expect(alive(pid)).toBe(false);
    expect(
      readdirSync(join(dir, 'spread', 'servers'))
        .filter((f) => f.endsWith('.log'))
        .sort()
        .map((f) => f.replace(/.*-(r\d)\.log$/, '$1')),
    ).toEqual(['r0', 'r1']);
    const first = scored(db);
    expect(first.ok).toBe(40);
    expect(first.runs.map((x) => x.spec)).toEqual([`vllm:${ckpt}?tp=2`]);

    // One server instead of two: the same run, already complete, so no server starts at all.
    const again = await bench(
      ['run', ...TASKS, '-n', '20', '--db', db, '-m', `vllm:${ckpt}?tp=2`, '-q'],
      envFor('spread-1'),
    );
    expect(again.code).toBe(0);
    expect(starts('spread-1')).toEqual([]);
    expect(scored(db).runs.map((x) => x.id)).toEqual(first.runs.map((x) => x.id));
  });

  it('a replica killed mid-run: every item finishes on the other, none asked twice beyond those in flight', async () => {
    const ckpt = makeCheckpoint(join(dir, 'run-b', 'step-21'));
    const db = join(dir, 'die', 'db.sqlite');
    const child = startBench(
      ['run', ...TASKS, '-n', '20', '-c', '4', '--db', db, '-m', `vllm:${ckpt}?replicas=2`, '-q'],
      envFor('die', { CUDA_VISIBLE_DEVICES: '0,1', FAKE_VLLM_LATENCY_MS: '300' }),
    );
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await waitFor(
      'requests on both replicas',
      () => starts('die').length === 2 && starts('die').every((e) => requestsBy('die', e.pid) >= 3),
      90_000,
    );
    const victim = starts('die').find((e) => e.cuda === '1')!;
    process.kill(-victim.pid, 'SIGKILL'); // the whole server group, as an OOM kill or a lost node would
    expect(await exited).toBe(0);
    expect(stderr).toMatch(
      /vLLM replica \d\/2 \(pid \d+\) exited during the run; its work moves to the other replicas/,
    );
    expect(scored(db).ok).toBe(40);
    const reqs = events('die').filter((e) => e.event === 'request');
    const keys = new Set(reqs.map((e) => e.key));
    expect(keys.size).toBe(40);
    // Only what was in flight on the killed replica (its limiter lets at most -c through) is asked again.
    expect(reqs.length - keys.size).toBeLessThanOrEqual(4);
    const survivor = starts('die').find((e) => e.cuda === '0')!;
    expect(requestsBy('die', survivor.pid)).toBeGreaterThan(requestsBy('die', victim.pid));
    for (const pid of pidsOf('die')) expect(alive(pid)).toBe(false);
  });

  it('every replica dies during the run: exit 2 with each log quoted, nothing left running', async () => {
    const ckpt = makeCheckpoint(join(dir, 'run-f', 'step-25'));
    const r = await bench(
      [
        'run',
        ...TASKS,
        '-n',
        '20',
        '-c',
        '2',
        '--db',
        join(dir, 'all', 'db.sqlite'),
        '-m',
        `vllm:${ckpt}?replicas=2`,
        '-q',
      ],
      envFor('all', { FAKE_VLLM_DIE_AFTER: '3' }),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/all 2 vLLM replicas exited during the run/);
    expect(r.stderr.match(/\| RuntimeError: engine core died \(fake\)/g)?.length).toBe(2);
    for (const pid of pidsOf('all')) expect(alive(pid)).toBe(false);
  });

  it('one replica fails at start: exit 2 with its log lines, the others stopped, nothing left running', async () => {
    const ckpt = makeCheckpoint(join(dir, 'run-c', 'step-22'));
    const r = await bench(
      [
        'run',
        ...TASKS,
        '-n',
        '2',
        '--db',
        join(dir, 'fail', 'db.sqlite'),
        '-m',
        `vllm:${ckpt}?replicas=2&gpus=3,2`,
        '-q',
      ],
      envFor('fail', { FAKE_VLLM_FAIL_CUDA: '2', FAKE_VLLM_DELAY_MS: '4000' }),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/replica 2, CUDA_VISIBLE_DEVICES=2\) exited before it was ready \(exit code 1\)/);
    expect(r.stderr).toMatch(/\| RuntimeError: CUDA out of memory \(fake\)/);
    expect(r.stderr).toMatch(/Log: .*servers\/vllm-step-22-.*-r1\.log/);
    expect(
      starts('fail')
        .map((e) => e.cuda)
        .sort(),
    ).toEqual(['2', '3']);
    await waitFor('every replica to be gone', () => pidsOf('fail').every((p) => !alive(p)), 5000);
  });

  it('more replicas than GPUs: a one-line config error before anything starts', async () => {
    const ckpt = makeCheckpoint(join(dir, 'run-d', 'step-23'));
    const r = await bench(
      ['run', ...TASKS, '--db', join(dir, 'few', 'db.sqlite'), '-m', `vllm:${ckpt}?tp=2&replicas=2`],
      envFor('few', { CUDA_VISIBLE_DEVICES: '0,1' }),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs 4 GPUs but CUDA_VISIBLE_DEVICES lists 2 \(0,1\)/);
    expect(starts('few')).toEqual([]);
    expect(existsSync(join(dir, 'few', 'db.sqlite'))).toBe(false);
  });

  it('SIGKILL of genbench: the watchdogs take every replica down within 10 s', async () => {
    const ckpt = makeCheckpoint(join(dir, 'run-e', 'step-24'));
    const child = startBench(
      [
        'run',
        ...TASKS,
        '-n',
        '20',
        '-c',
        '2',
        '--db',
        join(dir, 'kill', 'db.sqlite'),
        '-m',
        `vllm:${ckpt}?replicas=2`,
        '-q',
      ],
      envFor('kill', { FAKE_VLLM_LATENCY_MS: '300' }),
    );
    const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
    await waitFor(
      'both replicas serving',
      () => starts('kill').length === 2 && events('kill').some((e) => e.event === 'request'),
      90_000,
    );
    const pids = pidsOf('kill');
    expect(pids.length).toBe(4);
    expect(pids.every(alive)).toBe(true);
    child.kill('SIGKILL');
    await exited;
    const t0 = Date.now();
    await waitFor('every replica group to be gone', () => pids.every((p) => !alive(p)), 10_000);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });
});
