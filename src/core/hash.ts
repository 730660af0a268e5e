// Stable hashing: canonical JSON (sorted keys, no undefined) so the same value hashes the same
// on every machine and in every run.
import { createHash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  if (typeof value === 'bigint') return value.toString();
  return value;
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Hash of a value's canonical JSON, truncated to `hexChars`. */
export function stableHash(value: unknown, hexChars = 64): string {
  return sha256(canonicalJson(value)).slice(0, hexChars);
}

/** The id of an item: the same id always means the same problem. 80 bits, hex. */
export function itemId(
  generator: string,
  version: string,
  params: unknown,
  seed: number | string,
  index: number,
): string {
  return stableHash({ g: generator, v: version, p: params, s: String(seed), i: index }, 20);
}
