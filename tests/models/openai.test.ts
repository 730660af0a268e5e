import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/models/spec.js';
import type { MockRequestBody } from '../../src/testing/mock-llm-server.js';
import { ENV, OPENAI_KEY, mockServer, modelError, request } from './helpers.js';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

async function openaiAgainst(
  options: Parameters<typeof mockServer>[0] = {},
  provider: 'openai' | 'openai-compatible' = 'openai',
  modelOpts = {},
) {
  const server = await mockServer(options);
  const model = await loadModel(`${provider}:gpt-test@${server.url}/v1`, { env: ENV, ...modelOpts });
  return { server, model };
}

describe('openai provider against the mock server', () => {
  it('returns text, usage, resolved model and finish reason', async () => {
    const { server, model } = await openaiAgainst({
      resolvedModel: 'gpt-test-2026-01-01',
      respond: () => 'The answer is 42.',
    });
    const res = await model.generate(request('What is six times seven?'));
    expect(res).toEqual({
      text: 'The answer is 42.',
      usage: { inputTokens: 6, outputTokens: 5 }, // the mock counts ~4 characters a token
      resolvedModel: 'gpt-test-2026-01-01',
      finishReason: 'stop',
    });
    expect(server.stats.requests).toBe(1);
    expect(server.stats.lastRequest!.headers.authorization).toBe(`Bearer ${OPENAI_KEY}`);
  });

  it('sends system, text and image parts in the chat-completions shape', async () => {
    const bodies: MockRequestBody[] = [];
    const { model } = await openaiAgainst({ respond: (b) => (bodies.push(b), 'ok') });
    await model.generate(
      request([
        { role: 'system', content: [{ type: 'text', text: 'You solve puzzles.' }] },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Solve this:' },
            { type: 'image', mediaType: 'image/png', data: PNG },
          ],
        },
        { role: 'assistant', content: 'Thinking.' },
        { role: 'user', content: 'Go on.' },
      ]),
    );
    expect(bodies[0]!.messages).toEqual([
      { role: 'system', content: 'You solve puzzles.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Solve this:' },
          { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG}` } },
        ],
      },
      { role: 'assistant', content: 'Thinking.' },
      { role: 'user', content: 'Go on.' },
    ]);
  });

  it('passes sampling: max_completion_tokens for OpenAI, max_tokens for compatible servers', async () => {
    const sampling = { temperature: 0.2, topP: 0.9, maxTokens: 64, seed: 7, stop: ['\n\n', 'END'] };
    const bodies: MockRequestBody[] = [];
    const { model } = await openaiAgainst({ respond: (b) => (bodies.push(b), 'ok') });
    await model.generate(request('hi', sampling));
    expect(bodies[0]).toMatchObject({
      model: 'gpt-test',
      temperature: 0.2,
      top_p: 0.9,
      max_completion_tokens: 64,
      seed: 7,
      stop: ['\n\n', 'END'],
    });
    expect(bodies[0]).not.toHaveProperty('max_tokens');

    const compat = await openaiAgainst({ respond: (b) => (bodies.push(b), 'ok') }, 'openai-compatible');
    await compat.model.generate(request('hi', sampling));
    expect(bodies[1]).toMatchObject({ temperature: 0.2, top_p: 0.9, max_tokens: 64, seed: 7, stop: ['\n\n', 'END'] });
    expect(bodies[1]).not.toHaveProperty('max_completion_tokens');

    // Unset sampling fields are left to the server's defaults, not sent as null.
    await compat.model.generate(request('hi'));
    expect(Object.keys(bodies[2]!).sort()).toEqual(['messages', 'model']);
  });

  it('reports the finish reason when the server cuts the reply', async () => {
    const { model } = await openaiAgainst({ respond: () => 'x'.repeat(100) });
    const res = await model.generate(request('hi', { maxTokens: 5 }));
    expect(res.text).toBe('x'.repeat(20));
    expect(res.finishReason).toBe('length');
  });

  it('maps 429 to rate_limit with the wait from retry-after-ms', async () => {
    const { server, model } = await openaiAgainst({ rate429: 1, retryAfterMs: 1500, retryAfter: 9 });
    const e = await modelError(model.generate(request('hi')));
    expect(e.kind).toBe('rate_limit');
    expect(e.options.retryAfterMs).toBe(1500); // retry-after-ms wins over retry-after
    expect(e.options.status).toBe(429);
    expect(e.retryable).toBe(true);
    expect(server.stats.requests).toBe(1);
  });

  it('maps 429 with only retry-after (seconds or HTTP date)', async () => {
    const { server, model } = await openaiAgainst({ rate429: 1, retryAfterMs: null, retryAfter: 3 });
    expect((await modelError(model.generate(request('hi')))).options.retryAfterMs).toBe(3000);
    server.setOptions({ retryAfter: new Date(Date.now() + 60_000).toUTCString() });
    const ms = (await modelError(model.generate(request('hi')))).options.retryAfterMs!;
    expect(ms).toBeGreaterThan(55_000);
    expect(ms).toBeLessThanOrEqual(60_000);
    expect(server.stats.requests).toBe(2);
  });

  it('maps a 429 for an exhausted quota to auth (retrying cannot help)', async () => {
    const { server, model } = await openaiAgainst();
    server.failNext({
      kind: 'status',
      status: 429,
      code: 'insufficient_quota',
      message: 'You exceeded your current quota.',
    });
    expect((await modelError(model.generate(request('hi')))).kind).toBe('auth');
  });

  it('maps 5xx, malformed bodies and dropped connections to transient, one request each', async () => {
    const { server, model } = await openaiAgainst();
    server.failNext(
      { kind: 'status', status: 500 },
      { kind: 'status', status: 503 },
      { kind: 'malformed' },
      { kind: 'drop' },
      { kind: 'status', status: 408 },
    );
    for (const expected of [/HTTP 500/, /HTTP 503/, /malformed response body/, /connection/, /HTTP 408/]) {
      const e = await modelError(model.generate(request('hi')));
      expect(e.kind).toBe('transient');
      expect(e.message).toMatch(expected);
    }
    // No SDK retries: five calls, five requests.
    expect(server.stats.requests).toBe(5);
    expect(await model.generate(request('back again'))).toMatchObject({ text: 'back again' });
  });

  it('treats a 200 that is not a chat completion (an HTML page from a proxy) as transient', async () => {
    const { server, model } = await openaiAgainst();
    server.failNext(
      { kind: 'raw', status: 200, contentType: 'text/html', body: '<html>Gateway login</html>' },
      { kind: 'raw', status: 200, contentType: 'application/json', body: '{"object":"error"}' },
    );
    for (let i = 0; i < 2; i++) {
      const e = await modelError(model.generate(request('hi')));
      expect(e.kind).toBe('transient');
      expect(e.message).toMatch(/malformed response body/);
    }
    expect(server.stats.malformed).toBe(2);
  });

  it('maps 529 (overloaded) to rate_limit', async () => {
    const { server, model } = await openaiAgainst();
    server.failNext({ kind: 'status', status: 529, headers: { 'retry-after': '2' } });
    const e = await modelError(model.generate(request('hi')));
    expect(e).toMatchObject({ kind: 'rate_limit' });
    expect(e.options.retryAfterMs).toBe(2000);
  });

  it('maps 401/403 to auth without ever showing the key', async () => {
    const { server, model } = await openaiAgainst();
    server.failNext(
      { kind: 'status', status: 401, message: `Incorrect API key provided: ${OPENAI_KEY}.` },
      { kind: 'status', status: 403, message: 'Project does not have access' },
    );
    const e = await modelError(model.generate(request('hi')));
    expect(e.kind).toBe('auth');
    expect(e.fatal).toBe(true);
    expect(e.message).toMatch(/HTTP 401/);
    expect(e.message).not.toContain(OPENAI_KEY);
    expect(e.message).not.toContain('0123456789');
    expect((await modelError(model.generate(request('hi')))).kind).toBe('auth');
    expect(server.stats.requests).toBe(2);
  });

  it('maps 404 to config, context-length 400 to content, other 400 to config', async () => {
    const { server, model } = await openaiAgainst();
    server.failNext(
      { kind: 'status', status: 404, code: 'model_not_found', message: 'The model `gpt-test` does not exist' },
      {
        kind: 'status',
        status: 400,
        code: 'context_length_exceeded',
        message: "This model's maximum context length is 8192 tokens.",
      },
      { kind: 'status', status: 400, message: "Unsupported parameter: 'temperature'" },
    );
    const notFound = await modelError(model.generate(request('hi')));
    expect(notFound.kind).toBe('config');
    expect(notFound.message).toMatch(/HTTP 404 \(unknown model or wrong base URL\?\)/);
    expect((await modelError(model.generate(request('hi')))).kind).toBe('content');
    const badParam = await modelError(model.generate(request('hi')));
    expect(badParam.kind).toBe('config');
    expect(badParam.message).toContain("Unsupported parameter: 'temperature'");
  });

  it('maps a request timeout to timeout', async () => {
    const { server, model } = await openaiAgainst({ latencyMs: 5_000 }, 'openai', { timeoutMs: 150 });
    const t0 = Date.now();
    const e = await modelError(model.generate(request('hi')));
    expect(e.kind).toBe('timeout');
    expect(Date.now() - t0).toBeLessThan(3_000);
    expect(server.stats.requests).toBe(1);
  });

  it("maps the runner's abort signal to timeout", async () => {
    const { model } = await openaiAgainst({ latencyMs: 5_000 });
    const e = await modelError(model.generate(request('hi', {}, { signal: AbortSignal.timeout(100) })));
    expect(e.kind).toBe('timeout');
    expect(e.message).toMatch(/runner deadline/);
    const ac = new AbortController();
    ac.abort();
    expect((await modelError(model.generate(request('hi', {}, { signal: ac.signal })))).kind).toBe('timeout');
  });

  it('names the base URL when the connection is refused', async () => {
    const server = await mockServer();
    const url = `${server.url}/v1`;
    await server.close();
    const model = await loadModel(`openai-compatible:qwen@${url}`, { env: {} });
    const e = await modelError(model.generate(request('hi')));
    expect(e.kind).toBe('transient');
    expect(e.message).toContain(url);
    expect(e.message).toContain('ECONNREFUSED');
  });

  it('keeps the key out of errors, however deep one looks', async () => {
    const { server, model } = await openaiAgainst();
    server.failNext({ kind: 'status', status: 500, message: `boom ${OPENAI_KEY}` });
    const e = await modelError(model.generate(request('hi')));
    expect(e.message).not.toContain(OPENAI_KEY);
    expect(inspect(e, { depth: 10 })).not.toContain(OPENAI_KEY); // the cause too
  });

  it('prefers OPENAI_COMPATIBLE_API_KEY for compatible servers and sends a dummy without keys', async () => {
    const server = await mockServer();
    const withKey = await loadModel(`openai-compatible:q@${server.url}`, {
      env: { OPENAI_API_KEY: OPENAI_KEY, OPENAI_COMPATIBLE_API_KEY: 'local-key' },
    });
    await withKey.generate(request('hi'));
    expect(server.stats.lastRequest!.headers.authorization).toBe('Bearer local-key');
    const noKey = await loadModel(`openai-compatible:q@${server.url}`, { env: {} });
    await noKey.generate(request('hi'));
    expect(server.stats.lastRequest!.headers.authorization).toBe('Bearer EMPTY');
  });
});
