import type { Generator } from '../../src/core/types.js';
import { generalPoints } from './general-points.js';
import { sokoban } from './sokoban.js';
import type { FamilyDescriptor } from '../../src/core/family.js';
import { taskSets } from './tasks.js';

/** Every generator of this family, registered in generators/index.ts. */
export const generators: Generator<any>[] = [generalPoints, sokoban];

/** What suites, the site and the contract test know about this family. */
export const family: FamilyDescriptor = {
  name: 'instruct',
  generators,
  views: {
    'general-points': {
      label: 'General Points',
      curve: { knob: 'maxValue', where: { fake: 0 } },
      matrix: ['rule', 'sampling'],
    },
    sokoban: {
      label: 'Sokoban',
      curve: { knob: 'size', where: { boxes: 1, variant: 'base', fake: 0, protocol: 'closed-loop' } },
      matrix: ['variant', 'size'],
    },
  },
  metrics: {},
  taskSets,
};
