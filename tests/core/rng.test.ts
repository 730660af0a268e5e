import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';

describe('Rng', () => {
  it('gives the same stream for the same (seed, index) and different streams otherwise', () => {
    const draw = (r: Rng) => Array.from({ length: 8 }, () => r.uint32());
    expect(draw(Rng.forItem(42, 7))).toEqual(draw(Rng.forItem(42, 7)));
    expect(draw(Rng.forItem(42, 7))).not.toEqual(draw(Rng.forItem(42, 8)));
    expect(draw(Rng.forItem(42, 7))).not.toEqual(draw(Rng.forItem(43, 7)));
    expect(draw(Rng.forItem(42, 7))).not.toEqual(draw(Rng.forItem(42, 7, 'train')));
  });

  it('reaches item i without drawing items before it (random access)', () => {
    const direct = Rng.forItem('s', 9999).next();
    for (let i = 0; i < 10; i++) Rng.forItem('s', i).next();
    expect(Rng.forItem('s', 9999).next()).toBe(direct);
  });

  it('int() covers the inclusive range uniformly', () => {
    const r = Rng.forItem(1, 0);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[r.int(1, 6) - 1]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
    expect(() => r.int(3, 2)).toThrow(/bad range/);
  });

  it('next() stays in [0, 1) with mean near 1/2', () => {
    const r = Rng.forItem(2, 0);
    let sum = 0;
    for (let i = 0; i < 20_000; i++) {
      const x = r.next();
      expect(x >= 0 && x < 1).toBe(true);
      sum += x;
    }
    expect(Math.abs(sum / 20_000 - 0.5)).toBeLessThan(0.01);
  });

  it('shuffle returns a permutation and sample distinct elements', () => {
    const r = Rng.forItem(3, 0);
    const xs = Array.from({ length: 50 }, (_, i) => i);
    const s = r.shuffle(xs);
    expect(s).not.toEqual(xs);
    expect([...s].sort((a, b) => a - b)).toEqual(xs);
    const k = r.sample(xs, 10);
    expect(new Set(k).size).toBe(10);
  });

  it('fork gives an independent child without disturbing the parent', () => {
    const a = Rng.forItem(5, 5);
    const b = Rng.forItem(5, 5);
    a.fork('child').next();
    expect(a.next()).toBe(b.next());
    expect(Rng.forItem(5, 5).fork('x').next()).not.toBe(Rng.forItem(5, 5).fork('y').next());
  });

  it('weighted picks in proportion', () => {
    const r = Rng.forItem(9, 0);
    let ones = 0;
    for (let i = 0; i < 10_000; i++) ones += r.weighted([1, 3]);
    expect(ones / 10_000).toBeGreaterThan(0.72);
    expect(ones / 10_000).toBeLessThan(0.78);
  });
});
