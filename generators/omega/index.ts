// The OMEGA exploratory families (generators/omega/README.md): one file per family, registered here.
import type { Generator } from '../../src/core/types.js';
import type { OmegaGenerator } from './lib/family.js';
import { arithmeticGcd } from './arithmetic_gcd.js';
import { arithmeticListPrimeFactors } from './arithmetic_list_prime_factors.js';
import { arithmeticMixed } from './arithmetic_mixed.js';
import { arithmeticMatrixDeterminant } from './arithmetic_matrix_determinant.js';
import { arithmeticMatrixEigenvalues } from './arithmetic_matrix_eigenvalues.js';
import { arithmeticMatrixInverse } from './arithmetic_matrix_inverse.js';
import { arithmeticMatrixMultiplication } from './arithmetic_matrix_multiplication.js';
import { arithmeticMatrixPower } from './arithmetic_matrix_power.js';
import { arithmeticMatrixRank } from './arithmetic_matrix_rank.js';
import { arithmeticMatrixSvd } from './arithmetic_matrix_svd.js';
import { algebraLinearEquation } from './algebra_linear_equation.js';
import { algebraPolynomialRoots } from './algebra_polynomial_roots.js';
import { algebraFuncArea } from './algebra_func_area.js';
import { algebraFuncDerivativeSign } from './algebra_func_derivative_sign.js';
import { algebraFuncExtrema } from './algebra_func_extrema.js';
import { algebraFuncExtremaCoords } from './algebra_func_extrema_coords.js';
import { algebraFuncIntersection } from './algebra_func_intersection.js';
import { algebraFuncIntersectionCoords } from './algebra_func_intersection_coords.js';
import { algebraFuncZeros } from './algebra_func_zeros.js';
import { combinatoryDistribution } from './combinatory_distribution.js';
import { combinatoryPatternMatching } from './combinatory_pattern_matching.js';
import { combinatoryProbabilityAtLeastNSpecificFixed } from './combinatory_probability_at_least_n_specific_fixed.js';
import { combinatoryProbabilityExactlyNSpecificFixed } from './combinatory_probability_exactly_n_specific_fixed.js';
import { combinatoryProbabilityNoFixedPoints } from './combinatory_probability_no_fixed_points.js';
import { combinatoryProbabilityNoSpecificLetterFixed } from './combinatory_probability_no_specific_letter_fixed.js';
import { numbertheoryLteQr } from './numbertheory_lte_qr.js';
import { numbertheoryOrderedLte } from './numbertheory_ordered_lte.js';
import { numbertheoryQrSum } from './numbertheory_qr_sum.js';
import { logicGridworldBlocked } from './logic_gridworld_blocked.js';
import { logicGridworldKnightMove } from './logic_gridworld_knight_move.js';
import { logicGridworldRookmove } from './logic_gridworld_rookmove.js';
import { logicPuzzlesGridChip } from './logic_puzzles_grid_chip.js';
import { logicZebralogic } from './logic_zebralogic.js';
import { geometryBasic } from './geometry_basic.js';
import { geometryCircle } from './geometry_circle.js';
import { geometryPerpendicularIntersection } from './geometry_perpendicular_intersection.js';
import { geometryPolygonChords } from './geometry_polygon_chords.js';
import { geometryPolygonColor } from './geometry_polygon_color.js';
import { geometryPolygonRotation } from './geometry_polygon_rotation.js';
import { geometryPolygon } from './geometry_polygon.js';
import { geometryTriangle } from './geometry_triangle.js';
import type { FamilyDescriptor } from '../../src/core/family.js';
import { omegaTaskSets } from './tasks.js';

/** Every OMEGA family, in the spec's domain order. */
export const omegaGenerators: OmegaGenerator[] = [
  arithmeticGcd,
  arithmeticListPrimeFactors,
  arithmeticMixed,
  arithmeticMatrixDeterminant,
  arithmeticMatrixEigenvalues,
  arithmeticMatrixInverse,
  arithmeticMatrixMultiplication,
  arithmeticMatrixPower,
  arithmeticMatrixRank,
  arithmeticMatrixSvd,
  algebraFuncArea,
  algebraFuncDerivativeSign,
  algebraFuncExtrema,
  algebraFuncExtremaCoords,
  algebraFuncIntersection,
  algebraFuncIntersectionCoords,
  algebraFuncZeros,
  algebraLinearEquation,
  algebraPolynomialRoots,
  combinatoryDistribution,
  combinatoryPatternMatching,
  combinatoryProbabilityAtLeastNSpecificFixed,
  combinatoryProbabilityExactlyNSpecificFixed,
  combinatoryProbabilityNoFixedPoints,
  combinatoryProbabilityNoSpecificLetterFixed,
  numbertheoryLteQr,
  numbertheoryOrderedLte,
  numbertheoryQrSum,
  geometryBasic,
  geometryCircle,
  geometryPolygon,
  geometryTriangle,
  geometryPerpendicularIntersection,
  geometryPolygonChords,
  geometryPolygonRotation,
  geometryPolygonColor,
  logicGridworldBlocked,
  logicGridworldKnightMove,
  logicGridworldRookmove,
  logicZebralogic,
  logicPuzzlesGridChip,
];

/** Every generator of this family, registered in generators/index.ts. */
export const generators: Generator<any>[] = omegaGenerators;

/** What suites, the site and the contract test know about this family. */
export const family: FamilyDescriptor = {
  name: 'omega',
  generators,
  views: { omega: { label: 'OMEGA', curve: { knob: 'level' } } },
  metrics: {},
  taskSets: omegaTaskSets(omegaGenerators),
};
