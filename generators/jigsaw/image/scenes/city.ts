// A city skyline at dusk or night, the OOD image domain: no sun-lit ground, but its own global
// cues: a sky that darkens upward with a moon and stars, buildings rising from one street line
// with window grids aligned across patch borders, a hazy far row behind a dark near row, and a
// street with lamps and lane marks at the bottom.
import type { Rng } from '../../../../src/core/rng.js';
import { smoothstep } from '../mathx.js';
import { Raster, disc, fillRows, glow, mix, rect, scale, segment, type Color } from '../raster.js';

interface Sky {
  top: Color;
  horizon: Color;
  night: boolean;
}
const SKIES: Sky[] = [
  { top: [10, 14, 40], horizon: [58, 52, 100], night: true },
  { top: [16, 22, 60], horizon: [96, 74, 120], night: true },
  { top: [40, 60, 120], horizon: [238, 140, 90], night: false },
  { top: [60, 80, 150], horizon: [250, 190, 130], night: false },
];

const WINDOW_LIGHTS: Color[] = [
  [255, 214, 120],
  [250, 236, 170],
  [180, 220, 255],
];

export function drawCity(width: number, height: number, rng: Rng): Raster {
  const r = new Raster(width, height);
  const sky = rng.pick(SKIES);
  const street = Math.round(height * rng.float(0.74, 0.86));

  fillRows(r, 0, street + 1, (y) => mix(sky.top, sky.horizon, smoothstep(0, 1.1, y / street)));

  if (sky.night) {
    const stars = rng.int(40, 110);
    for (let i = 0; i < stars; i++) {
      const x = rng.int(0, width - 1);
      const y = rng.int(0, Math.floor(street * 0.6));
      r.blend(x, y, [255, 255, 240], rng.float(0.4, 1));
    }
  }
  // The moon (a crescent at night) or a low sun at dusk.
  const mx = width * rng.float(0.1, 0.9);
  const my = height * rng.float(0.08, 0.3);
  const mr = width * rng.float(0.03, 0.05);
  if (sky.night) {
    glow(r, mx, my, mr * 4, [200, 210, 255], 0.25);
    disc(r, mx, my, mr, [244, 242, 224]);
    if (rng.bool(0.6))
      disc(r, mx + mr * 0.45, my - mr * 0.2, mr * 0.85, mix(sky.top, sky.horizon, smoothstep(0, 1.1, my / street)));
  } else {
    glow(r, mx, street * 0.9, width * 0.35, [255, 190, 120], 0.5);
  }

  // Far row: tall, hazy, few lights. Near row: darker, more lights, roof details.
  drawRow(r, rng, street, {
    minH: 0.2,
    maxH: 0.55,
    color: mix(sky.horizon, [30, 30, 50], 0.45),
    lit: 0.15,
    dim: 0.5,
    details: false,
  });
  drawRow(r, rng, street, {
    minH: 0.12,
    maxH: 0.42,
    color: [24, 24, 36],
    lit: rng.float(0.25, 0.55),
    dim: 1,
    details: true,
  });

  // The street: pavement, road, lane marks growing toward the viewer, lamps with pools of light.
  rect(r, 0, street, width, street + Math.max(2, (height - street) * 0.18), [70, 70, 78]);
  const roadTop = street + Math.max(2, (height - street) * 0.18);
  for (let y = Math.floor(roadTop); y < height; y++) {
    const t = (y - roadTop) / Math.max(1, height - roadTop);
    for (let x = 0; x < width; x++) r.set(x, y, mix([44, 44, 52], [30, 30, 36], t));
  }
  const laneY = roadTop + (height - roadTop) * 0.5;
  const dash = width * rng.float(0.05, 0.09);
  for (let x = -rng.float(0, dash * 2); x < width; x += dash * 2)
    rect(r, x, laneY - 1, x + dash, laneY + 1, [220, 210, 150]);
  const lamps = rng.int(2, 5);
  const lampH = street - roadTop + height * 0.22;
  for (let i = 0; i < lamps; i++) {
    const x = ((i + rng.float(0.2, 0.8)) / lamps) * width;
    segment(r, x, street + 2, x, street + 2 - lampH, Math.max(1.5, width * 0.006), [60, 60, 66]);
    glow(r, x, street + 2 - lampH, width * 0.08, [255, 220, 150], 0.6);
    disc(r, x, street + 2 - lampH, Math.max(2, width * 0.008), [255, 240, 200]);
    glow(r, x, street + (height - street) * 0.4, width * 0.12, [255, 210, 140], 0.25);
  }
  return r;
}

interface RowStyle {
  minH: number;
  maxH: number;
  color: Color;
  lit: number;
  dim: number;
  details: boolean;
}

function drawRow(r: Raster, rng: Rng, street: number, s: RowStyle): void {
  const { width, height } = r;
  let x = -rng.float(0, width * 0.05);
  while (x < width) {
    const w = width * rng.float(0.06, 0.14);
    const h = height * rng.float(s.minH, s.maxH);
    const top = street - h;
    const body = scale(s.color, rng.float(0.85, 1.15));
    rect(r, x, top, x + w, street + 1, body);
    if (s.details && rng.bool(0.35)) rect(r, x + w * 0.25, top - h * 0.12, x + w * 0.75, top, body); // a setback top floor
    if (s.details && rng.bool(0.3)) {
      const ax = x + w * rng.float(0.3, 0.7);
      segment(r, ax, top, ax, top - h * 0.2, 1.2, body);
      disc(r, ax, top - h * 0.2, 1.6, [255, 70, 60]);
    }
    // A window grid: same pitch across the whole building, so rows line up across patch borders.
    const pitchX = Math.max(4, Math.round(width * rng.float(0.016, 0.024)));
    const pitchY = Math.max(5, Math.round(height * rng.float(0.02, 0.03)));
    const light = rng.pick(WINDOW_LIGHTS);
    for (let wy = top + pitchY * 0.6; wy + pitchY * 0.5 < street; wy += pitchY) {
      for (let wx = x + pitchX * 0.5; wx + pitchX * 0.5 < x + w; wx += pitchX) {
        const on = rng.bool(s.lit);
        rect(
          r,
          Math.round(wx),
          Math.round(wy),
          Math.round(wx + pitchX * 0.5),
          Math.round(wy + pitchY * 0.5),
          on ? light : scale(body, 1.35),
          on ? s.dim : 0.6,
        );
      }
    }
    x += w + width * rng.float(0, 0.02);
  }
}
