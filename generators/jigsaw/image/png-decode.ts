// PNG decoding for the user image pool: every standard colour type and bit depth, Adam7
// interlacing, CRC-checked chunks. The result is 8-bit RGB as PIL's convert("RGB") gives it:
// alpha is dropped, 16-bit samples keep their high byte, low bit depths are scaled to 0..255.
import { inflateSync } from 'node:zlib';
import { PNG_SIGNATURE, crc32, paeth } from './png.js';

export interface RgbImage {
  width: number;
  height: number;
  /** width·height·3 bytes, row-major. */
  rgb: Uint8Array;
}

export class PngError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PngError';
  }
}

/** Refuse images that would need more memory than any sensible photo. */
const MAX_PIXELS = 64 * 1024 * 1024;

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const; // [x0, y0, dx, dy]

export function decodePng(bytes: Uint8Array): RgbImage {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 8 || !buf.subarray(0, 8).equals(PNG_SIGNATURE)) throw new PngError('not a PNG file (bad signature)');
  let width = 0;
  let height = 0;
  let depth = 0;
  let colorType = -1;
  let interlace = 0;
  let palette: Uint8Array | undefined;
  const idat: Buffer[] = [];
  let at = 8;
  let sawEnd = false;
  while (at + 12 <= buf.length) {
    const len = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    if (at + 12 + len > buf.length) throw new PngError(`truncated ${type} chunk`);
    if (crc32(buf, at + 4, at + 8 + len) !== buf.readUInt32BE(at + 8 + len))
      throw new PngError(`CRC mismatch in ${type} chunk`);
    const data = buf.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      depth = data[8]!;
      colorType = data[9]!;
      interlace = data[12]!;
      if (!(colorType in CHANNELS) || !DEPTHS[colorType]!.includes(depth))
        throw new PngError(`unsupported colour type ${colorType} with bit depth ${depth}`);
      if (data[10] !== 0 || data[11] !== 0 || interlace > 1)
        throw new PngError('unsupported compression, filter or interlace method');
      if (width < 1 || height < 1 || width * height > MAX_PIXELS)
        throw new PngError(`image size ${width}x${height} out of range`);
    } else if (type === 'PLTE') palette = data;
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') {
      sawEnd = true;
      break;
    }
    at += 12 + len;
  }
  if (colorType < 0) throw new PngError('no IHDR chunk');
  if (!sawEnd) throw new PngError('no IEND chunk (truncated file)');
  if (colorType === 3 && !palette) throw new PngError('palette image without a PLTE chunk');
  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(idat));
  } catch (err) {
    throw new PngError(`corrupt image data: ${(err as Error).message}`);
  }

  const channels = CHANNELS[colorType]!;
  const bitsPerPixel = channels * depth;
  const bpp = Math.max(1, bitsPerPixel >> 3); // filter distance in bytes
  const rgb = new Uint8Array(width * height * 3);
  let offset = 0;
  const passes = interlace ? ADAM7 : ([[0, 0, 1, 1]] as const);
  for (const [x0, y0, dx, dy] of passes) {
    const pw = Math.ceil((width - x0) / dx);
    const ph = Math.ceil((height - y0) / dy);
    if (pw <= 0 || ph <= 0) continue;
    const stride = Math.ceil((pw * bitsPerPixel) / 8);
    if (offset + (stride + 1) * ph > raw.length) throw new PngError('image data too short');
    let prev = new Uint8Array(stride);
    for (let y = 0; y < ph; y++) {
      const filter = raw[offset]!;
      const line = new Uint8Array(raw.buffer, raw.byteOffset + offset + 1, stride).slice();
      unfilter(filter, line, prev, bpp);
      for (let x = 0; x < pw; x++)
        writePixel(rgb, ((y0 + y * dy) * width + x0 + x * dx) * 3, line, x, depth, colorType, palette);
      prev = line;
      offset += stride + 1;
    }
  }
  return { width, height, rgb };
}

function unfilter(filter: number, line: Uint8Array, prev: Uint8Array, bpp: number): void {
  for (let i = 0; i < line.length; i++) {
    const a = i >= bpp ? line[i - bpp]! : 0;
    const b = prev[i]!;
    const c = i >= bpp ? prev[i - bpp]! : 0;
    switch (filter) {
      case 0:
        break;
      case 1:
        line[i] = (line[i]! + a) & 0xff;
        break;
      case 2:
        line[i] = (line[i]! + b) & 0xff;
        break;
      case 3:
        line[i] = (line[i]! + ((a + b) >> 1)) & 0xff;
        break;
      case 4:
        line[i] = (line[i]! + paeth(a, b, c)) & 0xff;
        break;
      default:
        throw new PngError(`bad filter type ${filter}`);
    }
  }
}

/** Sample `s` (0-based within the pixel) of pixel x, scaled to 0..255. */
function sample(line: Uint8Array, x: number, s: number, channels: number, depth: number): number {
  if (depth === 8) return line[x * channels + s]!;
  if (depth === 16) return line[(x * channels + s) * 2]!;
  const bit = (x * channels + s) * depth;
  const v = (line[bit >> 3]! >> (8 - depth - (bit & 7))) & ((1 << depth) - 1);
  return Math.round((v * 255) / ((1 << depth) - 1));
}

function writePixel(
  out: Uint8Array,
  o: number,
  line: Uint8Array,
  x: number,
  depth: number,
  colorType: number,
  palette?: Uint8Array,
): void {
  if (colorType === 3) {
    const bit = x * depth;
    const idx = depth === 8 ? line[x]! : (line[bit >> 3]! >> (8 - depth - (bit & 7))) & ((1 << depth) - 1);
    if (idx * 3 + 2 >= palette!.length) throw new PngError(`palette index ${idx} out of range`);
    out[o] = palette![idx * 3]!;
    out[o + 1] = palette![idx * 3 + 1]!;
    out[o + 2] = palette![idx * 3 + 2]!;
    return;
  }
  const channels = CHANNELS[colorType]!;
  if (colorType === 0 || colorType === 4) {
    const g = sample(line, x, 0, channels, depth);
    out[o] = g;
    out[o + 1] = g;
    out[o + 2] = g;
    return;
  }
  out[o] = sample(line, x, 0, channels, depth);
  out[o + 1] = sample(line, x, 1, channels, depth);
  out[o + 2] = sample(line, x, 2, channels, depth);
}
