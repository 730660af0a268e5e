// Opens the built site in headless Chromium (Debian's package) through file://: sorting works,
// charts are drawn, an answer full of markup stays text, and nothing logs a CSP violation.
// Screenshots (light and dark) land in tests/artifacts/ for a human to look at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildSite } from '../../src/leaderboard/build.js';
import { paths } from '../../src/leaderboard/slug.js';
import { mockModel } from '../../src/models/mock.js';
import { run } from '../../src/runner/run.js';
import { Store } from '../../src/store/store.js';
import { loadSuite } from '../../src/suite/load.js';
import { ROOT } from '../helpers/cli.js';
import { tempDir, XSS, XSS_MODEL } from './fixture.js';
import { read } from '../../src/store/read.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
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
let xssItem: string;
let firstFamily: string;
let browser: BrowserContext;
const problems: string[] = [];
const dialogs: string[] = [];

beforeAll(async () => {
  // A missing browser is a broken setup, not a reason to skip: say how to fix it.
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install Debian's package (apt-get install -y chromium), as .ci/run does`,
    );
  dir = tempDir('browser');
  const store = Store.open(join(dir, 'quick.sqlite'));
  const suite = loadSuite('quick');
  await run({
    suite,
    store,
    n: 2,
    models: ['baseline:oracle', 'baseline:random', mockModel({ spec: XSS_MODEL, replies: () => XSS })],
  });
  xssItem = read.rows(store, 'results', ['item_id'])[0]!.item_id as string;
  site = join(dir, 'site');
  // Every item gets a page here, so the one we open is certain to exist.
  buildSite(store, { out: site, itemsPerTask: 2, resamples: 200, permutations: 200 });
  const board = JSON.parse((await import('node:fs')).readFileSync(join(site, 'index.json'), 'utf8'));
  firstFamily = paths.family(board.suites[0].suite, suite.tasks[0]!.family);
  store.close();
  browser = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
  });
  mkdirSync(ARTIFACTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(path: string, scheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await browser.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${path}: console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${path}: page error: ${e.message}`));
  page.on('dialog', (d) => {
    dialogs.push(`${path}: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(pathToFileURL(join(site, path)).href);
  await page.waitForLoadState('load');
  return page;
}

const firstColumn = (page: Page) =>
  page.$$eval('table.main tbody tr', (rows) =>
    rows.map((r) => (r as HTMLTableRowElement).cells[0]!.getAttribute('data-v')),
  );

describe('the leaderboard in Chromium', () => {
  it('sorts the main table by a column', async () => {
    const page = await open(paths.index());
    const table = page.locator('table.main').first();
    await table.locator('thead th[data-col="0"] button').click();
    expect(await firstColumn(page)).toEqual(['baseline:oracle', 'baseline:random', XSS_MODEL]);
    await table.locator('thead th[data-col="0"] button').click();
    expect(await firstColumn(page)).toEqual([XSS_MODEL, 'baseline:random', 'baseline:oracle']);
    // ID of the first group: largest first, then reversed.
    const ids = async () =>
      page.$$eval('table.main tbody tr', (rows) =>
        rows.map((r) => Number((r as HTMLTableRowElement).cells[1]!.getAttribute('data-v'))),
      );
    await table.locator('thead th[data-col="1"] button').click();
    const desc = await ids();
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    expect(await table.locator('thead th[data-col="1"]').getAttribute('aria-sort')).toBe('descending');
    await table.locator('thead th[data-col="1"] button').click();
    const asc = await ids();
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    expect(asc[0]).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'leaderboard-index-light.png'), fullPage: true });
    await page.close();
    const dark = await open(paths.index(), 'dark');
    expect(await dark.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgb(255, 255, 255)');
    await dark.screenshot({ path: join(ARTIFACTS, 'leaderboard-index-dark.png'), fullPage: true });
    await dark.close();
  });

  it('draws the charts', async () => {
    const page = await open(firstFamily);
    const lines = page.locator('svg.chart .series polyline');
    expect(await lines.count()).toBeGreaterThanOrEqual(3);
    const box = await page.locator('svg.chart').first().boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    expect(await page.locator('svg.scatter circle').count()).toBe(3);
    await page.screenshot({ path: join(ARTIFACTS, 'leaderboard-family-light.png'), fullPage: true });
    await page.close();
  });

  it('shows an answer full of markup as text and runs none of it', async () => {
    const page = await open(paths.item(xssItem));
    await page.waitForTimeout(200);
    const text = await page.locator('.answer pre').allTextContents();
    expect(text).toContain(XSS);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('.answer img, .answer svg, .answer script').count()).toBe(0);
    expect(await page.locator('h3 a', { hasText: 'onerror=alert(9)' }).count()).toBe(1);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(ARTIFACTS, 'leaderboard-item-phone-dark.png'), fullPage: false });
    await page.close();
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
  });
});
