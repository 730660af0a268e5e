// The series page in headless Chromium: ID and OOD drawn against step (overall and per family),
// the best OOD step marked, every checkpoint in the table, and the link from the model's row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { buildSite } from '../../src/leaderboard/build.js';
import { paths } from '../../src/leaderboard/slug.js';
import { mockModel } from '../../src/models/mock.js';
import { run } from '../../src/runner/run.js';
import { recordRunCheckpoint } from '../../src/store/series-queries.js';
import { Store } from '../../src/store/store.js';
import { loadSuite } from '../../src/suite/load.js';
import { ROOT } from '../helpers/cli.js';
import { tempDir } from './fixture.js';

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
const STEPS = [100, 200, 300];
// The share of items answered correctly at each step: OOD is best at step 200.
const SKILL: Record<number, number> = { 100: 0.2, 200: 0.9, 300: 0.5 };

let dir: string;
let site: string;
let browser: BrowserContext;
const problems: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's package (apt-get install -y chromium)`);
  dir = tempDir('series-browser');
  const store = Store.open(join(dir, 'db.sqlite'));
  const suite = loadSuite('quick');
  for (const step of STEPS) {
    const model = mockModel({
      spec: `vllm:./ckpts/checkpoint-${step}`,
      replies: (req, i) => ((i * 7919) % 100 < SKILL[step]! * 100 ? (req.reference ?? '') : 'no idea'),
    });
    const [r] = await run({ suite, store, n: 6, models: [model] });
    recordRunCheckpoint(store, {
      runId: r!.runId,
      path: `/ckpts/checkpoint-${step}`,
      fingerprint: `fp${step}`,
      step,
      series: 'ckpts',
    });
  }
  site = join(dir, 'site');
  buildSite(store, { out: site, itemsPerTask: 0, resamples: 200, permutations: 200 });
  store.close();
  browser = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
  });
  mkdirSync(join(ROOT, 'tests', 'artifacts'), { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the series page', () => {
  it('draws ID and OOD against step with the best OOD step marked, and lists every checkpoint', async () => {
    const json = JSON.parse(readFileSync(join(site, paths.json(paths.series('ckpts'))), 'utf8'));
    expect(json.points.map((p: { step: number }) => p.step)).toEqual(STEPS);
    const best = json.points.reduce((a: any, p: any) => (p.all.ood.estimate > a.all.ood.estimate ? p : a));
    expect(json.bestOodStep).toBe(best.step);
    expect(json.bestOodStep).toBe(200);

    const page = await browser.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(pathToFileURL(join(site, paths.series('ckpts'))).href);
    await page.waitForLoadState('load');
    const charts = page.locator('figure.series-chart');
    expect(await charts.count()).toBeGreaterThan(1); // overall and per family
    const overall = page.locator('figure.series-chart[data-family="all"] svg');
    await expect.poll(() => overall.locator('g.series[data-series="ID"] circle').count()).toBe(3);
    expect(await overall.locator('g.series[data-series="OOD"] circle').count()).toBe(3);
    expect(await overall.locator('g.series[data-series="OOD"] line.whisker').count()).toBe(3);
    expect(await overall.locator('g.series[data-series="best OOD (step 200)"] circle').count()).toBe(1);
    const box = await overall.boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    const rows = page.locator('table.series tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await page.locator('table.series tr.best-ood td.first').innerText()).toMatch(/^200.*best OOD/);
    await page.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'series.png'), fullPage: true });

    const index = await browser.newPage();
    await index.goto(pathToFileURL(join(site, paths.index())).href);
    const links = index.locator('table.main a.series-link');
    expect(await links.count()).toBe(3);
    await links.first().click();
    await index.waitForLoadState('load');
    expect(index.url()).toMatch(/series\/ckpts\.html$/);
    expect(problems).toEqual([]);
  });
});
