// A landscape with the cues that make tile order inferable: sky above ground with a horizon,
// a sun whose side lights mountains, clouds and trees, shadows cast away from it, aerial
// perspective (far hills paler), ground texture and a road or river that narrows toward a
// vanishing point, and objects (sun glow, clouds, trees, houses) that cross tile borders.
import type { Rng } from '../../../../src/core/rng.js';
import { clamp, clamp01, hash3, lerp, smoothstep, valueNoise } from '../mathx.js';
import { Raster, convex, disc, ellipse, fillRows, glow, mix, rect, scale, segment, type Color } from '../raster.js';

interface Palette {
  skyTop: Color;
  skyHorizon: Color;
  sun: Color;
  sunGlow: Color;
  cloud: Color;
  mountain: Color;
}

const PALETTES: Palette[] = [
  {
    skyTop: [52, 102, 196],
    skyHorizon: [172, 208, 238],
    sun: [255, 252, 226],
    sunGlow: [255, 246, 206],
    cloud: [250, 250, 252],
    mountain: [92, 112, 140],
  },
  {
    skyTop: [38, 40, 104],
    skyHorizon: [246, 150, 84],
    sun: [255, 226, 160],
    sunGlow: [255, 186, 110],
    cloud: [236, 170, 160],
    mountain: [84, 70, 98],
  },
  {
    skyTop: [112, 164, 222],
    skyHorizon: [246, 224, 186],
    sun: [255, 250, 214],
    sunGlow: [255, 236, 180],
    cloud: [255, 246, 236],
    mountain: [110, 122, 150],
  },
  {
    skyTop: [74, 128, 176],
    skyHorizon: [206, 220, 222],
    sun: [250, 250, 240],
    sunGlow: [236, 240, 236],
    cloud: [232, 236, 240],
    mountain: [104, 116, 126],
  },
];

interface Ground {
  far: Color;
  near: Color;
}
const GROUNDS: Ground[] = [
  { far: [108, 150, 76], near: [52, 104, 34] }, // meadow
  { far: [202, 178, 98], near: [150, 118, 44] }, // wheat field
  { far: [218, 190, 140], near: [176, 134, 86] }, // dry plain
  { far: [96, 138, 96], near: [38, 84, 52] }, // dark forest floor
];

/**
 * Heights (pixels above the base line) of a ridge across `width` columns: midpoint displacement
 * on 16 knots, joined by straight lines, so the slopes are facets the sun can light.
 */
function ridge(width: number, amplitude: number, roughness: number, rng: Rng): Float64Array {
  const size = 16;
  const h = new Float64Array(size + 1);
  h[0] = rng.float(0.2, 1) * amplitude;
  h[size] = rng.float(0.2, 1) * amplitude;
  for (let step = size, amp = amplitude * 0.6; step > 1; step /= 2, amp *= roughness) {
    for (let i = step / 2; i < size; i += step) h[i] = (h[i - step / 2]! + h[i + step / 2]!) / 2 + rng.float(-amp, amp);
  }
  const out = new Float64Array(width);
  for (let x = 0; x < width; x++) {
    const f = (x * size) / (width - 1);
    const i = Math.min(size - 1, Math.floor(f));
    out[x] = clamp(lerp(h[i]!, h[i + 1]!, f - i), amplitude * 0.05, amplitude * 1.25);
  }
  return out;
}

export function drawLandscape(width: number, height: number, rng: Rng): Raster {
  const r = new Raster(width, height);
  const pal = rng.pick(PALETTES);
  const ground = rng.pick(GROUNDS);
  const noiseSeed = rng.int(0, 0x7fffffff);
  const hz = Math.round(height * rng.float(0.4, 0.62));

  // Sky: a vertical gradient, brighter toward the horizon.
  fillRows(r, 0, hz + 1, (y) => mix(pal.skyTop, pal.skyHorizon, smoothstep(-0.2, 1, y / hz)));

  // The sun and its glow; everything lit below takes its side from sunX.
  const sunX = width * rng.float(0.08, 0.92);
  const sunY = Math.max(height * 0.06, rng.float(height * 0.08, hz - height * 0.12));
  const sunR = width * rng.float(0.035, 0.065);
  glow(r, sunX, sunY, sunR * 7, pal.sunGlow, 0.55);
  disc(r, sunX, sunY, sunR, pal.sun);

  // Clouds: clusters of puffs, a shadowed underside and a sunlit side.
  const clouds = rng.int(1, 4);
  for (let c = 0; c < clouds; c++) {
    const cx = rng.float(0, width);
    const cy = rng.float(height * 0.05, Math.max(height * 0.08, hz - height * 0.16));
    const size = width * rng.float(0.04, 0.08);
    const toSun = Math.sign(sunX - cx) || 1;
    const puffs = rng.int(3, 6);
    const shadow = mix(pal.cloud, pal.skyTop, 0.35);
    for (let k = 0; k < puffs; k++) {
      const px = cx + rng.float(-2.2, 2.2) * size;
      const py = cy + rng.float(-0.5, 0.3) * size;
      const rx = size * rng.float(0.7, 1.3);
      ellipse(r, px, py + rx * 0.12, rx, rx * 0.6, shadow, 0.9);
      ellipse(r, px + toSun * rx * 0.12, py, rx * 0.9, rx * 0.52, pal.cloud, 0.92);
    }
  }

  // Mountain ranges, far to near: paler with distance, slopes facing the sun brighter.
  const layers = rng.int(1, 3);
  for (let i = 0; i < layers; i++) {
    const depth = layers === 1 ? 0.5 : i / (layers - 1); // 0 = farthest
    const amplitude = height * rng.float(0.1, 0.24) * (1 - 0.35 * depth);
    const h = ridge(width, amplitude, rng.float(0.5, 0.62), rng);
    const base = mix(pal.mountain, pal.skyHorizon, 0.5 - 0.35 * depth);
    const peak = Math.max(...h);
    const snow = depth < 0.5 && rng.bool(0.6);
    for (let x = 0; x < width; x++) {
      // Rising to the right means facing left: lit when the sun is on the left.
      const slope = ((h[Math.min(width - 1, x + 3)]! - h[Math.max(0, x - 3)]!) / 6) * (sunX < x ? 1 : -1);
      const lit = scale(base, 1 + 0.3 * clamp(slope, -1, 1));
      const top = hz - h[x]!;
      for (let y = Math.max(0, Math.floor(top)); y <= hz; y++) {
        const cover = clamp01(y + 1 - top);
        const snowy = snow && h[x]! > peak * 0.72 && y < top + (h[x]! - peak * 0.72) * 0.8;
        r.blend(x, y, snowy ? mix(lit, [250, 250, 255], 0.8) : lit, cover);
      }
    }
  }

  // Ground: haze at the horizon, darker and more textured toward the viewer, with perspective bands.
  for (let y = hz + 1; y < height; y++) {
    const t = (y - hz) / (height - hz);
    const band = Math.floor(60 / (y - hz + 2)) % 2 === 0 ? 1.03 : 0.97;
    const base = mix(mix(ground.far, pal.skyHorizon, 0.35 * (1 - t)), ground.near, t);
    for (let x = 0; x < width; x++) {
      const grain = Math.round((valueNoise(x / 4, y, 1 + 3 * t, noiseSeed) - 0.5) * 4 * t) * 4; // streaks along the rows
      const c = scale(base, band);
      r.set(x, y, [c[0] + grain, c[1] + grain, c[2] + grain * 0.5]);
    }
  }

  // A road or a river, widening from a vanishing point on the horizon to the bottom edge.
  const vx = width * rng.float(0.25, 0.75);
  const bx = width * rng.float(0.1, 0.9);
  const halfBottom = width * rng.float(0.08, 0.16);
  const river = rng.bool();
  const pathAt = (y: number) => {
    const t = (y - hz) / (height - hz);
    return { cx: lerp(vx, bx, t), hw: lerp(0.6, halfBottom, t), t };
  };
  for (let y = hz + 1; y < height; y++) {
    const { cx, hw, t } = pathAt(y);
    for (let x = Math.max(0, Math.floor(cx - hw - 1)); x <= Math.min(width - 1, Math.ceil(cx + hw + 1)); x++) {
      const cover = clamp01(hw - Math.abs(x + 0.5 - cx) + 0.5);
      if (cover <= 0) continue;
      let c: Color;
      if (river) {
        // Water mirrors the sky, with a glitter column under the sun.
        const ripple = Math.floor(40 / (y - hz + 2) + x / 9) % 3 === 0 ? 1.06 : 1;
        c = scale(mix(pal.skyHorizon, [40, 90, 150], 0.45 + 0.3 * t), ripple);
        if (Math.abs(x - sunX) < sunR * (1 + 2 * t) && hash3(Math.floor(x / 4), y, noiseSeed) < 0.2)
          c = mix(c, pal.sun, 0.6);
      } else {
        const dash = Math.floor(90 / (y - hz + 3)) % 2 === 0;
        c =
          Math.abs(x + 0.5 - cx) < Math.max(0.5, hw * 0.06) && dash
            ? [236, 232, 210]
            : mix([150, 146, 140], [92, 90, 88], t);
      }
      r.blend(x, y, c, cover);
    }
  }

  // Houses and trees, far to near, scaled by distance below the horizon, shadows away from the sun.
  const things: { x: number; y: number; house: boolean }[] = [];
  const count = rng.int(3, 9);
  for (let i = 0; i < count; i++) {
    const y = hz + (height - hz) * rng.float(0.06, 1.05);
    const x = rng.float(-0.05, 1.05) * width;
    const { cx, hw } = pathAt(Math.min(y, height - 1));
    if (Math.abs(x - cx) < hw + width * 0.03) continue; // not on the road or in the river
    things.push({ x, y, house: rng.bool(0.2) });
  }
  things.sort((a, b) => a.y - b.y);
  for (const th of things) {
    const near = (th.y - hz) / (height - hz);
    const size = height * (0.05 + 0.3 * near);
    const away = Math.sign(th.x - sunX) || 1;
    ellipse(r, th.x + away * size * 0.45, th.y, size * 0.55, size * 0.09, [20, 30, 20], 0.35);
    if (th.house) drawHouse(r, th.x, th.y, size, -away, rng);
    else drawTree(r, th.x, th.y, size, -away, rng);
  }
  return r;
}

/** A tree standing at (x, y): trunk, then a canopy whose side toward the sun (`toSun`) is lighter. */
function drawTree(r: Raster, x: number, y: number, size: number, toSun: number, rng: Rng): void {
  const trunkW = Math.max(1, size * 0.1);
  rect(r, x - trunkW / 2, y - size * 0.5, x + trunkW / 2, y, [92, 64, 40]);
  const green: Color = rng.pick([
    [46, 104, 42],
    [62, 120, 48],
    [36, 88, 56],
    [86, 128, 46],
  ] as Color[]);
  if (rng.bool(0.35)) {
    // A conifer: a dark and a lit triangle.
    convex(
      r,
      [
        [x, y - size * 1.15],
        [x - size * 0.32, y - size * 0.28],
        [x + size * 0.32, y - size * 0.28],
      ],
      scale(green, 0.75),
    );
    convex(
      r,
      [
        [x, y - size * 1.15],
        [x + toSun * size * 0.32, y - size * 0.28],
        [x, y - size * 0.28],
      ],
      scale(green, 1.15),
    );
    return;
  }
  const cy = y - size * 0.72;
  const rad = size * 0.34;
  disc(r, x, cy, rad, scale(green, 0.78));
  disc(r, x + toSun * rad * 0.25, cy - rad * 0.15, rad * 0.72, green);
  disc(r, x + toSun * rad * 0.42, cy - rad * 0.3, rad * 0.35, scale(green, 1.25), 0.8);
}

/** A house standing at (x, y): the wall facing the sun lit, a roof, a door and a window. */
function drawHouse(r: Raster, x: number, y: number, size: number, toSun: number, rng: Rng): void {
  const w = size * 0.9;
  const h = size * 0.55;
  const wall: Color = rng.pick([
    [222, 206, 176],
    [206, 186, 160],
    [236, 230, 218],
  ] as Color[]);
  rect(r, x - w / 2, y - h, x + w / 2, y, scale(wall, 0.8));
  rect(r, toSun > 0 ? x : x - w / 2, y - h, toSun > 0 ? x + w / 2 : x, y, wall);
  const roof: Color = rng.pick([
    [150, 62, 46],
    [96, 70, 60],
    [120, 50, 40],
  ] as Color[]);
  convex(
    r,
    [
      [x - w * 0.6, y - h],
      [x + w * 0.6, y - h],
      [x, y - h - size * 0.42],
    ],
    roof,
  );
  rect(r, x - w * 0.1, y - h * 0.5, x + w * 0.1, y, [90, 60, 40]);
  rect(r, x + toSun * w * 0.22 - w * 0.08, y - h * 0.75, x + toSun * w * 0.22 + w * 0.08, y - h * 0.5, [120, 170, 200]);
  segment(r, x - w * 0.6, y - h, x + w * 0.6, y - h, Math.max(1, size * 0.03), scale(roof, 0.7));
}
