// One model behind two replicas: requests spread over both, a replica that starts failing is
// left, and no item is asked twice beyond the requests in flight on the failing replica.
import { afterEach, describe, expect, it } from 'vitest';
import {
  startMockLlmServer,
  type MockLlmServer,
  type MockLlmServerOptions,
} from '../../src/testing/mock-llm-server.js';
import { Store } from '../../src/store/store.js';
import { run } from '../../src/runner/run.js';
import { loadModel, parseModelSpec } from '../../src/models/spec.js';
import { ReplicatedModel } from '../../src/models/endpoints.js';
import { solveAdd, toySuite } from '../helpers/toy.js';

const servers: MockLlmServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A replica that answers correctly and records the prompts it answered. */
async function replica(answered: string[], opts: MockLlmServerOptions = {}): Promise<MockLlmServer> {
  const s = await startMockLlmServer({
    respond: (_b, ctx) => {
      answered.push(ctx.lastUserText);
      return solveAdd(ctx.lastUserText);
    },
    ...opts,
  });
  servers.push(s);
  return s;
}

async function runOn(spec: string, n: number, concurrency = 8, timeoutMs?: number) {
  const store = Store.open(':memory:');
  // Large values: every prompt distinct, so a repeated prompt is a repeated request.
  const suite = toySuite([{ id: 'a', split: 'id', n, max: 1e9 }]);
  const model = await loadModel(spec, { timeoutMs });
  try {
    const [r] = await run({
      suite,
      models: [model],
      store,
      concurrency,
      cache: false,
      retry: { baseDelayMs: 20, maxDelayMs: 200 },
    });
    return { result: r!, model: model as ReplicatedModel };
  } finally {
    await model.close?.();
    store.close();
  }
}

describe('openai-compatible with several base URLs', () => {
  it('parses a comma-separated list of replicas and refuses a repeated one', () => {
    const s = parseModelSpec('openai-compatible:qwen@http://a:8000,http://b:8000/v1');
    expect(s.baseURLs).toEqual(['http://a:8000/v1', 'http://b:8000/v1']);
    expect(s.baseURL).toBe('http://a:8000/v1');
    expect(() => parseModelSpec('openai-compatible:qwen@http://a:8000,http://a:8000/v1')).toThrow(/listed twice/);
    expect(() => parseModelSpec('openai-compatible:qwen@http://a:8000,b:8000')).toThrow(/no scheme/);
  });

  it('spreads requests over two equal replicas about evenly, each item asked once', async () => {
    const answeredA: string[] = [],
      answeredB: string[] = [];
    const a = await replica(answeredA, { latencyMs: 5 });
    const b = await replica(answeredB, { latencyMs: 5 });
    const { result, model } = await runOn(`openai-compatible:m@${a.url}/v1,${b.url}/v1`, 300);
    expect(model).toBeInstanceOf(ReplicatedModel);
    expect(result.summary.tasks[0]).toMatchObject({ n: 300, correct: 300, errors: 0 });
    expect(a.stats.requests + b.stats.requests).toBe(300);
    expect(a.stats.requests).toBeGreaterThan(300 * 0.35);
    expect(b.stats.requests).toBeGreaterThan(300 * 0.35);
    expect(new Set([...answeredA, ...answeredB]).size).toBe(300);
  }, 60_000);

  it('moves work away from a replica that starts failing mid-run: all items finish, no repeats beyond those in flight', async () => {
    const answeredA: string[] = [],
      answeredB: string[] = [];
    const a = await replica(answeredA, { latencyMs: 5 });
    let failing = false;
    const b = await replica(answeredB, {
      latencyMs: 5,
      // After its 60th request, B answers every request with 503.
      fault: () => (failing || (failing = b.stats.requests > 60) ? { kind: 'status', status: 503 } : undefined),
    });
    const concurrency = 8;
    const { result, model } = await runOn(`openai-compatible:m@${a.url}/v1,${b.url}/v1`, 400, concurrency);
    expect(result.summary.tasks[0]).toMatchObject({ n: 400, correct: 400, errors: 0 });
    expect(result.status).toBe('done');
    // Every item answered exactly once over both replicas.
    const answered = [...answeredA, ...answeredB];
    expect(answered).toHaveLength(400);
    expect(new Set(answered).size).toBe(400);
    // Requests repeated: only the ones B failed, which were in flight there when it broke plus
    // one probe per cooldown (1 s, 2 s, 4 s, … over a run of a few seconds).
    const failedOnB = b.stats.requests - answeredB.length;
    expect(failedOnB).toBeGreaterThan(0);
    expect(a.stats.requests + b.stats.requests - 400).toBe(failedOnB);
    expect(failedOnB).toBeLessThanOrEqual(concurrency + 6);
    expect(a.stats.requests).toBeGreaterThan(300);
    const stats = model.stats();
    expect(stats.find((s) => s.url.startsWith(b.url))!.failures).toBe(failedOnB);
  }, 60_000);

  it('sends less work to a slow replica', async () => {
    const answeredA: string[] = [],
      answeredB: string[] = [];
    const a = await replica(answeredA, { latencyMs: 5 });
    const b = await replica(answeredB, { latencyMs: 80 });
    const { result } = await runOn(`openai-compatible:m@${a.url}/v1,${b.url}/v1`, 300);
    expect(result.summary.tasks[0]).toMatchObject({ n: 300, correct: 300 });
    expect(a.stats.requests).toBeGreaterThan(b.stats.requests * 3);
  }, 60_000);

  it('leaves a replica that hangs: its requests time out and move, the rest go elsewhere', async () => {
    const answeredA: string[] = [],
      answeredB: string[] = [];
    const a = await replica(answeredA, { latencyMs: 5 });
    const b = await replica(answeredB, { latencyMs: 5 });
    // Healthy for its first 20 requests, then it stops answering.
    b.setOptions({ latencyMs: (_body, ctx) => (ctx.index >= 20 ? 60_000 : 5) });
    const { result } = await runOn(`openai-compatible:m@${a.url}/v1,${b.url}/v1`, 300, 8, 1500);
    expect(result.summary.tasks[0]).toMatchObject({ n: 300, correct: 300, errors: 0 });
    expect(answeredB.length).toBeLessThanOrEqual(20);
    expect(new Set([...answeredA, ...answeredB]).size).toBe(300);
    // The stuck requests (at most the concurrency) and a probe per cooldown went to B, nothing more.
    expect(b.stats.requests - answeredB.length).toBeLessThanOrEqual(8 + 4);
  }, 60_000);
});
