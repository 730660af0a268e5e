// SATQuest benchmarks: cold generation throughput per label and size (every item draws its own
// CNF pair; the instance cache is cleared per cell), verification time per item (the reference,
// which makes MCS/MUS run every one of their m+1 SAT checks, and a chance-level answer), and
// the wall time to generate the whole shipped suite and a training set from its ID region.
// Run: node --import tsx benchmarks/satquest.ts [--quick]
// Writes benchmarks/results/satquest.json and satquest.md; prints the Markdown.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { Rng } from '../src/core/rng.js';
import { packageRoot } from '../src/core/paths.js';
import { loadSuite } from '../src/suite/load.js';
import { taskItems, trainItems } from '../src/suite/expand.js';
import { satquest } from '../generators/satquest/satquest.js';
import { clearInstanceCache } from '../generators/satquest/instance.js';
import { LABELS, FORMATS } from '../generators/satquest/params.js';

const quick = process.argv.includes('--quick');
/** Other work on the machine slows every number here; the load average says how much there was. */
const loadAtStart = loadavg()[0]!;
const BUDGET_MS = quick ? 250 : 1000;
const MIN_ITEMS = quick ? 5 : 10;
const MAX_ITEMS = quick ? 50 : 200;

const SIZES: { name: string; n: [number, number]; ratio: [number, number] }[] = [
  { name: 'n 3–8', n: [3, 8], ratio: [2.1, 4.0] },
  { name: 'n 9–16', n: [9, 16], ratio: [2.1, 4.0] },
  { name: 'n 17–24', n: [17, 24], ratio: [2.1, 4.0] },
  { name: 'n 25–32', n: [25, 32], ratio: [2.1, 4.0] },
  { name: 'n 33–40', n: [33, 40], ratio: [2.1, 4.0] },
  { name: 'n 64, m = 4n', n: [64, 64], ratio: [4.0, 4.0] },
];

interface Cell {
  label: string;
  size: string;
  items: number;
  itemsPerS: number;
  msPerItem: number;
  verifyRefMs: number;
  verifyRandomMs: number;
}

const log = (s: string) => process.stderr.write(`${s}\n`);
const now = () => performance.now();

function measureCell(label: string, size: (typeof SIZES)[number], format = 'math'): Cell {
  const params = satquest.parseParams({ label, format, n: size.n, ratio: size.ratio });
  clearInstanceCache();
  const problems = [];
  const t0 = now();
  for (let i = 0; i < MAX_ITEMS && (i < MIN_ITEMS || now() - t0 < BUDGET_MS); i++)
    problems.push(satquest.generate(params, Rng.forItem('bench', i)));
  const genMs = now() - t0;
  const rng = Rng.forItem('bench-random', 0);
  const randoms = problems.map((p) => p.randomAnswer!(rng));
  let t1 = now();
  for (const p of problems)
    if (!p.verify(p.reference!).correct) throw new Error(`oracle failed: ${label} ${size.name}`);
  const verifyRefMs = (now() - t1) / problems.length;
  t1 = now();
  problems.forEach((p, i) => p.verify(randoms[i]!));
  const verifyRandomMs = (now() - t1) / problems.length;
  return {
    label,
    size: size.name,
    items: problems.length,
    itemsPerS: problems.length / (genMs / 1000),
    msPerItem: genMs / problems.length,
    verifyRefMs,
    verifyRandomMs,
  };
}

function suiteGeneration(): { items: number; seconds: number; trainItems: number; trainSeconds: number } {
  const suite = loadSuite(join(packageRoot(), 'suites/satquest.yaml'));
  clearInstanceCache();
  let t0 = now();
  let items = 0;
  for (const task of suite.tasks) for (const _ of taskItems(task)) items++;
  const seconds = (now() - t0) / 1000;
  clearInstanceCache();
  t0 = now();
  let train = 0;
  for (const _ of trainItems(suite, quick ? 50 : 200)) train++;
  return { items, seconds, trainItems: train, trainSeconds: (now() - t0) / 1000 };
}

// Warm the JIT so the first cell is not charged for it.
for (let i = 0; i < 100; i++)
  satquest.generate(satquest.parseParams({ label: LABELS[i % LABELS.length], n: [3, 12] }), Rng.forItem('warm', i));

const cells: Cell[] = [];
for (const size of SIZES) {
  for (const label of LABELS) {
    const c = measureCell(label, size);
    cells.push(c);
    log(`${size.name} ${label}: ${c.itemsPerS.toFixed(1)} items/s, verify ${c.verifyRefMs.toFixed(3)} ms`);
  }
}
const formats = FORMATS.map((format) => ({ format, ...measureCell('MUS', SIZES[1]!, format) }));
log('suite…');
const suite = suiteGeneration();

const f = (x: number, d = 1) => (x >= 100 ? x.toFixed(0) : x.toFixed(d));
const md: string[] = [];
md.push(
  `## SATQuest benchmarks (${new Date().toISOString()}, ${cpus().length} cores, ${cpus()[0]?.model ?? '?'}, Node ${process.version}, load average ${loadAtStart.toFixed(1)}${quick ? ', --quick' : ''})`,
  '',
);
md.push('### Cold generation, items/s (math format; every item draws its own CNF pair)', '');
md.push(`| size | ${LABELS.join(' | ')} |`, `|---|${LABELS.map(() => '---').join('|')}|`);
for (const size of SIZES)
  md.push(
    `| ${size.name} | ${LABELS.map((l) => f(cells.find((c) => c.label === l && c.size === size.name)!.itemsPerS)).join(' | ')} |`,
  );
md.push(
  '',
  'Ratio m/n on the RFT grid 2.1–4.0 except the last row. Low ratios dominate the cost: unsatisfiable formulas are rare there, so many are drawn and rejected.',
  '',
);
md.push('### Verification, ms per item (reference answer / chance-level answer)', '');
md.push(`| size | ${LABELS.join(' | ')} |`, `|---|${LABELS.map(() => '---').join('|')}|`);
for (const size of SIZES) {
  md.push(
    `| ${size.name} | ${LABELS.map((l) => {
      const c = cells.find((x) => x.label === l && x.size === size.name)!;
      return `${c.verifyRefMs.toFixed(3)} / ${c.verifyRandomMs.toFixed(3)}`;
    }).join(' | ')} |`,
  );
}
md.push(
  '',
  '### Formats (MUS, n 9–16): items/s',
  '',
  `| ${FORMATS.join(' | ')} |`,
  `|${FORMATS.map(() => '---').join('|')}|`,
  `| ${formats.map((x) => f(x.itemsPerS)).join(' | ')} |`,
  '',
);
md.push('### Shipped suite', '', '| what | items | seconds |', '|---|---|---|');
md.push(`| generate all tasks of suites/satquest.yaml | ${suite.items} | ${suite.seconds.toFixed(1)} |`);
md.push(
  `| generate --split train (${quick ? 50 : 200} per ID task, eval items generated first for exclusion) | ${suite.trainItems} | ${suite.trainSeconds.toFixed(1)} |`,
  '',
);
const text = md.join('\n');
process.stdout.write(`${text}\n`);

const dir = join(packageRoot(), 'benchmarks/results');
mkdirSync(dir, { recursive: true });
writeFileSync(
  join(dir, 'satquest.json'),
  `${JSON.stringify(
    {
      machine: {
        cpus: cpus().length,
        cpu: cpus()[0]?.model,
        memGiB: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        loadAverage: loadAtStart,
      },
      date: new Date().toISOString(),
      quick,
      sizes: SIZES,
      generation: cells,
      formats,
      suite,
    },
    null,
    2,
  )}\n`,
);
writeFileSync(join(dir, 'satquest.md'), `${text}\n`);
