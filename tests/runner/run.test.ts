import { describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { run, RunAbortedError } from '../../src/runner/run.js';
import { mockModel } from '../../src/models/mock.js';
import { ModelError } from '../../src/models/types.js';
import { messageText, type Episode, type Generator } from '../../src/core/types.js';
import { correct, wrong } from '../../src/core/verdict.js';
import { solveAdd, toySuite } from '../helpers/toy.js';
import { loadSuite } from '../../src/suite/load.js';
import { read } from '../../src/store/read.js';

const lastUser = (req: { messages: { role: string; content: unknown }[] }) =>
  messageText(req.messages.filter((m) => m.role === 'user').at(-1) as never);
const suite = toySuite([
  { id: 'easy', split: 'id', n: 30 },
  { id: 'hard', split: 'ood', n: 20, max: 999 },
]);
const fastRetry = { baseDelayMs: 1, maxDelayMs: 5 };

describe('runner', () => {
  it('runs every item once, scores it, and stores ID and OOD rows', async () => {
    const store = Store.open(':memory:');
    const model = mockModel({ replies: (req) => solveAdd(lastUser(req)) });
    const [res] = await run({ suite, models: [model], store });
    expect(model.calls).toHaveLength(50);
    expect(res!.status).toBe('done');
    expect(res!.summary.tasks.map((t) => [t.task, t.split, t.n, t.correct])).toEqual([
      ['easy', 'id', 30, 30],
      ['hard', 'ood', 20, 20],
    ]);
    expect(res!.summary.gaps[0]!.gap.estimate).toBe(0);
    expect(new Set(model.calls.map((c) => lastUser(c))).size).toBeGreaterThan(40);
  });

  it('counts wrong answers as wrong, and computes the ID − OOD gap', async () => {
    const store = Store.open(':memory:');
    // Right on small numbers, wrong on big ones: a model that does not generalize.
    const model = mockModel({
      replies: (req) => {
        const a = solveAdd(lastUser(req));
        return Number(a) < 19 ? a : '0';
      },
    });
    const [res] = await run({ suite, models: [model], store });
    const easy = res!.summary.tasks.find((t) => t.task === 'easy')!;
    const hard = res!.summary.tasks.find((t) => t.task === 'hard')!;
    expect(easy.correct).toBe(30);
    expect(hard.correct).toBeLessThan(3);
    expect(res!.summary.gaps[0]!.gap.estimate).toBeGreaterThan(0.8);
    expect(res!.summary.gaps[0]!.gap.low).toBeGreaterThan(0.5);
  });

  it('resumes an interrupted run without asking a finished item again', async () => {
    const store = Store.open(':memory:');
    const stop = new AbortController();
    let answered = 0;
    const first = mockModel({
      spec: 'mock:m',
      replies: (req) => {
        if (++answered === 17) stop.abort();
        return solveAdd(lastUser(req));
      },
    });
    const [r1] = await run({ suite, models: [first], store, concurrency: 4, stopSignal: stop.signal });
    expect(r1!.status).toBe('interrupted');
    const doneBefore = store.finishedKeys(r1!.runId).size;
    expect(doneBefore).toBeGreaterThanOrEqual(17); // in-flight items finished and were saved
    const second = mockModel({ spec: 'mock:m', replies: (req) => solveAdd(lastUser(req)) });
    const [r2] = await run({ suite, models: [second], store, concurrency: 4 });
    expect(r2!.runId).toBe(r1!.runId);
    expect(r2!.resumed).toBe(true);
    expect(second.calls).toHaveLength(50 - doneBefore);
    const asked = new Set([...first.calls, ...second.calls].map((c) => lastUser(c)));
    expect(store.finishedKeys(r2!.runId).size).toBe(50);
    expect(r2!.summary.tasks.reduce((n, t) => n + t.n, 0)).toBe(50);
    expect(asked.size).toBeGreaterThan(40);
  });

  it('retries rate limits and transient errors, and records what never succeeds as an error', async () => {
    const store = Store.open(':memory:');
    const model = mockModel({
      replies: (req) => solveAdd(lastUser(req)),
      fail: (req, i) => {
        if (lastUser(req).includes('What is 0 +')) return new ModelError('content', 'refused');
        if (i % 5 === 1) return new ModelError('rate_limit', '429', { retryAfterMs: 2 });
        if (i % 7 === 3) return new ModelError('transient', '503');
        return undefined;
      },
    });
    const [res] = await run({ suite, models: [model], store, concurrency: 8, retry: fastRetry });
    const errors = res!.summary.tasks.reduce((n, t) => n + t.errors, 0);
    const ok = res!.summary.tasks.reduce((n, t) => n + t.n, 0);
    expect(ok + errors).toBe(50);
    expect(errors).toBeGreaterThan(0); // the 'content' refusals: not retried, recorded as errors
    expect(res!.summary.tasks.reduce((n, t) => n + t.correct, 0)).toBe(ok); // errors never count as wrong answers
    const rows = read.rows(store, 'results').filter((r) => r.status === 'error') as { error_kind: string }[];
    expect(rows.every((r) => r.error_kind === 'content')).toBe(true);
    // The next run asks only the errored items again.
    const again = mockModel({ replies: (req) => solveAdd(lastUser(req)) });
    await run({ suite, models: [again], store });
    expect(again.calls).toHaveLength(errors);
  });

  it('stops the whole run on an auth error, with nothing recorded as wrong', async () => {
    const store = Store.open(':memory:');
    const model = mockModel({ replies: () => '1', fail: () => new ModelError('auth', 'invalid API key') });
    await expect(run({ suite, models: [model], store })).rejects.toThrow(RunAbortedError);
    expect(read.count(store, 'results')).toBe(0);
    expect(store.runs()[0]!.status).toBe('failed');
  });

  it('answers identical requests from the cache on a fresh run', async () => {
    const store = Store.open(':memory:');
    const m1 = mockModel({ spec: 'mock:c', cacheable: true, replies: (req) => solveAdd(lastUser(req)) });
    await run({ suite, models: [m1], store });
    const m2 = mockModel({ spec: 'mock:c', cacheable: true, replies: () => 'never asked' });
    const [res] = await run({ suite, models: [m2], store, fresh: true });
    expect(m2.calls).toHaveLength(0);
    expect(res!.cacheHits).toBe(50);
    expect(res!.summary.tasks.every((t) => t.correct === t.n)).toBe(true);
    // --no-cache asks again.
    const m3 = mockModel({ spec: 'mock:c', cacheable: true, replies: (req) => solveAdd(lastUser(req)) });
    await run({ suite, models: [m3], store, fresh: true, cache: false });
    expect(m3.calls).toHaveLength(50);
  });

  it('never has more requests in flight than the concurrency, and never holds all items', async () => {
    const store = Store.open(':memory:');
    // max 999: a region of 10^6 sums, so 2,000 distinct items exist (issue 17 caps repeats).
    const big = toySuite([{ id: 'many', split: 'id', n: 2000, max: 999 }]);
    let inFlight = 0,
      peak = 0;
    const model = mockModel({
      replies: async (req) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setTimeout(r, 1));
        inFlight--;
        return solveAdd(lastUser(req));
      },
    });
    const [res] = await run({ suite: big, models: [model], store, concurrency: 7 });
    expect(peak).toBeLessThanOrEqual(7);
    expect(peak).toBeGreaterThanOrEqual(5);
    expect(res!.summary.tasks[0]!.correct).toBe(2000);
  });

  it('drives multi-turn episodes through the same path, and survives a throwing verifier', async () => {
    // Guess the number 0..9 with "higher/lower" feedback; a reply of "boom" makes the verifier throw.
    const guess: Generator<{}> = {
      name: 'toy/guess',
      version: '1',
      description: 'guess',
      parseParams: () => ({}),
      generate: (_p, rng) => {
        const secret = rng.int(0, 9);
        return {
          messages: [{ role: 'user', content: 'Guess 0-9' }],
          truth: { secret },
          difficulty: {},
          verify: () => wrong('unused', false),
          episode: (): Episode => {
            const history: { role: 'user' | 'assistant'; content: string }[] = [{ role: 'user', content: 'Guess 0-9' }];
            let tries = 0;
            return {
              start: () => ({ messages: history.slice() }),
              step: (reply) => {
                if (reply === 'boom') throw new Error('kaboom');
                const g = Number(reply);
                tries++;
                if (g === secret) return { done: true, verdict: correct(g, { tries }) };
                if (tries >= 10) return { done: true, verdict: wrong('out of tries', true) };
                history.push(
                  { role: 'assistant', content: reply },
                  { role: 'user', content: g < secret ? 'higher' : 'lower' },
                );
                return { done: false, messages: history.slice() };
              },
            };
          },
        };
      },
    };
    // 8 of the 10 secrets: items are distinct problems (issue 17), so more than 10 cannot exist.
    const s = toySuite([{ id: 'g', split: 'id', n: 8 }]);
    s.tasks[0]!.generator = guess;
    s.tasks[0]!.params = {};
    const store = Store.open(':memory:');
    // Binary search from the conversation; item 0 answers "boom".
    const model = mockModel({
      replies: (req) => {
        let lo = 0,
          hi = 9;
        const msgs = req.messages;
        for (let i = 1; i < msgs.length; i += 2) {
          const g = Number(msgs[i]!.content);
          if (msgs[i + 1]!.content === 'higher') lo = g + 1;
          else hi = g - 1;
        }
        return req.sampleIndex === 0 && msgs.length === 1 && req.rng.next() < 0.1
          ? 'boom'
          : String(Math.floor((lo + hi) / 2));
      },
    });
    const [res] = await run({ suite: s, models: [model], store });
    const t = res!.summary.tasks[0]!;
    expect(t.n).toBe(8);
    const rows = read.rows(store, 'results') as { turns: number; correct: number; verdict: string }[];
    expect(rows.some((r) => r.turns > 1)).toBe(true);
    for (const r of rows) {
      if (r.correct) expect(r.turns).toBeLessThanOrEqual(4);
      else expect(JSON.parse(r.verdict).reason).toMatch(/verifier error: kaboom/);
    }
    expect(
      rows.filter((r) => r.turns > 1).every((r) => JSON.parse(r.verdict).details.transcript.length === r.turns),
    ).toBe(true);
  });

  it("reports a family's own metrics next to accuracy (TravelPlanner's rates)", async () => {
    const store = Store.open(':memory:');
    const quick = loadSuite('quick');
    const [res] = await run({
      suite: quick,
      models: ['baseline:oracle'],
      store,
      tasks: ['travel-3d-easy', 'gp-id'],
      n: 2,
    });
    const travel = res!.summary.tasks.find((t) => t.task === 'travel-3d-easy')!;
    expect(travel.metrics).toEqual({
      delivery: 1,
      commonsenseMicro: 1,
      commonsenseMacro: 1,
      hardMicro: 1,
      hardMacro: 1,
      finalPass: 1,
    });
    expect(res!.summary.tasks.find((t) => t.task === 'gp-id')!.metrics).toBeUndefined();
    const [rnd] = await run({
      suite: quick,
      models: ['mock:fixed:no plan here'],
      store,
      tasks: ['travel-3d-easy'],
      n: 2,
    });
    expect(rnd!.summary.tasks[0]!.metrics).toMatchObject({ delivery: 0, finalPass: 0 });
  });

  it('stores the metrics a provider measures (e.g. per-token latency), averaged over turns', async () => {
    const store = Store.open(':memory:');
    const base = mockModel({ replies: (req) => solveAdd(lastUser(req)) });
    const withMetrics = {
      ...base,
      spec: 'mock:metrics',
      identity: 'mock:metrics',
      generate: async (req: Parameters<typeof base.generate>[0]) => ({
        ...(await base.generate(req)),
        metrics: { msPerToken: 2.5, ttftMs: 10 },
      }),
    };
    const [res] = await run({ suite: toySuite([{ id: 'a', split: 'id', n: 5 }]), models: [withMetrics], store });
    const rows = read.rows(store, 'results').filter((r) => r.run_id === res!.runId) as { metrics: string }[];
    expect(rows).toHaveLength(5);
    for (const r of rows) expect(JSON.parse(r.metrics)).toEqual({ msPerToken: 2.5, ttftMs: 10 });
  });
});
