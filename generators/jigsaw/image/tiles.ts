// Cutting and pasting as Jigsaw-R1's utils/jigsaw_utils.py: crop the bottom and right edges to
// multiples of the grid, cut m×n equal patches, paste them back shuffled into one image of the
// same size, then (optionally) black out a band at every patch border.
import { cellCount, type GridShape } from '../puzzle/grid.js';
import type { RgbImage } from './png-decode.js';

/** The top-left part whose sides are multiples of the grid (upstream `crop_image`). */
export function cropToGrid(img: RgbImage, g: GridShape): RgbImage {
  const width = Math.floor(img.width / g.cols) * g.cols;
  const height = Math.floor(img.height / g.rows) * g.rows;
  if (width === img.width && height === img.height) return img;
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++)
    rgb.set(img.rgb.subarray(y * img.width * 3, (y * img.width + width) * 3), y * width * 3);
  return { width, height, rgb };
}

/**
 * The shuffled image: the patch at current position X is the original patch forward[X-1].
 * The image must already be cropped to the grid.
 */
export function shuffleTiles(img: RgbImage, g: GridShape, forward: readonly number[]): RgbImage {
  return movePatches(img, g, (current) => forward[current - 1]!, false);
}

/** The inverse of shuffleTiles: puts every patch back where `forward` says it came from. */
export function reassemble(shuffled: RgbImage, g: GridShape, forward: readonly number[]): RgbImage {
  return movePatches(shuffled, g, (current) => forward[current - 1]!, true);
}

/** Copies patch `source(X)` of `img` to position X (or X to source(X) when `inverse`). */
function movePatches(img: RgbImage, g: GridShape, source: (position: number) => number, inverse: boolean): RgbImage {
  const pw = img.width / g.cols;
  const ph = img.height / g.rows;
  if (!Number.isInteger(pw) || !Number.isInteger(ph))
    throw new RangeError(`image ${img.width}x${img.height} is not cropped to the ${g.rows}x${g.cols} grid`);
  const rgb = new Uint8Array(img.rgb.length);
  for (let x = 1; x <= cellCount(g); x++) {
    const y = source(x);
    const [to, from] = inverse ? [y, x] : [x, y];
    const toRow = Math.floor((to - 1) / g.cols);
    const toCol = (to - 1) % g.cols;
    const fromRow = Math.floor((from - 1) / g.cols);
    const fromCol = (from - 1) % g.cols;
    for (let dy = 0; dy < ph; dy++) {
      const src = ((fromRow * ph + dy) * img.width + fromCol * pw) * 3;
      const dst = ((toRow * ph + dy) * img.width + toCol * pw) * 3;
      rgb.set(img.rgb.subarray(src, src + pw * 3), dst);
    }
  }
  return { width: img.width, height: img.height, rgb };
}

/** The masked band widths of one patch side: the full ratio at the image's edge, half inside. */
function maskBands(pw: number, ph: number, ratio: number) {
  const v = Math.floor(ph * ratio);
  const h = Math.floor(pw * ratio);
  return { outerV: v, innerV: Math.floor(v / 2), outerH: h, innerH: Math.floor(h / 2) };
}

/**
 * Blacks out a band at each patch border of the (shuffled) image, as upstream `mask_image`: a
 * border on the image's edge loses floor(side·ratio) pixels, an inner border half of that on each
 * side. Returns the mask (1 = blacked out) so tests can compare what is left.
 */
export function maskBorders(img: RgbImage, g: GridShape, ratio: number): Uint8Array {
  const mask = new Uint8Array(img.width * img.height);
  if (ratio <= 0) return mask;
  const pw = img.width / g.cols;
  const ph = img.height / g.rows;
  const b = maskBands(pw, ph, ratio);
  for (let i = 0; i < g.rows; i++) {
    for (let j = 0; j < g.cols; j++) {
      const top = i === 0 ? b.outerV : b.innerV;
      const bottom = i === g.rows - 1 ? b.outerV : b.innerV;
      const left = j === 0 ? b.outerH : b.innerH;
      const right = j === g.cols - 1 ? b.outerH : b.innerH;
      for (let dy = 0; dy < ph; dy++) {
        for (let dx = 0; dx < pw; dx++) {
          if (dy < top || dy >= ph - bottom || dx < left || dx >= pw - right)
            mask[(i * ph + dy) * img.width + j * pw + dx] = 1;
        }
      }
    }
  }
  for (let p = 0; p < mask.length; p++) {
    if (mask[p]) img.rgb.fill(0, p * 3, p * 3 + 3);
  }
  return mask;
}

/**
 * Minimum evidence (issue 17): two patches whose every pixel differs by at most this many levels
 * in every channel are "nearly identical", and a patch whose every channel spans at most this
 * many levels is "blank". Either can only be placed by elimination or by luck, so the picture is
 * redrawn. 16 levels: the near-twin sky patches the audit found differed by at most 8.
 */
export const IMAGE_MIN_EVIDENCE = 16;

/**
 * Why the patches of `img` give too little evidence, or undefined. `mask` (from maskBorders; 1 =
 * blacked out) leaves the blacked-out pixels out: only what the model sees counts.
 */
export function weakImageEvidence(
  img: RgbImage,
  g: GridShape,
  mask?: Uint8Array,
  threshold = IMAGE_MIN_EVIDENCE,
): string | undefined {
  const pw = img.width / g.cols;
  const ph = img.height / g.rows;
  const n = cellCount(g);
  /** Pixel index (not byte) of row dy, column 0 of patch p. */
  const start = (p: number, dy: number) => (Math.floor(p / g.cols) * ph + dy) * img.width + (p % g.cols) * pw;
  const shown = (px: number) => !mask || mask[px] === 0;
  for (let p = 0; p < n; p++) {
    const lo = [255, 255, 255];
    const hi = [0, 0, 0];
    for (let dy = 0; dy < ph; dy++) {
      for (let dx = 0, px = start(p, dy); dx < pw; dx++, px++) {
        if (!shown(px)) continue;
        for (let c = 0; c < 3; c++) {
          const v = img.rgb[px * 3 + c]!;
          if (v < lo[c]!) lo[c] = v;
          if (v > hi[c]!) hi[c] = v;
        }
      }
    }
    if (hi.every((h, c) => h - lo[c]! <= threshold))
      return `patch at position ${p + 1} is blank (every channel within ${threshold} levels)`;
  }
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      let differs = false;
      for (let dy = 0; dy < ph && !differs; dy++) {
        for (let dx = 0, pa = start(a, dy), pb = start(b, dy); dx < pw && !differs; dx++, pa++, pb++) {
          if (!shown(pa) || !shown(pb)) continue;
          for (let c = 0; c < 3; c++)
            if (Math.abs(img.rgb[pa * 3 + c]! - img.rgb[pb * 3 + c]!) > threshold) differs = true;
        }
      }
      if (!differs)
        return `patches at positions ${a + 1} and ${b + 1} are nearly identical (no pixel differs by more than ${threshold} levels)`;
    }
  }
  return undefined;
}
