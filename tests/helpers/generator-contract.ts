// Checks every generator owes the harness, shared by the family tests.
import { expect } from 'vitest';
import type { Generator, Problem } from '../../src/core/types.js';
import { Rng } from '../../src/core/rng.js';

/** Same (params, seed, index) ⇒ the identical problem, field by field. */
export function expectDeterministic<P>(gen: Generator<P>, params: P, items = 20, seed = 42): void {
  for (let i = 0; i < items; i++) {
    const a: Problem = gen.generate(params, Rng.forItem(seed, i));
    const b: Problem = gen.generate(params, Rng.forItem(seed, i));
    expect(b.messages).toEqual(a.messages);
    expect(b.truth).toEqual(a.truth);
    expect(b.reference).toBe(a.reference);
    expect(b.difficulty).toEqual(a.difficulty);
    expect(b.dedupKey).toBe(a.dedupKey);
  }
}
