// bench serve's HTTP behaviour: auth, limits, errors as JSON with a reason, bounded and expiring
// episodes, items with a difficulty filter, and a clean exit on SIGTERM.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { loadSuite } from '../../src/suite/load.js';
import { ROOT, bench } from '../helpers/cli.js';

const open: RunningServer[] = [];
afterAll(async () => {
  for (const s of open) await s.close(100);
});

async function server(opts: Parameters<typeof startServer>[0] = {}): Promise<RunningServer> {
  const s = await startServer({ port: 0, ...opts });
  open.push(s);
  return s;
}

const post = async (url: string, body: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(url, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers,
  });
  return { status: res.status, body: (await res.json()) as any };
};

describe('bench serve', () => {
  it('refuses a non-loopback host without a token; with a token every route but /health needs it', async () => {
    await expect(startServer({ host: '0.0.0.0', port: 0 })).rejects.toThrow(/needs|give a bearer token/);
    const s = await server({ token: 's3cret' });
    expect((await fetch(`${s.url}/health`)).status).toBe(200);
    const denied = await post(`${s.url}/score`, { requests: [] });
    expect(denied).toEqual({
      status: 401,
      body: { error: 'unauthorized', reason: expect.stringMatching(/bearer token/) },
    });
    expect((await post(`${s.url}/score`, { requests: [] }, { authorization: 'Bearer wrong' })).status).toBe(401);
    expect(await post(`${s.url}/score`, { requests: [] }, { authorization: 'Bearer s3cret' })).toEqual({
      status: 200,
      body: { results: [] },
    });
  });

  it('bounds bodies and batches, and answers bad requests with JSON reasons', async () => {
    const s = await server({ maxBodyBytes: 10_000, maxBatch: 3 });
    const big = await post(`${s.url}/score`, {
      requests: [{ generator: 'satquest', truth: {}, response: 'x'.repeat(20_000) }],
    });
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ error: 'body_too_large', reason: expect.stringMatching(/at most 10000/) });
    expect((await post(`${s.url}/score`, [{}, {}, {}, {}])).body).toMatchObject({ error: 'batch_too_large' });
    expect(await post(`${s.url}/score`, '{oops')).toEqual({
      status: 400,
      body: { error: 'bad_json', reason: 'the body is not valid JSON' },
    });
    expect((await post(`${s.url}/score`, { nope: 1 })).status).toBe(400);
    const r = await fetch(`${s.url}/elsewhere`);
    expect(r.status).toBe(404);
    expect(await r.json()).toMatchObject({ error: 'not_found' });
    expect((await post(`${s.url}/items`, { generator: 'omega/nope' })).body).toMatchObject({
      error: 'unknown_generator',
      reason: expect.stringMatching(/did you mean|unknown generator/),
    });
    expect((await post(`${s.url}/items`, { generator: 'satquest', params: { n: 'x' } })).body).toMatchObject({
      error: 'bad_params',
    });
  });

  it('serves items by generator or suite task, with a difficulty filter and continuation', async () => {
    const s = await server({ suites: [loadSuite('quick')] });
    const a = await post(`${s.url}/items`, {
      generator: 'omega/arithmetic_gcd',
      params: { level: [1, 2] },
      count: 5,
      where: { level: 2 },
    });
    expect(a.status).toBe(200);
    expect(a.body.items).toHaveLength(5);
    expect(
      a.body.items.every(
        (i: any) => i.difficulty.level === 2 && i.reference === undefined && typeof i.truth === 'object',
      ),
    ).toBe(true);
    const b = await post(`${s.url}/items`, {
      generator: 'omega/arithmetic_gcd',
      params: { level: [1, 2] },
      count: 5,
      where: { level: 2 },
      start: a.body.nextIndex,
    });
    expect(b.body.items.map((i: any) => i.id)).not.toContain(a.body.items[0].id);
    const train = await post(`${s.url}/items`, { suite: 'quick', task: 'gp-id', count: 3, reference: true });
    expect(train.body.items).toHaveLength(3);
    expect(train.body.items[0]).toMatchObject({
      task: 'gp-id',
      seed: expect.stringMatching(/\/train$/),
      reference: expect.any(String),
    });
    const scored = await post(
      `${s.url}/score`,
      train.body.items.map((i: any) => ({ generator: i.generator, truth: i.truth, response: i.reference })),
    );
    expect(scored.body.results.map((r: any) => r.reward)).toEqual([1, 1, 1]);
    // Items this server handed out can be scored by id alone.
    const byId = await post(
      `${s.url}/score`,
      train.body.items.map((i: any) => ({ id: i.id, response: i.reference })),
    );
    expect(byId.body.results.map((r: any) => [r.id, r.reward])).toEqual(train.body.items.map((i: any) => [i.id, 1]));
    expect((await post(`${s.url}/items`, { suite: 'core', task: 'x' })).body).toMatchObject({ error: 'unknown_suite' });
    const none = await post(`${s.url}/items`, { generator: 'omega/arithmetic_gcd', count: 2, where: { level: 5 } });
    expect(none.body).toMatchObject({ items: [], exhausted: true });
  });

  it('keeps episodes bounded and expiring; single-turn items are refused with a reason', async () => {
    const s = await server({ maxEpisodes: 2, episodeTtlMs: 300 });
    const item = (await post(`${s.url}/items`, { generator: 'instruct/sokoban', count: 1 })).body.items[0];
    const start = () => post(`${s.url}/episodes`, { generator: item.generator, truth: item.truth });
    const e1 = await start();
    expect(e1.body).toMatchObject({ done: false, turn: 0, observation: { messages: [{ role: 'user' }] } });
    await start();
    expect((await start()).body).toMatchObject({ error: 'too_many_episodes' });
    await new Promise((r) => setTimeout(r, 600));
    expect((await post(`${s.url}/episodes/${e1.body.episode}/step`, { response: 'x' })).body).toMatchObject({
      error: 'unknown_episode',
    });
    expect((await start()).status).toBe(200); // expired ones made room
    const gp = (await post(`${s.url}/items`, { generator: 'instruct/general-points', count: 1 })).body.items[0];
    expect((await post(`${s.url}/episodes`, { generator: gp.generator, truth: gp.truth })).body).toMatchObject({
      error: 'single_turn',
    });
    // The 24-game revision protocol: feedback after a wrong attempt, reward on the last step.
    const rev = (
      await post(`${s.url}/items`, {
        generator: 'instruct/general-points',
        params: { protocol: 'revision', maxAttempts: 2 },
        count: 1,
        reference: true,
      })
    ).body.items[0];
    const ep = (await post(`${s.url}/episodes`, { generator: rev.generator, truth: rev.truth })).body;
    const first = (await post(`${s.url}/episodes/${ep.episode}/step`, { response: '{"formula": "1+1"}' })).body;
    expect(first).toMatchObject({
      done: false,
      reward: 0,
      feedback: expect.stringMatching(/^You failed this trial because/),
    });
    expect(first.observation.messages).toHaveLength(3);
    const last = (await post(`${s.url}/episodes/${ep.episode}/step`, { response: rev.reference })).body;
    expect(last).toMatchObject({ done: true, reward: 1, result: { verdict: 'correct', details: { attempts: 2 } } });
  });

  it('the CLI exits cleanly on SIGTERM and refuses a public host without a token', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no start')), 60_000);
      child.stdout!.on('data', (d) => {
        if (/listening on/.test(String(d))) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const code = new Promise((r) => child.on('exit', r));
    child.kill('SIGTERM');
    expect(await Promise.race([code, new Promise((r) => setTimeout(() => r('timeout'), 15_000))])).toBe(0);
    const r = await bench(['serve', '--host', '0.0.0.0', '--port', '0'], { GENBENCH_SERVE_TOKEN: undefined });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--host 0\.0\.0\.0 is reachable from other machines: give a bearer token/);
  }, 90_000);
});
