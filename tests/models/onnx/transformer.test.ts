// Batching and caching must not change what a real attention model says. The random-weight tiny
// transformer is decoded by a bare greedy loop written here (one row, no padding, no provider code),
// and the provider must produce the same tokens with the KV cache in mixed-length batches, and with
// the no-cache export.
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { Tokenizer } from '@huggingface/tokenizers';
import {
  EOS_ID,
  END_ID,
  chatPromptIds,
  tokenizerConfigJson,
  tokenizerJson,
} from '../../../src/models/onnx/testing/char-tokenizer.js';
import { transformerCheckpointFiles } from '../../../src/models/onnx/testing/checkpoint-files.js';
import {
  buildTinyTransformer,
  type TinyTransformerOptions,
} from '../../../src/models/onnx/testing/tiny-transformer.js';
import { PROMPTS, checkpointDir, load, request, userMessages } from './helpers.js';

const SMALL: TinyTransformerOptions = {
  vocabSize: 512,
  hidden: 64,
  heads: 4,
  layers: 2,
  ffn: 128,
  maxPositions: 512,
  seed: 3,
};
const MAX_NEW = 24;

async function bareGreedy(session: ort.InferenceSession, prompt: number[]): Promise<number[]> {
  const i64 = (a: number[], dims: number[]) => new ort.Tensor('int64', BigInt64Array.from(a, BigInt), dims);
  const hd = SMALL.hidden / SMALL.heads;
  const past: Record<string, ort.Tensor> = {};
  for (let l = 0; l < SMALL.layers; l++)
    for (const k of ['key', 'value'])
      past[`past_key_values.${l}.${k}`] = new ort.Tensor('float32', new Float32Array(0), [1, SMALL.heads, 0, hd]);
  const seq = [...prompt];
  let fresh = [...prompt];
  const out: number[] = [];
  while (out.length < MAX_NEW) {
    const res = await session.run({
      input_ids: i64(fresh, [1, fresh.length]),
      attention_mask: i64(
        seq.map(() => 1),
        [1, seq.length],
      ),
      position_ids: i64(
        fresh.map((_, i) => seq.length - fresh.length + i),
        [1, fresh.length],
      ),
      ...past,
    });
    const logits = res.logits!.data as Float32Array;
    const at = (fresh.length - 1) * SMALL.vocabSize;
    let best = 0;
    for (let v = 1; v < SMALL.vocabSize; v++) if (logits[at + v]! > logits[at + best]!) best = v;
    out.push(best);
    if (best === EOS_ID || best === END_ID) break;
    seq.push(best);
    fresh = [best];
    for (let l = 0; l < SMALL.layers; l++)
      for (const k of ['key', 'value']) past[`past_key_values.${l}.${k}`] = res[`present.${l}.${k}`]!;
  }
  return out;
}

describe('onnx provider on a real attention model', () => {
  it("gives the bare loop's tokens in mixed-length batches, with and without the KV cache", async () => {
    const session = await ort.InferenceSession.create(buildTinyTransformer(SMALL));
    const tokenizer = new Tokenizer(tokenizerJson(SMALL.vocabSize), tokenizerConfigJson());
    const want: { text: string; outputTokens: number }[] = [];
    for (const p of PROMPTS) {
      const ids = await bareGreedy(session, chatPromptIds(userMessages(p) as { role: string; content: string }[]));
      const ended = [EOS_ID, END_ID].includes(ids[ids.length - 1]!);
      want.push({
        text: tokenizer.decode(ended ? ids.slice(0, -1) : ids, { skip_special_tokens: true }),
        outputTokens: ids.length,
      });
    }
    await session.release();
    // The random model must produce varied, non-trivial answers for this to test anything.
    expect(new Set(want.map((w) => w.text)).size).toBe(PROMPTS.length);

    for (const [files, spec] of [
      [transformerCheckpointFiles(SMALL), '?batch=8'],
      [transformerCheckpointFiles(SMALL), '?batch=3'],
      [transformerCheckpointFiles({ ...SMALL, kvCache: false }), '?batch=8'],
    ] as const) {
      const model = await load(`onnx:${checkpointDir(files)}${spec}`);
      const got = await Promise.all(PROMPTS.map((p) => model.generate(request(p, { maxTokens: MAX_NEW }))));
      await model.close!();
      expect(got.map((r) => ({ text: r.text, outputTokens: r.usage!.outputTokens }))).toEqual(want);
    }
  });
});
