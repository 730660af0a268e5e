// geometry_circle: a chained ruler-and-compass construction (the basic commands plus circles (through a point, given radius, externally tangent), inversions and ray–circle intersections), then one
// measurement (a length, an angle in radians in [0, π], an area, a radius), to 2 decimals. The
// DSL, the well-formedness checks and the invariance discriminator are in lib/construction.ts.
import { defineFamily } from './lib/family.js';
import {
  CONSTRUCTION_LEVELS,
  constructionUnits,
  makeConstruction,
  type ConstructionLevel,
} from './lib/construction_family.js';

export const geometryCircle = defineFamily<ConstructionLevel>({
  family: 'geometry_circle',
  domain: 'geometry',
  description:
    'OMEGA geometry_circle: a measured quantity of a chained geometric construction, to 2 decimals; levels lengthen the construction (1–5).',
  version: '2',
  levels: CONSTRUCTION_LEVELS,
  knobs: ['steps'],
  units: constructionUnits,
  make: (c, rng) => makeConstruction('circle', c, rng),
});
