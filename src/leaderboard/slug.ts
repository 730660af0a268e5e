// File names and URLs of the site. They depend only on the names they stand for, so a page keeps
// its address from one build to the next (links in papers keep working).
import { stableHash } from '../core/hash.js';

/** A file-name-safe form of `name`; names that had to change get a short hash to stay unique. */
export function slug(name: string): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[-.]+|-+$/g, '')
      .slice(0, 60) || 'x';
  return base === name ? base : `${base}-${stableHash(name, 6)}`;
}

/** Paths relative to the site root. */
export const paths = {
  index: () => 'index.html',
  suite: (suite: string) => `s/${slug(suite)}/index.html`,
  family: (suite: string, family: string) => `s/${slug(suite)}/${slug(family)}.html`,
  model: (model: string) => `m/${slug(model)}.html`,
  series: (name: string) => `series/${slug(name)}.html`,
  item: (itemId: string) => `i/${slug(itemId)}.html`,
  itemImage: (itemId: string, message: number, part: number, ext: string) =>
    `i/${slug(itemId)}-${message}-${part}.${ext}`,
  json: (page: string) => page.replace(/\.html$/, '.json'),
};

/** The relative URL from one page to another (pages sit at depth 0, 1 or 2). */
export function href(from: string, to: string): string {
  const depth = from.split('/').length - 1;
  return `${'../'.repeat(depth)}${to}`;
}
