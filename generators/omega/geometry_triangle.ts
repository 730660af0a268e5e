// geometry_triangle: a chained ruler-and-compass construction (a triangle given by its sides, the basic commands, and centroids, circumcentres, incentres and orthocentres; asks also for inradii and circumradii), then one
// measurement (a length, an angle in radians in [0, π], an area, a radius), to 2 decimals. The
// DSL, the well-formedness checks and the invariance discriminator are in lib/construction.ts.
import { defineFamily } from './lib/family.js';
import {
  CONSTRUCTION_LEVELS,
  constructionUnits,
  makeConstruction,
  type ConstructionLevel,
} from './lib/construction_family.js';

export const geometryTriangle = defineFamily<ConstructionLevel>({
  family: 'geometry_triangle',
  domain: 'geometry',
  description:
    'OMEGA geometry_triangle: a measured quantity of a chained geometric construction, to 2 decimals; levels lengthen the construction (1–5).',
  version: '2',
  levels: CONSTRUCTION_LEVELS,
  knobs: ['steps'],
  units: constructionUnits,
  make: (c, rng) => makeConstruction('triangle', c, rng),
});
