import type { Generator } from '../../src/core/types.js';
import { generalPoints } from './general-points.js';
import { sokoban } from './sokoban.js';

/** Every generator of this family, registered in generators/index.ts. */
export const generators: Generator<any>[] = [generalPoints, sokoban];
