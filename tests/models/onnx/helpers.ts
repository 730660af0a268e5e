// Fixtures for the ONNX provider tests: tiny checkpoints written to temporary folders (removed after
// the test file), requests, and loading a model with the test seams.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import type { Message } from '../../../src/core/types.js';
import { parseModelSpec } from '../../../src/models/spec.js';
import { ModelError, type ModelOptions, type ModelRequest, type Sampling } from '../../../src/models/types.js';
import { createOnnxModel, type OnnxInternals, type OnnxModel } from '../../../src/models/onnx/index.js';
import { writeCheckpoint, type CheckpointFileMap } from '../../../src/models/onnx/testing/checkpoint-files.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test file. */
export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'genbench-onnx-test-'));
  dirs.push(d);
  return d;
}

/** Writes `files` to a fresh folder and returns its path. */
export function checkpointDir(files: CheckpointFileMap): string {
  const d = tempDir();
  writeCheckpoint(d, files);
  return d;
}

export const quiet: OnnxInternals = { log: () => {} };

export async function load(
  spec: string,
  opts: ModelOptions = {},
  internals: OnnxInternals = quiet,
): Promise<OnnxModel> {
  return createOnnxModel(parseModelSpec(spec), opts, internals);
}

export function userMessages(text: string): Message[] {
  return [{ role: 'user', content: text }];
}

export function request(
  messages: Message[] | string,
  sampling: Sampling = {},
  extra: Partial<ModelRequest> = {},
): ModelRequest {
  const msgs = typeof messages === 'string' ? userMessages(messages) : messages;
  return { messages: msgs, sampling, sampleIndex: 0, rng: Rng.fromKey(`onnx-test:${JSON.stringify(msgs)}`), ...extra };
}

/** Runs `p`, expects a ModelError, returns it. */
export async function modelError(p: Promise<unknown> | (() => unknown)): Promise<ModelError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    if (err instanceof ModelError) return err;
    throw new Error(`expected a ModelError, got ${String(err)}`, { cause: err });
  }
  throw new Error('expected a ModelError, but the call succeeded');
}

/** Prompts of clearly different lengths, so batches need real left padding. */
export const PROMPTS = [
  'Hi',
  'What is 2 + 2?',
  'A much longer prompt: list the first five prime numbers, separated by commas, then stop.',
  'x',
  'Medium length prompt here.',
  'Another one, with CAPITALS and digits 12345.',
  '?',
  'The quick brown fox jumps over the lazy dog. The quick brown fox jumps over the lazy dog.',
];
