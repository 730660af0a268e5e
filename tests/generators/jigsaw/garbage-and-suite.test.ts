// Verifiers are total and fast on garbage; typical wrong answers are rejected; the shipped suite
// loads, puts ID and OOD side by side, and its regions differ in their knobs.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import type { Problem } from '../../../src/core/types.js';
import { loadSuite } from '../../../src/suite/load.js';
import { makeItem } from '../../../src/suite/expand.js';
import { imageJigsaw } from '../../../generators/jigsaw/image.js';
import { textJigsaw } from '../../../generators/jigsaw/text.js';
import type { PuzzleTruth } from '../../../generators/jigsaw/puzzle/draw.js';
import { items } from './helpers.js';

const problems: Problem[] = [
  ...items(textJigsaw, { grid: '2x1', question: 'pair' }, 2, 'g'),
  ...items(textJigsaw, { grid: '3x3', question: 'pair', mode: 'direct' }, 2, 'g'),
  ...items(textJigsaw, { grid: '2x2', question: 'full' }, 2, 'g'),
  ...items(textJigsaw, { grid: '3x1', question: 'full', mode: 'direct' }, 2, 'g'),
  ...items(imageJigsaw, { grid: '2x2', question: 'full', width: 64, height: 64 }, 1, 'g'),
  ...items(imageJigsaw, { grid: '2x1', question: 'pair', width: 64, height: 64 }, 1, 'g'),
];

describe('jigsaw verifiers: garbage', () => {
  it('never throw, and call garbage wrong', () => {
    const rng = Rng.fromKey('jigsaw-garbage');
    const alphabet = 'ABCabc0123456789 ,;`\n\t<>/answerthink[]()-.:ÉＡ２\u0000';
    const inputs: unknown[] = [
      undefined,
      null,
      42,
      {},
      [],
      Object.create(null),
      Symbol('x'),
      '\u0000',
      '\uFFFF'.repeat(1000),
      '<answer>'.repeat(100_000),
      '<think>'.repeat(50_000) + '</think><answer>'.repeat(50_000),
      '<think>' + '</think> <answer> '.repeat(60_000),
      '1 '.repeat(500_000),
      '9'.repeat(1_000_000),
      'z'.repeat(1_000_000),
      Buffer.from(Array.from({ length: 100_000 }, () => rng.int(0, 255))).toString('latin1'),
    ];
    for (let i = 0; i < 300; i++)
      inputs.push(Array.from({ length: rng.int(0, 80) }, () => alphabet[rng.int(0, alphabet.length - 1)]).join(''));
    const megabyte = Array.from({ length: 1 << 20 }, () => alphabet[rng.int(0, alphabet.length - 1)]).join('');
    for (const p of problems) {
      for (const input of inputs) {
        const v = p.verify(input as string);
        expect(typeof v.correct).toBe('boolean');
        expect(v.score).toBeGreaterThanOrEqual(0);
        expect(v.score).toBeLessThanOrEqual(1);
        if (!v.correct) expect(typeof v.reason).toBe('string');
        expect(JSON.stringify(v.parsed ?? null).length).toBeLessThan(1_000);
      }
      const t0 = performance.now();
      const v = p.verify(megabyte);
      expect(performance.now() - t0).toBeLessThan(2_000);
      expect(typeof v.correct).toBe('boolean');
    }
  });

  it('reject typical wrong answers: another letter, a wrong grid, the backward convention', () => {
    for (const p of problems) {
      const t = p.truth as PuzzleTruth;
      const wrap = (s: string) => (t.mode === 'thinking' ? `<think>…</think>\n<answer>${s}</answer>` : s);
      if (t.question === 'pair') {
        const other = 'ABCDEFGH'.slice(0, t.pair!.options.length).replace(t.answer, '')[0]!;
        expect(p.verify(wrap(other))).toMatchObject({ correct: false, formatOk: true });
        expect(p.verify(wrap(t.pair!.options['ABCDEFGH'.indexOf(t.answer)]!))).toMatchObject({ correct: false }); // option text, no letter
      } else {
        const n = t.forward.length;
        const backward = new Array<number>(n);
        t.forward.forEach((y, x) => {
          backward[y - 1] = x + 1;
        });
        const isInvolution = backward.join() === t.forward.join();
        expect(p.verify(wrap(backward.join(' '))).correct).toBe(isInvolution);
        const swapped = t.forward.slice();
        [swapped[0], swapped[1]] = [swapped[1]!, swapped[0]!];
        expect(p.verify(wrap(swapped.join(' ')))).toMatchObject({ correct: false, formatOk: true, score: (n - 2) / n });
        expect(p.verify(wrap(`Answer: ${t.answer}`))).toMatchObject({ correct: false, formatOk: false });
      }
    }
  });
});

describe('suites/jigsaw.yaml', () => {
  const suite = loadSuite('jigsaw');

  it('has ID and OOD tasks of both generators, each in its own family, with enough items', () => {
    for (const [gen, family] of [
      ['jigsaw/image', 'jigsaw'],
      ['jigsaw/text', 'jigsaw-text'],
    ]) {
      const tasks = suite.tasks.filter((t) => t.generator.name === gen);
      expect(tasks.filter((t) => t.split === 'id')).toHaveLength(1);
      expect(tasks.filter((t) => t.split === 'ood').length).toBeGreaterThanOrEqual(8);
      for (const t of tasks) {
        expect(t.family).toBe(family);
        expect(t.n).toBeGreaterThanOrEqual(100);
      }
    }
    expect(new Set(suite.tasks.map((t) => t.seed)).size).toBe(suite.tasks.length);
  });

  it('every OOD task differs from its ID task in the knob its axis names', () => {
    const knob: Record<string, string> = { size: 'cells', type: 'question', domain: 'style', mask: 'mask' };
    for (const gen of ['jigsaw/image', 'jigsaw/text']) {
      const tasks = suite.tasks.filter((t) => t.generator.name === gen);
      const id = makeItem(
        tasks.find((t) => t.split === 'id')!,
        0,
      ).problem.difficulty;
      expect(id).toMatchObject({ cells: 2, question: 'pair', style: 'landscape' });
      for (const task of tasks.filter((t) => t.split === 'ood')) {
        const d = makeItem(task, 0).problem.difficulty;
        const k = knob[task.axis]!;
        expect(k, `${task.id} has axis ${task.axis}`).toBeDefined();
        expect(d[k], task.id).not.toBe(id[k]);
      }
    }
  });
});
