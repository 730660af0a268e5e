// The site's exploring pages in headless Chromium through file://: item search and filters over
// the static index, the compare picker and a paired-comparison page, and a multi-turn transcript
// with the board at each turn. Nothing may log a CSP violation or a script error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildSite } from '../../src/leaderboard/build.js';
import { paths } from '../../src/leaderboard/slug.js';
import { explorePaths } from '../../src/leaderboard/pages/explore.js';
import { run } from '../../src/runner/run.js';
import { Store } from '../../src/store/store.js';
import { loadSuite } from '../../src/suite/load.js';
import { tempDir, XSS, XSS_MODEL } from './fixture.js';
import { mockModel } from '../../src/models/mock.js';
import { read } from '../../src/store/read.js';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let dir: string;
let site: string;
let browser: BrowserContext;
let multiTurnItem: string;
const problems: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install Debian's package (apt-get install -y chromium), as .ci/run does`,
    );
  dir = tempDir('explore');
  const store = Store.open(join(dir, 'q.sqlite'));
  await run({
    suite: loadSuite('quick'),
    store,
    n: 2,
    models: ['baseline:oracle', 'baseline:random', mockModel({ spec: XSS_MODEL, replies: () => XSS })],
  });
  const oracle = new Set(
    store
      .runs()
      .filter((u) => u.modelSpec === 'baseline:oracle')
      .map((u) => u.id),
  );
  multiTurnItem = read
    .rows(store, 'results', ['item_id'])
    .find((r) => oracle.has(r.run_id as string) && (r.turns as number) >= 3)!.item_id as string;
  site = join(dir, 'site');
  buildSite(store, { out: site, itemsPerTask: 2, resamples: 100, permutations: 100 });
  store.close();
  browser = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(path: string): Promise<Page> {
  const page = await browser.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${path}: console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${path}: page error: ${e.message}`));
  await page.goto(pathToFileURL(join(site, path)).href);
  await page.waitForLoadState('load');
  return page;
}

const matches = async (page: Page) => Number(/^(\d+) of/.exec((await page.locator('#count').textContent()) ?? '')?.[1]);

describe('exploring the site in Chromium', () => {
  it('search filters items by text, task, split, verdict and disagreement', async () => {
    const index = JSON.parse(readFileSync(join(site, explorePaths.searchIndexJson()), 'utf8')) as {
      items: [string, number, (number | null)[], string | null][];
      tasks: string[][];
      models: string[];
    };
    const page = await open(explorePaths.search());
    expect(await matches(page)).toBe(index.items.length);
    await page.selectOption('#split', 'ood');
    const ood = index.items.filter((it) => index.tasks[it[1]]![3] === 'ood').length;
    expect(await matches(page)).toBe(ood);
    await page.selectOption('#split', '');
    await page.selectOption('#task', 'sk-id');
    expect(await matches(page)).toBe(index.items.filter((it) => index.tasks[it[1]]![1] === 'sk-id').length);
    const taskCells = await page.$$eval('#results tbody tr', (rows) =>
      rows.map((r) => (r as HTMLTableRowElement).cells[1]!.textContent),
    );
    expect(new Set(taskCells)).toEqual(new Set(['sk-id']));
    await page.selectOption('#task', '');
    await page.check('#disagree');
    const rows = await page.$$eval('#results tbody tr', (trs) =>
      trs.map((r) => [...(r as HTMLTableRowElement).cells].slice(4).map((c) => c.textContent)),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.includes('✓') && r.includes('✗')).toBe(true);
    await page.uncheck('#disagree');
    await page.selectOption('#model', 'baseline:oracle');
    await page.selectOption('#verdict', 'wrong');
    expect(await matches(page)).toBe(0); // the oracle is never wrong
    await page.selectOption('#model', '');
    await page.selectOption('#verdict', '');
    const first = index.items.find((it) => it[3])!;
    await page.fill('#q', first[0].slice(0, 12));
    expect(await matches(page)).toBe(1);
    await Promise.all([
      page.waitForURL((u) => u.href.endsWith(paths.item(first[0])), { timeout: 30_000 }),
      page.locator('#results tbody a').first().click(),
    ]);
    expect(page.url()).toContain(paths.item(first[0]));
    // Model output is text, never markup.
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  }, 120_000);

  it('the compare picker opens the paired comparison of two rows', async () => {
    const page = await open(paths.index());
    await page.selectOption('.compare-picker .cmp-a', 'baseline:random');
    await page.selectOption('.compare-picker .cmp-b', 'baseline:oracle');
    await Promise.all([
      page.waitForURL((u) => u.href.includes('/compare/'), { timeout: 30_000 }),
      page.click('.compare-picker .cmp-go'),
    ]);
    await page.waitForLoadState('load');
    expect(page.url()).toContain(explorePaths.compare('quick', 'baseline:random', 'baseline:oracle'));
    expect(await page.locator('h1').textContent()).toMatch(/baseline:oracle vs baseline:random/);
    const ood = page.locator('tr.scope-split', { hasText: /^\s*ood/ });
    const cells = await ood.locator('td').allTextContents();
    expect(Number(cells[2])).toBe(100);
    expect(cells[3]).toMatch(/^\+\d/);
    expect(await page.locator('tr.scope-task').count()).toBeGreaterThan(5);
    const json = JSON.parse(
      readFileSync(join(site, paths.json(explorePaths.compare('quick', 'baseline:random', 'baseline:oracle'))), 'utf8'),
    );
    expect(json.rows.find((r: { scope: string; name: string }) => r.scope === 'split' && r.name === 'ood').b).toBe(1);
  }, 120_000);

  it('a multi-turn answer shows every turn with the board the model saw', async () => {
    expect(multiTurnItem).toBeTruthy();
    const page = await open(paths.item(multiTurnItem));
    const turns = page.locator('.answer .turn');
    expect(await turns.count()).toBeGreaterThanOrEqual(3);
    const t1 = (await turns.nth(0).locator('pre').first().textContent())!;
    const t2 = (await turns.nth(1).locator('pre').first().textContent())!;
    expect(await turns.nth(1).locator('h4').textContent()).toBe('Turn 2');
    expect(t2).not.toBe(t1); // the state moved after the first reply
    expect(readdirSync(join(site, 'i')).length).toBeGreaterThan(0);
  }, 120_000);

  it('logged no CSP violation or script error', () => {
    expect(problems).toEqual([]);
  });
});
