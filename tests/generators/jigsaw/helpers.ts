// Test helpers: a minimal PNG reader written independently of the generator's decoder (8-bit
// RGB, no interlace: exactly what jigsaw/image emits), a minimal PNG writer for the other colour
// types the pool decoder must read, and item helpers.
import { inflateSync, deflateSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { Rng } from '../../../src/core/rng.js';
import type { Generator, ImagePart, Problem } from '../../../src/core/types.js';

export const sha256hex = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

function crc(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** Reads an 8-bit RGB, non-interlaced PNG; throws on anything else or on a bad CRC. */
export function readRgbPng(png: Uint8Array): { width: number; height: number; rgb: Uint8Array } {
  const b = Buffer.from(png);
  if (b.toString('hex', 0, 8) !== '89504e470d0a1a0a') throw new Error('bad signature');
  let pos = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  const types: string[] = [];
  while (pos < b.length) {
    const len = b.readUInt32BE(pos);
    const type = b.toString('latin1', pos + 4, pos + 8);
    types.push(type);
    const body = b.subarray(pos + 8, pos + 8 + len);
    if (crc(b.subarray(pos + 4, pos + 8 + len)) !== b.readUInt32BE(pos + 8 + len))
      throw new Error(`bad CRC in ${type}`);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[9] !== 2 || body[12] !== 0) throw new Error('not 8-bit RGB non-interlaced');
    }
    if (type === 'IDAT') idat.push(body);
    pos += 12 + len;
  }
  if (types[0] !== 'IHDR' || types[types.length - 1] !== 'IEND') throw new Error(`bad chunk order ${types.join(',')}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 3;
  if (raw.length !== (stride + 1) * height) throw new Error('bad data length');
  const rgb = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)]!;
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i]!;
      const a = i >= 3 ? rgb[y * stride + i - 3]! : 0;
      const up = y > 0 ? rgb[(y - 1) * stride + i]! : 0;
      const c = y > 0 && i >= 3 ? rgb[(y - 1) * stride + i - 3]! : 0;
      let pred = 0;
      if (f === 1) pred = a;
      else if (f === 2) pred = up;
      else if (f === 3) pred = Math.floor((a + up) / 2);
      else if (f === 4) {
        const p = a + up - c;
        const pa = Math.abs(p - a),
          pb = Math.abs(p - up),
          pc = Math.abs(p - c);
        pred = pa <= pb && pa <= pc ? a : pb <= pc ? up : c;
      } else if (f !== 0) throw new Error(`bad filter ${f}`);
      rgb[y * stride + i] = (x + pred) % 256;
    }
  }
  return { width, height, rgb };
}

/**
 * A PNG of any colour type and bit depth from raw scanline bytes (filter 0 on every row), for
 * exercising the pool decoder. `rows` are the packed samples of each row, without filter bytes.
 */
export function writePng(
  width: number,
  height: number,
  colorType: number,
  depth: number,
  rows: Uint8Array[],
  extra: { type: string; data: Uint8Array }[] = [],
): Buffer {
  const chunk = (type: string, data: Uint8Array) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, tail]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = depth;
  ihdr[9] = colorType;
  const raw = Buffer.concat(rows.map((r) => Buffer.concat([Buffer.from([0]), r])));
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', ihdr),
    ...extra.filter((e) => e.type !== 'IDAT').map((e) => chunk(e.type, e.data)),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

export function items<P>(
  gen: Generator<P>,
  raw: Record<string, unknown>,
  n: number,
  seed: number | string = 7,
): Problem[] {
  const params = gen.parseParams(raw);
  return Array.from({ length: n }, (_, i) => gen.generate(params, Rng.forItem(seed, i)));
}

export function imagePart(p: Problem): ImagePart {
  const content = p.messages[0]!.content;
  if (typeof content === 'string') throw new Error('no image part');
  const part = content.find((c) => c.type === 'image');
  if (!part || part.type !== 'image') throw new Error('no image part');
  return part;
}

export function promptText(p: Problem): string {
  const content = p.messages[0]!.content;
  return typeof content === 'string'
    ? content
    : content
        .filter((c) => c.type === 'text')
        .map((c) => (c as { text: string }).text)
        .join('');
}

/** An independent 1-based (row, col) of a position, for cross-checks. */
export const cellOf = (pos: number, cols: number) => ({ r: Math.ceil(pos / cols), c: ((pos - 1) % cols) + 1 });
