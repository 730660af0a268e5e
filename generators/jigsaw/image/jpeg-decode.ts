// Baseline JPEG decoding for the photo pool (COCO-like folders are JPEG), without a dependency.
// It follows libjpeg's defaults, which PIL uses, so pixels match what Jigsaw-R1 saw: the integer
// "islow" IDCT (jidctint.c), fancy (triangle) upsampling for 2×1 and 2×2 chroma, and jdcolor.c's
// fixed-point YCbCr → RGB. Integer arithmetic throughout, so the result is the same everywhere.
// Progressive, lossless, arithmetic-coded, 12-bit and CMYK files are refused with a clear message.
import type { RgbImage } from './png-decode.js';

export class JpegError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JpegError';
  }
}

const MAX_PIXELS = 64 * 1024 * 1024;

/** Natural (row-major) index of the k-th coefficient in zigzag order. */
const ZIGZAG = Int32Array.from([
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
  35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47,
  55, 62, 63,
]);

interface Huffman {
  /** maxcode[l]: the largest code of length l (−1 if none); valptr/mincode as in the spec's F.2.2.3. */
  maxcode: Int32Array;
  mincode: Int32Array;
  valptr: Int32Array;
  values: Uint8Array;
}

interface Component {
  id: number;
  h: number;
  v: number;
  tq: number;
  /** Blocks per line and lines of blocks in the padded plane. */
  bw: number;
  bh: number;
  plane: Uint8Array;
  dcTable: number;
  acTable: number;
  pred: number;
}

function buildHuffman(counts: Uint8Array, values: Uint8Array): Huffman {
  const maxcode = new Int32Array(18).fill(-1);
  const mincode = new Int32Array(17);
  const valptr = new Int32Array(17);
  let code = 0;
  let k = 0;
  for (let l = 1; l <= 16; l++) {
    valptr[l] = k;
    mincode[l] = code;
    code += counts[l - 1]!;
    k += counts[l - 1]!;
    if (counts[l - 1]) maxcode[l] = code - 1;
    code <<= 1;
  }
  maxcode[17] = 0x7fffffff;
  return { maxcode, mincode, valptr, values };
}

/** The entropy-coded bit stream of one scan: unstuffs 0xFF00 and stops at a marker. */
class BitReader {
  private bits = 0;
  private count = 0;
  /** Set when a marker ends the data; afterwards zeros are read (libjpeg does the same). */
  marker = -1;

  constructor(
    private readonly data: Uint8Array,
    public pos: number,
  ) {}

  private fill(): void {
    while (this.count <= 24) {
      let byte = 0;
      if (this.marker < 0 && this.pos < this.data.length) {
        byte = this.data[this.pos]!;
        if (byte === 0xff) {
          const next = this.data[this.pos + 1];
          if (next === 0x00) this.pos += 2;
          else {
            this.marker = next ?? 0xd9;
            byte = 0;
          }
        } else this.pos++;
      }
      this.bits = (this.bits << 8) | byte;
      this.count += 8;
    }
  }

  bit(): number {
    if (this.count === 0) this.fill();
    this.count--;
    return (this.bits >>> this.count) & 1;
  }

  receive(n: number): number {
    if (n === 0) return 0;
    if (this.count < n) this.fill();
    this.count -= n;
    return (this.bits >>> this.count) & ((1 << n) - 1);
  }

  decode(t: Huffman): number {
    let code = this.bit();
    let l = 1;
    while (code > t.maxcode[l]!) {
      code = (code << 1) | this.bit();
      if (++l > 16) throw new JpegError('corrupt Huffman data');
    }
    return t.values[t.valptr[l]! + code - t.mincode[l]!]!;
  }

  /** Drops the buffered bits and, at a restart marker, steps past it. */
  restart(): void {
    this.bits = 0;
    this.count = 0;
    if (this.marker >= 0xd0 && this.marker <= 0xd7) {
      this.pos += 2;
      this.marker = -1;
    } else if (this.marker < 0) {
      // Not yet seen: find the marker after the padding bits.
      while (
        this.pos + 1 < this.data.length &&
        !(this.data[this.pos] === 0xff && this.data[this.pos + 1]! >= 0xd0 && this.data[this.pos + 1]! <= 0xd7)
      )
        this.pos++;
      this.pos += 2;
    }
  }
}

const extend = (v: number, s: number): number => (s === 0 ? 0 : v < 1 << (s - 1) ? v - (1 << s) + 1 : v);

export function decodeJpeg(bytes: Uint8Array): RgbImage {
  const d = bytes;
  if (d.length < 4 || d[0] !== 0xff || d[1] !== 0xd8) throw new JpegError('not a JPEG file (no SOI marker)');
  const quant: (Int32Array | undefined)[] = [];
  const dc: (Huffman | undefined)[] = [];
  const ac: (Huffman | undefined)[] = [];
  let frame:
    | { width: number; height: number; comps: Component[]; hmax: number; vmax: number; mcusX: number; mcusY: number }
    | undefined;
  let restartInterval = 0;
  let adobeTransform = -1;
  let pos = 2;
  const u16 = (at: number) => ((d[at]! << 8) | d[at + 1]!) >>> 0;

  for (;;) {
    while (pos < d.length && d[pos] !== 0xff) pos++; // tolerate junk between segments
    while (pos < d.length && d[pos] === 0xff) pos++;
    if (pos >= d.length) throw new JpegError('truncated file (no EOI marker)');
    const marker = d[pos++]!;
    if (marker === 0xd9) break; // EOI
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue;
    if (pos + 2 > d.length) throw new JpegError('truncated segment');
    const len = u16(pos);
    const end = pos + len;
    if (len < 2 || end > d.length) throw new JpegError('truncated segment');
    const seg = pos + 2;
    pos = end;
    if (marker === 0xdb) {
      for (let p = seg; p < end;) {
        const pq = d[p]! >> 4;
        const tq = d[p]! & 15;
        const table = new Int32Array(64);
        for (let k = 0; k < 64; k++) table[k] = pq ? u16(p + 1 + 2 * k) : d[p + 1 + k]!;
        quant[tq & 3] = table;
        p += 1 + 64 * (pq ? 2 : 1);
      }
    } else if (marker === 0xc4) {
      for (let p = seg; p < end;) {
        const tc = d[p]! >> 4;
        const th = d[p]! & 15;
        const counts = d.subarray(p + 1, p + 17);
        const total = counts.reduce((s, c) => s + c, 0);
        if (p + 17 + total > end) throw new JpegError('corrupt Huffman table');
        (tc === 0 ? dc : ac)[th & 3] = buildHuffman(counts, d.slice(p + 17, p + 17 + total));
        p += 17 + total;
      }
    } else if (marker === 0xc0 || marker === 0xc1) {
      if (d[seg] !== 8) throw new JpegError(`${d[seg]}-bit samples are not supported (8-bit only)`);
      const height = u16(seg + 1);
      const width = u16(seg + 3);
      const nf = d[seg + 5]!;
      if (width === 0 || height === 0) throw new JpegError('image size missing (DNL marker not supported)');
      if (width * height > MAX_PIXELS) throw new JpegError(`image size ${width}x${height} out of range`);
      if (nf !== 1 && nf !== 3)
        throw new JpegError(`${nf} colour components are not supported (greyscale or YCbCr only; CMYK is not)`);
      const comps: Component[] = [];
      for (let i = 0; i < nf; i++) {
        const c = seg + 6 + 3 * i;
        const h = d[c + 1]! >> 4;
        const v = d[c + 1]! & 15;
        if (h < 1 || h > 4 || v < 1 || v > 4) throw new JpegError('bad sampling factors');
        comps.push({
          id: d[c]!,
          h,
          v,
          tq: d[c + 2]! & 3,
          bw: 0,
          bh: 0,
          plane: new Uint8Array(0),
          dcTable: 0,
          acTable: 0,
          pred: 0,
        });
      }
      const hmax = Math.max(...comps.map((c) => c.h));
      const vmax = Math.max(...comps.map((c) => c.v));
      const mcusX = Math.ceil(width / (8 * hmax));
      const mcusY = Math.ceil(height / (8 * vmax));
      for (const c of comps) {
        c.bw = mcusX * c.h;
        c.bh = mcusY * c.v;
        c.plane = new Uint8Array(c.bw * 8 * c.bh * 8);
      }
      frame = { width, height, comps, hmax, vmax, mcusX, mcusY };
    } else if (marker === 0xc2 || marker === 0xc6 || marker === 0xca || marker === 0xce) {
      throw new JpegError('progressive JPEG is not supported: re-save it as a baseline JPEG or a PNG');
    } else if (marker >= 0xc3 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      throw new JpegError('lossless or arithmetic-coded JPEG is not supported: re-save it as a baseline JPEG or a PNG');
    } else if (marker === 0xdd) {
      restartInterval = u16(seg);
    } else if (marker === 0xee) {
      if (len >= 14 && String.fromCharCode(...d.subarray(seg, seg + 5)) === 'Adobe') adobeTransform = d[seg + 11]!;
    } else if (marker === 0xda) {
      if (!frame) throw new JpegError('scan before frame header');
      const ns = d[seg]!;
      const scan: Component[] = [];
      for (let i = 0; i < ns; i++) {
        const comp = frame.comps.find((c) => c.id === d[seg + 1 + 2 * i]);
        if (!comp) throw new JpegError('scan names an unknown component');
        comp.dcTable = d[seg + 2 + 2 * i]! >> 4;
        comp.acTable = d[seg + 2 + 2 * i]! & 15;
        scan.push(comp);
      }
      pos = decodeScan(d, end, frame, scan, quant, dc, ac, restartInterval);
    }
    // APPn, COM and anything else with a length are skipped.
  }
  if (!frame) throw new JpegError('no frame header');
  return toRgb(frame, adobeTransform);
}

function decodeScan(
  d: Uint8Array,
  start: number,
  f: { width: number; height: number; comps: Component[]; hmax: number; vmax: number; mcusX: number; mcusY: number },
  scan: Component[],
  quant: (Int32Array | undefined)[],
  dcTables: (Huffman | undefined)[],
  acTables: (Huffman | undefined)[],
  restartInterval: number,
): number {
  const reader = new BitReader(d, start);
  const coef = new Int32Array(64);
  const single = scan.length === 1;
  // A one-component scan covers only that component's real blocks, one block per MCU.
  const c0 = scan[0]!;
  const blocksX = single ? Math.ceil(Math.ceil((f.width * c0.h) / f.hmax) / 8) : f.mcusX;
  const blocksY = single ? Math.ceil(Math.ceil((f.height * c0.v) / f.vmax) / 8) : f.mcusY;
  for (const c of scan) {
    c.pred = 0;
    if (!quant[c.tq] || !dcTables[c.dcTable] || !acTables[c.acTable])
      throw new JpegError('missing quantisation or Huffman table');
  }
  const total = blocksX * blocksY;
  for (let mcu = 0; mcu < total; mcu++) {
    if (restartInterval && mcu > 0 && mcu % restartInterval === 0) {
      reader.restart();
      for (const c of scan) c.pred = 0;
    }
    const mx = mcu % blocksX;
    const my = Math.floor(mcu / blocksX);
    for (const c of scan) {
      const hs = single ? 1 : c.h;
      const vs = single ? 1 : c.v;
      for (let by = 0; by < vs; by++) {
        for (let bx = 0; bx < hs; bx++) {
          decodeBlock(reader, c, coef, quant[c.tq]!, dcTables[c.dcTable]!, acTables[c.acTable]!);
          idctBlock(coef, c.plane, (my * vs + by) * 8, (mx * hs + bx) * 8, c.bw * 8);
        }
      }
    }
  }
  // Continue after this scan's data: the next marker.
  let p = reader.pos;
  while (p + 1 < d.length && !(d[p] === 0xff && d[p + 1] !== 0x00 && !(d[p + 1]! >= 0xd0 && d[p + 1]! <= 0xd7))) p++;
  return p;
}

function decodeBlock(r: BitReader, c: Component, coef: Int32Array, q: Int32Array, dc: Huffman, ac: Huffman): void {
  coef.fill(0);
  const s = r.decode(dc);
  c.pred += extend(r.receive(s), s);
  coef[0] = c.pred * q[0]!;
  for (let k = 1; k < 64;) {
    const rs = r.decode(ac);
    const run = rs >> 4;
    const size = rs & 15;
    if (size === 0) {
      if (run !== 15) break;
      k += 16;
      continue;
    }
    k += run;
    if (k > 63) break;
    coef[ZIGZAG[k]!] = extend(r.receive(size), size) * q[k]!;
    k++;
  }
}

// jidctint.c (islow) constants: FIX(x) = round(x · 2^13).
const CONST_BITS = 13;
const PASS1_BITS = 2;
const F_0_298631336 = 2446;
const F_0_390180644 = 3196;
const F_0_541196100 = 4433;
const F_0_765366865 = 6270;
const F_0_899976223 = 7373;
const F_1_175875602 = 9633;
const F_1_501321110 = 12299;
const F_1_847759065 = 15137;
const F_1_961570560 = 16069;
const F_2_053119869 = 16819;
const F_2_562915447 = 20995;
const F_3_072711026 = 25172;
const ws = new Int32Array(64);

/** One 8×8 inverse DCT, written into `out` at (row, col) with line stride `stride`. */
function idctBlock(inp: Int32Array, out: Uint8Array, row: number, col: number, stride: number): void {
  for (let i = 0; i < 8; i++) {
    if (!inp[8 + i] && !inp[16 + i] && !inp[24 + i] && !inp[32 + i] && !inp[40 + i] && !inp[48 + i] && !inp[56 + i]) {
      const dcval = inp[i]! << PASS1_BITS;
      for (let k = 0; k < 8; k++) ws[8 * k + i] = dcval;
      continue;
    }
    butterfly(
      inp[i]!,
      inp[8 + i]!,
      inp[16 + i]!,
      inp[24 + i]!,
      inp[32 + i]!,
      inp[40 + i]!,
      inp[48 + i]!,
      inp[56 + i]!,
      PASS1_DIV,
    );
    for (let k = 0; k < 8; k++) ws[8 * k + i] = res[k]!;
  }
  for (let j = 0; j < 8; j++) {
    const o = (row + j) * stride + col;
    const b = 8 * j;
    butterfly(ws[b]!, ws[b + 1]!, ws[b + 2]!, ws[b + 3]!, ws[b + 4]!, ws[b + 5]!, ws[b + 6]!, ws[b + 7]!, PASS2_DIV);
    for (let k = 0; k < 8; k++) {
      const v = res[k]! + 128;
      out[o + k] = v < 0 ? 0 : v > 255 ? 255 : v;
    }
  }
}

/** Descale divisors: 2^(CONST_BITS − PASS1_BITS) after the columns, 2^(CONST_BITS + PASS1_BITS + 3) after the rows. */
const PASS1_DIV = 1 << (CONST_BITS - PASS1_BITS);
const PASS2_DIV = 1 << (CONST_BITS + PASS1_BITS + 3);
const res = new Float64Array(8);

/** The islow butterfly of one row or column into `res`, descaled by `div` (floor division, as libjpeg's DESCALE; doubles keep it exact past 32 bits). */
function butterfly(
  i0: number,
  i1: number,
  i2: number,
  i3: number,
  i4: number,
  i5: number,
  i6: number,
  i7: number,
  div: number,
): void {
  // Even part.
  let z1 = (i2 + i6) * F_0_541196100;
  const t2 = z1 - i6 * F_1_847759065;
  const t3 = z1 + i2 * F_0_765366865;
  const t0 = (i0 + i4) * 8192; // << CONST_BITS
  const t1 = (i0 - i4) * 8192;
  const t10 = t0 + t3;
  const t13 = t0 - t3;
  const t11 = t1 + t2;
  const t12 = t1 - t2;
  // Odd part.
  z1 = i7 + i1;
  let z2 = i5 + i3;
  let z3 = i7 + i3;
  let z4 = i5 + i1;
  const z5 = (z3 + z4) * F_1_175875602;
  let o0 = i7 * F_0_298631336;
  let o1 = i5 * F_2_053119869;
  let o2 = i3 * F_3_072711026;
  let o3 = i1 * F_1_501321110;
  z1 *= -F_0_899976223;
  z2 *= -F_2_562915447;
  z3 = z3 * -F_1_961570560 + z5;
  z4 = z4 * -F_0_390180644 + z5;
  o0 += z1 + z3;
  o1 += z2 + z4;
  o2 += z2 + z3;
  o3 += z1 + z4;
  const half = div / 2;
  res[0] = Math.floor((t10 + o3 + half) / div);
  res[7] = Math.floor((t10 - o3 + half) / div);
  res[1] = Math.floor((t11 + o2 + half) / div);
  res[6] = Math.floor((t11 - o2 + half) / div);
  res[2] = Math.floor((t12 + o1 + half) / div);
  res[5] = Math.floor((t12 - o1 + half) / div);
  res[3] = Math.floor((t13 + o0 + half) / div);
  res[4] = Math.floor((t13 - o0 + half) / div);
}

/** jdcolor.c constants: FIX(x) = round(x · 2^16). */
const CR_R = 91881;
const CB_G = 22554;
const CR_G = 46802;
const CB_B = 116130;

function toRgb(
  f: { width: number; height: number; comps: Component[]; hmax: number; vmax: number },
  adobeTransform: number,
): RgbImage {
  const { width, height } = f;
  const planes = f.comps.map((c) => upsample(c, f));
  const rgb = new Uint8Array(width * height * 3);
  const clampByte = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : v);
  if (planes.length === 1) {
    for (let i = 0; i < width * height; i++) rgb.fill(planes[0]![i]!, i * 3, i * 3 + 3);
    return { width, height, rgb };
  }
  const [p0, p1, p2] = planes as [Uint8Array, Uint8Array, Uint8Array];
  for (let i = 0; i < width * height; i++) {
    if (adobeTransform === 0) {
      rgb[i * 3] = p0[i]!;
      rgb[i * 3 + 1] = p1[i]!;
      rgb[i * 3 + 2] = p2[i]!;
      continue;
    }
    const y = p0[i]!;
    const cb = p1[i]! - 128;
    const cr = p2[i]! - 128;
    rgb[i * 3] = clampByte(y + ((CR_R * cr + 32768) >> 16));
    rgb[i * 3 + 1] = clampByte(y + ((-CB_G * cb - CR_G * cr + 32768) >> 16));
    rgb[i * 3 + 2] = clampByte(y + ((CB_B * cb + 32768) >> 16));
  }
  return { width, height, rgb };
}

/**
 * A component plane at full size. 2×1 and 2×2 use libjpeg's fancy upsampling (a triangle
 * filter, edges replicated); other ratios replicate samples.
 */
function upsample(c: Component, f: { width: number; height: number; hmax: number; vmax: number }): Uint8Array {
  const stride = c.bw * 8;
  const cw = Math.ceil((f.width * c.h) / f.hmax); // the component's real size
  const ch = Math.ceil((f.height * c.v) / f.vmax);
  const out = new Uint8Array(f.width * f.height);
  const sx = f.hmax / c.h;
  const sy = f.vmax / c.v;
  const at = (x: number, y: number) => c.plane[Math.min(y, ch - 1) * stride + Math.min(x, cw - 1)]!;
  if (sx === 1 && sy === 1) {
    for (let y = 0; y < f.height; y++)
      for (let x = 0; x < f.width; x++) out[y * f.width + x] = c.plane[y * stride + x]!;
  } else if (sx === 2 && sy === 1) {
    for (let y = 0; y < f.height; y++) {
      for (let x = 0; x < f.width; x++) {
        const i = x >> 1;
        const here = at(i, y) * 3;
        if (cw === 1) out[y * f.width + x] = at(0, y);
        else if (x % 2 === 0) out[y * f.width + x] = i === 0 ? at(0, y) : (here + at(i - 1, y) + 1) >> 2;
        else out[y * f.width + x] = i === cw - 1 ? at(i, y) : (here + at(i + 1, y) + 2) >> 2;
      }
    }
  } else if (sx === 2 && sy === 2) {
    for (let y = 0; y < f.height; y++) {
      const i = y >> 1;
      // The nearer neighbour row: above for even output rows, below for odd ones (edges replicated).
      const near = y % 2 === 0 ? Math.max(0, i - 1) : Math.min(ch - 1, i + 1);
      const col = (x: number) => at(x, i) * 3 + at(x, near);
      for (let x = 0; x < f.width; x++) {
        const j = x >> 1;
        const here = col(j);
        let v: number;
        if (cw === 1) v = (here * 4 + 8) >> 4;
        else if (x % 2 === 0) v = j === 0 ? (here * 4 + 8) >> 4 : (here * 3 + col(j - 1) + 8) >> 4;
        else v = j === cw - 1 ? (here * 4 + 7) >> 4 : (here * 3 + col(j + 1) + 7) >> 4;
        out[y * f.width + x] = v;
      }
    }
  } else {
    for (let y = 0; y < f.height; y++)
      for (let x = 0; x < f.width; x++) out[y * f.width + x] = at(Math.floor(x / sx), Math.floor(y / sy));
  }
  return out;
}
