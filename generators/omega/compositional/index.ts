import type { Generator } from '../../../src/core/types.js';

/** Every generator of this axis, registered in generators/index.ts. */
export const generators: Generator<any>[] = [];
