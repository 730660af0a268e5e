// The jigsaw tasks, defined once: suites name a set (`include: jigsaw#core` in a suite's tasks:).
// 'all' is suites/jigsaw.yaml; see any suite resolved with `bench suite <name>`.
import { pick, type TaskSpec } from '../../src/core/family.js';

// prettier-ignore
export const tasks: TaskSpec[] = [
  { id: 'img-2x1-pair', generator: 'jigsaw/image', split: 'id', axis: 'size', n: 200, seed: 700, params: { grid: '2x1', question: 'pair', style: 'landscape' } },
  { id: 'img-3x1-pair', generator: 'jigsaw/image', split: 'ood', axis: 'size', n: 200, seed: 701, params: { grid: '3x1', question: 'pair', style: 'landscape' } },
  { id: 'img-4x1-pair', generator: 'jigsaw/image', split: 'ood', axis: 'size', n: 200, seed: 702, params: { grid: '4x1', question: 'pair', style: 'landscape' } },
  { id: 'img-2x2-pair', generator: 'jigsaw/image', split: 'ood', axis: 'size', n: 200, seed: 703, params: { grid: '2x2', question: 'pair', style: 'landscape' } },
  { id: 'img-3x3-pair', generator: 'jigsaw/image', split: 'ood', axis: 'size', n: 200, seed: 704, params: { grid: '3x3', question: 'pair', style: 'landscape' } },
  { id: 'img-2x1-full', generator: 'jigsaw/image', split: 'ood', axis: 'type', n: 200, seed: 705, params: { grid: '2x1', question: 'full', style: 'landscape' } },
  { id: 'img-3x1-full', generator: 'jigsaw/image', split: 'ood', axis: 'type', n: 200, seed: 706, params: { grid: '3x1', question: 'full', style: 'landscape' } },
  { id: 'img-2x2-full', generator: 'jigsaw/image', split: 'ood', axis: 'type', n: 200, seed: 707, params: { grid: '2x2', question: 'full', style: 'landscape' } },
  { id: 'img-2x1-pair-city', generator: 'jigsaw/image', split: 'ood', axis: 'domain', n: 200, seed: 708, params: { grid: '2x1', question: 'pair', style: 'city' } },
  { id: 'img-2x1-pair-abstract', generator: 'jigsaw/image', split: 'ood', axis: 'domain', n: 200, seed: 709, params: { grid: '2x1', question: 'pair', style: 'abstract' } },
  // borders blacked out (upstream mask_ratio 0.1)
  { id: 'img-2x1-pair-mask', generator: 'jigsaw/image', split: 'ood', axis: 'mask', n: 200, seed: 710, params: { grid: '2x1', question: 'pair', style: 'landscape', mask: 0.1 } },
  { id: 'txt-2x1-pair', generator: 'jigsaw/text', split: 'id', axis: 'size', n: 200, seed: 720, params: { grid: '2x1', question: 'pair', style: 'landscape' } },
  { id: 'txt-3x1-pair', generator: 'jigsaw/text', split: 'ood', axis: 'size', n: 200, seed: 721, params: { grid: '3x1', question: 'pair', style: 'landscape' } },
  { id: 'txt-4x1-pair', generator: 'jigsaw/text', split: 'ood', axis: 'size', n: 200, seed: 722, params: { grid: '4x1', question: 'pair', style: 'landscape' } },
  { id: 'txt-2x2-pair', generator: 'jigsaw/text', split: 'ood', axis: 'size', n: 200, seed: 723, params: { grid: '2x2', question: 'pair', style: 'landscape' } },
  { id: 'txt-3x3-pair', generator: 'jigsaw/text', split: 'ood', axis: 'size', n: 200, seed: 724, params: { grid: '3x3', question: 'pair', style: 'landscape' } },
  { id: 'txt-2x1-full', generator: 'jigsaw/text', split: 'ood', axis: 'type', n: 200, seed: 725, params: { grid: '2x1', question: 'full', style: 'landscape' } },
  { id: 'txt-3x1-full', generator: 'jigsaw/text', split: 'ood', axis: 'type', n: 200, seed: 726, params: { grid: '3x1', question: 'full', style: 'landscape' } },
  { id: 'txt-2x2-full', generator: 'jigsaw/text', split: 'ood', axis: 'type', n: 200, seed: 727, params: { grid: '2x2', question: 'full', style: 'landscape' } },
  { id: 'txt-2x1-pair-shapes', generator: 'jigsaw/text', split: 'ood', axis: 'domain', n: 200, seed: 728, params: { grid: '2x1', question: 'pair', style: 'shapes' } },
];

// prettier-ignore
export const taskSets: Record<string, readonly TaskSpec[]> = {
  all: tasks,
  core: pick(tasks, ['img-2x1-pair', 'img-2x2-pair', 'img-2x1-full', 'img-2x2-full', 'txt-2x1-pair', 'txt-2x2-pair', 'txt-2x1-full', 'txt-2x2-full']),
  quick: [
    { id: 'jig-img-2x1-pair', generator: 'jigsaw/image', split: 'id', axis: 'size', n: 5, seed: 7, params: { grid: '2x1', question: 'pair', width: 192, height: 192 } },
    { id: 'jig-img-2x2-pair', generator: 'jigsaw/image', split: 'ood', axis: 'size', n: 5, seed: 7, params: { grid: '2x2', question: 'pair', width: 192, height: 192 } },
    { id: 'jig-txt-2x1-pair', generator: 'jigsaw/text', split: 'id', axis: 'size', n: 10, seed: 7, params: { grid: '2x1', question: 'pair' } },
    { id: 'jig-txt-2x2-full', generator: 'jigsaw/text', split: 'ood', axis: 'type', n: 10, seed: 7, params: { grid: '2x2', question: 'full' } },
  ],
};
