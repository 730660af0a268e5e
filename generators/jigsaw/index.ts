import type { Generator } from '../../src/core/types.js';
import { imageJigsaw } from './image.js';
import { textJigsaw } from './text.js';

/** Every generator of this family, registered in generators/index.ts. */
export const generators: Generator<any>[] = [imageJigsaw, textJigsaw];
