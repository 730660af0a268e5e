import type { Generator } from '../../src/core/types.js';
import { satquest } from './satquest.js';
import type { FamilyDescriptor } from '../../src/core/family.js';
import { taskSets } from './tasks.js';

/** Every generator of this family, registered in generators/index.ts. */
export const generators: Generator<any>[] = [satquest];

/** What suites, the site and the contract test know about this family. */
export const family: FamilyDescriptor = {
  name: 'satquest',
  generators,
  views: {
    satquest: { label: 'SATQuest', curve: { knob: 'n', where: { format: 'math' } }, matrix: ['format', 'label'] },
  },
  metrics: {},
  taskSets,
};
