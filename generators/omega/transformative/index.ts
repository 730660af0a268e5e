// The OMEGA transformative settings (generators/omega/TRANSFORMATIVE.md): one file per setting,
// each a generator whose `part` param picks the familiar family or the transformed test.
import type { Generator } from '../../../src/core/types.js';
import type { SettingGenerator } from '../compositional/lib/axis.js';
import { transMatrixRank } from './matrix_rank.js';
import { transFuncIntersection } from './func_intersection.js';
import { transDeMoivre } from './de_moivre.js';
import { transProbLetter } from './prob_letter.js';
import { transIntegrations } from './integrations.js';
import { transGridworld } from './gridworld.js';
import { transCircles } from './circles.js';
import type { FamilyDescriptor } from '../../../src/core/family.js';
import { taskSets } from './tasks.js';

/** The seven settings in the spec's order (§1.7). */
export const transformativeSettings: SettingGenerator[] = [
  transMatrixRank,
  transFuncIntersection,
  transDeMoivre,
  transProbLetter,
  transIntegrations,
  transGridworld,
  transCircles,
];

/** Every generator of this axis, registered in generators/index.ts. */
export const generators: Generator<any>[] = transformativeSettings;

/** What suites, the site and the contract test know about this axis (shown with the generic view). */
export const family: FamilyDescriptor = {
  name: 'omega-transformative',
  generators,
  views: {},
  metrics: {},
  taskSets,
};
