// The runner against the mock HTTP server: real sockets, real SDK, injected faults.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockLlmServer, type MockLlmServer } from '../../src/testing/mock-llm-server.js';
import { Store } from '../../src/store/store.js';
import { run } from '../../src/runner/run.js';
import { loadModel } from '../../src/models/spec.js';
import { solveAdd, toySuite } from '../helpers/toy.js';

let server: MockLlmServer;
beforeAll(async () => {
  server = await startMockLlmServer({ respond: (_b, ctx) => solveAdd(ctx.lastUserText) });
});
afterAll(async () => {
  await server.close();
});

describe('runner over HTTP', () => {
  it('completes every item under 20% 429s and 5% 5xx, with no duplicate requests', async () => {
    server.resetStats();
    server.setOptions({ rate429: 0.2, rate5xx: 0.05, retryAfterMs: 5, retryAfter: null, latencyMs: 2, seed: 7 });
    // Large operands so no two prompts collide (a collision would be answered from the cache).
    const suite = toySuite([
      { id: 'a', split: 'id', n: 150, max: 1e6 },
      { id: 'b', split: 'ood', n: 150, max: 1e7 },
    ]);
    const store = Store.open(':memory:');
    const model = await loadModel(`openai-compatible:toy@${server.url}/v1`);
    const [res] = await run({
      suite,
      models: [model],
      store,
      concurrency: 16,
      retry: { baseDelayMs: 5, maxDelayMs: 50 },
    });
    expect(res!.summary.tasks.map((t) => [t.n, t.correct, t.errors])).toEqual([
      [150, 150, 0],
      [150, 150, 0],
    ]);
    expect(server.stats.ok).toBe(300);
    expect(server.stats.duplicates).toBe(0);
    expect(server.stats.served429).toBeGreaterThan(30);
    expect(server.stats.served5xx).toBeGreaterThan(5);
    // One retry layer: requests = items + one per injected failure, nothing more.
    expect(server.stats.requests).toBe(300 + server.stats.served429 + server.stats.served5xx);
    expect(res!.requests).toBe(server.stats.requests);
    await model.close?.();
  });

  it('keeps at most --concurrency requests in flight at the server', async () => {
    server.resetStats();
    server.setOptions({ rate429: 0, rate5xx: 0, latencyMs: 20 });
    const suite = toySuite([{ id: 'a', split: 'id', n: 120, max: 1e6 }]);
    const store = Store.open(':memory:');
    const model = await loadModel(`openai-compatible:toy@${server.url}/v1`);
    await run({ suite, models: [model], store, concurrency: 12 });
    expect(server.stats.peakInFlight).toBeLessThanOrEqual(12);
    expect(server.stats.peakInFlight).toBeGreaterThanOrEqual(8);
    await model.close?.();
  });

  it('never stalls when 429s with retry-after pause a busy pool (a past bug: the queue lost its wake-up timer)', async () => {
    server.resetStats();
    server.setOptions({ rate429: 0.2, rate5xx: 0, retryAfterMs: 100, retryAfter: null, latencyMs: 5, seed: 3 });
    const suite = toySuite([{ id: 'a', split: 'id', n: 200, max: 1e6 }]);
    const store = Store.open(':memory:');
    const model = await loadModel(`openai-compatible:toy@${server.url}/v1`);
    const [res] = await run({ suite, models: [model], store, concurrency: 32 });
    expect(res!.summary.tasks[0]).toMatchObject({ n: 200, correct: 200, errors: 0 });
    expect(server.stats.requests / 200).toBeLessThan(1.3);
    await model.close?.();
  }, 60_000);
});
