// The site's check tables show the family's own metrics (Generator.summarizeDetails, through the
// scoreboard), never numbers the leaderboard computes itself: TravelPlanner's rates here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { getFamily } from '../../generators/index.js';
import { htmlEscape } from '../../src/core/escape.js';
import { join } from 'node:path';
import { travelMetrics } from '../../generators/travel/metrics.js';
import { buildSite } from '../../src/leaderboard/build.js';
import { paths } from '../../src/leaderboard/slug.js';
import { run } from '../../src/runner/run.js';
import { Store } from '../../src/store/store.js';
import { loadSuite } from '../../src/suite/load.js';

const TASKS = { id: ['travel-3d-easy', 'travel-3d-medium'], ood: ['travel-5d-medium', 'travel-3d-hard'] };
let dir: string;
let store: Store;
let out: string;
const runIds = new Map<string, string>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'genbench-fm-'));
  store = Store.open(join(dir, 'fm.sqlite'));
  const quick = loadSuite('quick');
  for (const model of ['baseline:oracle', 'mock:fixed:no plan here']) {
    const [res] = await run({ suite: quick, models: [model], store, tasks: [...TASKS.id, ...TASKS.ood], n: 2 });
    runIds.set(model, res!.runId);
  }
  out = join(dir, 'site');
  buildSite(store, { out, itemsPerTask: 2, resamples: 50, permutations: 50 });
}, 180_000);
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the site's TravelPlanner checks", () => {
  it("are the family's summarizeDetails over each split's answers pooled", () => {
    const page = JSON.parse(readFileSync(join(out, paths.json(paths.family('quick', 'travel'))), 'utf8'));
    for (const [model, id] of runIds) {
      for (const split of ['id', 'ood'] as const) {
        const details = TASKS[split].flatMap((t) => store.verdictDetails(id, t));
        const shown = page.checks[model][split];
        expect(shown.answers).toBe(4);
        // JSON turns NaN into null, as the page does.
        expect(shown.metrics).toEqual(JSON.parse(JSON.stringify(travelMetrics(details))));
      }
    }
    const oracle = page.checks['baseline:oracle'].ood.metrics,
      none = page.checks['mock:fixed:no plan here'].ood.metrics;
    expect(oracle).toMatchObject({ delivery: 1, finalPass: 1, 'hard.budget': 1, 'commonsense.withinSandbox': 1 });
    expect(none).toMatchObject({ delivery: 0, finalPass: 0, 'hard.budget': 0, 'hard.budget.applicable': 4 });
  });

  it('renders the headline rates and a row per check', () => {
    const html = readFileSync(join(out, paths.family('quick', 'travel')), 'utf8');
    expect(html).toMatch(/<h2>Checks<\/h2>/);
    // Each headline column, titled with what the family's descriptor says it means.
    for (const k of ['delivery', 'commonsenseMacro', 'hardMicro', 'finalPass'])
      expect(html).toContain(`<th class="num" title="${htmlEscape(getFamily('travel').metrics[k]!)}">${k}</th>`);
    expect(html).toMatch(/<td class="first mono">hard\.budget<\/td>/);
    expect(html).not.toMatch(/hard\.budget\.applicable/);
  });
});
