// Issue 17: items within a task are distinct problems. Duplicate indices are skipped (never
// renumbered, so ids of kept items do not change), a task asking for more than its region holds
// is capped with a warning, and shipped suites load without generating a single item.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { registry } from '../../generators/index.js';
import { parseSuite, loadSuite, shippedSuiteNames, suitesDir } from '../../src/suite/load.js';
import { dedupKeyOf, itemIdOf, taskItems } from '../../src/suite/expand.js';
import {
  MANIFEST_FILE,
  distinctIndices,
  indicesFrom,
  scanTask,
  stallLimit,
  streamKey,
  type DistinctScan,
} from '../../src/suite/distinct.js';
import { Store } from '../../src/store/store.js';
import { run } from '../../src/runner/run.js';
import { mockModel } from '../../src/models/mock.js';
import { messageText } from '../../src/core/types.js';
import { solveAdd, toySuite } from '../helpers/toy.js';
import { read } from '../../src/store/read.js';

// General Points, four cards drawn from the normal deck: a region of a few hundred hands.
const smallRegion = (n: number) => `name: small
version: 1
tasks:
  - id: gp
    generator: instruct/general-points
    split: id
    n: ${n}
    seed: 11
    params: { rule: face10, sampling: normal, cards: 4 }
`;

/** The kept indices by brute force: the first occurrence of every dedup key, in index order. */
function firstOccurrences(task: Parameters<typeof scanTask>[0], upTo: number): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  for (let i = 0; i < upTo; i++) {
    const key = dedupKeyOf(task.generator.generate(task.params, Rng.forItem(task.seed, i)));
    if (!seen.has(key)) {
      seen.add(key);
      out.push(i);
    }
  }
  return out;
}

describe('distinct items within a task', () => {
  it('keeps the first occurrence of each problem, skipping duplicate indices without renumbering', () => {
    const suite = parseSuite(smallRegion(60), 'x.yaml');
    const task = suite.tasks[0]!;
    const items = [...taskItems(task)];
    expect(items).toHaveLength(60);
    const kept = firstOccurrences(task, items.at(-1)!.index + 1);
    expect(items.map((it) => it.index)).toEqual(kept);
    expect(kept.at(-1)).toBeGreaterThan(59); // some index was skipped: the region repeats within 60 draws
    // The id of a kept item is the id its index always had.
    for (const it of items) expect(it.id).toBe(itemIdOf(task, it.index));
    expect(new Set(items.map((it) => dedupKeyOf(it.problem))).size).toBe(60);
    expect(suite.warnings).toEqual([]);
  });

  it('caps a task that asks for more than its region holds, with a warning, and never pads with repeats', () => {
    const suite = parseSuite(smallRegion(5000), 'x.yaml');
    const task = suite.tasks[0]!;
    expect(task.requestedN).toBe(5000);
    expect(task.n).toBeLessThan(1000);
    expect(suite.warnings).toHaveLength(1);
    expect(suite.warnings[0]).toMatch(
      new RegExp(
        `task 'gp' asks for 5000 items but its region \\(instruct/general-points .*\\) holds only ${task.n} distinct problems: capped at ${task.n}`,
      ),
    );
    const keys = [...taskItems(task)].map((it) => dedupKeyOf(it.problem));
    expect(keys).toHaveLength(task.n);
    expect(new Set(keys).size).toBe(task.n);
    // The hash is the file's: the cap follows from it and the generator versions it holds.
    expect(suite.hash).toBe(parseSuite(smallRegion(5000), 'x.yaml', { distinct: false }).hash);
  });

  it('the stall rule: a scan stops after max(1000, 10 × found) draws without a new problem', () => {
    expect(stallLimit(0)).toBe(1000);
    expect(stallLimit(564)).toBe(5640);
    const scan: DistinctScan = { scanned: 10, skip: [2, 5], exhausted: true };
    expect(indicesFrom(scan, 5)).toEqual({ indices: [0, 1, 3, 4, 6], capped: false });
    expect(indicesFrom(scan, 20)).toEqual({ indices: [0, 1, 3, 4, 6, 7, 8, 9], capped: true });
    expect(indicesFrom({ ...scan, exhausted: false }, 20)).toBeUndefined();
  });

  it('the runner asks each distinct problem once and counts only those', async () => {
    // max 2: the sums a + b with a, b in 0..2 are 9 problems; the task asks for 20.
    const suite = toySuite([{ id: 'tiny', split: 'id', n: 20, max: 2 }]);
    const model = mockModel({ replies: (req) => solveAdd(messageText(req.messages.at(-1)!)) });
    const store = Store.open(':memory:');
    const [res] = await run({ suite, models: [model], store });
    const prompts = model.calls.map((c) => messageText(c.messages.at(-1)!));
    expect(prompts).toHaveLength(9);
    expect(new Set(prompts).size).toBe(9);
    expect(res!.summary.tasks[0]!.n).toBe(9);
    expect(res!.status).toBe('done');
    const ids = read
      .rows(store, 'results')
      .map((r) => r.item_id as string)
      .sort();
    expect(ids).toEqual(
      distinctIndices(suite.tasks[0]!, 20)
        .indices.map((i) => itemIdOf(suite.tasks[0]!, i))
        .sort(),
    );
  });
});

describe('suites/distinct.json (shipped suites start without generating)', () => {
  it('covers every scored task of every shipped suite, and loading them generates nothing', () => {
    const manifest = JSON.parse(readFileSync(join(suitesDir(), MANIFEST_FILE), 'utf8')).streams as Record<
      string,
      DistinctScan
    >;
    const calls: string[] = [];
    const saved = new Map([...registry.values()].map((g) => [g, g.generate]));
    for (const g of registry.values())
      g.generate = (...args) => {
        calls.push(g.name);
        return saved.get(g)!.apply(g, args);
      };
    try {
      for (const name of shippedSuiteNames()) {
        for (const task of loadSuite(name).tasks) {
          if (task.split === 'train') continue;
          const scan = manifest[streamKey(task)];
          expect(
            scan,
            `${name}/${task.id}: stream missing from suites/distinct.json; run node --import tsx scripts/distinct-manifest.ts`,
          ).toBeDefined();
          expect(
            indicesFrom(scan!, task.requestedN ?? task.n),
            `${name}/${task.id}: suites/distinct.json is stale; run node --import tsx scripts/distinct-manifest.ts`,
          ).toBeDefined();
        }
      }
    } finally {
      for (const [g, fn] of saved) g.generate = fn;
    }
    expect(calls).toEqual([]);
  });

  it('agrees with a fresh scan for the quick suite', () => {
    const manifest = JSON.parse(readFileSync(join(suitesDir(), MANIFEST_FILE), 'utf8')).streams as Record<
      string,
      DistinctScan
    >;
    for (const task of loadSuite('quick').tasks) {
      if (task.split === 'train') continue;
      const want = task.requestedN ?? task.n;
      const shipped = indicesFrom(manifest[streamKey(task)]!, want)!;
      expect(shipped, task.id).toEqual(indicesFrom(scanTask(task, want), want));
    }
  }, 120_000);
});
