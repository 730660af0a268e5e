// Token choice: greedy ties, the sampled distribution against softmax, top-k and top-p cuts, and
// the repetition penalty, each against a direct computation.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import { GREEDY, TokenSampler, argmax } from '../../../src/models/onnx/sampler.js';

const LOGITS = [2, 1, 0.5, 3, -1, 3 - Math.log(2)];

function frequencies(sampler: TokenSampler, n: number, logits = LOGITS): number[] {
  const counts = new Array(logits.length).fill(0);
  for (let i = 0; i < n; i++) counts[sampler.pick(Float32Array.from(logits))]++;
  return counts.map((c) => c / n);
}

function softmax(xs: number[], t = 1): number[] {
  const m = Math.max(...xs);
  const e = xs.map((x) => Math.exp((x - m) / t));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}

describe('onnx token sampler', () => {
  it('greedy: the largest logit, the lowest index on ties', () => {
    expect(argmax(Float32Array.from([1, 5, 5, 2]))).toBe(1);
    expect(new TokenSampler(GREEDY).pick(Float32Array.from(LOGITS))).toBe(3);
    // top_k = 1 is greedy even at a high temperature.
    expect(
      new TokenSampler({ ...GREEDY, temperature: 5, topK: 1 }, Rng.fromKey('k')).pick(Float32Array.from(LOGITS)),
    ).toBe(3);
  });

  it('samples in proportion to softmax(logits / temperature)', () => {
    for (const t of [1, 0.5, 2]) {
      const got = frequencies(new TokenSampler({ ...GREEDY, temperature: t }, Rng.fromKey(`t${t}`)), 40_000);
      const want = softmax(LOGITS, t);
      for (let i = 0; i < LOGITS.length; i++) expect(Math.abs(got[i]! - want[i]!)).toBeLessThan(0.01);
    }
  });

  it('top-k keeps the k best; top-p keeps the smallest set reaching p', () => {
    const k2 = frequencies(new TokenSampler({ ...GREEDY, temperature: 1, topK: 2 }, Rng.fromKey('k2')), 30_000);
    // Tokens 3 and 5 have weights 1 and 1/2 of e^3.
    expect(k2[3]! + k2[5]!).toBe(1);
    expect(Math.abs(k2[3]! - 2 / 3)).toBeLessThan(0.01);
    const probs = softmax(LOGITS);
    const p = probs[3]! + probs[5]! - 1e-9; // exactly the two best
    const topP = frequencies(new TokenSampler({ ...GREEDY, temperature: 1, topP: p }, Rng.fromKey('p')), 30_000);
    expect(topP[3]! + topP[5]!).toBe(1);
    const tiny = frequencies(new TokenSampler({ ...GREEDY, temperature: 1, topP: 0.01 }, Rng.fromKey('p2')), 1000);
    expect(tiny[3]).toBe(1);
  });

  it('is reproducible from its stream, and needs one to sample', () => {
    const draw = (key: string) =>
      Array.from({ length: 50 }, (_, i) => i).map(
        (
          (s) => () =>
            s.pick(Float32Array.from(LOGITS))
        )(new TokenSampler({ ...GREEDY, temperature: 1 }, Rng.fromKey(key))),
      );
    expect(draw('a')).toEqual(draw('a'));
    expect(draw('a')).not.toEqual(draw('b'));
    expect(() => new TokenSampler({ ...GREEDY, temperature: 1 })).toThrow(/random stream/);
  });

  it('applies the repetition penalty as transformers does: divide positive logits, multiply negative ones', () => {
    const logits = Float32Array.from([2, -1, 1.9, 0.5]);
    const s = new TokenSampler({ ...GREEDY, repetitionPenalty: 2 });
    expect(s.pick(logits, new Set([0, 1]))).toBe(2);
    expect(Array.from(logits)).toEqual([1, -2, Math.fround(1.9), 0.5]);
  });
});
