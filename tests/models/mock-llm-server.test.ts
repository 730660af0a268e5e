import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/testing/mock-llm-server-cli.js';
import { startMockLlmServer, type MockLlmServer } from '../../src/testing/mock-llm-server.js';
import { mockServer } from './helpers.js';

/** POST a chat completion with plain fetch; 'dropped' when the socket was cut. */
async function chat(
  server: MockLlmServer,
  text: string,
  extra: object = {},
): Promise<{ status: number | 'dropped'; headers?: Headers; body?: string }> {
  try {
    const res = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: text }], ...extra }),
    });
    return { status: res.status, headers: res.headers, body: await res.text() };
  } catch {
    return { status: 'dropped' };
  }
}

async function inBatches<T>(n: number, size: number, f: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i += size)
    out.push(...(await Promise.all(Array.from({ length: Math.min(size, n - i) }, (_, j) => f(i + j)))));
  return out;
}

describe('mock LLM server: routes', () => {
  it('serves /v1/models, /health, 404 for unknown paths and 400 for a bad body', async () => {
    const server = await mockServer({ models: ['a', 'b'] });
    const models = (await (await fetch(`${server.url}/v1/models`)).json()) as { data: Array<{ id: string }> };
    expect(models.data.map((m) => m.id)).toEqual(['a', 'b']);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect((await fetch(`${server.url}/v2/nothing`, { method: 'POST' })).status).toBe(404);
    const bad = await fetch(`${server.url}/v1/chat/completions`, { method: 'POST', body: '{nope' });
    expect(bad.status).toBe(400);
    expect(server.stats.servedOtherErrors).toBe(1);
    expect(server.stats.requests).toBe(0); // not a completion request
    expect(server.stats.httpRequests).toBe(4);
  });

  it('listens on 127.0.0.1 only', async () => {
    const server = await mockServer();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  it('answers from respond() with a context, and turns a throw into a 500', async () => {
    const seen: Array<{ index: number; attempt: number; api: string; last: string }> = [];
    const server = await mockServer({
      respond: (_b, ctx) => {
        seen.push({ index: ctx.index, attempt: ctx.attempt, api: ctx.api, last: ctx.lastUserText });
        if (ctx.lastUserText === 'throw') throw new Error('table miss');
        return ctx.lastUserText.toUpperCase();
      },
    });
    expect(JSON.parse((await chat(server, 'abc')).body!).choices[0].message.content).toBe('ABC');
    await chat(server, 'abc');
    const failed = await chat(server, 'throw');
    expect(failed.status).toBe(500);
    expect(failed.body).toContain('table miss');
    expect(seen).toEqual([
      { index: 0, attempt: 0, api: 'openai', last: 'abc' },
      { index: 1, attempt: 1, api: 'openai', last: 'abc' },
      { index: 2, attempt: 0, api: 'openai', last: 'throw' },
    ]);
  });

  it('streams chat completions (SSE with [DONE]) and Anthropic messages for the SDKs', async () => {
    const server = await mockServer({ respond: () => 'a streamed reply that is longer than one chunk' });
    const openai = new OpenAI({ apiKey: 'k', baseURL: `${server.url}/v1`, maxRetries: 0 });
    const stream = await openai.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: unknown;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe('a streamed reply that is longer than one chunk');
    expect(usage).toMatchObject({ prompt_tokens: 1, completion_tokens: 12 });
    const raw = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'm', messages: [], stream: true }),
    });
    expect(raw.headers.get('content-type')).toBe('text/event-stream');
    expect((await raw.text()).trimEnd().endsWith('data: [DONE]')).toBe(true);

    const anthropic = new Anthropic({ apiKey: 'k', baseURL: server.url, maxRetries: 0 });
    const message = await anthropic.messages
      .stream({ model: 'c', max_tokens: 100, messages: [{ role: 'user', content: 'hi' }] })
      .finalMessage();
    expect(message.content).toEqual([
      expect.objectContaining({ type: 'text', text: 'a streamed reply that is longer than one chunk' }),
    ]);
    expect(message.stop_reason).toBe('end_turn');
  });
});

describe('mock LLM server: fault injection', () => {
  it('injects each fault at about its rate, and the same faults for the same seed in any order', async () => {
    const rates = { rate429: 0.1, rate5xx: 0.1, rateMalformed: 0.1, rateDrop: 0.1, seed: 7 };
    const n = 400;
    const a = await mockServer(rates);
    const outcomesA = await inBatches(n, 50, (i) =>
      chat(a, `q${i}`).then((r) =>
        r.status === 200 && r.body!.endsWith('}') ? 200 : r.status === 200 ? 'malformed' : r.status,
      ),
    );
    const count = (v: unknown) => outcomesA.filter((o) => o === v).length;
    for (const v of [429, 500, 'malformed', 'dropped']) {
      expect(count(v)).toBeGreaterThan(n * 0.05);
      expect(count(v)).toBeLessThan(n * 0.15);
    }
    expect(a.stats).toMatchObject({
      requests: n,
      served429: count(429),
      served5xx: count(500),
      malformed: count('malformed'),
      dropped: count('dropped'),
      ok: count(200),
    });

    // A second server, same seed, requests in reverse order and all at once: the same faults.
    const b = await mockServer(rates);
    const outcomesB = await inBatches(n, 200, (i) =>
      chat(b, `q${n - 1 - i}`).then((r) =>
        r.status === 200 && r.body!.endsWith('}') ? 200 : r.status === 200 ? 'malformed' : r.status,
      ),
    );
    expect(outcomesB.reverse()).toEqual(outcomesA);
  });

  it('sends configurable retry headers on injected 429s', async () => {
    const server = await mockServer({ rate429: 1, retryAfterMs: 2500 });
    let r = await chat(server, 'x');
    expect(r.status).toBe(429);
    expect(r.headers!.get('retry-after-ms')).toBe('2500');
    expect(r.headers!.get('retry-after')).toBe('3');
    server.setOptions({ retryAfterMs: null, retryAfter: 'Thu, 01 Jan 2026 00:00:00 GMT' });
    r = await chat(server, 'x');
    expect(r.headers!.get('retry-after-ms')).toBeNull();
    expect(r.headers!.get('retry-after')).toBe('Thu, 01 Jan 2026 00:00:00 GMT');
    expect(JSON.parse(r.body!).error.type).toBe('requests');
  });

  it('a retried body gets a fresh draw, so rates below 1 let retries through', async () => {
    const server = await mockServer({ rate5xx: 0.5, seed: 1 });
    for (let i = 0; i < 20; i++) {
      let attempts = 0;
      while ((await chat(server, `item ${i}`)).status !== 200) attempts++;
      expect(attempts).toBeLessThan(20);
    }
    expect(server.stats.ok).toBe(20);
    expect(server.stats.duplicates).toBe(0); // retries of failed requests are not duplicates
  });

  it('counts a duplicate only when the same body was already answered 200', async () => {
    const server = await mockServer();
    server.failNext({ kind: 'status', status: 500 });
    await chat(server, 'same'); // 500
    await chat(server, 'same'); // 200: a retry, not a duplicate
    expect(server.stats.duplicates).toBe(0);
    await chat(server, 'same'); // 200 again: a duplicate
    await chat(server, 'other');
    expect(server.stats.duplicates).toBe(1);
    expect(server.stats.bodyCounts.size).toBe(2);
    expect([...server.stats.bodyCounts.values()].sort()).toEqual([1, 3]);
    server.resetStats();
    expect(server.stats).toMatchObject({ requests: 0, duplicates: 0, ok: 0 });
    expect(server.stats.bodyCounts.size).toBe(0);
    await chat(server, 'same');
    expect(server.stats.duplicates).toBe(0); // resetStats forgets what was answered
  });

  it('tracks in-flight and peak in-flight requests', async () => {
    const server = await mockServer({ latencyMs: 150 });
    await Promise.all(Array.from({ length: 8 }, (_, i) => chat(server, `p${i}`)));
    expect(server.stats.peakInFlight).toBe(8);
    await new Promise((r) => setTimeout(r, 20));
    expect(server.stats.inFlight).toBe(0);
  });

  it('applies latency as a function of the request', async () => {
    const server = await mockServer({ latencyMs: (_b, ctx) => (ctx.lastUserText === 'slow' ? 120 : 0) });
    let t0 = performance.now();
    await chat(server, 'fast');
    expect(performance.now() - t0).toBeLessThan(100);
    t0 = performance.now();
    await chat(server, 'slow');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(110);
  });

  it('enforces rps with a token bucket and says when the next token comes', async () => {
    // 2 per second: a token every 500 ms, so a slow machine cannot sneak a refill into the burst.
    const server = await mockServer({ rps: 2, burst: 2 });
    const burst = await Promise.all(Array.from({ length: 5 }, (_, i) => chat(server, `r${i}`)));
    expect(burst.filter((r) => r.status === 200)).toHaveLength(2);
    const rejected = burst.filter((r) => r.status === 429);
    expect(rejected).toHaveLength(3);
    const wait = Number(rejected[0]!.headers!.get('retry-after-ms'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(500);
    expect(rejected[0]!.headers!.get('retry-after')).toBe('1');
    expect(server.stats).toMatchObject({ served429: 3, rpsRejected: 3 });
    await new Promise((r) => setTimeout(r, wait + 5));
    expect((await chat(server, 'after the wait')).status).toBe(200);
  });

  it('holds a steady client to about rps', async () => {
    const server = await mockServer({ rps: 50, burst: 1 });
    const t0 = performance.now();
    let ok = 0;
    while (ok < 15) {
      const r = await chat(server, `s${ok}`);
      if (r.status === 200) ok++;
      else await new Promise((res) => setTimeout(res, Number(r.headers!.get('retry-after-ms'))));
    }
    // 15 tokens at 50/s with a bucket of 1: at least 14 refills of 20 ms.
    expect(performance.now() - t0).toBeGreaterThanOrEqual(14 * 20 - 10);
  });

  it('rejects impossible rates', async () => {
    await expect(startMockLlmServer({ rate429: 0.6, rate5xx: 0.6 })).rejects.toThrow(RangeError);
    await expect(startMockLlmServer({ rateDrop: -0.1 })).rejects.toThrow(RangeError);
  });
});

describe('mock LLM server: bounds', () => {
  it('close() ends keep-alive connections and requests still waiting on latency', async () => {
    const server = await startMockLlmServer({ latencyMs: 30_000 });
    const pending = chat(server, 'hang');
    await new Promise((r) => setTimeout(r, 50));
    const t0 = performance.now();
    await server.close();
    expect(performance.now() - t0).toBeLessThan(1000);
    expect((await pending).status).toBe('dropped');
    await server.close(); // idempotent
  });
});

describe('mock LLM server CLI', () => {
  it('parses flags', () => {
    const c = parseCliArgs([
      '--port',
      '8089',
      '--latency-ms',
      '20',
      '--rate-429',
      '0.1',
      '--rate-5xx',
      '0.05',
      '--rps',
      '100',
      '--seed',
      'x',
      '--reply',
      '42',
      '--max-seconds',
      '5',
    ]);
    expect(c.maxSeconds).toBe(5);
    expect(c.server).toMatchObject({ port: 8089, latencyMs: 20, rate429: 0.1, rate5xx: 0.05, rps: 100, seed: 'x' });
    expect(parseCliArgs([]).maxSeconds).toBe(600);
    expect(() => parseCliArgs(['--rate-429', 'lots'])).toThrow(/--rate-429 must be a number/);
    expect(() => parseCliArgs(['--bogus'])).toThrow();
    expect(() => parseCliArgs(['--max-seconds', '1e9'])).toThrow(/at most/);
  });

  it('prints its URL, serves, and stops on SIGTERM and after --max-seconds', async () => {
    const cli = fileURLToPath(new URL('../../src/testing/mock-llm-server-cli.ts', import.meta.url));
    const run = (args: string[]) => {
      const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
      const url = new Promise<string>((resolve, reject) => {
        child.stdout.on('data', () => {
          const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.once('exit', () => reject(new Error(`exited early: ${out}`)));
      });
      return { child, url, output: () => out };
    };

    const a = run(['--reply', 'pong', '--max-seconds', '30']);
    const url = await a.url;
    const res = await fetch(`${url}/v1/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'ping' }] }),
    });
    const completion = (await res.json()) as { choices: Array<{ message: { content: string } }> };
    expect(completion.choices[0]!.message.content).toBe('pong');
    a.child.kill('SIGTERM');
    const [code] = await once(a.child, 'exit');
    expect(code).toBe(0);
    expect(a.output()).toMatch(/stopped \(SIGTERM\).*"requests":1/);

    const b = run(['--max-seconds', '0.3']);
    await b.url;
    const [codeB] = await once(b.child, 'exit');
    expect(codeB).toBe(0);
    expect(b.output()).toMatch(/--max-seconds 0.3 reached/);
  });
});
