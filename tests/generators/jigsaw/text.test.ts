// jigsaw/text, the text twin: determinism, the shown picture parses back to the truth, patches
// re-assemble to the original picture, pictures never use the border characters, the regions.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import { ParamError } from '../../../src/core/types.js';
import { getGenerator } from '../../../generators/index.js';
import { textJigsaw, type TextJigsawTruth } from '../../../generators/jigsaw/text.js';
import { weakTextEvidence } from '../../../generators/jigsaw/text/layout.js';
import { drawTextScene } from '../../../generators/jigsaw/text/scenes.js';
import { items, promptText } from './helpers.js';

const gen = textJigsaw;
const truthOf = (p: { truth: unknown }) => p.truth as TextJigsawTruth;

const REGIONS: Record<string, Record<string, unknown>> = {
  id: { grid: '2x1', question: 'pair', style: 'landscape' },
  size3x1: { grid: '3x1', question: 'pair', style: 'landscape' },
  size4x1: { grid: '4x1', question: 'pair', style: 'landscape' },
  size2x2: { grid: '2x2', question: 'pair', style: 'landscape' },
  size3x3: { grid: '3x3', question: 'pair', style: 'landscape' },
  full2x1: { grid: '2x1', question: 'full', style: 'landscape' },
  full3x1: { grid: '3x1', question: 'full', style: 'landscape' },
  full2x2: { grid: '2x2', question: 'full', style: 'landscape' },
  shapes: { grid: '2x1', question: 'pair', style: 'shapes' },
  list: { grid: '2x2', question: 'full', style: 'landscape', layout: 'list', mode: 'direct' },
};

/** The fenced picture of a grid-layout prompt, split back into patches by | and -, re-joined without them. */
function shownPicture(text: string, rows: number, cols: number): string[] {
  const block = /```\n([\s\S]*?)\n```/.exec(text)![1]!.split('\n');
  const body = block.filter((line) => !/^[-+]+$/.test(line));
  expect(block.length - body.length).toBe(rows - 1);
  return body.map((line) => {
    const parts = line.split('|');
    expect(parts).toHaveLength(cols);
    return parts.join('');
  });
}

/** Puts every patch back where `forward` says it came from (test-side). */
function reassemble(lines: string[], rows: number, cols: number, forward: number[]): string[] {
  const pw = lines[0]!.length / cols;
  const ph = lines.length / rows;
  const out = lines.map(() => Array<string>(lines[0]!.length).fill('?'));
  forward.forEach((from, x) => {
    const [cr, cc] = [Math.floor(x / cols), x % cols];
    const [or, oc] = [Math.floor((from - 1) / cols), (from - 1) % cols];
    for (let dy = 0; dy < ph; dy++)
      for (let dx = 0; dx < pw; dx++) out[or * ph + dy]![oc * pw + dx] = lines[cr * ph + dy]![cc * pw + dx]!;
  });
  return out.map((r) => r.join(''));
}

describe('jigsaw/text: generation', () => {
  it('is registered as its own family, so its gap is not pooled with the image puzzles', () => {
    expect(getGenerator('jigsaw/text')).toBe(gen);
    expect(gen.family).toBe('jigsaw-text');
  });

  it('is deterministic for (params, seed, index) and varies with the index', () => {
    const params = gen.parseParams(REGIONS.size3x3);
    const prompts = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const a = gen.generate(params, Rng.forItem(42, i));
      const b = gen.generate(gen.parseParams(REGIONS.size3x3), Rng.forItem(42, i));
      expect(b.messages).toEqual(a.messages);
      expect(b.truth).toEqual(a.truth);
      expect(b.dedupKey).toBe(a.dedupKey);
      prompts.add(promptText(a));
    }
    expect(prompts.size).toBe(20);
  });

  for (const name of ['id', 'size3x1', 'size2x2', 'size3x3', 'shapes']) {
    it(`${name}: the shown picture is the truth's shuffled picture, and its patches re-assemble to the original`, () => {
      const region = REGIONS[name]!;
      const params = gen.parseParams(region);
      for (let i = 0; i < 30; i++) {
        const p = gen.generate(params, Rng.forItem(`text-${name}`, i));
        const t = truthOf(p);
        const shown = shownPicture(promptText(p), t.rows, t.cols);
        expect(shown).toEqual(t.picture.shuffled);
        expect(reassemble(shown, t.rows, t.cols, t.forward)).toEqual(t.picture.original);
        // The original is the drawn scene, cropped at the bottom and right to the grid.
        // The original is the first scene of the item's picture stream with enough evidence (issue 17).
        const pictures = Rng.forItem(`text-${name}`, i).fork('picture');
        const cropped = () =>
          drawTextScene(params.style, params.width, params.height, pictures)
            .slice(0, t.picture.height)
            .map((l) => l.slice(0, t.picture.width));
        let scene = cropped();
        while (weakTextEvidence(scene, { rows: t.rows, cols: t.cols })) scene = cropped();
        expect(t.picture.original).toEqual(scene);
        expect(t.picture.width % t.cols).toBe(0);
        expect(t.picture.height % t.rows).toBe(0);
      }
    });
  }

  it('never draws the border or fence characters, and every line has the full width', () => {
    for (const style of ['landscape', 'shapes'] as const) {
      for (let i = 0; i < 200; i++) {
        const lines = drawTextScene(style, 36 + (i % 7), 18 + (i % 5), Rng.forItem(`chars-${style}`, i));
        expect(lines).toHaveLength(18 + (i % 5));
        for (const line of lines) {
          expect(line).toHaveLength(36 + (i % 7));
          expect(line).not.toMatch(/[|+`-]/);
        }
      }
    }
  });

  it('list layout shows each patch in its own block, by current position', () => {
    const p = items(gen, REGIONS.list, 1)[0]!;
    const t = truthOf(p);
    const blocks = [...promptText(p).matchAll(/Patch at position (\d+):\n```\n([\s\S]*?)\n```/g)];
    expect(blocks.map((b) => Number(b[1]))).toEqual([1, 2, 3, 4]);
    blocks.forEach((b, x) => {
      const [r, c] = [Math.floor(x / 2), x % 2];
      const expected = t.picture.shuffled
        .slice(r * t.picture.patchHeight, (r + 1) * t.picture.patchHeight)
        .map((l) => l.slice(c * t.picture.patchWidth, (c + 1) * t.picture.patchWidth));
      expect(b[2]!.split('\n')).toEqual(expected);
    });
  });

  it('says how the picture is cut and asks about the original picture', () => {
    const text = promptText(items(gen, REGIONS.size2x2, 1)[0]!);
    expect(text).toContain('divided into 2x2 patches of 18 characters by 9 lines each');
    expect(text).toContain(
      'a | marks each border between patches side by side, and a line of - (crossed by +) each border between patches one above the other',
    );
    expect(text).toContain('determine their relative position in the original picture.');
    expect(text).toContain('Select the correct answer from the following 8 choices:');
  });
});

describe('jigsaw/text: regions', () => {
  for (const [name, region] of Object.entries(REGIONS)) {
    it(`${name}: the reference verifies`, () => {
      for (const p of items(gen, region, 150, `oracle-${name}`))
        expect(p.verify(p.reference!)).toMatchObject({ correct: true, score: 1, formatOk: true });
    });
  }

  it('OOD regions differ from ID in exactly their knob', () => {
    const d = (region: Record<string, unknown>) => items(gen, region, 1, 'knob')[0]!.difficulty;
    const id = d(REGIONS.id);
    expect(id).toMatchObject({
      grid: '2x1',
      cells: 2,
      question: 'pair',
      choices: 2,
      style: 'landscape',
      layout: 'grid',
    });
    expect(d(REGIONS.size3x1)).toMatchObject({ ...id, grid: '3x1', shape: expect.anything(), cells: 3, width: 36 });
    expect(d(REGIONS.size4x1)).toMatchObject({
      ...id,
      grid: '4x1',
      shape: expect.anything(),
      cells: 4,
      height: expect.anything(),
      width: expect.anything(),
    });
    expect(d(REGIONS.size3x3)).toMatchObject({ ...id, grid: '3x3', shape: '3x3', cells: 9, choices: 8 });
    expect(d(REGIONS.full2x1)).toMatchObject({ ...id, shape: expect.anything(), question: 'full', choices: 0 });
    expect(d(REGIONS.shapes)).toMatchObject({ ...id, shape: expect.anything(), style: 'shapes' });
  });

  it('landscapes have ground texture and a sky; shapes have neither', () => {
    for (let i = 0; i < 100; i++) {
      const land = drawTextScene('landscape', 36, 18, Rng.forItem('sig', i));
      const shapes = drawTextScene('shapes', 36, 18, Rng.forItem('sig', i));
      expect(land.slice(-2).join('')).toMatch(/[;"#]/);
      expect(land[0]).not.toMatch(/[;"#]/);
      expect(shapes.join('')).not.toMatch(/[;":@]/);
    }
  });

  it('rejects bad params with the field named', () => {
    expect(() => gen.parseParams({ layout: 'table' })).toThrow(ParamError);
    expect(() => gen.parseParams({ layout: 'table' })).toThrow(/^layout: expected one of 'grid', 'list'/);
    expect(() => gen.parseParams({ style: 'city' })).toThrow(/^style: expected one of 'landscape', 'shapes'/);
    expect(() => gen.parseParams({ grid: '8x1', height: 12 })).toThrow(
      /^grid: patches of a 8x1 grid on a 36x12 picture/,
    );
    expect(() => gen.parseParams({ mask: 0.1 })).toThrow(/^mask: unknown field/);
  });
});
