// The omega-compositional tasks, defined once: suites name a set (`include: omega-compositional#core` in a suite's tasks:).
// 'all' is suites/omega-compositional.yaml; see any suite resolved with `bench suite <name>`.
import { pick, type TaskSpec } from '../../../src/core/family.js';

// prettier-ignore
export const tasks: TaskSpec[] = [
  { id: 'polynomial-gcd-a', generator: 'omega/compositional/polynomial_gcd', split: 'id', axis: 'compositional', n: 100, seed: 501, params: { part: 'a', level: [1, 2] } },
  { id: 'polynomial-gcd-b', generator: 'omega/compositional/polynomial_gcd', split: 'id', axis: 'compositional', n: 100, seed: 502, params: { part: 'b', level: [1, 2] } },
  { id: 'polynomial-gcd-composed', generator: 'omega/compositional/polynomial_gcd', split: 'ood', axis: 'compositional', n: 150, seed: 503, params: { part: 'composed', level: [1, 2, 3] } },
  { id: 'n-gon-a', generator: 'omega/compositional/n_gon', split: 'id', axis: 'compositional', n: 100, seed: 504, params: { part: 'a', level: [1, 2] } },
  { id: 'n-gon-b', generator: 'omega/compositional/n_gon', split: 'id', axis: 'compositional', n: 100, seed: 505, params: { part: 'b', level: [1, 2] } },
  { id: 'n-gon-composed', generator: 'omega/compositional/n_gon', split: 'ood', axis: 'compositional', n: 150, seed: 506, params: { part: 'composed', level: [1, 2, 3] } },
  { id: 'circles-algebra-a', generator: 'omega/compositional/circles_algebra', split: 'id', axis: 'compositional', n: 100, seed: 507, params: { part: 'a', level: [1, 2] } },
  { id: 'circles-algebra-b', generator: 'omega/compositional/circles_algebra', split: 'id', axis: 'compositional', n: 100, seed: 508, params: { part: 'b', level: [1, 2] } },
  { id: 'circles-algebra-composed', generator: 'omega/compositional/circles_algebra', split: 'ood', axis: 'compositional', n: 150, seed: 509, params: { part: 'composed', level: [1, 2, 3] } },
  { id: 'parametric-intersection-a', generator: 'omega/compositional/parametric_intersection', split: 'id', axis: 'compositional', n: 100, seed: 510, params: { part: 'a', level: [1, 2] } },
  { id: 'parametric-intersection-b', generator: 'omega/compositional/parametric_intersection', split: 'id', axis: 'compositional', n: 100, seed: 511, params: { part: 'b', level: [1, 2] } },
  { id: 'parametric-intersection-composed', generator: 'omega/compositional/parametric_intersection', split: 'ood', axis: 'compositional', n: 150, seed: 512, params: { part: 'composed', level: [1, 2, 3] } },
  { id: 'matrix-rank-a', generator: 'omega/compositional/matrix_rank', split: 'id', axis: 'compositional', n: 100, seed: 513, params: { part: 'a', level: [1, 2] } },
  { id: 'matrix-rank-b', generator: 'omega/compositional/matrix_rank', split: 'id', axis: 'compositional', n: 100, seed: 514, params: { part: 'b', level: [1, 2] } },
  { id: 'matrix-rank-composed', generator: 'omega/compositional/matrix_rank', split: 'ood', axis: 'compositional', n: 150, seed: 515, params: { part: 'composed', level: [1, 2, 3] } },
  { id: 'vertex-color-a', generator: 'omega/compositional/vertex_color', split: 'id', axis: 'compositional', n: 100, seed: 516, params: { part: 'a', level: [1, 2] } },
  { id: 'vertex-color-b', generator: 'omega/compositional/vertex_color', split: 'id', axis: 'compositional', n: 100, seed: 517, params: { part: 'b', level: [1, 2] } },
  { id: 'vertex-color-composed', generator: 'omega/compositional/vertex_color', split: 'ood', axis: 'compositional', n: 150, seed: 518, params: { part: 'composed', level: [1, 2, 3] } },
  { id: 'grid-chips-a', generator: 'omega/compositional/grid_chips', split: 'id', axis: 'compositional', n: 100, seed: 519, params: { part: 'a', level: [1, 2] } },
  { id: 'grid-chips-b', generator: 'omega/compositional/grid_chips', split: 'id', axis: 'compositional', n: 100, seed: 520, params: { part: 'b', level: [1, 2] } },
  { id: 'grid-chips-composed', generator: 'omega/compositional/grid_chips', split: 'ood', axis: 'compositional', n: 150, seed: 521, params: { part: 'composed', level: [1, 2, 3] } },
];

// prettier-ignore
export const taskSets: Record<string, readonly TaskSpec[]> = {
  all: tasks,
  core: pick(tasks, ['polynomial-gcd-a', 'polynomial-gcd-b', 'polynomial-gcd-composed', 'grid-chips-a', 'grid-chips-b', 'grid-chips-composed']),
  quick: [
    { id: 'omega-comp-gcd-b', generator: 'omega/compositional/polynomial_gcd', split: 'id', axis: 'compositional', n: 8, seed: 1, params: { part: 'b', level: 1 } },
    { id: 'omega-comp-gcd-composed', generator: 'omega/compositional/polynomial_gcd', split: 'ood', axis: 'compositional', n: 8, seed: 2, params: { part: 'composed', level: 1 } },
  ],
};
