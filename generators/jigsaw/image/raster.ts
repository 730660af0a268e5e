// An RGB image and the few antialiased drawing primitives the scenes need. Channels are floats
// while drawing (so layered blending does not accumulate rounding) and bytes at the end.
import { clamp01 } from './mathx.js';

export type Color = readonly [number, number, number];

export class Raster {
  readonly data: Float64Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = new Float64Array(width * height * 3);
  }

  /** Blends `color` over pixel (x, y) with opacity `alpha`; off-image pixels are ignored. */
  blend(x: number, y: number, color: Color, alpha: number): void {
    if (alpha <= 0 || x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const a = alpha >= 1 ? 1 : alpha;
    const i = (y * this.width + x) * 3;
    const d = this.data;
    d[i] = d[i]! + (color[0] - d[i]!) * a;
    d[i + 1] = d[i + 1]! + (color[1] - d[i + 1]!) * a;
    d[i + 2] = d[i + 2]! + (color[2] - d[i + 2]!) * a;
  }

  set(x: number, y: number, color: Color): void {
    const i = (y * this.width + x) * 3;
    this.data[i] = color[0];
    this.data[i + 1] = color[1];
    this.data[i + 2] = color[2];
  }

  /** 8-bit RGB, rounded and clamped. */
  toBytes(): Uint8Array {
    const out = new Uint8Array(this.data.length);
    for (let i = 0; i < out.length; i++) {
      const v = Math.round(this.data[i]!);
      out[i] = v < 0 ? 0 : v > 255 ? 255 : v;
    }
    return out;
  }
}

export const mix = (a: Color, b: Color, t: number): Color => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
  a[2] + (b[2] - a[2]) * t,
];
export const scale = (c: Color, f: number): Color => [c[0] * f, c[1] * f, c[2] * f];

/** Runs `paint(x, y)` over the clipped integer box [x0, x1) × [y0, y1). */
function forBox(
  r: Raster,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  paint: (x: number, y: number) => void,
): void {
  const xa = Math.max(0, Math.floor(x0));
  const ya = Math.max(0, Math.floor(y0));
  const xb = Math.min(r.width, Math.ceil(x1));
  const yb = Math.min(r.height, Math.ceil(y1));
  for (let y = ya; y < yb; y++) for (let x = xa; x < xb; x++) paint(x, y);
}

/** Rows y0..y1 coloured by `colorAt(y)`. */
export function fillRows(r: Raster, y0: number, y1: number, colorAt: (y: number) => Color): void {
  for (let y = Math.max(0, Math.floor(y0)); y < Math.min(r.height, Math.ceil(y1)); y++) {
    const c = colorAt(y);
    for (let x = 0; x < r.width; x++) r.set(x, y, c);
  }
}

/** A filled ellipse with a one-pixel soft edge. */
export function ellipse(r: Raster, cx: number, cy: number, rx: number, ry: number, color: Color, alpha = 1): void {
  const m = Math.min(rx, ry);
  forBox(r, cx - rx - 1, cy - ry - 1, cx + rx + 1, cy + ry + 1, (x, y) => {
    const dx = (x + 0.5 - cx) / rx;
    const dy = (y + 0.5 - cy) / ry;
    const d = Math.sqrt(dx * dx + dy * dy);
    r.blend(x, y, color, alpha * clamp01((1 - d) * m + 0.5));
  });
}

export const disc = (r: Raster, cx: number, cy: number, radius: number, color: Color, alpha = 1): void =>
  ellipse(r, cx, cy, radius, radius, color, alpha);

/** A ring of the given stroke width. */
export function ring(r: Raster, cx: number, cy: number, radius: number, width: number, color: Color, alpha = 1): void {
  const outer = radius + width / 2;
  forBox(r, cx - outer - 1, cy - outer - 1, cx + outer + 1, cy + outer + 1, (x, y) => {
    const dx = x + 0.5 - cx;
    const dy = y + 0.5 - cy;
    const off = Math.abs(Math.sqrt(dx * dx + dy * dy) - radius);
    r.blend(x, y, color, alpha * clamp01(width / 2 - off + 0.5));
  });
}

/** A soft radial light: opacity `strength` at the centre falling to 0 at `radius`. */
export function glow(r: Raster, cx: number, cy: number, radius: number, color: Color, strength: number): void {
  forBox(r, cx - radius, cy - radius, cx + radius, cy + radius, (x, y) => {
    const dx = x + 0.5 - cx;
    const dy = y + 0.5 - cy;
    const t = 1 - Math.sqrt(dx * dx + dy * dy) / radius;
    if (t > 0) r.blend(x, y, color, strength * t * t);
  });
}

/** A straight stroke with round caps. */
export function segment(
  r: Raster,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  width: number,
  color: Color,
  alpha = 1,
): void {
  const h = width / 2 + 1;
  const vx = x1 - x0;
  const vy = y1 - y0;
  const len2 = vx * vx + vy * vy;
  forBox(r, Math.min(x0, x1) - h, Math.min(y0, y1) - h, Math.max(x0, x1) + h, Math.max(y0, y1) + h, (x, y) => {
    const px = x + 0.5 - x0;
    const py = y + 0.5 - y0;
    const t = len2 > 0 ? clamp01((px * vx + py * vy) / len2) : 0;
    const dx = px - t * vx;
    const dy = py - t * vy;
    r.blend(x, y, color, alpha * clamp01(width / 2 - Math.sqrt(dx * dx + dy * dy) + 0.5));
  });
}

/** A convex polygon (vertices in either winding order) with a soft edge. */
export function convex(r: Raster, pts: readonly (readonly [number, number])[], color: Color, alpha = 1): void {
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  let area = 0;
  for (let i = 0; i < pts.length; i++) {
    const [ax, ay] = pts[i]!;
    const [bx, by] = pts[(i + 1) % pts.length]!;
    area += ax * by - bx * ay;
  }
  const sign = area >= 0 ? 1 : -1;
  const edges = pts.map((a, i) => {
    const b = pts[(i + 1) % pts.length]!;
    const ex = b[0] - a[0];
    const ey = b[1] - a[1];
    const len = Math.sqrt(ex * ex + ey * ey) || 1;
    return { ax: a[0], ay: a[1], nx: (-ey / len) * sign, ny: (ex / len) * sign };
  });
  forBox(r, Math.min(...xs) - 1, Math.min(...ys) - 1, Math.max(...xs) + 1, Math.max(...ys) + 1, (x, y) => {
    let inside = Infinity;
    for (const e of edges) {
      const d = (x + 0.5 - e.ax) * e.nx + (y + 0.5 - e.ay) * e.ny;
      if (d < inside) inside = d;
    }
    r.blend(x, y, color, alpha * clamp01(inside + 0.5));
  });
}

export function rect(r: Raster, x0: number, y0: number, x1: number, y1: number, color: Color, alpha = 1): void {
  forBox(r, x0, y0, x1, y1, (x, y) => r.blend(x, y, color, alpha));
}
