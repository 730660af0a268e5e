// The baseline JPEG decoder against libjpeg-turbo's djpeg (fixtures made with cjpeg: chroma
// 4:2:0, 4:2:2, 4:4:4, greyscale, restart intervals, one-component scans, 16-bit tables,
// optimised Huffman tables), its refusals, garbage, and JPEGs in the photo pool.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import { imageJigsaw, type ImageJigsawTruth } from '../../../generators/jigsaw/image.js';
import { decodeJpeg, JpegError } from '../../../generators/jigsaw/image/jpeg-decode.js';
import { decodeImageFile } from '../../../generators/jigsaw/image/decode.js';
import { imagePart, items, readRgbPng, sha256hex } from './helpers.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'jpeg');
const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')).files as Record<
  string,
  { width: number; height: number; rgbSha256: string }
>;

describe('jigsaw JPEG decoder', () => {
  for (const [file, want] of Object.entries(expected)) {
    it(`${file}: the same pixels as libjpeg's djpeg`, () => {
      const img = decodeJpeg(readFileSync(join(FIXTURES, file)));
      expect([img.width, img.height]).toEqual([want.width, want.height]);
      expect(sha256hex(img.rgb)).toBe(want.rgbSha256);
    });
  }

  it('refuses progressive JPEG with a message that says what to do', () => {
    expect(() => decodeJpeg(readFileSync(join(FIXTURES, 'land-prog.jpg')))).toThrow(
      /progressive JPEG is not supported: re-save it as a baseline JPEG or a PNG/,
    );
  });

  it('fails with a JpegError, never a crash or a hang, on broken files', () => {
    const good = readFileSync(join(FIXTURES, 'land-420.jpg'));
    const cases: Uint8Array[] = [
      new Uint8Array(0),
      Buffer.from([0xff, 0xd8]),
      good.subarray(0, 300),
      good.subarray(0, good.length - 2),
    ];
    const rng = Rng.fromKey('jpeg-garbage');
    for (let i = 0; i < 200; i++) {
      const bytes = Buffer.from(good);
      for (let k = rng.int(1, 4); k > 0; k--) bytes[rng.int(2, bytes.length - 1)] = rng.int(0, 255);
      cases.push(bytes);
    }
    for (const bytes of cases) {
      try {
        const img = decodeJpeg(bytes);
        expect(img.rgb.length).toBe(img.width * img.height * 3);
      } catch (err) {
        expect(err).toBeInstanceOf(JpegError);
      }
    }
    expect(() => decodeJpeg(new Uint8Array(0))).toThrow(JpegError);
    expect(() => decodeImageFile(Buffer.from('GIF89a...'))).toThrow(/neither a PNG nor a JPEG/);
  });
});

describe('jigsaw/image: JPEG photos in the pool', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jigsaw-jpeg-pool-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  for (const f of ['land-420.jpg', 'abs-grey.jpg', 'city-422.jpg']) copyFileSync(join(FIXTURES, f), join(dir, f));
  copyFileSync(join(FIXTURES, 'land-444.jpg'), join(dir, 'upper-case.JPEG'));

  it('cuts decoded JPEGs like any picture and records the file', () => {
    const seen = new Set<string>();
    for (const p of items(imageJigsaw, { imageDir: dir, grid: '2x2' }, 16, 'jpeg-pool')) {
      const t = p.truth as ImageJigsawTruth;
      seen.add(t.image.source!.file);
      expect(t.image.source!.sha256).toBe(sha256hex(readFileSync(join(dir, t.image.source!.file))));
      expect(p.verify(p.reference!).correct).toBe(true);
      const png = readRgbPng(Buffer.from(imagePart(p).data, 'base64'));
      expect([png.width, png.height]).toEqual([t.image.width, t.image.height]);
    }
    expect(seen).toEqual(new Set(['abs-grey.jpg', 'city-422.jpg', 'land-420.jpg', 'upper-case.JPEG']));
  });

  it('is deterministic for the same folder', () => {
    const a = imageJigsaw.generate(imageJigsaw.parseParams({ imageDir: dir }), Rng.forItem('jpeg-det', 3));
    const b = imageJigsaw.generate(imageJigsaw.parseParams({ imageDir: dir }), Rng.forItem('jpeg-det', 3));
    expect(imagePart(b).data).toBe(imagePart(a).data);
  });
});
