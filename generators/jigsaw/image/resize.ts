// Shrinking a photo to fit a box by area averaging (each output pixel is the mean of the source
// area it covers, fractional edges weighted), the sharpest alias-free downscale; never enlarges.
import type { RgbImage } from './png-decode.js';

export function fitInside(img: RgbImage, maxWidth: number, maxHeight: number): RgbImage {
  const f = Math.min(1, maxWidth / img.width, maxHeight / img.height);
  if (f >= 1) return img;
  const width = Math.max(1, Math.floor(img.width * f));
  const height = Math.max(1, Math.floor(img.height * f));
  const horizontal = resample(img.rgb, img.width, img.height, width, 'x');
  const rgb = resample(horizontal, width, img.height, height, 'y');
  return { width, height, rgb };
}

/** Area-averages one axis from `n` to `m` samples. */
function resample(src: Uint8Array | Float64Array, w: number, h: number, m: number, axis: 'x' | 'y'): Uint8Array {
  const n = axis === 'x' ? w : h;
  const outW = axis === 'x' ? m : w;
  const outH = axis === 'x' ? h : m;
  const out = new Uint8Array(outW * outH * 3);
  const step = n / m;
  const acc = [0, 0, 0];
  for (let o = 0; o < m; o++) {
    const a = o * step;
    const b = a + step;
    const lines = axis === 'x' ? h : w;
    for (let line = 0; line < lines; line++) {
      acc[0] = acc[1] = acc[2] = 0;
      for (let s = Math.floor(a); s < Math.min(n, Math.ceil(b)); s++) {
        const weight = Math.min(b, s + 1) - Math.max(a, s);
        const i = (axis === 'x' ? line * w + s : s * w + line) * 3;
        acc[0] += src[i]! * weight;
        acc[1] += src[i + 1]! * weight;
        acc[2] += src[i + 2]! * weight;
      }
      const j = (axis === 'x' ? line * outW + o : o * outW + line) * 3;
      out[j] = Math.min(255, Math.round(acc[0]! / step));
      out[j + 1] = Math.min(255, Math.round(acc[1]! / step));
      out[j + 2] = Math.min(255, Math.round(acc[2]! / step));
    }
  }
  return out;
}
