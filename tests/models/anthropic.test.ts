import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/models/spec.js';
import type { MockRequestBody } from '../../src/testing/mock-llm-server.js';
import { ANTHROPIC_KEY, ENV, mockServer, modelError, request } from './helpers.js';

const JPEG = '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDA==';

async function anthropicAgainst(options: Parameters<typeof mockServer>[0] = {}, modelOpts = {}) {
  const server = await mockServer(options);
  const model = await loadModel(`anthropic:claude-test@${server.url}`, { env: ENV, ...modelOpts });
  return { server, model };
}

describe('anthropic provider against the mock server', () => {
  it('returns text, usage, resolved model and stop reason', async () => {
    const { server, model } = await anthropicAgainst({
      resolvedModel: 'claude-test-20260101',
      respond: () => 'Forty-two.',
    });
    const res = await model.generate(request('What is six times seven?'));
    expect(res).toEqual({
      text: 'Forty-two.',
      usage: { inputTokens: 6, outputTokens: 3 },
      resolvedModel: 'claude-test-20260101',
      finishReason: 'end_turn',
    });
    expect(server.stats.requests).toBe(1);
    expect(server.stats.lastRequest!.path).toBe('/v1/messages');
    // SDK 1.14 sends the key as a bearer token.
    expect(server.stats.lastRequest!.headers.authorization).toBe(`Bearer ${ANTHROPIC_KEY}`);
  });

  it('moves system messages to the system param and sends image blocks', async () => {
    const bodies: MockRequestBody[] = [];
    const { model } = await anthropicAgainst({ respond: (b) => (bodies.push(b), 'ok') });
    await model.generate(
      request([
        { role: 'system', content: 'You solve puzzles.' },
        { role: 'system', content: [{ type: 'text', text: 'Answer briefly.' }] },
        {
          role: 'user',
          content: [
            { type: 'image', mediaType: 'image/jpeg', data: JPEG },
            { type: 'text', text: 'What is shown?' },
          ],
        },
        { role: 'assistant', content: 'A cat.' },
        { role: 'user', content: 'Sure?' },
      ]),
    );
    const body = bodies[0]!;
    expect(body.system).toBe('You solve puzzles.\n\nAnswer briefly.');
    expect(body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'image', source: { type: 'base64', media_type: 'image/jpeg', data: JPEG } },
          { type: 'text', text: 'What is shown?' },
        ],
      },
      { role: 'assistant', content: 'A cat.' },
      { role: 'user', content: 'Sure?' },
    ]);
  });

  it('sends max_tokens (default 1024) and stop_sequences', async () => {
    const bodies: MockRequestBody[] = [];
    const { model } = await anthropicAgainst({ respond: (b) => (bodies.push(b), 'one END two') });
    const res = await model.generate(request('hi', { maxTokens: 64, stop: ['END'], temperature: 0, seed: 3 }));
    expect(bodies[0]).toMatchObject({ model: 'claude-test', max_tokens: 64, stop_sequences: ['END'] });
    expect(res).toMatchObject({ text: 'one ', finishReason: 'stop_sequence' });
    await model.generate(request('hi'));
    expect(bodies[1]!.max_tokens).toBe(1024);
    expect(bodies[1]).not.toHaveProperty('stop_sequences');
    expect(bodies[1]).not.toHaveProperty('system');
  });

  it('accepts a large max_tokens without the SDK demanding streaming', async () => {
    const { model } = await anthropicAgainst({ respond: () => 'ok' });
    expect((await model.generate(request('hi', { maxTokens: 64_000 }))).text).toBe('ok');
  });

  it('maps 429 to rate_limit with retryAfterMs from retry-after-ms or retry-after', async () => {
    const { server, model } = await anthropicAgainst({ rate429: 1, retryAfterMs: 250 });
    const e = await modelError(model.generate(request('hi')));
    expect(e).toMatchObject({ kind: 'rate_limit' });
    expect(e.options.retryAfterMs).toBe(250);
    server.setOptions({ retryAfterMs: null, retryAfter: 4 });
    expect((await modelError(model.generate(request('hi')))).options.retryAfterMs).toBe(4000);
    expect(server.stats.requests).toBe(2);
  });

  it('maps 529 overloaded to rate_limit, 5xx/malformed/drop to transient, one request each', async () => {
    const { server, model } = await anthropicAgainst();
    server.failNext(
      { kind: 'status', status: 529 },
      { kind: 'status', status: 500 },
      { kind: 'malformed' },
      { kind: 'drop' },
    );
    expect((await modelError(model.generate(request('hi')))).kind).toBe('rate_limit');
    for (const expected of [/HTTP 500/, /malformed response body/, /connection/]) {
      const e = await modelError(model.generate(request('hi')));
      expect(e.kind).toBe('transient');
      expect(e.message).toMatch(expected);
    }
    expect(server.stats.requests).toBe(4);
  });

  it('maps 401 to auth (one request, no key in the error) and a too-long prompt to content', async () => {
    const { server, model } = await anthropicAgainst();
    server.failNext(
      { kind: 'status', status: 401, message: `invalid x-api-key ${ANTHROPIC_KEY}` },
      { kind: 'status', status: 400, message: 'prompt is too long: 210000 tokens > 200000 maximum' },
      { kind: 'status', status: 404, message: 'model: claude-test' },
    );
    const e = await modelError(model.generate(request('hi')));
    expect(e.kind).toBe('auth');
    expect(inspect(e, { depth: 10 })).not.toContain(ANTHROPIC_KEY);
    expect(server.stats.requests).toBe(1);
    expect((await modelError(model.generate(request('hi')))).kind).toBe('content');
    expect((await modelError(model.generate(request('hi')))).kind).toBe('config');
  });

  it('maps a request timeout to timeout', async () => {
    const { server, model } = await anthropicAgainst({ latencyMs: 5_000 }, { timeoutMs: 150 });
    const e = await modelError(model.generate(request('hi')));
    expect(e.kind).toBe('timeout');
    expect(server.stats.requests).toBe(1);
  });

  it('honours ANTHROPIC_BASE_URL from the given env and accepts ANTHROPIC_AUTH_TOKEN', async () => {
    const server = await mockServer({ respond: () => 'via env' });
    const model = await loadModel('anthropic:claude-test', {
      env: { ANTHROPIC_AUTH_TOKEN: 'tok-123456', ANTHROPIC_BASE_URL: server.url },
    });
    expect(model.identity).toBe(`anthropic:claude-test@${server.url}`);
    expect((await model.generate(request('hi'))).text).toBe('via env');
    expect(server.stats.lastRequest!.headers.authorization).toBe('Bearer tok-123456');
  });
});
