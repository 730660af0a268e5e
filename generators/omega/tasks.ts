// The OMEGA exploratory tasks, defined once and generated from the family list (one id row and one
// ood row per family, and a ladder of every level): suites name a set (`include: omega#core`).
// 'all' is suites/omega.yaml, 'ladder' suites/omega-ladder.yaml; see any suite resolved with
// `bench suite <name>`.
import { derive, pick, type TaskSpec } from '../../src/core/family.js';
import type { OmegaGenerator } from './lib/family.js';

/** Families whose OOD row has 100 items rather than 200 (as suites/omega.yaml always had). */
const SHORT_OOD = new Set([
  'algebra_func_area',
  'algebra_func_derivative_sign',
  'algebra_func_extrema',
  'algebra_func_extrema_coords',
  'algebra_func_intersection',
  'algebra_func_intersection_coords',
  'algebra_func_zeros',
]);

/** The sets of generators/omega/index.ts's families, in their order. */
export function omegaTaskSets(omegaGenerators: readonly OmegaGenerator[]): Record<string, readonly TaskSpec[]> {
  /** Per family: ID = levels 1–2 (seed 1001 + 2k), OOD = level 3 (seed 1002 + 2k). */
  const tasks: TaskSpec[] = omegaGenerators.flatMap((g, k): TaskSpec[] => {
    const family = g.omega.family;
    return [
      {
        id: `${family}-id`,
        generator: g.name,
        split: 'id',
        axis: 'exploratory',
        n: 100,
        seed: 1001 + 2 * k,
        params: { level: [1, 2] },
      },
      {
        id: `${family}-ood`,
        generator: g.name,
        split: 'ood',
        axis: 'exploratory',
        n: SHORT_OOD.has(family) ? 100 : 200,
        seed: 1002 + 2 * k,
        params: { level: 3 },
      },
    ];
  });

  /** 100 items at every level of every family; levels 1–2 are `id`; seeds count up from 5001. */
  const ladder: TaskSpec[] = omegaGenerators
    .flatMap((g) => Array.from({ length: g.omega.maxLevel }, (_, i) => ({ g, level: i + 1 })))
    .map(({ g, level }, k) => ({
      id: `${g.omega.family}-L${level}`,
      generator: g.name,
      split: level <= 2 ? 'id' : 'ood',
      axis: 'exploratory',
      n: 100,
      seed: 5001 + k,
      params: { level },
    }));

  return {
    all: tasks,
    ladder,
    core: pick(tasks, [
      'arithmetic_gcd-id',
      'arithmetic_gcd-ood',
      'arithmetic_matrix_rank-id',
      'arithmetic_matrix_rank-ood',
      'algebra_linear_equation-id',
      'algebra_linear_equation-ood',
      'combinatory_distribution-id',
      'combinatory_distribution-ood',
      'numbertheory_qr_sum-id',
      'numbertheory_qr_sum-ood',
      'geometry_polygon_color-id',
      'geometry_polygon_color-ood',
      'logic_zebralogic-id',
      'logic_zebralogic-ood',
    ]),
    quick: [
      derive(tasks, 'arithmetic_gcd-id', { id: 'omega-gcd-id', n: 10, seed: 7 }),
      derive(tasks, 'arithmetic_gcd-ood', { id: 'omega-gcd-ood', n: 10, seed: 7 }),
      derive(tasks, 'logic_zebralogic-id', { id: 'omega-zebra-id', n: 10, seed: 7 }),
      derive(tasks, 'logic_zebralogic-ood', { id: 'omega-zebra-ood', n: 10, seed: 7 }),
    ],
  };
}
