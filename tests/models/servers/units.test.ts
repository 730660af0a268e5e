// The pieces under the managed servers and series: spec options, server command lines, step and
// fingerprint of a checkpoint, series expansion, log tails, and reusing a server between runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseModelSpec } from '../../../src/models/spec.js';
import { ModelError } from '../../../src/models/types.js';
import { PROGRAMS, logTail, startServer } from '../../../src/models/servers/index.js';
import { checkpointInfo, stepFromName } from '../../../src/models/checkpoint.js';
import { expandSeries, isSeriesPattern } from '../../../src/models/series.js';
import { startMockLlmServer, type MockLlmServer } from '../../../src/testing/mock-llm-server.js';
import { FAKE_VLLM, alive, makeCheckpoint, waitFor } from '../../helpers/fake-vllm.js';

let dir: string;
let mock: MockLlmServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'genbench-servers-'));
  mock = await startMockLlmServer({ models: ['rl-step200', 'rl-step100', 'base', 'rl-step300'] });
});
afterAll(async () => {
  await mock.close();
  rmSync(dir, { recursive: true, force: true });
});

function configError(spec: string): string {
  try {
    parseModelSpec(spec);
  } catch (err) {
    expect(err).toBeInstanceOf(ModelError);
    expect((err as ModelError).kind).toBe('config');
    expect((err as Error).message).not.toContain('\n');
    return (err as Error).message;
  }
  throw new Error(`'${spec}' parsed`);
}

describe('managed server specs', { timeout: 60_000 }, () => {
  it('parse the checkpoint and the options in the query string', () => {
    expect(
      parseModelSpec('vllm:./ckpts/step-1000?tp=2&max-model-len=8192&dtype=bfloat16&args=--enforce-eager --seed 1'),
    ).toEqual({
      spec: 'vllm:./ckpts/step-1000?tp=2&max-model-len=8192&dtype=bfloat16&args=--enforce-eager --seed 1',
      provider: 'vllm',
      model: './ckpts/step-1000',
      options: { tp: '2', 'max-model-len': '8192', dtype: 'bfloat16', args: '--enforce-eager --seed 1' },
    });
    expect(parseModelSpec('sglang:Qwen/Qwen2.5-7B-Instruct')).toEqual({
      spec: 'sglang:Qwen/Qwen2.5-7B-Instruct',
      provider: 'sglang',
      model: 'Qwen/Qwen2.5-7B-Instruct',
    });
    expect(parseModelSpec('llamacpp:./m.gguf?max-model-len=4096&args=-ngl 99')).toMatchObject({
      provider: 'llamacpp',
      model: './m.gguf',
      options: { 'max-model-len': '4096', args: '-ngl 99' },
    });
  });

  it('reject bad options with one line that says what would be accepted', () => {
    expect(configError('vllm:./c?tpp=2')).toMatch(/unknown server option 'tpp'.*did you mean 'tp'/i);
    expect(configError('vllm:./c?tp=0')).toMatch(/tp must be a whole number ≥ 1/);
    expect(configError('vllm:./c?gpu-memory-utilization=1.5')).toMatch(/\(0, 1\]/);
    expect(configError('llamacpp:./m.gguf?tp=2')).toMatch(/llama-server has no 'tp' option/);
    expect(configError('vllm:?tp=2')).toMatch(/checkpoint path is empty/);
  });

  it("build each server's own command line", () => {
    const s = {
      tp: 2,
      dp: 4,
      maxModelLen: 8192,
      gpuMemoryUtilization: 0.8,
      dtype: 'bfloat16',
      args: ['--enforce-eager'],
    };
    expect(PROGRAMS.vllm.argv('/c', '127.0.0.1', 9000, 'c', s)).toEqual([
      'serve',
      '/c',
      '--host',
      '127.0.0.1',
      '--port',
      '9000',
      '--served-model-name',
      'c',
      '--tensor-parallel-size',
      '2',
      '--data-parallel-size',
      '4',
      '--max-model-len',
      '8192',
      '--gpu-memory-utilization',
      '0.8',
      '--dtype',
      'bfloat16',
      '--enforce-eager',
    ]);
    expect(PROGRAMS.sglang.argv('/c', '127.0.0.1', 9000, 'c', s)).toEqual([
      '--model-path',
      '/c',
      '--host',
      '127.0.0.1',
      '--port',
      '9000',
      '--served-model-name',
      'c',
      '--tp-size',
      '2',
      '--dp-size',
      '4',
      '--context-length',
      '8192',
      '--mem-fraction-static',
      '0.8',
      '--dtype',
      'bfloat16',
      '--enforce-eager',
    ]);
    expect(
      PROGRAMS.llamacpp.argv('/m.gguf', '127.0.0.1', 9000, 'm', { maxModelLen: 4096, args: ['-ngl', '99'] }),
    ).toEqual(['-m', '/m.gguf', '--host', '127.0.0.1', '--port', '9000', '--alias', 'm', '-c', '4096', '-ngl', '99']);
    expect(
      PROGRAMS.sglang.find({ PATH: '/nonexistent', GENBENCH_SGLANG: `${FAKE_VLLM} -m sglang.launch_server` }),
    ).toEqual({ command: [FAKE_VLLM, '-m', 'sglang.launch_server'] });
    expect(PROGRAMS.vllm.find({ PATH: '/nonexistent' })).toEqual({ missing: 'vllm not found on PATH' });
  });
});

describe('checkpoint identity', { timeout: 60_000 }, () => {
  it('reads the step from the usual folder names', () => {
    expect(stepFromName('step-1000')).toBe(1000);
    expect(stepFromName('checkpoint-500')).toBe(500);
    expect(stepFromName('global_step200')).toBe(200);
    expect(stepFromName('iter_0001000')).toBe(1000);
    expect(stepFromName('model-step_30.gguf')).toBe(30);
    expect(stepFromName('final')).toBeUndefined();
    expect(stepFromName('steps')).toBeUndefined();
  });

  it('fingerprints config and file sizes, not optimizer state, and never hashes weight shards', () => {
    const c = makeCheckpoint(join(dir, 'fp', 'checkpoint-10'));
    const a = checkpointInfo(c);
    expect(a.step).toBe(10);
    expect(a.manifest.find(([n]) => n === 'model.safetensors')![2]).toBeNull();
    expect(a.manifest.find(([n]) => n === 'config.json')![2]).toMatch(/^[0-9a-f]{16}$/);
    writeFileSync(join(c, 'optimizer.pt'), 'changed optimizer state');
    expect(checkpointInfo(c).fingerprint).toBe(a.fingerprint);
    writeFileSync(join(c, 'config.json'), JSON.stringify({ hidden_size: 16 }));
    const b = checkpointInfo(c);
    expect(b.fingerprint).not.toBe(a.fingerprint);
    appendFileSync(join(c, 'model.safetensors'), 'more');
    expect(checkpointInfo(c).fingerprint).not.toBe(b.fingerprint);
  });
});

describe('series expansion', { timeout: 60_000 }, () => {
  it('onnx:<dir>/step-{step} in step order, with the parent folder as the name', async () => {
    for (const s of [30, 4, 200]) makeCheckpoint(join(dir, 'export', `step-${s}`));
    mkdirSync(join(dir, 'export', 'other'));
    expect(isSeriesPattern(`onnx:${dir}/export/step-{step}`)).toBe(true);
    expect(isSeriesPattern('vllm:./ckpts/step-1?tp=2')).toBe(false);
    const x = await expandSeries(`onnx:${dir}/export/step-{step}`);
    expect(x.series).toBe('export');
    expect(x.members).toEqual([4, 30, 200].map((step) => ({ spec: `onnx:${dir}/export/step-${step}`, step })));
    const named = await expandSeries(`vllm:${dir}/export/step-*?tp=2`, { series: 'mine' });
    expect(named.series).toBe('mine');
    expect(named.members.map((m) => m.spec)).toEqual([4, 30, 200].map((s) => `vllm:${dir}/export/step-${s}?tp=2`));
  });

  it("openai-compatible:<model-{step}>@URL lists the server's models", async () => {
    const x = await expandSeries(`openai-compatible:rl-step{step}@${mock.url}/v1`);
    expect(x.members).toEqual(
      [100, 200, 300].map((step) => ({ spec: `openai-compatible:rl-step${step}@${mock.url}/v1`, step })),
    );
    expect(x.series).toBe('rl-step');
  });
});

describe('server processes', { timeout: 60_000 }, () => {
  it('logTail quotes only the latest start', () => {
    const log = join(dir, 'x.log');
    writeFileSync(log, '\n# genbench 2026-01-01: a\nold line\n\n# genbench 2026-01-02: b\nnew 1\nnew 2\n');
    expect(logTail(log)).toEqual(['new 1', 'new 2']);
  });

  it('reuse=1 keeps a server running and the next start reuses it', async () => {
    const ckpt = makeCheckpoint(join(dir, 'reuse', 'step-5'));
    const req = {
      kind: 'vllm' as const,
      checkpoint: ckpt,
      servedName: 'step-5',
      settings: { args: [] },
      logDir: join(dir, 'servers'),
      readyTimeoutMs: 60_000,
      reuse: true,
      env: { GENBENCH_VLLM: FAKE_VLLM },
    };
    const first = await startServer(req);
    try {
      expect(first.reused).toBe(false);
      await first.stop(); // a no-op for a reused server
      expect(alive(first.pid)).toBe(true);
      const second = await startServer(req);
      expect(second).toMatchObject({ reused: true, pid: first.pid, baseURL: first.baseURL });
      expect((await fetch(`${second.baseURL}/models`)).status).toBe(200);
    } finally {
      process.kill(-first.pid, 'SIGTERM');
      await waitFor('the reused server to stop', () => !alive(first.pid), 10_000);
    }
    const third = await startServer({ ...req, reuse: false });
    expect(third.reused).toBe(false);
    expect(third.pid).not.toBe(first.pid);
    await third.stop();
    expect(alive(third.pid)).toBe(false);
  });
});
