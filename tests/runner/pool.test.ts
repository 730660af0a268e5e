// The generation/verification pool: worker threads give the same stored rows as the main thread
// (single- and multi-turn families, several samples), and items stream: the runner gets its first
// episode after at most the look-ahead has been generated, not after the whole suite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockLlmServer, type MockLlmServer } from '../../src/testing/mock-llm-server.js';
import { Store } from '../../src/store/store.js';
import { run } from '../../src/runner/run.js';
import { loadModel } from '../../src/models/spec.js';
import { loadSuite } from '../../src/suite/load.js';
import { itemIdOf } from '../../src/suite/expand.js';
import { EpisodePool, canPool, type PoolWork } from '../../src/runner/pool.js';
import { toySuite } from '../helpers/toy.js';
import { read } from '../../src/store/read.js';

let server: MockLlmServer;
beforeAll(async () => {
  // Deterministic, sometimes right, and it plays multi-turn games (the same reply each turn).
  server = await startMockLlmServer({
    respond: (_b, ctx) => ['24', 'up', '(1+2)*8', '1 2'][ctx.lastUserText.length % 4]!,
  });
});
afterAll(async () => {
  await server.close();
});

async function storedRows(workers: number) {
  const store = Store.open(':memory:');
  const model = await loadModel(`openai-compatible:m@${server.url}/v1`);
  try {
    const [r] = await run({
      suite: loadSuite('quick'),
      models: [model],
      store,
      n: 4,
      samples: 2,
      concurrency: 4,
      workers,
      cache: false,
    });
    expect(r!.status).toBe('done');
    return {
      results: read
        .rows(store, 'results', ['item_id', 'sample'])
        .map(({ item_id, sample, task, status, output, correct, score, verdict, turns }) => ({
          item_id,
          sample,
          task,
          status,
          output,
          correct,
          score,
          verdict,
          turns,
        })),
      items: read.rows(store, 'items', ['id']),
    };
  } finally {
    await model.close?.();
    store.close();
  }
}

describe('worker pool', () => {
  it('stores the same results and items as generating and verifying in the main thread', async () => {
    expect(canPool(loadSuite('quick').tasks)).toBe(true);
    const here = await storedRows(0);
    const pooled = await storedRows(2);
    expect(here.results.length).toBeGreaterThan(50);
    expect((here.results as { turns: number }[]).some((r) => r.turns > 1)).toBe(true); // multi-turn episodes covered
    expect(pooled.results).toEqual(here.results);
    expect(pooled.items).toEqual(here.items);
  }, 120_000);

  it('streams: the first episode is handed out after at most the look-ahead was generated', async () => {
    const task = loadSuite('quick').tasks[0]!;
    let pulled = 0;
    function* work(): Generator<PoolWork> {
      for (let index = 0; index < 1000; index++) {
        pulled++;
        yield { task, index, id: itemIdOf(task, index), sample: 0 };
      }
    }
    const records: string[] = [];
    const pool = new EpisodePool([task], work(), { size: 1, lookahead: 8, onItem: (r) => records.push(r.id) });
    try {
      const first = await pool.next();
      expect(first.done).toBe(false);
      expect(first.value!.index).toBe(0);
      expect(first.value!.live.first.messages.length).toBeGreaterThan(0);
      expect(pulled).toBeLessThanOrEqual(9);
      const verdict = await first.value!.live.step('not an answer');
      expect(verdict).toMatchObject({ done: true, verdict: { correct: false } });
    } finally {
      await pool.close();
    }
    expect(records[0]).toBe(itemIdOf(task, 0));
  }, 60_000);

  it('is not used for generators outside the registry (tests, plug-ins)', () => {
    expect(canPool(toySuite([{ id: 'a', split: 'id', n: 1 }]).tasks)).toBe(false);
  });
});
