// The text twin's pictures (our own design; Jigsaw-R1 has no text variant). Each is ASCII art
// whose lines run across patch borders, so the order of the patches can be read from what must
// continue: a mountain ridge and a horizon, a road or river narrowing toward the horizon, a sun
// and clouds in the sky, ground texture that grows denser toward the viewer (landscape); or long
// straight strokes, ellipse outlines and filled shapes with no up or down (shapes).
import type { Rng } from '../../../src/core/rng.js';
import { hash3 } from '../image/mathx.js';
import { CharCanvas, charLine } from './canvas.js';

export type TextStyle = 'landscape' | 'shapes';
export const TEXT_STYLES: readonly TextStyle[] = ['landscape', 'shapes'];

export function drawTextScene(style: TextStyle, width: number, height: number, rng: Rng): string[] {
  return (style === 'landscape' ? textLandscape : textShapes)(width, height, rng).lines();
}

/** Ground texture by depth below the horizon (t from 0 to 1): sparse and fine far, dense near. */
const GROUND: [string, string][] = [
  ['.', ' '],
  ['.', ','],
  [',', '"'],
  ['"', ';'],
  [';', '#'],
];

function textLandscape(width: number, height: number, rng: Rng): CharCanvas {
  const c = new CharCanvas(width, height);
  const hz = Math.max(2, Math.min(height - 2, Math.round(height * rng.float(0.4, 0.6))));

  // A mountain ridge: a walk that moves at most one line per column, so it reads as / \ and _.
  const maxRise = Math.max(1, Math.floor((hz - 1) * 0.6));
  const ridge: number[] = [rng.int(0, maxRise)];
  for (let x = 1; x <= width; x++) {
    const prev = ridge[x - 1]!;
    const step = rng.weighted([1, 1.2, 1]) - 1; // down, level, up
    ridge.push(Math.max(0, Math.min(maxRise, prev + step)));
  }
  for (let x = 0; x < width; x++) {
    const here = ridge[x]!;
    const next = ridge[x + 1]!;
    // The ridge character sits on the higher of the two heights; a slope glyph covers the step.
    const top = hz - 1 - Math.max(here, next) + (next === here ? 0 : 1);
    const ch = next > here ? '/' : next < here ? '\\' : '_';
    if (here === 0 && next === 0) continue;
    c.put(x, top, ch);
    for (let y = top + 1; y < hz; y++) c.put(x, y, ':');
  }

  // Sky, drawn after the ridge: a sun behind it, a cloud or two and a few birds in front.
  const sunX = rng.float(0.1, 0.9) * width;
  const sunY = rng.float(0.15, 0.6) * (hz - 2) + 1;
  const sunR = rng.pick([1, 1.5, 2]);
  ellipseFill(c, sunX, sunY, sunR * 2.2, sunR, (edge) => (edge ? 'o' : '@'), true);
  for (let i = rng.int(1, 2); i > 0; i--) {
    const cx = rng.float(0, width);
    const cy = rng.float(0, Math.max(0, hz - 3 - maxRise));
    const rx = rng.float(3, Math.max(4, width * 0.16));
    for (let y = Math.round(cy); y <= Math.round(cy) + 1; y++) {
      const half = y === Math.round(cy) ? rx * 0.6 : rx;
      const x0 = Math.round(cx - half);
      const x1 = Math.round(cx + half);
      for (let x = x0; x <= x1; x++) c.put(x, y, x === x0 ? '(' : x === x1 ? ')' : '~');
    }
  }
  for (let i = rng.int(0, 3); i > 0; i--)
    c.put(rng.int(0, width - 1), rng.int(0, Math.max(0, hz - 2 - maxRise)), rng.pick(['v', 'w']));

  // The horizon and the ground.
  const seed = rng.int(0, 0x7fffffff);
  for (let x = 0; x < width; x++) c.put(x, hz, '=');
  for (let y = hz + 1; y < height; y++) {
    const t = (y - hz) / Math.max(1, height - 1 - hz);
    const [a, b] = GROUND[Math.min(GROUND.length - 1, Math.floor(t * GROUND.length))]!;
    for (let x = 0; x < width; x++) c.put(x, y, hash3(x, y, seed) < 0.5 ? a : b);
  }

  // A road (edges / \, a dashed centre ':') or a river ('~'), narrowing toward the horizon.
  const vx = rng.float(0.25, 0.75) * width;
  const bx = rng.float(0.15, 0.85) * width;
  const halfBottom = rng.float(0.1, 0.2) * width;
  const river = rng.bool();
  for (let y = hz + 1; y < height; y++) {
    const t = (y - hz) / Math.max(1, height - 1 - hz);
    const cx = vx + (bx - vx) * t;
    const hw = 0.5 + (halfBottom - 0.5) * t;
    const left = Math.round(cx - hw);
    const right = Math.round(cx + hw);
    for (let x = left; x <= right; x++) {
      if (river) c.put(x, y, '~');
      else c.put(x, y, x === left ? '/' : x === right ? '\\' : x === Math.round(cx) && y % 2 === 0 ? ':' : ' ');
    }
  }

  // Trees and houses standing on the ground, bigger when nearer.
  for (let i = rng.int(2, 5); i > 0; i--) {
    const y = rng.int(hz + 1, height - 1);
    const x = rng.int(0, width - 1);
    const near = (y - hz) / Math.max(1, height - hz);
    if (rng.bool(0.3)) house(c, x, y, near > 0.5);
    else tree(c, x, y, near > 0.5);
  }
  return c;
}

function tree(c: CharCanvas, x: number, y: number, big: boolean): void {
  if (big) {
    c.write(x - 1, y - 3, '@@@');
    c.write(x - 2, y - 2, '@@@@@');
    c.write(x - 1, y - 1, '@@@');
    c.write(x, y, 'Y');
  } else {
    c.write(x, y - 1, '@');
    c.write(x, y, 'Y');
  }
}

function house(c: CharCanvas, x: number, y: number, big: boolean): void {
  if (big) {
    c.write(x - 1, y - 3, '/\\');
    c.write(x - 2, y - 2, '/__\\');
    c.write(x - 2, y - 1, '#[]#');
    c.write(x - 2, y, '#__#');
  } else {
    c.write(x, y - 1, '/\\');
    c.write(x, y, '#]');
  }
}

/** Line art with no up or down: long strokes, ellipse outlines, a filled block and a filled oval. */
function textShapes(width: number, height: number, rng: Rng): CharCanvas {
  const c = new CharCanvas(width, height, ' ');
  const seed = rng.int(0, 0x7fffffff);
  // A dotted background band gives a second, faint structure to follow.
  const bandY = rng.float(0, height);
  const bandH = rng.float(1.5, Math.max(2, height * 0.25));
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) if (Math.abs(y - bandY) < bandH && hash3(x, y, seed) < 0.5) c.put(x, y, '.');

  const x0 = rng.float(0, width);
  const y0 = rng.float(0, height);
  const w = rng.float(0.2, 0.45) * width;
  const h = rng.float(0.2, 0.45) * height;
  const fill = rng.pick(['#', '%', '&']);
  for (let y = Math.round(y0); y < Math.round(y0 + h); y++)
    for (let x = Math.round(x0); x < Math.round(x0 + w); x++) c.put(x, y, fill);

  ellipseFill(
    c,
    rng.float(0, width),
    rng.float(0, height),
    rng.float(0.1, 0.25) * width,
    rng.float(0.12, 0.3) * height,
    () => '*',
  );
  for (let i = rng.int(1, 2); i > 0; i--) {
    ellipseOutline(
      c,
      rng.float(0.1, 0.9) * width,
      rng.float(0.1, 0.9) * height,
      rng.float(0.2, 0.5) * width,
      rng.float(0.25, 0.6) * height,
      'o',
    );
  }
  for (let i = rng.int(2, 3); i > 0; i--) {
    // A stroke through a random point at a random angle, long enough to leave the picture.
    const px = rng.float(0.2, 0.8) * width;
    const py = rng.float(0.2, 0.8) * height;
    const dx = rng.float(-1, 1);
    const dy = rng.float(-1, 1) * 0.5;
    const len = ((width + height) * 2) / Math.max(0.2, Math.abs(dx) + Math.abs(dy));
    charLine(c, px - dx * len, py - dy * len, px + dx * len, py + dy * len);
  }
  return c;
}

function ellipseFill(
  c: CharCanvas,
  cx: number,
  cy: number,
  rx: number,
  ry: number,
  glyph: (edge: boolean) => string,
  behind = false,
): void {
  for (let y = Math.floor(cy - ry); y <= Math.ceil(cy + ry); y++) {
    for (let x = Math.floor(cx - rx); x <= Math.ceil(cx + rx); x++) {
      const u = (x - cx) / rx;
      const v = (y - cy) / ry;
      const d = u * u + v * v;
      if (d <= 1 && (!behind || c.get(x, y) === ' ')) c.put(x, y, glyph(d > 0.55));
    }
  }
}

/** Points from the rational parametrisation ((1−u²)/(1+u²), 2u/(1+u²)), u in [−1, 1], and their mirror images. */
function ellipseOutline(c: CharCanvas, cx: number, cy: number, rx: number, ry: number, ch: string): void {
  const steps = Math.ceil(4 * (rx + ry));
  for (let i = 0; i <= steps; i++) {
    const u = (2 * i) / steps - 1;
    const den = 1 + u * u;
    const px = (rx * (1 - u * u)) / den;
    const py = (ry * 2 * u) / den;
    c.put(cx + px, cy + py, ch);
    c.put(cx - px, cy - py, ch);
  }
}
