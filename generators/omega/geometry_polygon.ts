// geometry_polygon: a chained ruler-and-compass construction (a regular polygon given by its circumradius, then the basic commands), then one
// measurement (a length, an angle in radians in [0, π], an area, a radius), to 2 decimals. The
// DSL, the well-formedness checks and the invariance discriminator are in lib/construction.ts.
import { defineFamily } from './lib/family.js';
import {
  CONSTRUCTION_LEVELS,
  constructionUnits,
  makeConstruction,
  type ConstructionLevel,
} from './lib/construction_family.js';

export const geometryPolygon = defineFamily<ConstructionLevel>({
  family: 'geometry_polygon',
  domain: 'geometry',
  description:
    'OMEGA geometry_polygon: a measured quantity of a chained geometric construction, to 2 decimals; levels lengthen the construction (1–5).',
  version: '2',
  levels: CONSTRUCTION_LEVELS,
  knobs: ['steps'],
  units: constructionUnits,
  make: (c, rng) => makeConstruction('polygon', c, rng),
});
