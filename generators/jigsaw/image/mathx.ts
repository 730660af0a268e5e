// Arithmetic that gives the same bits on every machine. IEEE-754 fixes +, −, ×, ÷ and sqrt, but
// not Math.sin, Math.exp or Math.pow, whose last bits may differ between engines and platforms; a
// scene drawn with them could hash differently elsewhere. Pixel code uses only what is here.

const TWO_PI = 6.283185307179586;
const HALF_PI = 1.5707963267948966;
export const PI = 3.141592653589793;

/** sin(x) by range reduction to [-π/2, π/2] and an odd Taylor polynomial (error < 1e-9). */
export function sin(x: number): number {
  let r = x - TWO_PI * Math.round(x / TWO_PI); // [-π, π]
  if (r > HALF_PI) r = PI - r;
  else if (r < -HALF_PI) r = -PI - r;
  const r2 = r * r;
  // Horner form of r − r³/3! + r⁵/5! − … − r¹³/13! (the next term is below 6e-10 at π/2).
  return (
    r *
    (1 +
      r2 *
        (-1 / 6 + r2 * (1 / 120 + r2 * (-1 / 5040 + r2 * (1 / 362880 + r2 * (-1 / 39916800 + r2 * (1 / 6227020800)))))))
  );
}

export const cos = (x: number): number => sin(x + HALF_PI);

export const clamp = (x: number, lo: number, hi: number): number => (x < lo ? lo : x > hi ? hi : x);
export const clamp01 = (x: number): number => clamp(x, 0, 1);
export const lerp = (a: number, b: number, t: number): number => a + (b - a) * t;

export function smoothstep(e0: number, e1: number, x: number): number {
  const t = clamp01((x - e0) / (e1 - e0));
  return t * t * (3 - 2 * t);
}

/** A 32-bit integer hash of three integers, mapped to [0, 1). */
export function hash3(x: number, y: number, seed: number): number {
  let h = Math.imul(x | 0, 0x27d4eb2d) ^ Math.imul(y | 0, 0x165667b1) ^ Math.imul(seed | 0, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** Smooth value noise in [0, 1) with cells of `scale` pixels. */
export function valueNoise(x: number, y: number, scale: number, seed: number): number {
  const fx = x / scale;
  const fy = y / scale;
  const ix = Math.floor(fx);
  const iy = Math.floor(fy);
  const tx = fx - ix;
  const ty = fy - iy;
  const sx = tx * tx * (3 - 2 * tx);
  const sy = ty * ty * (3 - 2 * ty);
  const a = hash3(ix, iy, seed);
  const b = hash3(ix + 1, iy, seed);
  const c = hash3(ix, iy + 1, seed);
  const d = hash3(ix + 1, iy + 1, seed);
  return lerp(lerp(a, b, sx), lerp(c, d, sx), sy);
}
