// jigsaw/image: determinism to the byte, valid PNGs whose hashes the truth records, exact
// re-assembly of the original pixels, the border mask, the regions of the suite, the prompt
// wording, param errors, and the photo-folder pool.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import { ParamError } from '../../../src/core/types.js';
import { getGenerator } from '../../../generators/index.js';
import { imageJigsaw, type ImageJigsawTruth } from '../../../generators/jigsaw/image.js';
import { encodePng } from '../../../generators/jigsaw/image/png.js';
import { drawScene } from '../../../generators/jigsaw/image/scenes/index.js';
import { readGridName } from '../../../generators/jigsaw/puzzle/grid.js';
import { imageOpening, promptBody } from '../../../generators/jigsaw/puzzle/prompt.js';
import { imagePart, items, promptText, readRgbPng, sha256hex, writePng } from './helpers.js';

const gen = imageJigsaw;
const truthOf = (p: { truth: unknown }) => p.truth as ImageJigsawTruth;

/** The regions of suites/jigsaw.yaml. */
const REGIONS: Record<string, Record<string, unknown>> = {
  id: { grid: '2x1', question: 'pair', style: 'landscape' },
  size3x1: { grid: '3x1', question: 'pair', style: 'landscape' },
  size4x1: { grid: '4x1', question: 'pair', style: 'landscape' },
  size2x2: { grid: '2x2', question: 'pair', style: 'landscape' },
  size3x3: { grid: '3x3', question: 'pair', style: 'landscape' },
  full2x1: { grid: '2x1', question: 'full', style: 'landscape' },
  full3x1: { grid: '3x1', question: 'full', style: 'landscape' },
  full2x2: { grid: '2x2', question: 'full', style: 'landscape' },
  city: { grid: '2x1', question: 'pair', style: 'city' },
  abstract: { grid: '2x1', question: 'pair', style: 'abstract' },
  mask: { grid: '2x1', question: 'pair', style: 'landscape', mask: 0.1 },
};

/** Puts every patch of the shuffled pixels back at the original place `forward` names (test-side). */
function reassemble(
  rgb: Uint8Array,
  width: number,
  height: number,
  rows: number,
  cols: number,
  forward: number[],
): Uint8Array {
  const pw = width / cols;
  const ph = height / rows;
  const out = new Uint8Array(rgb.length);
  forward.forEach((from, x) => {
    const [cr, cc] = [Math.floor(x / cols), x % cols];
    const [or, oc] = [Math.floor((from - 1) / cols), (from - 1) % cols];
    for (let dy = 0; dy < ph; dy++) {
      for (let dx = 0; dx < pw; dx++) {
        for (let ch = 0; ch < 3; ch++)
          out[((or * ph + dy) * width + oc * pw + dx) * 3 + ch] =
            rgb[((cr * ph + dy) * width + cc * pw + dx) * 3 + ch]!;
      }
    }
  });
  return out;
}

describe('jigsaw/image: determinism and the PNG', () => {
  it('is registered under its name, in family jigsaw', () => {
    expect(getGenerator('jigsaw/image')).toBe(gen);
    expect(gen.family).toBe('jigsaw');
  });

  it('gives a byte-identical PNG, truth and prompt for the same (params, seed, index)', () => {
    for (const region of [REGIONS.id, REGIONS.size3x3, REGIONS.city, REGIONS.abstract]) {
      const params = gen.parseParams(region);
      for (let i = 0; i < 2; i++) {
        const a = gen.generate(params, Rng.forItem(42, i));
        const b = gen.generate(gen.parseParams(region), Rng.forItem(42, i));
        expect(imagePart(b).data).toBe(imagePart(a).data);
        expect(b.messages).toEqual(a.messages);
        expect(b.truth).toEqual(a.truth);
        expect(b.reference).toBe(a.reference);
        expect(b.dedupKey).toBe(a.dedupKey);
      }
    }
  });

  it('draws a different picture for another index or seed', () => {
    const params = gen.parseParams(REGIONS.id);
    const hashes = new Set<string>();
    for (let i = 0; i < 6; i++) hashes.add(truthOf(gen.generate(params, Rng.forItem(42, i))).image.originalSha256);
    hashes.add(truthOf(gen.generate(params, Rng.forItem(43, 0))).image.originalSha256);
    expect(hashes.size).toBe(7);
  });

  it('sends a valid 8-bit RGB PNG whose bytes and pixels the truth hashes', () => {
    for (const p of items(gen, REGIONS.size2x2, 3)) {
      const part = imagePart(p);
      expect(part.mediaType).toBe('image/png');
      const png = Buffer.from(part.data, 'base64');
      const img = readRgbPng(png);
      const t = truthOf(p);
      expect([img.width, img.height]).toEqual([t.image.width, t.image.height]);
      expect(sha256hex(png)).toBe(t.image.sha256);
      expect(sha256hex(img.rgb)).toBe(t.image.pixelsSha256);
      // The image comes first, then the text, as upstream builds the message.
      expect((p.messages[0]!.content as { type: string }[]).map((c) => c.type)).toEqual(['image', 'text']);
      expect(png.length).toBeLessThan(120_000);
    }
  });

  it('re-assembling the patches by the truth permutation reproduces the original pixels exactly', () => {
    for (const [name, region] of Object.entries({
      id: REGIONS.id,
      size3x1: REGIONS.size3x1,
      size3x3: REGIONS.size3x3,
      full2x2: REGIONS.full2x2,
      city: REGIONS.city,
      odd: { grid: '3x3', width: 100, height: 77 },
    })) {
      const params = gen.parseParams(region);
      for (let i = 0; i < 4; i++) {
        const p = gen.generate(params, Rng.forItem(`reassemble-${name}`, i));
        const t = truthOf(p);
        const img = readRgbPng(Buffer.from(imagePart(p).data, 'base64'));
        const back = reassemble(img.rgb, img.width, img.height, t.rows, t.cols, t.forward);
        expect(sha256hex(back)).toBe(t.image.originalSha256);
        // And that original is the scene itself, cropped at the bottom and right to the grid.
        const scene = drawScene(
          params.style!,
          params.width,
          params.height,
          Rng.forItem(`reassemble-${name}`, i).fork('picture'),
        ).toBytes();
        const cropped = new Uint8Array(img.width * img.height * 3);
        for (let y = 0; y < img.height; y++)
          cropped.set(scene.subarray(y * params.width * 3, (y * params.width + img.width) * 3), y * img.width * 3);
        expect(Buffer.from(back).equals(Buffer.from(cropped))).toBe(true);
        expect(img.width % t.cols).toBe(0);
        expect(img.height % t.rows).toBe(0);
        expect(params.width - img.width).toBeLessThan(t.cols);
        expect(params.height - img.height).toBeLessThan(t.rows);
      }
    }
  });

  it('masks patch borders as upstream: the full ratio at the image edge, half inside, the rest untouched', () => {
    for (const [region, seed] of [
      [{ ...REGIONS.size3x3, mask: 0.1 }, 1],
      [{ ...REGIONS.mask }, 2],
      [{ grid: '1x4', swap: false, mask: 0.3, width: 200, height: 90 }, 3],
    ] as const) {
      const params = gen.parseParams(region);
      const plain = gen.parseParams({ ...region, mask: 0 });
      for (let i = 0; i < 3; i++) {
        const p = gen.generate(params, Rng.forItem(seed, i));
        const q = gen.generate(plain, Rng.forItem(seed, i));
        const t = truthOf(p);
        expect(t.forward).toEqual(truthOf(q).forward);
        const masked = readRgbPng(Buffer.from(imagePart(p).data, 'base64'));
        const clear = readRgbPng(Buffer.from(imagePart(q).data, 'base64'));
        const { width, height } = masked;
        const pw = width / t.cols;
        const ph = height / t.rows;
        const v = Math.floor(ph * params.mask);
        const h = Math.floor(pw * params.mask);
        let black = 0;
        let bad = 0;
        for (let y = 0; y < height; y++) {
          for (let x = 0; x < width; x++) {
            const [i0, j0, dy, dx] = [Math.floor(y / ph), Math.floor(x / pw), y % ph, x % pw];
            const top = i0 === 0 ? v : Math.floor(v / 2);
            const bottom = i0 === t.rows - 1 ? v : Math.floor(v / 2);
            const left = j0 === 0 ? h : Math.floor(h / 2);
            const right = j0 === t.cols - 1 ? h : Math.floor(h / 2);
            const inBand = dy < top || dy >= ph - bottom || dx < left || dx >= pw - right;
            const o = (y * width + x) * 3;
            if (inBand) {
              if (masked.rgb[o]! + masked.rgb[o + 1]! + masked.rgb[o + 2]! !== 0) bad++;
              black++;
            } else if (
              masked.rgb[o] !== clear.rgb[o] ||
              masked.rgb[o + 1] !== clear.rgb[o + 1] ||
              masked.rgb[o + 2] !== clear.rgb[o + 2]
            )
              bad++;
          }
        }
        expect(bad).toBe(0);
        expect(black).toBeGreaterThan(0);
        expect(promptText(p)).toContain('the borders of each patch have been masked out.');
        expect(promptText(q)).not.toContain('masked');
      }
    }
  });
});

describe('jigsaw/image: regions', () => {
  for (const [name, region] of Object.entries(REGIONS)) {
    it(`${name}: the reference verifies and the truth is self-consistent`, () => {
      // Small pictures: the answer does not depend on the size, and the full size is tested above.
      for (const p of items(gen, { ...region, width: 96, height: 96 }, 12, `oracle-${name}`)) {
        const t = truthOf(p);
        expect(p.verify(p.reference!)).toMatchObject({ correct: true, score: 1, formatOk: true });
        expect([...t.forward].sort((a, b) => a - b)).toEqual(Array.from({ length: t.rows * t.cols }, (_, i) => i + 1));
        expect(p.reference).toContain(`<answer>${t.answer}</answer>`);
        expect(t.image.style).toBe(region.style);
        expect(t.image.mask).toBe(region.mask ?? 0);
      }
    });
  }

  it('ID holds 2-patch pair puzzles, half of them transposed to 1x2', () => {
    const shapes = items(gen, { ...REGIONS.id, width: 48, height: 48 }, 24, 'id-shapes').map((p) => p.difficulty.shape);
    expect(new Set(shapes)).toEqual(new Set(['2x1', '1x2']));
    for (const p of items(gen, REGIONS.id, 4))
      expect(p.difficulty).toMatchObject({ cells: 2, question: 'pair', choices: 2, style: 'landscape', mask: 0 });
  });

  it('OOD regions differ from ID in exactly their knob', () => {
    const d = (region: Record<string, unknown>) => items(gen, region, 1, 'knob')[0]!.difficulty;
    const id = d(REGIONS.id);
    expect(d(REGIONS.size3x1)).toMatchObject({
      ...id,
      grid: '3x1',
      shape: expect.stringMatching(/^(3x1|1x3)$/),
      cells: 3,
    });
    expect(d(REGIONS.size4x1)).toMatchObject({
      ...id,
      grid: '4x1',
      shape: expect.stringMatching(/^(4x1|1x4)$/),
      cells: 4,
    });
    expect(d(REGIONS.size2x2)).toMatchObject({ ...id, grid: '2x2', shape: '2x2', cells: 4, choices: 8 });
    expect(d(REGIONS.size3x3)).toMatchObject({ ...id, grid: '3x3', shape: '3x3', cells: 9, choices: 8 });
    expect(d(REGIONS.full2x1)).toMatchObject({ ...id, shape: expect.anything(), question: 'full', choices: 0 });
    expect(d(REGIONS.city)).toMatchObject({ ...id, shape: expect.anything(), style: 'city' });
    expect(d(REGIONS.abstract)).toMatchObject({ ...id, shape: expect.anything(), style: 'abstract' });
    expect(d(REGIONS.mask)).toMatchObject({ ...id, shape: expect.anything(), mask: 0.1 });
  });

  it('the picture styles are different pictures: a landscape has a sky gradient above, the city a dark street below', () => {
    const rowMean = (rgb: Uint8Array, w: number, y: number) => {
      let s = 0;
      for (let x = 0; x < w; x++) s += rgb[(y * w + x) * 3]! + rgb[(y * w + x) * 3 + 1]! + rgb[(y * w + x) * 3 + 2]!;
      return s / (3 * w);
    };
    for (let i = 0; i < 8; i++) {
      const land = drawScene('landscape', 120, 120, Rng.forItem('styles', i)).toBytes();
      const city = drawScene('city', 120, 120, Rng.forItem('styles', i)).toBytes();
      const abstract = drawScene('abstract', 120, 120, Rng.forItem('styles', i)).toBytes();
      // City streets are dark asphalt at the bottom; landscape skies are lit at the top.
      expect(rowMean(city, 120, 119)).toBeLessThan(70);
      expect(rowMean(land, 120, 0)).toBeGreaterThan(40);
      expect(sha256hex(land)).not.toBe(sha256hex(abstract));
      expect(sha256hex(city)).not.toBe(sha256hex(abstract));
    }
  });
});

describe('jigsaw/image: prompt', () => {
  it("follows upstream's prompt for the spec's 2x1 pair example, word for word", () => {
    const g = readGridName('2x1')!;
    const pair = {
      k: 2,
      l: 1,
      relation: 'directly above' as const,
      options: ['2 is directly below 1', '2 is directly above 1'],
      letter: 'B',
    };
    const text = `${imageOpening(g, false)}\n\n${promptBody(g, 'pair', 'direct', pair)}`;
    expect(text).toBe(
      [
        'The input image is divided into 2x1 patches that have been randomly permuted from their original positions. Your task is to solve this 2x1 jigsaw puzzle and reconstruct the original image.',
        '',
        'Consider a 2x1 grid, where each number represents a position index ranging from 1 (top) to 2 (bottom):',
        '',
        '```',
        '1',
        '2',
        '```',
        '',
        'For patches currently at positions 2 and 1, determine their relative position in the original image.',
        '',
        'Select the correct answer from the following 2 choices:',
        '',
        '(A) 2 is directly below 1',
        '(B) 2 is directly above 1',
        '',
        'Directly output the final answer. The final answer should be a single letter.',
      ].join('\n'),
    );
  });

  it('asks a full puzzle with the forward convention and the grid format line', () => {
    const p = items(gen, { ...REGIONS.full2x2, mode: 'thinking' }, 1)[0]!;
    const text = promptText(p);
    expect(text).toContain('from 1 (top-left) to 4 (bottom-right):\n\n```\n1 2\n3 4\n```');
    expect(text).toContain('If a patch currently at position X should belong at position Y, place "Y" at position X.');
    expect(text).toContain(
      'First, output the thinking process within <think> </think> tags. Then, provide the final answer within <answer> </answer> tags. The final answer should be the position indexes arranged in a 2x2 grid.',
    );
    const t = truthOf(p);
    expect(t.answer).toBe(`${t.forward.slice(0, 2).join(' ')}\n${t.forward.slice(2).join(' ')}`);
  });
});

describe('jigsaw/image: params', () => {
  const fieldOf = (raw: unknown) => {
    try {
      gen.parseParams(raw);
    } catch (err) {
      expect(err).toBeInstanceOf(ParamError);
      return (err as ParamError).message;
    }
    throw new Error('expected a ParamError');
  };

  it('fills defaults', () => {
    expect(gen.parseParams({})).toEqual({
      grid: { rows: 2, cols: 1 },
      question: 'pair',
      mode: 'thinking',
      swap: true,
      width: 336,
      height: 336,
      mask: 0,
      style: 'landscape',
    });
  });

  it('names the bad field and the accepted values', () => {
    expect(fieldOf({ grdi: '2x1' })).toMatch(/^grdi: unknown field\. Did you mean 'grid'\?/);
    expect(fieldOf({ grid: '1x1' })).toMatch(/^grid: expected 'MxN'/);
    expect(fieldOf({ grid: '9x1' })).toMatch(/^grid: .*got '9x1'/);
    expect(fieldOf({ grid: 'two' })).toMatch(/^grid: /);
    expect(fieldOf({ grid: [2, 1] })).toMatch(/^grid: /);
    expect(fieldOf({ question: 'box' })).toMatch(/^question: expected one of 'pair', 'full'/);
    expect(fieldOf({ mode: 'think' })).toMatch(/^mode: expected one of 'thinking', 'direct'/);
    expect(fieldOf({ swap: 'yes' })).toMatch(/^swap: expected true or false/);
    expect(fieldOf({ style: 'forest' })).toMatch(/^style: expected one of 'landscape', 'city', 'abstract'/);
    expect(fieldOf({ mask: 0.5 })).toMatch(/^mask: expected a number from 0 to 0.4/);
    expect(fieldOf({ width: 10 })).toMatch(/^width: expected an integer from 16/);
    expect(fieldOf({ grid: '8x8', width: 60, height: 60 })).toMatch(/^grid: patches of a 8x8 grid on a 60x60 picture/);
    expect(fieldOf({ grid: '4x1', width: 30, height: 300 })).toMatch(/^grid: patches of a 1x4 grid/); // the transposed one
    expect(gen.parseParams({ grid: '4x1', width: 30, height: 300, swap: false }).grid).toEqual({ rows: 4, cols: 1 });
    expect(fieldOf({ imageDir: '/nonexistent/jigsaw-photos' })).toMatch(/^imageDir: '.*' is not a folder/);
    expect(fieldOf({ imageDir: '.', style: 'city' })).toMatch(/^style: give either style/);
    expect(fieldOf([])).toMatch(/^params: /);
  });
});

describe('jigsaw/image: a photo folder as the pool', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jigsaw-pool-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const photo = drawScene('city', 400, 300, Rng.fromKey('photo')).toBytes();
  writeFileSync(join(dir, 'a-city.png'), encodePng(400, 300, photo));
  writeFileSync(
    join(dir, 'b-small.png'),
    encodePng(120, 90, drawScene('abstract', 120, 90, Rng.fromKey('small')).toBytes()),
  );
  // A 2-bit palette PNG written by the test helper, not by the generator's encoder.
  const palette = new Uint8Array([255, 0, 0, 0, 255, 0, 0, 0, 255, 250, 250, 250]);
  // Each quadrant shifts the colour cycle differently: a periodic picture would cut into identical
  // patches, which the minimum-evidence rule (issue 17) rejects.
  const shift = (y: number, byte: number) => (y >= 32 ? 1 : 0) + (byte >= 8 ? 2 : 0);
  const rows = Array.from({ length: 64 }, (_, y) =>
    new Uint8Array(16).map((_, i) => ((y + i + shift(y, i)) % 4) * 0x55),
  );
  writeFileSync(join(dir, 'c-palette.png'), writePng(64, 64, 3, 2, rows, [{ type: 'PLTE', data: palette }]));
  writeFileSync(join(dir, 'notes.txt'), 'not an image');

  it('draws puzzles from the files, records which, and re-assembles them', () => {
    const params = gen.parseParams({ imageDir: dir, grid: '2x2' });
    const seen = new Set<string>();
    for (const p of items(gen, { imageDir: dir, grid: '2x2' }, 12, 'pool')) {
      const t = truthOf(p);
      seen.add(t.image.source!.file);
      expect(t.image.style).toBeUndefined();
      expect(p.difficulty.style).toBe('photo');
      expect(p.verify(p.reference!).correct).toBe(true);
      const img = readRgbPng(Buffer.from(imagePart(p).data, 'base64'));
      expect(sha256hex(reassemble(img.rgb, img.width, img.height, t.rows, t.cols, t.forward))).toBe(
        t.image.originalSha256,
      );
      expect(img.width).toBeLessThanOrEqual(params.width);
      expect(img.height).toBeLessThanOrEqual(params.height);
    }
    expect(seen).toEqual(new Set(['a-city.png', 'b-small.png', 'c-palette.png']));
  });

  it('shrinks a large photo to fit the box keeping its aspect, and never enlarges a small one', () => {
    const byFile = new Map(
      items(gen, { imageDir: dir, grid: '2x2', width: 200, height: 200 }, 30, 'pool-size').map((p) => [
        truthOf(p).image.source!.file,
        truthOf(p).image,
      ]),
    );
    expect(byFile.get('a-city.png')).toMatchObject({ width: 200, height: 150 });
    expect(byFile.get('b-small.png')).toMatchObject({ width: 120, height: 90 });
  });

  it('decodes the palette image to the palette colours', () => {
    const p = items(gen, { imageDir: dir, grid: '2x1', swap: false }, 30, 'pool-palette').find(
      (q) => truthOf(q).image.source!.file === 'c-palette.png',
    )!;
    const t = truthOf(p);
    const img = readRgbPng(Buffer.from(imagePart(p).data, 'base64'));
    const original = reassemble(img.rgb, img.width, img.height, t.rows, t.cols, t.forward);
    for (let y = 0; y < 64; y += 7) {
      for (let x = 0; x < 64; x += 5) {
        const idx = (y + Math.floor(x / 4) + shift(y, Math.floor(x / 4))) % 4; // four 2-bit pixels per byte, all with the byte's value
        expect([...original.subarray((y * 64 + x) * 3, (y * 64 + x) * 3 + 3)]).toEqual([
          ...palette.subarray(idx * 3, idx * 3 + 3),
        ]);
      }
    }
  });

  it('rejects a folder without images at parse time', () => {
    const empty = mkdtempSync(join(tmpdir(), 'jigsaw-empty-'));
    try {
      expect(() => gen.parseParams({ imageDir: empty })).toThrow(/^imageDir: '.*' holds no image files/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
