// PNG encoding with node:zlib and a CRC table (no dependency; Node 20 has no zlib.crc32). 8-bit
// RGB, one IDAT, and per row the filter with the smallest sum of absolute residuals (the libpng
// heuristic), which keeps gradients and flat areas small.
import { deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out, 4, 8 + data.length), 8 + data.length);
  return out;
}

export function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** The PNG bytes of an 8-bit RGB image (`rgb` is width·height·3 bytes, row-major). */
export function encodePng(width: number, height: number, rgb: Uint8Array): Buffer {
  if (rgb.length !== width * height * 3)
    throw new RangeError(`encodePng: expected ${width * height * 3} bytes, got ${rgb.length}`);
  const stride = width * 3;
  const raw = new Uint8Array((stride + 1) * height);
  const zero = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const cur = rgb.subarray(y * stride, (y + 1) * stride);
    const up = y > 0 ? rgb.subarray((y - 1) * stride, y * stride) : zero;
    // One pass scores all five filters (sum of |residual| as signed bytes).
    let c0 = 0,
      c1 = 0,
      c2 = 0,
      c3 = 0,
      c4 = 0;
    for (let i = 0; i < stride; i++) {
      const x = cur[i]!;
      const a = i >= 3 ? cur[i - 3]! : 0;
      const b = up[i]!;
      const c = i >= 3 ? up[i - 3]! : 0;
      let v = x;
      c0 += v < 128 ? v : 256 - v;
      v = (x - a) & 0xff;
      c1 += v < 128 ? v : 256 - v;
      v = (x - b) & 0xff;
      c2 += v < 128 ? v : 256 - v;
      v = (x - ((a + b) >> 1)) & 0xff;
      c3 += v < 128 ? v : 256 - v;
      const pp = a + b - c; // Paeth, inlined: this loop is most of the encoding time
      const pa = pp > a ? pp - a : a - pp;
      const pb = pp > b ? pp - b : b - pp;
      const pc = pp > c ? pp - c : c - pp;
      v = (x - (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 0xff;
      c4 += v < 128 ? v : 256 - v;
    }
    let f = 0;
    let best = c0;
    if (c1 < best) {
      best = c1;
      f = 1;
    }
    if (c2 < best) {
      best = c2;
      f = 2;
    }
    if (c3 < best) {
      best = c3;
      f = 3;
    }
    if (c4 < best) f = 4;
    const o = y * (stride + 1);
    raw[o] = f;
    for (let i = 0; i < stride; i++) {
      const x = cur[i]!;
      const a = i >= 3 ? cur[i - 3]! : 0;
      const b = up[i]!;
      const c = i >= 3 ? up[i - 3]! : 0;
      const pred = f === 0 ? 0 : f === 1 ? a : f === 2 ? b : f === 3 ? (a + b) >> 1 : paeth(a, b, c);
      raw[o + 1 + i] = (x - pred) & 0xff;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  // compression 0, filter method 0, no interlace
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 6 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

export { SIGNATURE as PNG_SIGNATURE };
