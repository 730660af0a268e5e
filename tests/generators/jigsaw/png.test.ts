// The PNG encoder (checked by the independent test reader) and the pool decoder (checked on
// images the test writes itself, in every colour type, bit depth and with Adam7 interlacing).
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import { crc32, encodePng } from '../../../generators/jigsaw/image/png.js';
import { decodePng, PngError } from '../../../generators/jigsaw/image/png-decode.js';
import { fitInside } from '../../../generators/jigsaw/image/resize.js';
import { readRgbPng, writePng } from './helpers.js';

function randomImage(w: number, h: number, rng: Rng, smooth: boolean): Uint8Array {
  const rgb = new Uint8Array(w * h * 3);
  for (let i = 0; i < rgb.length; i++) rgb[i] = smooth ? (Math.floor(i / 3) % w) * 3 + rng.int(0, 2) : rng.int(0, 255);
  return rgb;
}

describe('jigsaw PNG encoder', () => {
  it('computes the textbook CRC-32 of "123456789"', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('round-trips random and smooth images of odd sizes through an independent reader', () => {
    const rng = Rng.fromKey('png-roundtrip');
    for (const [w, h] of [
      [1, 1],
      [1, 7],
      [7, 1],
      [13, 9],
      [64, 33],
      [200, 3],
    ] as const) {
      for (const smooth of [false, true]) {
        const rgb = randomImage(w, h, rng, smooth);
        const back = readRgbPng(encodePng(w, h, rgb));
        expect([back.width, back.height]).toEqual([w, h]);
        expect(Buffer.from(back.rgb).equals(Buffer.from(rgb))).toBe(true);
        expect(Buffer.from(decodePng(encodePng(w, h, rgb)).rgb).equals(Buffer.from(rgb))).toBe(true);
      }
    }
  });

  it('is deterministic and refuses a wrong buffer size', () => {
    const rgb = randomImage(20, 20, Rng.fromKey('png-det'), true);
    expect(encodePng(20, 20, rgb).equals(encodePng(20, 20, rgb))).toBe(true);
    expect(() => encodePng(20, 21, rgb)).toThrow(RangeError);
  });
});

describe('jigsaw PNG decoder (image pool)', () => {
  const w = 11;
  const h = 5;
  /** Expected RGB of sample values v(x, y) in 0..max, scaled to 0..255 as PIL does for greys. */
  const grey = (x: number, y: number, max: number) => (x * 3 + y * 5) % (max + 1);

  function packRow(values: number[], depth: number): Uint8Array {
    if (depth === 8) return Uint8Array.from(values);
    if (depth === 16) return Uint8Array.from(values.flatMap((v) => [v >> 8, v & 0xff]));
    const out = new Uint8Array(Math.ceil((values.length * depth) / 8));
    values.forEach((v, i) => {
      out[(i * depth) >> 3]! |= v << (8 - depth - ((i * depth) & 7));
    });
    return out;
  }

  for (const depth of [1, 2, 4, 8, 16]) {
    it(`greyscale, ${depth}-bit`, () => {
      const max = (1 << depth) - 1;
      const rows = Array.from({ length: h }, (_, y) =>
        packRow(
          Array.from({ length: w }, (_, x) => grey(x, y, max)),
          depth,
        ),
      );
      const img = decodePng(writePng(w, h, 0, depth, rows));
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          const v = depth === 16 ? grey(x, y, max) >> 8 : Math.round((grey(x, y, max) * 255) / max);
          expect([...img.rgb.subarray((y * w + x) * 3, (y * w + x) * 3 + 3)]).toEqual([v, v, v]);
        }
      }
    });
  }

  it('RGB 16-bit, grey+alpha, RGBA (alpha dropped) and 1-bit palette', () => {
    const rgb16 = Array.from({ length: h }, (_, y) =>
      packRow(
        Array.from({ length: w * 3 }, (_, i) => (i * 4099 + y * 77) % 65536),
        16,
      ),
    );
    const a = decodePng(writePng(w, h, 2, 16, rgb16));
    expect(a.rgb[3 * 4 + 1]).toBe(((13 * 4099) % 65536) >> 8);
    const ga = Array.from({ length: h }, () =>
      Uint8Array.from(Array.from({ length: w }, (_, x) => [x * 20, 7]).flat()),
    );
    expect([...decodePng(writePng(w, h, 4, 8, ga)).rgb.subarray(9, 12)]).toEqual([60, 60, 60]);
    const rgba = Array.from({ length: h }, () =>
      Uint8Array.from(Array.from({ length: w }, (_, x) => [x, x + 1, x + 2, 0]).flat()),
    );
    expect([...decodePng(writePng(w, h, 6, 8, rgba)).rgb.subarray(6, 9)]).toEqual([2, 3, 4]);
    const pal = Array.from({ length: h }, (_, y) =>
      packRow(
        Array.from({ length: w }, (_, x) => (x + y) % 2),
        1,
      ),
    );
    const img = decodePng(
      writePng(w, h, 3, 1, pal, [{ type: 'PLTE', data: Uint8Array.from([10, 20, 30, 200, 210, 220]) }]),
    );
    expect([...img.rgb.subarray(0, 6)]).toEqual([10, 20, 30, 200, 210, 220]);
  });

  it('Adam7-interlaced RGB', () => {
    const W = 13;
    const H = 10;
    const rgb = randomImage(W, H, Rng.fromKey('adam7'), false);
    // Seven passes, each a small image of every (dx, dy)-th pixel from (x0, y0), filter 0 on each row.
    const passes = [
      [0, 0, 8, 8],
      [4, 0, 8, 8],
      [0, 4, 4, 8],
      [2, 0, 4, 4],
      [0, 2, 2, 4],
      [1, 0, 2, 2],
      [0, 1, 1, 2],
    ];
    const rows: Uint8Array[] = [];
    for (const [x0, y0, dx, dy] of passes) {
      for (let y = y0!; y < H; y += dy!) {
        const row: number[] = [];
        for (let x = x0!; x < W; x += dx!) row.push(...rgb.subarray((y * W + x) * 3, (y * W + x) * 3 + 3));
        if (row.length) rows.push(Uint8Array.from(row));
      }
    }
    const png = writePng(W, H, 2, 8, rows);
    png[8 + 8 + 12] = 1; // IHDR interlace byte; fix its CRC
    png.writeUInt32BE(crc32(png, 12, 29), 29);
    expect(Buffer.from(decodePng(png).rgb).equals(Buffer.from(rgb))).toBe(true);
  });

  it('fails with a PngError, never a crash, on broken files', () => {
    const good = encodePng(4, 4, new Uint8Array(48).fill(9));
    const cases: Uint8Array[] = [
      new Uint8Array(0),
      Buffer.from('GIF89a'),
      good.subarray(0, good.length - 20),
      Buffer.concat([good.subarray(0, 20), Buffer.from([good[20]! ^ 0xff]), good.subarray(21)]),
      writePng(
        4,
        4,
        3,
        8,
        Array.from({ length: 4 }, () => new Uint8Array(4)),
      ), // palette without PLTE
      writePng(
        4,
        4,
        2,
        4,
        Array.from({ length: 4 }, () => new Uint8Array(6)),
      ), // RGB at 4 bits
    ];
    const rng = Rng.fromKey('png-garbage');
    for (let i = 0; i < 50; i++) {
      const bytes = Buffer.from(good);
      bytes[rng.int(8, bytes.length - 1)] = rng.int(0, 255);
      cases.push(bytes);
    }
    for (const bytes of cases) {
      try {
        decodePng(bytes);
      } catch (err) {
        expect(err).toBeInstanceOf(PngError);
      }
    }
    for (const bytes of cases.slice(0, 6)) expect(() => decodePng(bytes)).toThrow(PngError);
  });
});

describe('jigsaw photo resizing', () => {
  it('averages areas: a 2:1 shrink of a checkerboard gives flat grey, fractional steps keep the mean', () => {
    const w = 40;
    const h = 20;
    const rgb = new Uint8Array(w * h * 3);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) rgb.fill((x + y) % 2 ? 200 : 100, (y * w + x) * 3, (y * w + x) * 3 + 3);
    const half = fitInside({ width: w, height: h, rgb }, 20, 100);
    expect([half.width, half.height]).toEqual([20, 10]);
    expect(new Set(half.rgb)).toEqual(new Set([150]));
    const odd = fitInside({ width: w, height: h, rgb }, 13, 100);
    expect([odd.width, odd.height]).toEqual([13, 6]);
    const mean = odd.rgb.reduce((s, v) => s + v, 0) / odd.rgb.length;
    expect(Math.abs(mean - 150)).toBeLessThan(3);
    expect(fitInside({ width: w, height: h, rgb }, 400, 400).rgb).toBe(rgb);
  });
});
