// jigsaw benchmarks: generation speed per region (image: drawing, cutting and PNG encoding
// separately; text: whole items), PNG and prompt sizes, verifier throughput on oracle, random and
// garbage replies. Writes benchmarks/results/jigsaw.json.   node --import tsx benchmarks/jigsaw.ts [--quick]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, totalmem } from 'node:os';
import { Rng } from '../src/core/rng.js';
import { messageText, type Problem } from '../src/core/types.js';
import { packageRoot } from '../src/core/paths.js';
import { imageJigsaw } from '../generators/jigsaw/image.js';
import { textJigsaw } from '../generators/jigsaw/text.js';
import { encodePng } from '../generators/jigsaw/image/png.js';
import { drawScene, SCENE_STYLES } from '../generators/jigsaw/image/scenes/index.js';

const quick = process.argv.includes('--quick');
const N = quick ? 20 : 100;
const log = (s: string) => process.stderr.write(`${s}\n`);
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

function rate(fn: (i: number) => Problem, n: number): { itemsPerSec: number; problems: Problem[] } {
  const problems: Problem[] = [];
  fn(0); // warm up
  const t0 = performance.now();
  for (let i = 0; i < n; i++) problems.push(fn(i + 1));
  return { itemsPerSec: round((n * 1000) / (performance.now() - t0)), problems };
}

const results: Record<string, unknown> = {
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memGiB: round(totalmem() / 2 ** 30) },
  n: N,
};

// Image items per region, and where the time goes.
const imageRegions: Record<string, Record<string, unknown>> = {
  '2x1-pair': { grid: '2x1' },
  '3x3-pair': { grid: '3x3' },
  '2x2-full': { grid: '2x2', question: 'full' },
  city: { style: 'city' },
  abstract: { style: 'abstract' },
  mask: { mask: 0.1 },
  '2x1-pair-448': { width: 448, height: 448 },
};
const image: Record<string, unknown> = {};
for (const [name, raw] of Object.entries(imageRegions)) {
  const params = imageJigsaw.parseParams(raw);
  const { itemsPerSec, problems } = rate((i) => imageJigsaw.generate(params, Rng.forItem('bench', i)), N);
  const pngBytes = problems.map(
    (p) => Buffer.from((p.messages[0]!.content as { data?: string }[])[0]!.data!, 'base64').length,
  );
  image[name] = { itemsPerSec, pngKB: round(mean(pngBytes) / 1024), maxPngKB: round(Math.max(...pngBytes) / 1024) };
  log(`image ${name}: ${itemsPerSec} items/s, PNG ${round(mean(pngBytes) / 1024)} KB`);
}
const phases: Record<string, unknown> = {};
for (const style of SCENE_STYLES) {
  let draw = 0;
  let encode = 0;
  for (let i = 0; i < N; i++) {
    const t0 = performance.now();
    const rgb = drawScene(style, 336, 336, Rng.forItem('phase', i)).toBytes();
    const t1 = performance.now();
    encodePng(336, 336, rgb);
    encode += performance.now() - t1;
    draw += t1 - t0;
  }
  phases[style] = { drawMs: round(draw / N, 2), encodeMs: round(encode / N, 2) };
  log(`scene ${style}: draw ${round(draw / N, 2)} ms, encode ${round(encode / N, 2)} ms`);
}
results.image = image;
results.imagePhases336 = phases;

// Text items per region.
const textRegions: Record<string, Record<string, unknown>> = {
  '2x1-pair': { grid: '2x1' },
  '3x3-pair': { grid: '3x3' },
  '2x2-full': { grid: '2x2', question: 'full' },
  shapes: { style: 'shapes' },
  list: { grid: '2x2', layout: 'list' },
};
const text: Record<string, unknown> = {};
for (const [name, raw] of Object.entries(textRegions)) {
  const params = textJigsaw.parseParams(raw);
  const { itemsPerSec, problems } = rate((i) => textJigsaw.generate(params, Rng.forItem('bench', i)), N * 20);
  text[name] = { itemsPerSec, promptChars: Math.round(mean(problems.map((p) => messageText(p.messages[0]!).length))) };
  log(`text ${name}: ${itemsPerSec} items/s`);
}
results.text = text;

// Verifier throughput (shared by both generators).
const problems = Array.from({ length: 200 }, (_, i) =>
  textJigsaw.generate(
    textJigsaw.parseParams({ grid: '3x3', question: i % 2 ? 'full' : 'pair' }),
    Rng.forItem('verify', i),
  ),
);
const rng = Rng.fromKey('bench-random');
const garbage = Array.from({ length: 4000 }, () => 'x<answer>1 2 3 A</answer>'.repeat(10));
const verify: Record<string, number> = {};
for (const [name, reply] of [
  ['oracle', (p: Problem) => p.reference!],
  ['random', (p: Problem) => p.randomAnswer!(rng)],
  ['garbage', (_p: Problem, i: number) => garbage[i % garbage.length]!],
] as const) {
  const t0 = performance.now();
  let n = 0;
  for (let r = 0; r < 50; r++)
    problems.forEach((p, i) => {
      p.verify(reply(p, i));
      n++;
    });
  verify[`${name}PerSec`] = Math.round((n * 1000) / (performance.now() - t0));
}
const mb = 'A 1 <answer> '.repeat(80_000);
const t0 = performance.now();
problems[1]!.verify(mb);
verify.oneMegabyteMs = round(performance.now() - t0, 2);
results.verify = verify;
log(`verify: ${JSON.stringify(verify)}`);

const dir = join(packageRoot(), 'benchmarks', 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'jigsaw.json'), `${JSON.stringify(results, null, 2)}\n`);
log(`wrote ${join(dir, 'jigsaw.json')}`);
