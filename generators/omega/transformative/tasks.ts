// The omega-transformative tasks, defined once: suites name a set (`include: omega-transformative#core` in a suite's tasks:).
// 'all' is suites/omega-transformative.yaml; see any suite resolved with `bench suite <name>`.
import { pick, type TaskSpec } from '../../../src/core/family.js';

// prettier-ignore
export const tasks: TaskSpec[] = [
  { id: 'matrix-rank-familiar', generator: 'omega/transformative/matrix_rank', split: 'id', axis: 'transformative', n: 150, seed: 601, params: { part: 'familiar', level: [1, 2] } },
  { id: 'matrix-rank-transformed', generator: 'omega/transformative/matrix_rank', split: 'ood', axis: 'transformative', n: 200, seed: 602, params: { part: 'transformed', level: [1, 2, 3] } },
  { id: 'func-intersection-familiar', generator: 'omega/transformative/func_intersection', split: 'id', axis: 'transformative', n: 150, seed: 603, params: { part: 'familiar', level: [1, 2] } },
  { id: 'func-intersection-transformed', generator: 'omega/transformative/func_intersection', split: 'ood', axis: 'transformative', n: 200, seed: 604, params: { part: 'transformed', level: [1, 2, 3] } },
  { id: 'de-moivre-familiar', generator: 'omega/transformative/de_moivre', split: 'id', axis: 'transformative', n: 150, seed: 605, params: { part: 'familiar', level: [1, 2] } },
  { id: 'de-moivre-transformed', generator: 'omega/transformative/de_moivre', split: 'ood', axis: 'transformative', n: 200, seed: 606, params: { part: 'transformed', level: [1, 2, 3] } },
  { id: 'prob-letter-familiar', generator: 'omega/transformative/prob_letter', split: 'id', axis: 'transformative', n: 150, seed: 607, params: { part: 'familiar', level: [1, 2] } },
  { id: 'prob-letter-transformed', generator: 'omega/transformative/prob_letter', split: 'ood', axis: 'transformative', n: 200, seed: 608, params: { part: 'transformed', level: [1, 2, 3] } },
  { id: 'integrations-familiar', generator: 'omega/transformative/integrations', split: 'id', axis: 'transformative', n: 150, seed: 609, params: { part: 'familiar', level: [1, 2] } },
  { id: 'integrations-transformed', generator: 'omega/transformative/integrations', split: 'ood', axis: 'transformative', n: 200, seed: 610, params: { part: 'transformed', level: [1, 2, 3] } },
  { id: 'gridworld-familiar', generator: 'omega/transformative/gridworld', split: 'id', axis: 'transformative', n: 150, seed: 611, params: { part: 'familiar', level: [1, 2] } },
  { id: 'gridworld-transformed', generator: 'omega/transformative/gridworld', split: 'ood', axis: 'transformative', n: 200, seed: 612, params: { part: 'transformed', level: [1, 2, 3] } },
  { id: 'circles-familiar', generator: 'omega/transformative/circles', split: 'id', axis: 'transformative', n: 150, seed: 613, params: { part: 'familiar', level: [1, 2] } },
  { id: 'circles-transformed', generator: 'omega/transformative/circles', split: 'ood', axis: 'transformative', n: 200, seed: 614, params: { part: 'transformed', level: [1, 2, 3] } },
];

// prettier-ignore
export const taskSets: Record<string, readonly TaskSpec[]> = {
  all: tasks,
  core: pick(tasks, ['matrix-rank-familiar', 'matrix-rank-transformed', 'func-intersection-familiar', 'func-intersection-transformed']),
  quick: [
    { id: 'omega-trans-grid-familiar', generator: 'omega/transformative/gridworld', split: 'id', axis: 'transformative', n: 8, seed: 3, params: { part: 'familiar', level: 1 } },
    { id: 'omega-trans-grid-transformed', generator: 'omega/transformative/gridworld', split: 'ood', axis: 'transformative', n: 8, seed: 4, params: { part: 'transformed', level: 1 } },
  ],
};
