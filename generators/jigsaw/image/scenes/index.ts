// The procedural image styles. Each draws a fresh picture from its own stream; all pixel maths is
// IEEE-exact (see ../mathx.ts), so a scene is the same bytes on every machine.
import type { Rng } from '../../../../src/core/rng.js';
import type { Raster } from '../raster.js';
import { drawAbstract } from './abstract.js';
import { drawCity } from './city.js';
import { drawLandscape } from './landscape.js';

export type SceneStyle = 'landscape' | 'city' | 'abstract';
export const SCENE_STYLES: readonly SceneStyle[] = ['landscape', 'city', 'abstract'];

const DRAW: Record<SceneStyle, (width: number, height: number, rng: Rng) => Raster> = {
  landscape: drawLandscape,
  city: drawCity,
  abstract: drawAbstract,
};

export function drawScene(style: SceneStyle, width: number, height: number, rng: Rng): Raster {
  return DRAW[style](width, height, rng);
}
