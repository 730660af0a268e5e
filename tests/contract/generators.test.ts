// One contract over the whole registry, plug-ins included, with default params and in every region
// the shipped suites use: every generator is deterministic, its reference verifies, garbage is
// rejected without throwing, truth survives JSON, difficulty keys are stable, and item ids and
// contents match the values pinned in pinned-items.json (an item that changes without a version
// bump breaks "the same id means the same problem"). Every family descriptor's declared knobs appear
// in the difficulty of its task sets' items, and its declared metrics are what summarizeDetails returns.
// After a deliberate version bump: GENBENCH_PIN=1 npx vitest run tests/contract/generators.test.ts
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registry, isPlugin, allFamilies, getFamily } from '../../generators/index.js';
import { checkFamily, checkGenerator } from '../../src/core/contract.js';
import { canonicalJson, itemId, stableHash } from '../../src/core/hash.js';
import { Rng } from '../../src/core/rng.js';
import { loadSuite, shippedSuiteNames, type SuiteTask } from '../../src/suite/load.js';
import { familyFiles } from '../../src/cli/new-family.js';

// The scaffolded family, loaded as a plug-in from a folder outside the repo.
const pluginDir = mkdtempSync(join(tmpdir(), 'genbench-contract-'));
for (const [file, text] of Object.entries(familyFiles('demo'))) writeFileSync(join(pluginDir, file), text);
loadSuite(join(pluginDir, 'suite.yaml'));
afterAll(() => rmSync(pluginDir, { recursive: true, force: true }));

const PIN_FILE = fileURLToPath(new URL('./pinned-items.json', import.meta.url));
const SEED = 7;
const pinned: Record<string, string[]> = existsSync(PIN_FILE) ? JSON.parse(readFileSync(PIN_FILE, 'utf8')) : {};
const computed: Record<string, string[]> = {};

/** 'id content-hash' for items 0 and 1 with the generator's default params. */
function pins(name: string): string[] {
  const g = registry.get(name)!;
  const params = g.parseParams({});
  return [0, 1].map((i) => {
    const p = g.generate(params, Rng.forItem(SEED, i));
    return `${itemId(g.name, g.version, params, SEED, i)} ${stableHash({ m: p.messages, t: p.truth, r: p.reference, d: p.difficulty }, 16)}`;
  });
}

const names = [...registry.keys()].sort();

describe('generator contract', () => {
  it('covers every built-in family and the plug-in', () => {
    expect(names.length).toBeGreaterThanOrEqual(60);
    expect(isPlugin('demo/sum')).toBe(true);
    for (const family of ['instruct', 'omega', 'satquest', 'jigsaw', 'travel'])
      expect(
        names.some((n) => n === family || n.startsWith(`${family}/`)),
        family,
      ).toBe(true);
  });

  it.each(names)('%s keeps the contract', (name) => {
    expect(checkGenerator(registry.get(name)!, { items: 3 })).toEqual([]);
  });

  // The shipped suites' params reach the OOD regions (larger, other formats) that defaults do not.
  const regions = new Map<string, Map<string, SuiteTask>>();
  for (const suite of shippedSuiteNames()) {
    for (const t of loadSuite(suite).tasks) {
      if (!regions.has(t.generator.name)) regions.set(t.generator.name, new Map());
      regions.get(t.generator.name)!.set(canonicalJson(t.params), t);
    }
  }
  it.each([...regions.keys()].sort())('%s keeps the contract in every region the shipped suites use', (name) => {
    for (const t of regions.get(name)!.values()) {
      expect(checkGenerator(t.generator, { params: t.params, seed: t.seed, items: 1 }), `task ${t.id}`).toEqual([]);
    }
  });

  it.each(names)('%s: item ids and contents are the pinned ones', (name) => {
    computed[name] = pins(name);
    if (process.env.GENBENCH_PIN) return;
    expect(
      pinned[name],
      `no pinned items for ${name}: run GENBENCH_PIN=1 npx vitest run tests/contract/generators.test.ts`,
    ).toBeDefined();
    expect(computed[name]).toEqual(pinned[name]);
  });

  const families = allFamilies()
    .map((f) => f.name)
    .sort();
  it("covers every built-in family descriptor and the plug-in's", () => {
    expect(families).toEqual(
      expect.arrayContaining([
        'instruct',
        'omega',
        'omega-compositional',
        'omega-transformative',
        'satquest',
        'jigsaw',
        'travel',
        'demo',
      ]),
    );
  });

  it.each(families)(
    'family %s: declared knobs appear in difficulty, declared metrics match summarizeDetails',
    (name) => {
      expect(checkFamily(getFamily(name))).toEqual([]);
    },
  );

  it('a knob or metric the items do not have is reported', () => {
    const demo = getFamily('demo');
    const wrong = {
      ...demo,
      views: {
        demo: {
          label: 'x',
          curve: { knob: 'length', where: { max: 9 } },
          matrix: ['count', 'size'] as [string, string],
        },
      },
      metrics: { accuracy: 'x' },
    };
    const problems = checkFamily(wrong);
    expect(
      problems.some((p) =>
        /knob 'length' is not in the difficulty of demo#all task demo-id item 0 \(keys: count, max\)/.test(p),
      ),
    ).toBe(true);
    expect(problems.some((p) => /knob 'size'/.test(p))).toBe(true);
    expect(problems).toContain("metric 'accuracy' is declared but summarizeDetails never returns it");
    expect(checkFamily({ ...getFamily('jigsaw'), metrics: {} })).toContain(
      "metric 'formatReward' is returned by summarizeDetails but not declared in the family's metrics",
    );
  });

  afterAll(() => {
    if (!process.env.GENBENCH_PIN) return;
    const sorted = Object.fromEntries(
      Object.entries({ ...pinned, ...computed })
        .filter(([k]) => registry.has(k))
        .sort(([a], [b]) => a.localeCompare(b)),
    );
    writeFileSync(PIN_FILE, `${JSON.stringify(sorted, null, 1)}\n`);
  });
});
