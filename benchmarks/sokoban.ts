// instruct/sokoban throughput: item generation per region, and whole closed-loop episodes driven
// by the oracle and by chance-level replies (what `bench run --model baseline:*` costs, without
// the runner and the store). Run: node --import tsx benchmarks/sokoban.ts [--n 200]
import { cpus } from 'node:os';
import { Rng } from '../src/core/rng.js';
import { episodeOf, type Problem, type Turn } from '../src/core/types.js';
import { sokoban } from '../generators/instruct/sokoban.js';

const nArg = process.argv.indexOf('--n');
const N = nArg > 0 ? Number(process.argv[nArg + 1]) : 200;

const REGIONS: Record<string, Record<string, unknown>> = {
  'id 6x6 1 box': {},
  'numerical 6x6 1 box': { variant: 'numerical' },
  'diverse 6x6 1 box': { variant: 'diverse' },
  'large 10x10 1 box': { size: 10 },
  'two boxes 6x6': { boxes: 2 },
  'complex 10x10 2 boxes': { size: 10, boxes: 2 },
  'size 12, 1 box': { size: 12 },
  'size 10, 3 boxes': { size: 10, boxes: 3 },
  'single-shot 6x6 1 box': { protocol: 'single-shot' },
};

function playOut(p: Problem, reply: (turn: Turn, t: number) => string): boolean {
  const episode = episodeOf(p);
  let turn = episode.start();
  for (let t = 1; ; t++) {
    const s = episode.step(reply(turn, t));
    if (s.done) return s.verdict.correct;
    turn = s;
  }
}

const rows: string[][] = [];
for (const [name, raw] of Object.entries(REGIONS)) {
  const params = sokoban.parseParams(raw);
  const n = name.includes('3 boxes') ? Math.max(10, Math.floor(N / 10)) : N;
  sokoban.generate(params, Rng.forItem('warm-up', 0));
  let t0 = performance.now();
  const problems = Array.from({ length: n }, (_, i) => sokoban.generate(params, Rng.forItem('bench', i)));
  const genS = (performance.now() - t0) / 1000;

  t0 = performance.now();
  let oracleWins = 0;
  for (const p of problems) if (playOut(p, (turn) => turn.reference!)) oracleWins++;
  const oracleS = (performance.now() - t0) / 1000;

  t0 = performance.now();
  let randomWins = 0;
  problems.forEach((p, i) => {
    if (playOut(p, (turn, t) => turn.randomAnswer!(Rng.forItem(`random:${i}`, t)))) randomWins++;
  });
  const randomS = (performance.now() - t0) / 1000;

  const plans = problems.map((p) => Number(p.difficulty.planLength)).sort((a, b) => a - b);
  rows.push([
    name,
    String(n),
    (n / genS).toFixed(0),
    (n / oracleS).toFixed(0),
    (n / randomS).toFixed(0),
    `${((100 * oracleWins) / n).toFixed(0)}%`,
    `${((100 * randomWins) / n).toFixed(0)}%`,
    `${plans[0]}/${plans[Math.floor(n / 2)]}/${plans[n - 1]}`,
  ]);
}

const header = [
  'region',
  'n',
  'generate items/s',
  'oracle episodes/s',
  'random episodes/s',
  'oracle wins',
  'random wins',
  'plan min/median/max',
];
console.log(`# instruct/sokoban (${cpus()[0]?.model ?? 'cpu'}, node ${process.version})\n`);
console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
