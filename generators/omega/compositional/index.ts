// The OMEGA compositional settings (generators/omega/COMPOSITIONAL.md): one file per setting,
// each a generator whose `part` param picks skill A, skill B or the composed test.
import type { Generator } from '../../../src/core/types.js';
import type { SettingGenerator } from './lib/axis.js';
import { polynomialGcd } from './polynomial_gcd.js';
import { nGon } from './n_gon.js';
import { circlesAlgebra } from './circles_algebra.js';
import { parametricIntersection } from './parametric_intersection.js';
import { matrixRank } from './matrix_rank.js';
import { vertexColor } from './vertex_color.js';
import { gridChips } from './grid_chips.js';
import type { FamilyDescriptor } from '../../../src/core/family.js';
import { taskSets } from './tasks.js';

/** The seven settings in the spec's order (§1.6). */
export const compositionalSettings: SettingGenerator[] = [
  polynomialGcd,
  nGon,
  circlesAlgebra,
  parametricIntersection,
  matrixRank,
  vertexColor,
  gridChips,
];

/** Every generator of this axis, registered in generators/index.ts. */
export const generators: Generator<any>[] = compositionalSettings;

/** What suites, the site and the contract test know about this axis (shown with the generic view). */
export const family: FamilyDescriptor = {
  name: 'omega-compositional',
  generators,
  views: {},
  metrics: {},
  taskSets,
};
