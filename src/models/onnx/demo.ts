// The built-in demo checkpoint, `onnx:demo`: the project's tiny sum-rule decoder (with KV cache) and
// its character tokenizer and chat template, built in memory in a few milliseconds. It needs no
// download and no GPU, so `bench run --model onnx:demo` exercises the whole local-checkpoint path
// (template, tokenizer, batching, KV cache, token counts, latency) anywhere. It is not trained: its
// answers are letters chosen by a fixed arithmetic rule, so it scores at or near zero.
// `node --import tsx src/models/onnx/testing/write-checkpoint.ts <dir>` writes the same folder to disk.
import { memoryFiles, type CheckpointFiles } from './checkpoint.js';
import { DEMO_OPTIONS, tinyCheckpointFiles } from './testing/checkpoint-files.js';

export const DEMO_NAME = 'demo';

export function demoFiles(): CheckpointFiles {
  return memoryFiles(DEMO_NAME, tinyCheckpointFiles(DEMO_OPTIONS));
}
