// Pages render finished boards: no page module may reach the store (the build reads everything
// first). Checked on the page modules' own imports and on the context they are given.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ROOT } from '../helpers/cli.js';

const PAGES = join(ROOT, 'src', 'leaderboard', 'pages');

/** Value (non-type) imports of a module, resolved to .ts files. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)]
    .map((m) => m[1]!)
    .filter((s) => s.startsWith('.'))
    .map((s) => resolve(dirname(file), s.replace(/\.js$/, '.ts')));
}

describe('site pages', () => {
  it('import nothing from the store, and their context carries no store', () => {
    const pages = readdirSync(PAGES)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(PAGES, f));
    expect(pages.length).toBeGreaterThan(5);
    const direct = pages.flatMap((p) =>
      imports(p)
        .filter((i) => i.includes(join('src', 'store')))
        .map((i) => `${p.slice(ROOT.length)} → ${i.slice(ROOT.length)}`),
    );
    expect(direct).toEqual([]);
    // The context pages get: board, data and what the build read for them, but no store handle.
    const context = readFileSync(join(ROOT, 'src', 'leaderboard', 'context.ts'), 'utf8');
    expect(context).not.toMatch(/\bStore\b/);
    for (const p of pages) expect(readFileSync(p, 'utf8'), p).not.toMatch(/ctx\.store/);
  });
});
