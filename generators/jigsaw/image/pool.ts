// A user folder of photos as the image pool (the COCO-like option). Files are listed once per
// folder, sorted by name, and picked by the item's stream, so items are a pure function of
// (params, seed, index) for a given folder content; `truth` names the file and its hash so a
// changed folder is detectable. Decoded images are kept in a small cache.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Rng } from '../../../src/core/rng.js';
import { decodeImageFile, IMAGE_EXTENSIONS } from './decode.js';
import type { RgbImage } from './png-decode.js';
import { fitInside } from './resize.js';

export interface PoolImage {
  file: string;
  /** sha256 of the file's bytes. */
  sha256: string;
  image: RgbImage;
}

const listings = new Map<string, string[]>();
const decoded = new Map<string, PoolImage>();
const CACHE_SIZE = 32;

/** The image files of a folder (not recursive), sorted; throws when there are none. */
export function poolFiles(dir: string): string[] {
  const abs = resolve(dir);
  const cached = listings.get(abs);
  if (cached) return cached;
  if (!statSync(abs, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`'${dir}' is not a folder`);
  const files = readdirSync(abs)
    .filter((f) => IMAGE_EXTENSIONS.some((ext) => f.toLowerCase().endsWith(ext)))
    .filter((f) => statSync(join(abs, f)).isFile())
    .sort();
  if (files.length === 0) throw new Error(`'${dir}' holds no image files (${IMAGE_EXTENSIONS.join(', ')})`);
  listings.set(abs, files);
  return files;
}

/** A photo drawn from the pool, shrunk (never enlarged) to fit a maxWidth × maxHeight box. */
export function drawPoolImage(dir: string, maxWidth: number, maxHeight: number, rng: Rng): PoolImage {
  const files = poolFiles(dir);
  const file = files[rng.int(0, files.length - 1)]!;
  const key = `${resolve(dir)}\u0000${file}\u0000${maxWidth}x${maxHeight}`;
  const hit = decoded.get(key);
  if (hit) return hit;
  const bytes = readFileSync(join(resolve(dir), file));
  let image: RgbImage;
  try {
    image = decodeImageFile(bytes);
  } catch (err) {
    throw new Error(`image pool '${dir}': cannot read '${file}': ${(err as Error).message}`);
  }
  const entry: PoolImage = {
    file,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    image: fitInside(image, maxWidth, maxHeight),
  };
  if (decoded.size >= CACHE_SIZE) decoded.delete(decoded.keys().next().value!);
  decoded.set(key, entry);
  return entry;
}
