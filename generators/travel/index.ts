import type { Generator } from '../../src/core/types.js';
import { solePlanning } from './sole-planning.js';
import type { FamilyDescriptor } from '../../src/core/family.js';
import { taskSets } from './tasks.js';

/** Every generator of this family, registered in generators/index.ts. */
export const generators: Generator<any>[] = [solePlanning];

/** What suites, the site and the contract test know about this family. */
export const family: FamilyDescriptor = {
  name: 'travel',
  generators,
  views: { travel: { label: 'TravelPlanner', curve: { knob: 'days' }, matrix: ['level', 'days'] } },
  // Plus '<group>.<check>' pass rates and '<group>.<check>.applicable' counts (the per-check table).
  metrics: {
    delivery: 'share of answers that deliver a plan at all',
    commonsenseMicro: 'commonsense checks passed, over all checks of all answers',
    commonsenseMacro: 'share of answers passing every commonsense check',
    hardMicro: 'hard-constraint checks passed, over the checks that apply',
    hardMacro: 'share of answers passing every hard constraint',
    finalPass: 'share of answers passing everything (TravelPlanner final pass rate)',
  },
  taskSets,
};
