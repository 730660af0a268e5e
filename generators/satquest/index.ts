import type { Generator } from '../../src/core/types.js';
import { satquest } from './satquest.js';

/** Every generator of this family, registered in generators/index.ts. */
export const generators: Generator<any>[] = [satquest];
