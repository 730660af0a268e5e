// bench doctor: says which servers and ONNX Runtime providers this machine has; read-only, exit 0.
import { describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { bench } from '../helpers/cli.js';
import { FAKE_VLLM } from '../helpers/fake-vllm.js';

describe('bench doctor', { timeout: 120_000 }, () => {
  it('finds vllm on PATH, reports a missing override, and always exits 0', async () => {
    const withFake = await bench(['doctor', '--json'], {
      PATH: `${dirname(FAKE_VLLM)}:${process.env.PATH}`,
      GENBENCH_VLLM: undefined,
    });
    expect(withFake.code).toBe(0);
    const r = JSON.parse(withFake.stdout);
    expect(r.servers.map((s: { kind: string }) => s.kind)).toEqual(['vllm', 'sglang', 'llamacpp']);
    expect(r.servers[0]).toMatchObject({ kind: 'vllm', found: true, command: 'vllm' });
    expect(typeof r.onnx.installed).toBe('boolean');
    if (r.onnx.installed) expect(r.onnx.providers).toContain('cpu');

    const missing = await bench(['doctor'], { GENBENCH_VLLM: join(dirname(FAKE_VLLM), 'no-such-vllm') });
    expect(missing.code).toBe(0);
    expect(missing.stdout).toMatch(/✗ vLLM .*no-such-vllm.*GENBENCH_VLLM/);
    expect(missing.stdout).toMatch(/ONNX Runtime/);
  });
});
