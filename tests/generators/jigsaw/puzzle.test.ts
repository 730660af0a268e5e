// The puzzle core shared by jigsaw/image and jigsaw/text: permutations, pair questions, the
// upstream parsing rules (a table of cases), scoring and the chance rates of random answers.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import { answerContent, readGrid, readLetter, thinkingShapeOk } from '../../../generators/jigsaw/puzzle/answer.js';
import { drawPuzzle, randomAnswer, referenceAnswer, verifierFor } from '../../../generators/jigsaw/puzzle/draw.js';
import { readGridName, type GridShape } from '../../../generators/jigsaw/puzzle/grid.js';
import { parsePuzzleParams } from '../../../generators/jigsaw/puzzle/params.js';
import { drawForward, inverse, isPermutation } from '../../../generators/jigsaw/puzzle/permutation.js';
import { RELATIONS, drawPair, relationsFor } from '../../../generators/jigsaw/puzzle/question.js';
import {
  adjacencyScore,
  summarizeJigsawDetails,
  upstreamConnectionScore,
  verifyJigsaw,
  type JigsawScoring,
} from '../../../generators/jigsaw/puzzle/verify.js';
import { cellOf } from './helpers.js';

const grid = (name: string): GridShape => readGridName(name)!;

describe('jigsaw puzzle: permutations', () => {
  it('draws every permutation of 3 patches about equally often, the identity included', () => {
    const rng = Rng.fromKey('perm-uniform');
    const counts = new Map<string, number>();
    for (let i = 0; i < 6000; i++) {
      const f = drawForward(3, rng);
      expect(isPermutation(f)).toBe(true);
      counts.set(f.join(''), (counts.get(f.join('')) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    expect(counts.has('123')).toBe(true);
    for (const c of counts.values()) expect(Math.abs(c - 1000)).toBeLessThan(150);
  });

  it('inverts forward into backward and back', () => {
    const rng = Rng.fromKey('perm-inverse');
    for (let i = 0; i < 50; i++) {
      const f = drawForward(9, rng);
      const b = inverse(f);
      f.forEach((y, x) => expect(b[y - 1]).toBe(x + 1));
      expect(inverse(b)).toEqual(f);
    }
  });
});

describe('jigsaw puzzle: pair questions', () => {
  /** The relation from coordinates, written independently of the generator. */
  function expectedRelation(a: number, b: number, cols: number): string {
    const pa = cellOf(a, cols);
    const pb = cellOf(b, cols);
    const vert = pa.r < pb.r ? 'upper' : pa.r > pb.r ? 'lower' : '';
    const horiz = pa.c < pb.c ? 'left' : pa.c > pb.c ? 'right' : '';
    if (!vert) return `directly to the ${horiz} of`;
    if (!horiz) return vert === 'upper' ? 'directly above' : 'directly below';
    return `on the ${vert} ${horiz} of`;
  }

  for (const name of ['2x1', '1x2', '3x1', '1x4', '2x2', '3x3', '2x3']) {
    it(`${name}: the marked option states the true relation of the two patches' original places`, () => {
      const g = grid(name);
      const rng = Rng.fromKey(`pair-${name}`);
      const letters = new Map<string, number>();
      for (let i = 0; i < 400; i++) {
        const forward = drawForward(g.rows * g.cols, rng);
        const q = drawPair(g, forward, rng);
        expect(q.k).not.toBe(q.l);
        const rel = expectedRelation(forward[q.k - 1]!, forward[q.l - 1]!, g.cols);
        expect(q.relation).toBe(rel);
        const at = 'ABCDEFGH'.indexOf(q.letter);
        expect(q.options[at]).toBe(`${q.k} is ${rel} ${q.l}`);
        // Every relation the grid allows is offered exactly once.
        expect(q.options.map((o) => o.slice(String(q.k).length + 4, o.length - String(q.l).length - 1)).sort()).toEqual(
          relationsFor(g).slice().sort(),
        );
        letters.set(q.letter, (letters.get(q.letter) ?? 0) + 1);
      }
      const choices = g.rows === 1 || g.cols === 1 ? 2 : 8;
      expect(letters.size).toBe(choices);
      for (const c of letters.values()) expect(c).toBeGreaterThan(400 / choices / 2); // roughly uniform slots
    });
  }

  it('offers left/right on one row, above/below on one column, all eight otherwise', () => {
    expect(relationsFor(grid('1x3'))).toEqual(['directly to the left of', 'directly to the right of']);
    expect(relationsFor(grid('4x1'))).toEqual(['directly above', 'directly below']);
    expect(relationsFor(grid('2x2'))).toEqual([...RELATIONS]);
  });
});

describe('jigsaw puzzle: reading answers (upstream rules)', () => {
  const content: [string, 'thinking' | 'direct', string][] = [
    ['<think>x</think><answer>B</answer>', 'thinking', 'B'],
    ['<think>A</think>\n<answer> B </answer> C', 'thinking', 'B'],
    ['<answer>A</answer><answer>B</answer>', 'thinking', 'A'],
    ['<answer>A', 'thinking', '<answer>A'],
    ['<ANSWER>B</ANSWER>', 'thinking', '<ANSWER>B</ANSWER>'],
    ['  The answer is B \n', 'thinking', 'The answer is B'],
    ['<answer>A</answer>', 'direct', '<answer>A</answer>'],
    ['</answer>B<answer>', 'thinking', '</answer>B<answer>'],
  ];
  it.each(content)('answer span of %j (%s) is %j', (response, mode, expected) => {
    expect(answerContent(response, mode)).toBe(expected);
  });

  const letters: [string, string | undefined][] = [
    ['B', 'B'],
    ['The answer is B.', 'B'],
    ['B. I think', 'I'], // the last capital wins, as upstream
    ['A or B', 'B'],
    ['b', 'B'], // a lone lowercase letter compares equal ignoring case upstream
    ['(b)', undefined],
    ['answer: c', undefined],
    ['', undefined],
    ['É', undefined],
    ['<ANSWER>B</ANSWER>', 'R'],
  ];
  it.each(letters)('the letter of %j is %j', (text, expected) => {
    expect(readLetter(text)).toBe(expected);
  });

  const grids: [string, number[] | string][] = [
    ['2 1\n4 3', [2, 1, 4, 3]],
    ['2,1,4,3', [2, 1, 4, 3]],
    ['`2 1 4 3`', [2, 1, 4, 3]],
    ['2;1;4;3', [2, 1, 4, 3]],
    ['02 1 4 3', [2, 1, 4, 3]],
    ['2\t1\r\n4\t3', [2, 1, 4, 3]], // any whitespace separates (upstream failed on a lone tab)
    ['2 1 4', [2, 1, 4]],
    ['1 1 2 3', [1, 1, 2, 3]],
    ['[2, 1, 4, 3]', 'token'],
    ['Answer: 2 1 4 3', 'token'],
    ['2 1 4 3.', 'token'],
    ['0 1 2 3', 'token'],
    ['5 1 2 3', 'token'],
    ['２ 1 4 3', 'token'],
    ['-1 2 3 4', 'token'],
    ['', 'empty'],
    [' ,;` \n', 'empty'],
  ];
  it.each(grids)('the grid %j reads as %j', (text, expected) => {
    const read = readGrid(text, 4);
    if (typeof expected === 'string') expect(read).toMatchObject({ ok: false, failure: expected });
    else expect(read).toEqual({ ok: true, values: expected, count: expected.length });
  });

  const shapes: [string, boolean][] = [
    ['<think>x</think><answer>B</answer>', true],
    ['<think>x</think>\n\n<answer>B</answer>', true],
    ['<think></think><answer></answer>', true],
    ['<think>a</think> b </think><answer>B</answer>', true], // the lazy think span stretches to the second closing tag
    ['<think>x</think><answer>B</answer>\n', false],
    ['<think>x</think><answer>A</answer><answer>B</answer>', false],
    ['<answer>B</answer>', false],
    [' <think>x</think><answer>B</answer>', false],
    ['<think>x</think>y<answer>B</answer>', false],
    ['<think>x</think>y</think><answer>B</answer>', true],
  ];
  it.each(shapes)('the thinking shape of %j is %s', (text, ok) => {
    expect(thinkingShapeOk(text)).toBe(ok);
  });
});

describe('jigsaw puzzle: scoring', () => {
  const pair = (mode: 'thinking' | 'direct'): JigsawScoring => ({
    grid: grid('2x1'),
    mode,
    question: 'pair',
    forward: [2, 1],
    letter: 'B',
    options: 2,
  });
  const full = (forward: number[], name: string, mode: 'thinking' | 'direct' = 'direct'): JigsawScoring => ({
    grid: grid(name),
    mode,
    question: 'full',
    forward,
  });

  it('pair: the right letter is correct, another offered letter is wrong, others are malformed', () => {
    expect(verifyJigsaw('<think>x</think><answer>B</answer>', pair('thinking'))).toMatchObject({
      correct: true,
      score: 1,
      formatOk: true,
      details: { formatReward: 1 },
    });
    expect(verifyJigsaw('<think>x</think><answer>b</answer>', pair('thinking'))).toMatchObject({
      correct: true,
      details: { formatReward: 0 },
    });
    expect(verifyJigsaw('The answer is B', pair('thinking'))).toMatchObject({
      correct: true,
      details: { formatReward: 0 },
    });
    expect(verifyJigsaw('A', pair('direct'))).toMatchObject({
      correct: false,
      formatOk: true,
      score: 0,
      details: { formatReward: 1 },
    });
    expect(verifyJigsaw('B\n', pair('direct'))).toMatchObject({ correct: true, details: { formatReward: 0 } });
    expect(verifyJigsaw('C', pair('direct'))).toMatchObject({ correct: false, formatOk: false });
    expect(verifyJigsaw('no idea', pair('direct'))).toMatchObject({ correct: false, formatOk: false });
    expect(verifyJigsaw('', pair('direct'))).toMatchObject({ correct: false, formatOk: false });
  });

  it('full: exact match is correct; partial answers score the fraction of positions', () => {
    expect(verifyJigsaw('3 1\n2 4', full([3, 1, 2, 4], '2x2'))).toMatchObject({
      correct: true,
      score: 1,
      details: { positions: 1, adjacency: 1, upstreamAdjacency: 1 },
    });
    expect(verifyJigsaw('3 1 4 2', full([3, 1, 2, 4], '2x2'))).toMatchObject({
      correct: false,
      formatOk: true,
      score: 0.5,
    });
    expect(verifyJigsaw('1 2 3 4', full([3, 1, 2, 4], '2x2'))).toMatchObject({
      correct: false,
      formatOk: true,
      score: 0.25,
    });
    expect(verifyJigsaw('3 1 2', full([3, 1, 2, 4], '2x2'))).toMatchObject({
      correct: false,
      formatOk: false,
      score: 0,
      details: { failure: 'length' },
    });
    expect(verifyJigsaw('3 3 2 4', full([3, 1, 2, 4], '2x2'))).toMatchObject({
      correct: false,
      formatOk: false,
      score: 0,
      details: { failure: 'duplicate' },
    });
    expect(verifyJigsaw('Answer: 3 1 2 4', full([3, 1, 2, 4], '2x2'))).toMatchObject({
      correct: false,
      formatOk: false,
      details: { failure: 'token' },
    });
    expect(
      verifyJigsaw('<think>…</think>\n<answer>\n3 1\n2 4\n</answer>', full([3, 1, 2, 4], '2x2', 'thinking')),
    ).toMatchObject({ correct: true, details: { formatReward: 1 } });
  });

  it('summarises a task: format-reward share, and for full puzzles mean positions and adjacency (unreadable = 0)', () => {
    const s = full([3, 1, 2, 4], '2x2');
    const details = ['3 1 2 4', '3 1 4 2', 'nonsense', '3 1 2'].map((r) => verifyJigsaw(r, s).details);
    expect(summarizeJigsawDetails([...details, undefined])).toEqual({
      formatReward: 0.5,
      positions: 1.5 / 4,
      adjacency: (1 + adjacencyScore([3, 1, 4, 2], [3, 1, 2, 4], grid('2x2'))) / 4,
    });
    const pairs = ['B', 'A', 'x'].map((r) => verifyJigsaw(r, pair('direct')).details);
    expect(summarizeJigsawDetails(pairs)).toEqual({ formatReward: 2 / 3 });
    expect(summarizeJigsawDetails([])).toEqual({});
  });

  it('adjacency: hand-checked 1x3 cases, ours and upstream', () => {
    // Truth is the identity; the answer shifts every patch one place: only the (1,2) seam survives.
    expect(adjacencyScore([2, 3, 1], [1, 2, 3], grid('1x3'))).toBe(0.5);
    expect(upstreamConnectionScore([2, 3, 1], [1, 2, 3], grid('1x3'))).toBe(0.5);
    // Reversed order keeps no seam in either reading.
    expect(adjacencyScore([3, 2, 1], [1, 2, 3], grid('1x3'))).toBe(0);
    expect(upstreamConnectionScore([3, 2, 1], [1, 2, 3], grid('1x3'))).toBe(0);
  });

  it('adjacency equals an independent count of true neighbour pairs in the reconstruction', () => {
    const rng = Rng.fromKey('adjacency-brute');
    for (const name of ['1x3', '3x1', '2x2', '2x3', '3x3']) {
      const g = grid(name);
      const n = g.rows * g.cols;
      for (let t = 0; t < 200; t++) {
        const truth = drawForward(n, rng);
        const pred = drawForward(n, rng);
        // Which original piece lands in which slot of the answer's reconstruction.
        const recon = new Array<number>(n + 1);
        pred.forEach((slot, x) => {
          recon[slot] = truth[x]!;
        });
        const trueNeighbours = new Set<string>();
        const shown: string[] = [];
        for (let a = 1; a <= n; a++) {
          const { r, c } = cellOf(a, g.cols);
          if (c < g.cols) {
            trueNeighbours.add(`h${a},${a + 1}`);
            shown.push(`h${recon[a]},${recon[a + 1]}`);
          }
          if (r < g.rows) {
            trueNeighbours.add(`v${a},${a + g.cols}`);
            shown.push(`v${recon[a]},${recon[a + g.cols]}`);
          }
        }
        const expected = shown.filter((s) => trueNeighbours.has(s)).length / (2 * n - g.rows - g.cols);
        expect(adjacencyScore(pred, truth, g)).toBeCloseTo(expected, 12);
        if (pred.join() === truth.join()) expect(adjacencyScore(pred, truth, g)).toBe(1);
      }
    }
  });
});

describe('jigsaw puzzle: oracle and chance level', () => {
  /** Chance rates of the spec: 1/choices for pair, 1/(mn)! for full. */
  const cases: [string, 'pair' | 'full', number][] = [
    ['2x1', 'pair', 1 / 2],
    ['3x1', 'pair', 1 / 2],
    ['4x1', 'pair', 1 / 2],
    ['2x2', 'pair', 1 / 8],
    ['3x3', 'pair', 1 / 8],
    ['2x1', 'full', 1 / 2],
    ['3x1', 'full', 1 / 6],
    ['2x2', 'full', 1 / 24],
  ];
  it.each(cases)('%s %s: the reference verifies, and random answers hit the chance rate', (name, question, rate) => {
    for (const mode of ['thinking', 'direct'] as const) {
      const params = parsePuzzleParams({ grid: name, question, mode });
      const rng = Rng.fromKey(`chance-${name}-${question}-${mode}`);
      const n = 2500;
      let hits = 0;
      for (let i = 0; i < n; i++) {
        const d = drawPuzzle(params, Rng.forItem(`chance-${name}`, i));
        const verify = verifierFor(d, params);
        expect(verify(referenceAnswer(d, params)).correct).toBe(true);
        const v = verify(randomAnswer(d, params, rng));
        expect(v.formatOk).toBe(true);
        if (v.correct) hits++;
      }
      // Within 4.5 standard errors of the exact chance rate.
      expect(Math.abs(hits / n - rate)).toBeLessThan(4.5 * Math.sqrt((rate * (1 - rate)) / n));
    }
  });

  it('transposes about half the items when swap is on, none when off', () => {
    const on = parsePuzzleParams({ grid: '3x1' });
    const off = parsePuzzleParams({ grid: '3x1', swap: false });
    let flipped = 0;
    for (let i = 0; i < 1000; i++) {
      const d = drawPuzzle(on, Rng.forItem('swap', i));
      if (d.grid.rows === 1) flipped++;
      expect(drawPuzzle(off, Rng.forItem('swap', i)).grid).toEqual({ rows: 3, cols: 1 });
    }
    expect(flipped).toBeGreaterThan(430);
    expect(flipped).toBeLessThan(570);
  });
});
