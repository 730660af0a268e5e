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
  for (let y = 0; y < height; y++) rgb.set(img.rgb.subarray(y * img.width * 3, (y * img.width + width) * 3), y * width * 3);
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
  if (!Number.isInteger(pw) || !Number.isInteger(ph)) throw new RangeError(`image ${img.width}x${img.height} is not cropped to the ${g.rows}x${g.cols} grid`);
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
          if (dy < top || dy >= ph - bottom || dx < left || dx >= pw - right) mask[(i * ph + dy) * img.width + j * pw + dx] = 1;
        }
      }
    }
  }
  for (let p = 0; p < mask.length; p++) {
    if (mask[p]) img.rgb.fill(0, p * 3, p * 3 + 3);
  }
  return mask;
}
