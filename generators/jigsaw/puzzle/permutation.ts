// The shuffle and its two readings. `forward[X-1] = Y`: the patch now at position X came from
// original position Y (Jigsaw-R1's default answer convention). `backward` is its inverse.
import type { Rng } from '../../../src/core/rng.js';

/**
 * A uniformly random permutation of 1..cells, the identity included: upstream shuffles the patch
 * list with `random.shuffle`, which can leave it in place, and the chance rates of the paper
 * (2x1 full = 50%) assume exactly this.
 */
export function drawForward(cells: number, rng: Rng): number[] {
  return rng.shuffle(Array.from({ length: cells }, (_, i) => i + 1));
}

export function inverse(forward: readonly number[]): number[] {
  const out = new Array<number>(forward.length);
  forward.forEach((y, x) => {
    out[y - 1] = x + 1;
  });
  return out;
}

/** Is `values` a permutation of 1..values.length? */
export function isPermutation(values: readonly number[]): boolean {
  const seen = new Uint8Array(values.length + 1);
  for (const v of values) {
    if (!Number.isInteger(v) || v < 1 || v > values.length || seen[v]) return false;
    seen[v] = 1;
  }
  return true;
}
