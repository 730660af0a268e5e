import { describe, expect, it } from 'vitest';
import { canonicalJson, itemId, stableHash } from '../../src/core/hash.js';

describe('stable hashing', () => {
  it('ignores key order and undefined fields', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 2 }] }, u: undefined })).toBe(
      '{"a":{"c":[3,{"e":2,"f":1}],"d":2},"b":1}',
    );
    expect(stableHash({ x: 1, y: 2 })).toBe(stableHash({ y: 2, x: 1 }));
  });

  it('item ids change with every component and only then', () => {
    const base = itemId('g', '1', { a: 1 }, 42, 0);
    expect(itemId('g', '1', { a: 1 }, 42, 0)).toBe(base);
    expect(base).toMatch(/^[0-9a-f]{20}$/);
    for (const other of [
      itemId('h', '1', { a: 1 }, 42, 0),
      itemId('g', '2', { a: 1 }, 42, 0),
      itemId('g', '1', { a: 2 }, 42, 0),
      itemId('g', '1', { a: 1 }, 43, 0),
      itemId('g', '1', { a: 1 }, 42, 1),
    ])
      expect(other).not.toBe(base);
    // A numeric seed and its string form name the same items (YAML may give either).
    expect(itemId('g', '1', { a: 1 }, '42', 0)).toBe(base);
  });
});
