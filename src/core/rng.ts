// Seeded random numbers with random access: the stream for item i is derived from (seed, i)
// directly, so item 9,999 is generated without drawing the 9,999 before it, and a suite can
// be resumed or sharded without changing a single item.
import { createHash } from 'node:crypto';

/** sfc32: small, fast, passes PractRand to large sizes; state is four 32-bit words. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  private constructor(words: [number, number, number, number]) {
    [this.a, this.b, this.c, this.d] = words;
    for (let i = 0; i < 12; i++) this.uint32(); // warm up away from the seed words
  }

  /** The stream for one item. `stream` separates independent uses of the same (seed, index). */
  static forItem(seed: number | string, index: number, stream = ''): Rng {
    return Rng.fromKey(`${seed}\u0000${index}\u0000${stream}`);
  }

  /** Any string key gives an independent, reproducible stream. */
  static fromKey(key: string): Rng {
    const h = createHash('sha256').update(key).digest();
    return new Rng([h.readUInt32LE(0), h.readUInt32LE(4), h.readUInt32LE(8), h.readUInt32LE(12) | 1]);
  }

  /** A child stream named by `label`; drawing from it does not disturb this one's sequence. */
  fork(label: string): Rng {
    return Rng.fromKey(`${this.a},${this.b},${this.c},${this.d}\u0000${label}`);
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1) with 53 random bits. */
  next(): number {
    const hi = this.uint32() >>> 5; // 27 bits
    const lo = this.uint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Uniform integer in [min, max] (inclusive), without modulo bias. */
  int(min: number, max: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min)
      throw new RangeError(`Rng.int: bad range [${min}, ${max}]`);
    const span = max - min + 1;
    if (span <= 0x100000000) {
      const limit = Math.floor(0x100000000 / span) * span;
      let x = this.uint32();
      while (x >= limit) x = this.uint32();
      return min + (x % span);
    }
    return min + Math.floor(this.next() * span);
  }

  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  bool(p = 0.5): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Rng.pick: empty list');
    return items[this.int(0, items.length - 1)]!;
  }

  /** Index drawn with probability proportional to its weight. */
  weighted(weights: readonly number[]): number {
    const total = weights.reduce((s, w) => s + w, 0);
    if (!(total > 0)) throw new RangeError('Rng.weighted: weights must sum to a positive number');
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  /** k distinct elements in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    if (k > items.length) throw new RangeError(`Rng.sample: k=${k} > ${items.length}`);
    return this.shuffle(items).slice(0, k);
  }
}
