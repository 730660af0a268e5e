// Paths built from stored content (item ids, model specs, task names from a database someone
// shared) are untrusted: an id such as '../../../x/pwned' must not reach outside its folder.
import { isAbsolute, relative, resolve } from 'node:path';
import { stableHash } from './hash.js';

/**
 * A bare file name from untrusted text: only letters, digits, '.', '_' and '-', no leading dot,
 * at most `maxLength` characters. A name that had to change gets a short hash of the original so
 * two different names never collide.
 */
export function safeFileName(name: string, maxLength = 120): string {
  const cleaned = name
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._-]+/, '')
    .slice(0, maxLength);
  if (cleaned === name && cleaned !== '') return cleaned;
  return `${cleaned || 'x'}-${stableHash(name, 8)}`;
}

export class PathEscapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PathEscapeError';
  }
}

/** `dir/rel`, refused when it would resolve outside `dir` (belt and braces after safeFileName). */
export function confinedPath(dir: string, rel: string): string {
  const root = resolve(dir);
  const full = resolve(root, rel);
  const r = relative(root, full);
  if (r === '' || r.startsWith('..') || isAbsolute(r))
    throw new PathEscapeError(`refusing to write ${JSON.stringify(rel)}: it resolves outside ${dir}`);
  return full;
}
