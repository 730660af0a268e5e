// Item pages: every item by default; under a page budget each task keeps its first items up to
// the largest equal cap that fits. The search index covers every item either way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite } from '../../src/leaderboard/build.js';
import { loadDataset } from '../../src/report/data.js';
import { tempDir, toyDb, type ToyDb } from './fixture.js';

let dir: string;
let db: ToyDb;
let perTask: number[];
beforeAll(async () => {
  dir = tempDir('items');
  db = await toyDb(dir);
  perTask = loadDataset(db.store).suites.flatMap((s) => [...s.tasks.values()].map((t) => t.items.length));
}, 120_000);
afterAll(() => {
  db.store.close();
  rmSync(dir, { recursive: true, force: true });
});

const pages = (out: string) => readdirSync(join(out, 'i')).filter((f) => f.endsWith('.html')).length;

describe('item pages', () => {
  it('every item gets a page by default', () => {
    const out = join(dir, 'all');
    const built = buildSite(db.store, { out, resamples: 50, permutations: 50 });
    const total = perTask.reduce((a, b) => a + b, 0);
    expect(built.itemPages).toBe(total);
    expect(pages(out)).toBe(total);
  });

  it('a budget caps every task at the same count, and search still lists every item', () => {
    const out = join(dir, 'budget');
    const budget = Math.floor(perTask.reduce((a, b) => a + b, 0) / 2);
    const built = buildSite(db.store, { out, maxItemPages: budget, resamples: 50, permutations: 50 });
    expect(built.itemPages).toBeLessThanOrEqual(budget);
    const k = Math.max(
      ...Array.from({ length: 1000 }, (_, i) => i).filter(
        (c) => perTask.reduce((n, x) => n + Math.min(x, c), 0) <= budget,
      ),
    );
    expect(built.itemPages).toBe(perTask.reduce((n, x) => n + Math.min(x, k), 0));
    const index = JSON.parse(readFileSync(join(out, 'search-index.json'), 'utf8')) as {
      items: [string, number, unknown[], string | null][];
    };
    expect(index.items).toHaveLength(perTask.reduce((a, b) => a + b, 0));
    expect(index.items.filter((it) => it[3] !== null)).toHaveLength(built.itemPages);
  });
});
