import type { Generator } from '../../src/core/types.js';
import { imageJigsaw } from './image.js';
import { textJigsaw } from './text.js';
import type { FamilyDescriptor } from '../../src/core/family.js';
import { taskSets } from './tasks.js';

/** Every generator of this family, registered in generators/index.ts. */
export const generators: Generator<any>[] = [imageJigsaw, textJigsaw];

/** What suites, the site and the contract test know about this family. */
export const family: FamilyDescriptor = {
  name: 'jigsaw',
  generators,
  views: {
    jigsaw: {
      label: 'Jigsaw (image)',
      curve: { knob: 'cells', where: { question: 'pair', mask: 0 } },
      matrix: ['question', 'style'],
    },
    'jigsaw-text': {
      label: 'Jigsaw (text)',
      curve: { knob: 'cells', where: { question: 'pair' } },
      matrix: ['question', 'style'],
    },
  },
  metrics: {
    formatReward: 'share of answers in the required format (Jigsaw-R1 format reward)',
    positions: 'full puzzles: mean share of pieces put in the right place',
    adjacency: 'full puzzles: mean share of neighbouring pairs kept together',
  },
  taskSets,
};
