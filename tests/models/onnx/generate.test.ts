// The decoding loop, token for token, on the tiny sum-rule models: their next token is a known
// function of the context (tinySumNext), so every expected answer is computed independently of the
// provider — from the chat template's token ids (chatPromptIds) and the rule.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import {
  CHARS,
  EOS_ID,
  END_ID,
  SPECIAL_TOKENS,
  chatPromptIds,
} from '../../../src/models/onnx/testing/char-tokenizer.js';
import { tinyCheckpointFiles, type TinyCheckpointOptions } from '../../../src/models/onnx/testing/checkpoint-files.js';
import { tinySumGreedy, tinySumNext, tinySumSpec } from '../../../src/models/onnx/testing/tiny-sum-decoder.js';
import type { OnnxModel } from '../../../src/models/onnx/index.js';
import { PROMPTS, checkpointDir, load, modelError, request, userMessages } from './helpers.js';

/** The text of generated ids: every answer token of the tiny models is one character. */
function textOf(ids: readonly number[]): string {
  return ids
    .filter((t) => t >= SPECIAL_TOKENS.length)
    .map((t) => CHARS[t - SPECIAL_TOKENS.length])
    .join('');
}

function expected(prompt: string, maxNew: number, opts: TinyCheckpointOptions = {}) {
  const tokens = tinySumGreedy(
    tinySumSpec(opts),
    chatPromptIds(userMessages(prompt) as { role: string; content: string }[]),
    maxNew,
  );
  const ended = tokens.length > 0 && [EOS_ID, END_ID].includes(tokens[tokens.length - 1]!);
  return { text: textOf(tokens), outputTokens: tokens.length, finishReason: ended ? 'stop' : 'length' };
}

async function answers(model: OnnxModel, prompts: readonly string[], maxTokens: number) {
  const res = await Promise.all(prompts.map((p) => model.generate(request(p, { maxTokens }))));
  return res.map((r) => ({ text: r.text, outputTokens: r.usage!.outputTokens, finishReason: r.finishReason }));
}

const VARIANTS: { name: string; opts: TinyCheckpointOptions; spec?: string }[] = [
  { name: 'transformers.js layout, KV cache', opts: {} },
  { name: 'Optimum layout (model.onnx at the top)', opts: { layout: 'optimum' } },
  { name: 'merged decoder with use_cache_branch', opts: { layout: 'optimum-merged' } },
  { name: 'no KV cache (decoder_model.onnx)', opts: { layout: 'optimum-no-cache' } },
  { name: 'fp16 cache and logits', opts: { dtypes: ['fp16'] }, spec: '?dtype=fp16' },
  { name: 'int8 weights (model_quantized)', opts: { dtypes: ['q8'] }, spec: '?dtype=q8' },
  { name: 'no position_ids input', opts: { positionIds: false } },
  { name: 'symbolic cache dims (read from config.json)', opts: { symbolicCacheDims: true } },
  { name: 'logits_to_keep input', opts: { logitsToKeep: true } },
  { name: 'three layers, one KV head', opts: { layers: 3, kvHeads: 1, headDim: 2 } },
];

describe('onnx provider: greedy decoding matches the rule token for token', () => {
  for (const v of VARIANTS) {
    it(`${v.name}: one at a time and in mixed-length batches`, async () => {
      const dir = checkpointDir(tinyCheckpointFiles(v.opts));
      const want = PROMPTS.map((p) => expected(p, 40, v.opts));
      const single = await load(`onnx:${dir}${v.spec ?? ''}${v.spec ? '&' : '?'}batch=1`);
      const batched = await load(`onnx:${dir}${v.spec ?? ''}${v.spec ? '&' : '?'}batch=8`);
      try {
        expect(await answers(single, PROMPTS, 40)).toEqual(want);
        expect(await answers(batched, PROMPTS, 40)).toEqual(want);
      } finally {
        await single.close!();
        await batched.close!();
      }
    });
  }

  it('really batches: concurrent requests share forward passes, and finished rows leave the batch', async () => {
    const model = await load(`onnx:${checkpointDir(tinyCheckpointFiles())}?batch=8`);
    const passes: number[] = [];
    model.onStep = (rows) => passes.push(rows);
    const res = await Promise.all(PROMPTS.map((p) => model.generate(request(p, { maxTokens: 40 }))));
    await model.close!();
    expect(res.map((r) => r.metrics!.batchSize)).toEqual(PROMPTS.map(() => 8));
    expect(passes[0]).toBe(8);
    // Answers have different lengths, so the batch shrinks as rows end; never more passes than the longest answer.
    const lengths = res.map((r) => r.usage!.outputTokens!);
    expect(new Set(lengths).size).toBeGreaterThan(2);
    expect(passes).toHaveLength(Math.max(...lengths));
    expect(passes.at(-1)).toBe(lengths.filter((n) => n === Math.max(...lengths)).length);
    for (let i = 1; i < passes.length; i++) expect(passes[i]).toBeLessThanOrEqual(passes[i - 1]!);
  });

  it('uses the chat template and tokenizer for the prompt, and reports token counts and latency', async () => {
    const model = await load(`onnx:${checkpointDir(tinyCheckpointFiles())}`);
    const messages = [
      { role: 'system' as const, content: 'Be brief.' },
      { role: 'user' as const, content: 'Name a colour.' },
    ];
    const r = await model.generate(request(messages, { maxTokens: 50 }));
    await model.close!();
    const prompt = chatPromptIds(messages);
    const tokens = tinySumGreedy(tinySumSpec(), prompt, 50);
    expect(r.usage).toEqual({ inputTokens: prompt.length, outputTokens: tokens.length });
    expect(r.text).toBe(textOf(tokens));
    expect(r.resolvedModel).toMatch(/\(cpu\)$/);
    for (const k of ['queueMs', 'timeToFirstTokenMs', 'msPerToken', 'tokensPerSecond', 'batchSize'])
      expect(r.metrics![k]).toBeGreaterThanOrEqual(0);
  });

  it('reads chat_template.jinja, and builds a plain prompt for a checkpoint without a template', async () => {
    const jinja = await load(`onnx:${checkpointDir(tinyCheckpointFiles({ chatTemplate: 'jinja' }))}`);
    expect(jinja.info.promptFormat).toBe('chat-template');
    expect(await answers(jinja, ['Hello'], 30)).toEqual([expected('Hello', 30)]);
    await jinja.close!();

    const base = await load(`onnx:${checkpointDir(tinyCheckpointFiles({ chatTemplate: 'none' }))}`);
    expect(base.info.promptFormat).toBe('plain');
    const r = await base.generate(request('Hello', { maxTokens: 30 }));
    await base.close!();
    const prompt = [...'Hello'].map((c) => SPECIAL_TOKENS.length + CHARS.indexOf(c));
    expect(r.usage!.inputTokens).toBe(prompt.length);
    expect(r.text).toBe(textOf(tinySumGreedy(tinySumSpec(), prompt, 30)));
  });

  it('stops at max tokens, and cuts the text before a stop string', async () => {
    const model = await load(`onnx:${checkpointDir(tinyCheckpointFiles())}?batch=4`);
    const prompt = PROMPTS.find((p) => expected(p, 100).text.length >= 6)!;
    const long = expected(prompt, 100);
    const capped = await model.generate(request(prompt, { maxTokens: 3 }));
    expect(capped).toMatchObject({ text: long.text.slice(0, 3), finishReason: 'length', usage: { outputTokens: 3 } });
    const stop = long.text.slice(3, 5);
    const stopped = await model.generate(request(prompt, { maxTokens: 100, stop: [stop, 'not there'] }));
    expect(stopped).toMatchObject({ text: long.text.slice(0, 3), finishReason: 'stop', usage: { outputTokens: 5 } });
    await model.close!();
  });

  it('falls back to generation_config.json for the token budget and stops at any of its EOS ids', async () => {
    const dir = checkpointDir(
      tinyCheckpointFiles({ generationConfig: { eos_token_id: [EOS_ID], pad_token_id: 0, max_new_tokens: 12 } }),
    );
    const model = await load(`onnx:${dir}`);
    const res = await Promise.all(PROMPTS.map((p) => model.generate(request(p))));
    await model.close!();
    for (const [i, r] of res.entries()) {
      // config.json still names </s>; <|end|> is only an EOS in the default generation_config.
      const tokens = tinySumGreedy(
        tinySumSpec(),
        chatPromptIds(userMessages(PROMPTS[i]!) as { role: string; content: string }[]),
        12,
        [EOS_ID],
      );
      expect(r.usage!.outputTokens).toBe(tokens.length);
      expect(r.text).toBe(textOf(tokens));
    }
  });
});

describe('onnx provider: sampling', () => {
  const dir = checkpointDir(tinyCheckpointFiles());

  it('samples only tokens the model gives weight to, reproducibly per request whatever the batch', async () => {
    const spec = tinySumSpec();
    const alone = await load(`onnx:${dir}?batch=1`);
    const together = await load(`onnx:${dir}?batch=8`);
    const reqs = PROMPTS.map((p, i) =>
      request(p, { temperature: 1.5, maxTokens: 30 }, { rng: Rng.fromKey(`sample-${i}`) }),
    );
    const a = await Promise.all(
      reqs.map((r) =>
        alone.generate({ ...r, rng: Rng.fromKey(`sample-${PROMPTS.indexOf(r.messages[0]!.content as string)}`) }),
      ),
    );
    const b = await Promise.all(reqs.map((r) => together.generate(r)));
    expect(b.map((r) => r.text)).toEqual(a.map((r) => r.text));
    let offGreedy = 0;
    for (const [i, r] of b.entries()) {
      // Every sampled token is the rule's first or second choice (the only ones with real weight).
      const ctx = chatPromptIds(userMessages(PROMPTS[i]!) as { role: string; content: string }[]);
      for (const c of r.text) {
        const { next, second } = tinySumNext(spec, ctx);
        const tok = SPECIAL_TOKENS.length + CHARS.indexOf(c);
        expect([next, second]).toContain(tok);
        if (tok !== next) offGreedy++;
        ctx.push(tok);
      }
    }
    expect(offGreedy).toBeGreaterThan(0);
    await alone.close!();
    await together.close!();
  });

  it('gives other draws for another seed, and greedy answers with a tiny top_p', async () => {
    const model = await load(`onnx:${dir}`);
    const ask = (seed: number | undefined, sampling = {}) =>
      model.generate(
        request(PROMPTS[2]!, { temperature: 2, maxTokens: 30, ...(seed === undefined ? {} : { seed }), ...sampling }),
      );
    const texts = await Promise.all([1, 2, 3, 4, 5, 6].map((s) => ask(s).then((r) => r.text)));
    expect(new Set(texts).size).toBeGreaterThan(1);
    expect((await ask(3)).text).toBe(texts[2]);
    expect((await ask(9, { topP: 0.01 })).text).toBe(expected(PROMPTS[2]!, 30).text);
    await model.close!();
  });
});

describe('onnx provider: requests that cannot run', () => {
  const dir = checkpointDir(tinyCheckpointFiles());

  it('refuses image prompts and prompts longer than the context as content errors', async () => {
    const model = await load(`onnx:${checkpointDir(tinyCheckpointFiles({ maxPositions: 4096 }))}`);
    const img = await modelError(
      model.generate(request([{ role: 'user', content: [{ type: 'image', mediaType: 'image/png', data: 'AAAA' }] }])),
    );
    expect(img.kind).toBe('content');
    expect(img.message).toMatch(/text-only/);
    const long = await modelError(model.generate(request('a'.repeat(5000))));
    expect(long.kind).toBe('content');
    expect(long.message).toMatch(/5004 tokens; the model's context is 4096/);
    await model.close!();
  });

  it('turns an abort or a timeout into a timeout error, and keeps serving the other rows', async () => {
    const model = await load(`onnx:${dir}?batch=4&window=50`);
    const ctl = new AbortController();
    const doomed = model.generate(request(PROMPTS[0]!, { maxTokens: 30 }, { signal: ctl.signal }));
    const fine = model.generate(request(PROMPTS[1]!, { maxTokens: 30 }));
    ctl.abort();
    expect((await modelError(doomed)).kind).toBe('timeout');
    expect((await fine).text).toBe(expected(PROMPTS[1]!, 30).text);
    await model.close!();

    const slow = await load(`onnx:${dir}`, { timeoutMs: 0 });
    const e = await modelError(slow.generate(request(PROMPTS[2]!, { maxTokens: 30 })));
    expect(e.kind).toBe('timeout');
    expect(e.message).toMatch(/no answer within 0 ms/);
    await slow.close!();
  });
});
