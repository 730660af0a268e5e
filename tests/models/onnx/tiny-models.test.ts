// The test models themselves: the ONNX graph of the sum-rule decoder must compute exactly the rule
// written in TypeScript (checked with one plain forward pass over random contexts, no decoding loop),
// for every variant; and the rule must have the properties the tests rely on.
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import { halfToFloat } from '../../../src/models/onnx/fp16.js';
import {
  BASE_VOCAB_SIZE,
  CHARS,
  EOS_ID,
  END_ID,
  SPECIAL_TOKENS,
  chatPromptIds,
} from '../../../src/models/onnx/testing/char-tokenizer.js';
import {
  buildTinySumDecoder,
  tinySumGreedy,
  tinySumNext,
  tinySumSpec,
  type TinySumOptions,
} from '../../../src/models/onnx/testing/tiny-sum-decoder.js';

async function forward(opts: TinySumOptions, context: number[]): Promise<Float32Array> {
  const s = await ort.InferenceSession.create(buildTinySumDecoder(opts));
  const spec = tinySumSpec(opts);
  const i64 = (a: number[]) => new ort.Tensor('int64', BigInt64Array.from(a, BigInt), [1, a.length]);
  const feeds: Record<string, ort.Tensor> = { input_ids: i64(context), attention_mask: i64(context.map(() => 1)) };
  if (spec.positionIds) feeds.position_ids = i64(context.map((_, i) => i));
  if (opts.kvCache !== false) {
    for (let l = 0; l < spec.layers; l++) {
      for (const k of ['key', 'value']) {
        feeds[`past_key_values.${l}.${k}`] =
          opts.dtype === 'fp16'
            ? new ort.Tensor('float16', new Uint16Array(0), [1, spec.kvHeads, 0, spec.headDim])
            : new ort.Tensor('float32', new Float32Array(0), [1, spec.kvHeads, 0, spec.headDim]);
      }
    }
  }
  const out = (await s.run(feeds)).logits!;
  await s.release();
  const V = spec.vocabSize;
  const last = (out.data as Float32Array | Uint16Array).slice((context.length - 1) * V, context.length * V);
  return out.type === 'float16' ? Float32Array.from(last as Uint16Array, halfToFloat) : (last as Float32Array);
}

describe('tiny sum-rule decoder', () => {
  for (const opts of [
    {},
    { kvCache: false },
    { dtype: 'fp16' },
    { dtype: 'q8' },
    { positionIds: false },
    { layers: 3, kvHeads: 1 },
  ] as TinySumOptions[]) {
    it(`computes the rule in ONNX: ${JSON.stringify(opts)}`, async () => {
      const rng = Rng.fromKey(`tiny:${JSON.stringify(opts)}`);
      const spec = tinySumSpec(opts);
      for (let trial = 0; trial < 6; trial++) {
        const context = Array.from({ length: rng.int(1, 300) }, () => rng.int(0, BASE_VOCAB_SIZE - 1));
        const logits = await forward(opts, context);
        const { next, second } = tinySumNext(spec, context);
        const order = Array.from(logits.keys()).sort((a, b) => logits[b]! - logits[a]!);
        expect(order.slice(0, 2)).toEqual([next, second]);
        expect([logits[next], logits[second], logits[order[2]!]]).toEqual([-96, -98, -200]);
      }
    });
  }

  it('answers by counting down the alphabet to <|end|> (or with a bare </s>), so every answer ends', () => {
    for (const positionIds of [true, false]) {
      const spec = tinySumSpec({ positionIds });
      const lengths = new Set<number>();
      for (let i = 0; i < 60; i++) {
        const out = tinySumGreedy(spec, chatPromptIds([{ role: 'user', content: `question ${i}` }]), 100);
        lengths.add(out.length);
        if (out.length === 1 && out[0] === EOS_ID) continue;
        expect(out.at(-1)).toBe(END_ID);
        const letters = out.slice(0, -1).map((t) => CHARS[t - SPECIAL_TOKENS.length]!.charCodeAt(0));
        expect(letters.at(-1) ?? 97).toBe(97); // ... c, b, a, <|end|>
        for (let j = 1; j < letters.length; j++) expect(letters[j]).toBe(letters[j - 1]! - 1);
      }
      expect(lengths.size).toBeGreaterThan(10);
    }
  });
});
