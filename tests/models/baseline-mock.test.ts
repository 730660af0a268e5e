import { describe, expect, it } from 'vitest';
import type { Rng } from '../../src/core/rng.js';
import { mockModel } from '../../src/models/mock.js';
import { loadModel } from '../../src/models/spec.js';
import { ModelError } from '../../src/models/types.js';
import { modelError, request } from './helpers.js';

describe('baselines', () => {
  it('oracle replies the reference, and an empty string when there is none', async () => {
    const m = await loadModel('baseline:oracle');
    expect(m).toMatchObject({ spec: 'baseline:oracle', identity: 'baseline:oracle', cacheable: false });
    expect(m.defaultConcurrency).toBeGreaterThanOrEqual(32);
    expect((await m.generate(request('q', {}, { reference: '(1+2)*8' }))).text).toBe('(1+2)*8');
    expect((await m.generate(request('q'))).text).toBe('');
  });

  it("random replies the task's chance-level answer drawn from the request's rng", async () => {
    const m = await loadModel('baseline:random');
    const randomAnswer = (rng: Rng) => String(rng.int(1, 1_000_000));
    const a = await m.generate(request('q', {}, { randomAnswer }));
    const b = await m.generate(request('q', {}, { randomAnswer }));
    expect(a.text).toMatch(/^\d+$/);
    expect(b.text).toBe(a.text); // same (item, sample, turn) stream, same answer
    expect((await m.generate(request('q'))).text).toBe('');
    expect(m.cacheable).toBe(false);
  });
});

describe('mock providers', () => {
  it('mock:fixed always replies its text, with approximate token counts', async () => {
    const m = await loadModel('mock:fixed:The answer is 42');
    const res = await m.generate(request('What is six times seven?'));
    expect(res).toMatchObject({ text: 'The answer is 42', usage: { inputTokens: 6, outputTokens: 4 } });
    expect(m.identity).toBe('mock:fixed:The answer is 42');
    expect(m.cacheable).toBe(false);
  });

  it('mock:echo echoes the last user message text', async () => {
    const m = await loadModel('mock:echo');
    const res = await m.generate(
      request([
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'reply' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'second ' },
            { type: 'image', mediaType: 'image/png', data: 'AAAA' },
            { type: 'text', text: 'turn' },
          ],
        },
      ]),
    );
    expect(res.text).toBe('second turn');
  });

  it('mock:error:<kind> always fails with that kind', async () => {
    const m = await loadModel('mock:error:rate_limit');
    const e = await modelError(m.generate(request('q')));
    expect(e.kind).toBe('rate_limit');
    expect(e.options.retryAfterMs).toBeGreaterThan(0);
    expect((await modelError((await loadModel('mock:error:auth')).generate(request('q')))).fatal).toBe(true);
  });
});

describe('mockModel', () => {
  it('plays a script in call order and records the calls', async () => {
    const m = mockModel({ replies: ['one', 'two'] });
    expect((await m.generate(request('a'))).text).toBe('one');
    expect((await m.generate(request('b'))).text).toBe('two');
    await expect(m.generate(request('c'))).rejects.toThrow(/script exhausted/);
    expect(m.calls.map((c) => c.messages[0]!.content)).toEqual(['a', 'b', 'c']);
  });

  it('answers from a function, sync or async', async () => {
    const m = mockModel({ replies: async (req, i) => `${i}:${req.sampleIndex}` });
    expect((await m.generate(request('a', {}, { sampleIndex: 3 }))).text).toBe('0:3');
    expect((await m.generate(request('a'))).text).toBe('1:0');
  });

  it('injects failures by call index', async () => {
    const m = mockModel({
      replies: () => 'ok',
      fail: (_req, i) =>
        i === 1
          ? new ModelError('transient', 'blip')
          : i === 2
            ? new ModelError('rate_limit', 'slow down', { retryAfterMs: 5 })
            : undefined,
    });
    expect((await m.generate(request('a'))).text).toBe('ok');
    expect((await modelError(m.generate(request('a')))).kind).toBe('transient');
    expect((await modelError(m.generate(request('a')))).options.retryAfterMs).toBe(5);
    expect((await m.generate(request('a'))).text).toBe('ok');
  });

  it('waits latencyMs, and an aborted signal ends the wait with a timeout', async () => {
    const m = mockModel({ replies: () => 'late', latencyMs: 60 });
    const t0 = performance.now();
    expect((await m.generate(request('a'))).text).toBe('late');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(50);
    const slow = mockModel({ replies: () => 'never', latencyMs: 10_000 });
    const e = await modelError(slow.generate(request('a', {}, { signal: AbortSignal.timeout(30) })));
    expect(e.kind).toBe('timeout');
  });

  it('gives concurrent calls distinct indices in arrival order', async () => {
    const m = mockModel({ replies: (_r, i) => String(i), latencyMs: (_r, i) => (i === 0 ? 40 : 0) });
    const texts = await Promise.all([0, 1, 2].map(() => m.generate(request('x')).then((r) => r.text)));
    expect(texts).toEqual(['0', '1', '2']);
  });
});
