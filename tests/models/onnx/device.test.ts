// --device cpu|cuda|auto. This machine has no CUDA execution provider (its libraries come only from
// NuGet), so the error path is what can run everywhere: cuda must fail fast with the install
// command, auto must fall back to the CPU and say so. A probe pointed at an empty folder makes
// that hold on a GPU machine too.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CUDA_INSTALL_COMMAND,
  cudaProviderLibrary,
  cudaStartError,
  defaultProbe,
  isCudaProviderError,
  planDevice,
  type DeviceProbe,
} from '../../../src/models/onnx/device.js';
import { tinyCheckpointFiles } from '../../../src/models/onnx/testing/checkpoint-files.js';
import { checkpointDir, load, modelError, request, tempDir } from './helpers.js';

const noCuda: DeviceProbe = { binDir: tempDir(), platform: 'linux/x64' };
const dir = checkpointDir(tinyCheckpointFiles());

describe('onnx devices', () => {
  it('device=cuda without the CUDA provider: one line with the install command, before loading anything', async () => {
    const e = await modelError(load(`onnx:${dir}?device=cuda`, {}, { probe: noCuda, log: () => {} }));
    expect(e.kind).toBe('config');
    expect(e.message).not.toContain('\n');
    expect(e.message).toBe(
      `onnx: device=cuda: the CUDA execution provider is not installed (${cudaProviderLibrary(noCuda.binDir)} is missing); install it with: ${CUDA_INSTALL_COMMAND}`,
    );
    // Even a missing folder is reported as the device problem first: it is checked before any file.
    expect((await modelError(load('onnx:/nonexistent?device=cuda', {}, { probe: noCuda }))).message).toMatch(
      /install it with/,
    );
  });

  it('device=cuda on a platform onnxruntime-node has no CUDA build for', () => {
    expect(() => planDevice('cuda', { binDir: noCuda.binDir, platform: 'darwin/arm64' })).toThrow(
      /no CUDA execution provider for darwin\/arm64/,
    );
  });

  it("recognises ONNX Runtime 1.30's own CUDA failures (library present, driver or CUDA libraries missing)", () => {
    for (const ortMessage of [
      'OrtSessionOptionsAppendExecutionProvider_Cuda: Failed to load shared library',
      'Failed to load library libonnxruntime_providers_cuda.so with error: libcublasLt.so.12: cannot open shared object file',
      'CUDA failure 100: no CUDA-capable device is detected ; GPU=0',
    ]) {
      expect(isCudaProviderError(new Error(ortMessage))).toBe(true);
      const e = cudaStartError(new Error(`${ortMessage}\nstack`));
      expect(e.kind).toBe('config');
      expect(e.message).not.toContain('\n');
      expect(e.message).toContain('CUDA 12 and cuDNN 9');
    }
    expect(isCudaProviderError(new Error('Load model from x failed: Protobuf parsing failed.'))).toBe(false);
  });

  it('device=auto falls back to the CPU, says so once, and runs', async () => {
    const lines: string[] = [];
    const m = await load(`onnx:${dir}?device=auto`, {}, { probe: noCuda, log: (l) => lines.push(l) });
    expect(m.info.device).toBe('cpu');
    expect(lines).toEqual([
      `onnx: device=auto: running on the CPU because the CUDA execution provider is not installed (${cudaProviderLibrary(noCuda.binDir)} is missing); install it with: ${CUDA_INSTALL_COMMAND}`,
    ]);
    expect(m.info.notes).toEqual(lines);
    expect((await m.generate(request('Hi', { maxTokens: 5 }))).resolvedModel).toMatch(/\(cpu\)$/);
    await m.close!();
    const cpu: string[] = [];
    await (
      await load(`onnx:${dir}?device=cpu`, {}, { probe: noCuda, log: (l) => cpu.push(l) })
    ).close!();
    expect(cpu).toEqual([]);
  });

  it('device=cuda with the real onnxruntime-node install: the hint where the provider is missing, a working model where it is not', async () => {
    const probe = defaultProbe();
    const installed = existsSync(cudaProviderLibrary(probe.binDir));
    try {
      const m = await load(`onnx:${dir}?device=cuda`);
      expect(installed).toBe(true);
      expect(m.info.device).toBe('cuda');
      expect((await m.generate(request('Hi', { maxTokens: 5 }))).usage!.outputTokens).toBeGreaterThan(0);
      await m.close!();
    } catch (err) {
      const message = (err as Error).message;
      if (installed) expect(message).toMatch(/could not start the CUDA execution provider.*CUDA 12 and cuDNN 9/);
      else expect(message).toContain(`install it with: ${CUDA_INSTALL_COMMAND}`);
    }
  });
});
