// OMEGA generation speed: items/s per family and level, and the time to generate the whole
// ladder suite (suites/omega-ladder.yaml, 100 items per level; the issue asks for under 60 s).
// Run: node --import tsx benchmarks/omega.ts [--quick]
// Prints a Markdown table and writes benchmarks/results/omega.json and omega.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng } from '../src/core/rng.js';
import { loadSuite } from '../src/suite/load.js';
import { taskItems } from '../src/suite/expand.js';
import { omegaGenerators } from '../generators/omega/index.js';

const quick = process.argv.includes('--quick');
/** Per (family, level): generate for at least this long (and at least MIN_ITEMS items). */
const BUDGET_MS = quick ? 60 : 300;
const MIN_ITEMS = quick ? 5 : 20;

interface LevelResult {
  level: number;
  items: number;
  ms: number;
  itemsPerSecond: number;
}
interface FamilyResult {
  family: string;
  domain: string;
  levels: LevelResult[];
}

function measure(): FamilyResult[] {
  const out: FamilyResult[] = [];
  for (const g of omegaGenerators) {
    const levels: LevelResult[] = [];
    for (let level = 1; level <= g.omega.maxLevel; level++) {
      const params = g.parseParams({ level });
      g.generate(params, Rng.forItem('warm-up', 0));
      const start = performance.now();
      let n = 0;
      while (n < MIN_ITEMS || performance.now() - start < BUDGET_MS) g.generate(params, Rng.forItem('bench', n++));
      const ms = performance.now() - start;
      levels.push({ level, items: n, ms: Math.round(ms), itemsPerSecond: Math.round((n / ms) * 1000) });
    }
    out.push({ family: g.omega.family, domain: g.omega.domain, levels });
    process.stderr.write('.');
  }
  process.stderr.write('\n');
  return out;
}

function ladderTime(): { items: number; seconds: number } {
  const suite = loadSuite('omega-ladder');
  const start = performance.now();
  let items = 0;
  for (const task of suite.tasks) for (const _ of taskItems(task)) items++;
  return { items, seconds: Math.round((performance.now() - start) / 10) / 100 };
}

const families = measure();
const ladder = ladderTime();
const maxLevel = Math.max(...families.map((f) => f.levels.length));

const header = `| family | ${Array.from({ length: maxLevel }, (_, i) => `L${i + 1}`).join(' | ')} |`;
const rule = `|---|${Array.from({ length: maxLevel }, () => '---:').join('|')}|`;
const rows = families.map(
  (f) =>
    `| ${f.family} | ${Array.from({ length: maxLevel }, (_, i) => f.levels[i]?.itemsPerSecond.toLocaleString('en-US') ?? '').join(' | ')} |`,
);
const markdown = [
  `## OMEGA generation speed (items/s, one core; ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version})`,
  '',
  header,
  rule,
  ...rows,
  '',
  `Whole ladder suite (suites/omega-ladder.yaml): ${ladder.items.toLocaleString('en-US')} items in ${ladder.seconds} s (target: under 60 s).`,
].join('\n');
console.log(markdown);

const file = join(dirname(fileURLToPath(import.meta.url)), 'results', 'omega.json');
mkdirSync(dirname(file), { recursive: true });
writeFileSync(
  file,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      cpu: cpus()[0]?.model,
      quick,
      ladder: { suite: 'omega-ladder', ...ladder, targetSeconds: 60 },
      families,
    },
    null,
    2,
  )}\n`,
);
writeFileSync(file.replace(/\.json$/, '.md'), `${markdown}\n`);
console.log(`\nwrote ${file} and omega.md`);
