// An abstract composition, the far OOD image domain: no up or down, no light source, only
// continuity. A smooth colour field from a few blended colour centres, large rings and discs,
// long straight strokes crossing the whole picture, and a striped band; every element is big
// enough to cross patch borders, so tile order follows from lines and colours that must continue.
import type { Rng } from '../../../../src/core/rng.js';
import { PI, cos, sin } from '../mathx.js';
import { Raster, disc, mix, ring, segment, type Color } from '../raster.js';

function randomColor(rng: Rng): Color {
  const palettes: Color[] = [
    [230, 80, 70],
    [250, 180, 60],
    [70, 160, 200],
    [90, 190, 120],
    [150, 90, 200],
    [240, 230, 210],
    [40, 60, 110],
    [220, 120, 160],
    [30, 130, 130],
    [250, 240, 120],
  ];
  return rng.pick(palettes);
}

export function drawAbstract(width: number, height: number, rng: Rng): Raster {
  const r = new Raster(width, height);
  const size = Math.max(width, height);

  // Colour field: inverse-square weights of 3..5 centres, normalised.
  const centres = Array.from({ length: rng.int(3, 5) }, () => ({
    x: rng.float(-0.1, 1.1) * width,
    y: rng.float(-0.1, 1.1) * height,
    s: size * rng.float(0.2, 0.5),
    c: mix(randomColor(rng), [128, 128, 128], 0.25),
  }));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let w = 0;
      let cr = 0;
      let cg = 0;
      let cb = 0;
      for (const p of centres) {
        const dx = (x - p.x) / p.s;
        const dy = (y - p.y) / p.s;
        const q = 1 / (1 + dx * dx + dy * dy);
        const k = q * q;
        w += k;
        cr += k * p.c[0];
        cg += k * p.c[1];
        cb += k * p.c[2];
      }
      r.set(x, y, [cr / w, cg / w, cb / w]);
    }
  }

  // A striped band across the picture at a random angle.
  const angle = rng.float(0, PI);
  const ux = cos(angle);
  const uy = sin(angle);
  const offset = rng.float(0.3, 0.7) * (Math.abs(ux) * width + Math.abs(uy) * height);
  const half = size * rng.float(0.06, 0.12);
  const period = rng.int(6, 14);
  const stripe = randomColor(rng);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const across = (x - (ux < 0 ? width : 0)) * ux + (y - (uy < 0 ? height : 0)) * uy - offset;
      if (Math.abs(across) > half) continue;
      const along = -x * uy + y * ux;
      if (((Math.floor(along) % period) + period) % period < period / 2) r.blend(x, y, stripe, 0.55);
    }
  }

  for (let i = rng.int(1, 3); i > 0; i--)
    disc(r, rng.float(0, width), rng.float(0, height), size * rng.float(0.08, 0.2), randomColor(rng), 0.75);
  for (let i = rng.int(2, 4); i > 0; i--) {
    ring(
      r,
      rng.float(0, width),
      rng.float(0, height),
      size * rng.float(0.15, 0.6),
      size * rng.float(0.015, 0.035),
      randomColor(rng),
      0.9,
    );
  }
  // Long strokes from one side of the picture to another.
  for (let i = rng.int(2, 4); i > 0; i--) {
    const a = rng.float(0, PI);
    const cx = rng.float(0.2, 0.8) * width;
    const cy = rng.float(0.2, 0.8) * height;
    segment(
      r,
      cx - cos(a) * size * 1.5,
      cy - sin(a) * size * 1.5,
      cx + cos(a) * size * 1.5,
      cy + sin(a) * size * 1.5,
      size * rng.float(0.008, 0.025),
      randomColor(rng),
    );
  }
  return r;
}
