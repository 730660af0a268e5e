// Which ONNX Runtime execution provider runs the model. onnxruntime-node bundles the CPU provider;
// the CUDA provider's libraries are not on npm (they come from NuGet at install time, which this
// project skips), so `device=cuda` checks for them first and explains how to install them.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { InferenceSession } from 'onnxruntime-node';
import { ModelError } from '../types.js';
import type { DeviceChoice } from './options.js';

/** The command that fetches the CUDA 12 execution provider into node_modules (needs the NuGet feed). */
export const CUDA_INSTALL_COMMAND =
  'ONNXRUNTIME_NODE_INSTALL=cuda12 node node_modules/onnxruntime-node/script/install.js';

/** Where onnxruntime-node keeps its native libraries; provider libraries must sit next to them. */
export function ortBinDir(): string {
  const entry = createRequire(import.meta.url).resolve('onnxruntime-node');
  return join(dirname(entry), '..', 'bin', 'napi-v6', process.platform, process.arch);
}

export function cudaProviderLibrary(binDir: string): string {
  return join(
    binDir,
    process.platform === 'win32' ? 'onnxruntime_providers_cuda.dll' : 'libonnxruntime_providers_cuda.so',
  );
}

export interface DeviceProbe {
  /** Folder holding libonnxruntime*.so (tests point it at an empty folder). */
  binDir: string;
  platform: string;
}

export function defaultProbe(): DeviceProbe {
  return { binDir: ortBinDir(), platform: `${process.platform}/${process.arch}` };
}

export interface PlannedDevice {
  /** Providers to try, in order. */
  attempts: ('cpu' | 'cuda')[];
  /** Said once on stderr when auto falls back to the CPU. */
  note?: string;
}

function notInstalled(probe: DeviceProbe): string {
  if (probe.platform !== 'linux/x64' && probe.platform !== 'win32/x64') {
    return `onnxruntime-node has no CUDA execution provider for ${probe.platform} (only linux/x64 and win32/x64)`;
  }
  return `the CUDA execution provider is not installed (${cudaProviderLibrary(probe.binDir)} is missing); install it with: ${CUDA_INSTALL_COMMAND}`;
}

/** Decides the providers before any session exists, so a missing CUDA install fails in milliseconds. */
export function planDevice(choice: DeviceChoice, probe: DeviceProbe): PlannedDevice {
  if (choice === 'cpu') return { attempts: ['cpu'] };
  const installed =
    (probe.platform === 'linux/x64' || probe.platform === 'win32/x64') && existsSync(cudaProviderLibrary(probe.binDir));
  if (choice === 'cuda') {
    if (!installed) throw new ModelError('config', `onnx: device=cuda: ${notInstalled(probe)}`);
    return { attempts: ['cuda'] };
  }
  if (!installed)
    return { attempts: ['cpu'], note: `onnx: device=auto: running on the CPU because ${notInstalled(probe)}` };
  return { attempts: ['cuda', 'cpu'] };
}

export function executionProviders(
  device: 'cpu' | 'cuda',
  deviceId: number,
): InferenceSession.ExecutionProviderConfig[] {
  return device === 'cuda' ? [{ name: 'cuda', deviceId }] : ['cpu'];
}

/** ONNX Runtime's error when the CUDA provider library exists but cannot start (no driver, no CUDA 12 / cuDNN 9 libraries). */
export function cudaStartError(err: unknown): ModelError {
  const first = String((err as Error)?.message ?? err)
    .split('\n')[0]!
    .slice(0, 300);
  return new ModelError(
    'config',
    `onnx: device=cuda: ONNX Runtime could not start the CUDA execution provider (${first}); it needs an NVIDIA driver and the CUDA 12 and cuDNN 9 runtime libraries on LD_LIBRARY_PATH, see src/models/onnx/README.md`,
    { cause: err },
  );
}

/** Whether an ONNX Runtime error is about the CUDA provider itself rather than the model. */
export function isCudaProviderError(err: unknown): boolean {
  return /cuda|cudnn|cublas|providers_shared|shared library|execution provider/i.test(
    String((err as Error)?.message ?? err),
  );
}
