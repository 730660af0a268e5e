// Writes suites/distinct.json: for every scored task of every shipped suite, which item indices
// repeat an earlier problem (by dedupKey) and whether the region ran out (issue 17). `bench run`
// reads it so shipped suites start without generating anything. Run after a generator version
// bump or a suite change (tests/suite/distinct.test.ts says when):
//   node --import tsx scripts/distinct-manifest.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSuite, resolveSuitePath, shippedSuiteNames, suitesDir } from '../src/suite/load.js';
import { MANIFEST_FILE, scanTask, streamKey, type DistinctScan } from '../src/suite/distinct.js';

const streams = new Map<string, { want: number; label: string; task: Parameters<typeof scanTask>[0] }>();
for (const name of shippedSuiteNames()) {
  const path = resolveSuitePath(name);
  for (const task of parseSuite(readFileSync(path, 'utf8'), path, { distinct: false }).tasks) {
    if (task.split === 'train') continue;
    const want = task.n;
    const key = streamKey(task);
    const known = streams.get(key);
    if (!known || known.want < want) streams.set(key, { want, label: `${name}/${task.id}`, task });
  }
}
const out: Record<string, DistinctScan & { task: string }> = {};
const t0 = Date.now();
for (const [key, s] of [...streams].sort(([a], [b]) => a.localeCompare(b))) {
  const scan = scanTask(s.task, s.want);
  out[key] = { task: s.label, ...scan };
  if (scan.skip.length)
    process.stderr.write(
      `${s.label}: ${scan.skip.length} duplicate indices${scan.exhausted ? `, region spent at ${scan.scanned - scan.skip.length}` : ''}\n`,
    );
}
const body = Object.entries(out)
  .map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
  .join(',\n');
writeFileSync(
  join(suitesDir(), MANIFEST_FILE),
  `{\n  "note": "written by scripts/distinct-manifest.ts; duplicate item indices per task stream (generator, version, params, seed)",\n  "streams": {\n${body}\n  }\n}\n`,
);
process.stderr.write(`${streams.size} streams in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
