// The micro-batcher on its own: batches fill up to the limit, a lone request waits no longer than
// the window, queued requests can be aborted, and a failed batch fails only its own requests.
import { describe, expect, it } from 'vitest';
import { ModelError } from '../../../src/models/types.js';
import { MicroBatcher } from '../../../src/models/onnx/batcher.js';

function batcher(maxBatch: number, windowMs: number, fail?: (batch: number[]) => boolean) {
  const batches: number[][] = [];
  const b = new MicroBatcher<number, number>({
    maxBatch,
    windowMs,
    aborted: () => new ModelError('timeout', 'aborted'),
    run: async (items) => {
      batches.push(items);
      await new Promise((r) => setTimeout(r, 5));
      if (fail?.(items)) throw new Error('boom');
      return items.map((x) => x * 10);
    },
  });
  return { b, batches };
}

describe('onnx micro-batcher', () => {
  it('gathers concurrent requests into full batches, in arrival order', async () => {
    const { b, batches } = batcher(4, 300);
    const t0 = performance.now();
    const out = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8, 9].map((x) => b.submit(x)));
    expect(out).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(batches).toEqual([[1, 2, 3, 4], [5, 6, 7, 8], [9]]);
    // Full batches start at once; only the last, partial one waits out the window.
    expect(performance.now() - t0).toBeGreaterThan(280);
  });

  it('runs a lone request after the window, and fills the next batch while one runs', async () => {
    const { b, batches } = batcher(8, 20);
    const t0 = performance.now();
    expect(await b.submit(1)).toBe(10);
    expect(performance.now() - t0).toBeLessThan(500);
    const first = b.submit(2);
    await new Promise((r) => setTimeout(r, 22)); // the first batch is now running
    const later = [3, 4, 5].map((x) => b.submit(x));
    await Promise.all([first, ...later]);
    expect(batches).toEqual([[1], [2], [3, 4, 5]]);
  });

  it('drops a request aborted while queued, and fails only the batch that threw', async () => {
    const { b, batches } = batcher(4, 30, (items) => items.includes(66));
    const ctl = new AbortController();
    const gone = b.submit(1, ctl.signal);
    const kept = b.submit(2);
    ctl.abort();
    await expect(gone).rejects.toMatchObject({ kind: 'timeout' });
    expect(await kept).toBe(20);
    expect(batches).toEqual([[2]]);
    await expect(b.submit(3, AbortSignal.abort())).rejects.toMatchObject({ kind: 'timeout' });
    const bad = [b.submit(66), b.submit(67)];
    await expect(bad[0]).rejects.toThrow('boom');
    await expect(bad[1]).rejects.toThrow('boom');
    expect(await b.submit(5)).toBe(50);
  });

  it('serves a request submitted right as the last batch resolves (no stranded queue)', async () => {
    const { b, batches } = batcher(2, 0);
    // Each answer immediately asks the next question, as the runner's workers do.
    const chain = async (x: number, left: number): Promise<number[]> => {
      const r = await b.submit(x);
      return left ? [r, ...(await chain(x + 1, left - 1))] : [r];
    };
    expect(await chain(1, 4)).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toHaveLength(5);
  });

  it('rejects queued and new requests after close, and waits for the running batch', async () => {
    const { b } = batcher(1, 0);
    const running = b.submit(1);
    await new Promise((r) => setImmediate(r)); // its batch is now running (it takes 5 ms)
    const queued = b.submit(2).catch((e: Error) => e);
    let runningDone = false;
    void running.then(() => (runningDone = true));
    await b.close();
    expect(runningDone).toBe(true);
    expect(await running).toBe(10);
    expect(String(await queued)).toMatch(/closed/);
    await expect(b.submit(3)).rejects.toThrow(/closed/);
  });
});
