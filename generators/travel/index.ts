import type { Generator } from '../../src/core/types.js';
import { solePlanning } from './sole-planning.js';

/** Every generator of this family, registered in generators/index.ts. */
export const generators: Generator<any>[] = [solePlanning];
