import { describe, expect, it } from 'vitest';
import { etaSeconds, formatProgress } from '../../src/runner/format.js';
import type { Progress } from '../../src/runner/run.js';

const base = (over: Partial<Progress>): Progress => ({
  modelSpec: 'm',
  total: 10,
  done: 0,
  skipped: 0,
  correct: 0,
  scored: 0,
  errors: 0,
  requests: 0,
  cacheHits: 0,
  startedAt: 0,
  concurrency: 4,
  bySplit: {},
  turns: 0,
  episodeTurns: 0,
  episodes: 0,
  ...over,
});

describe('progress line', () => {
  it('shows ID and OOD accuracy apart', () => {
    const p = base({
      startedAt: Date.now() - 1000,
      done: 4,
      scored: 4,
      correct: 3,
      bySplit: { id: { scored: 2, correct: 2 }, ood: { scored: 2, correct: 1 } },
    });
    const line = formatProgress(p);
    expect(line).toMatch(/ID 100\.0%  OOD 50\.0%/);
    expect(line).not.toMatch(/acc /);
  });

  it('never exceeds the width it is given', () => {
    const p = base({
      modelSpec: 'openai-compatible:a-very-long-model-name@http://localhost:8000/v1',
      startedAt: Date.now() - 1000,
    });
    expect(formatProgress(p, 40).length).toBeLessThanOrEqual(40);
  });

  it('ETA counts turns: 10-turn items finishing in lumps do not make it jump', () => {
    // 10 items of 10 turns at one turn a second. Just before the third item finishes, 9 of its
    // turns are in; a second later it is done. An items-per-second ETA jumps from 116 s to 70 s.
    const before = base({ done: 2, turns: 29, episodeTurns: 20, episodes: 2 });
    const after = base({ done: 3, turns: 30, episodeTurns: 30, episodes: 3 });
    const a = etaSeconds(before, 29_000),
      b = etaSeconds(after, 30_000);
    expect(a).toBeCloseTo(71, 5);
    expect(b).toBeCloseTo(70, 5);
  });

  it('falls back to the item rate before any item has finished, and is 0 at the end', () => {
    expect(Number.isNaN(etaSeconds(base({}), 1000))).toBe(true);
    expect(etaSeconds(base({ done: 10, turns: 10, episodeTurns: 10, episodes: 10 }), 5000)).toBe(0);
  });
});
