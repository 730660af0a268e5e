// Shared by the travel tests: items of a region, and a few readers of their truth.
import { Rng } from '../../../src/core/rng.js';
import type { Problem } from '../../../src/core/types.js';
import { solePlanning, type TravelTruth } from '../../../generators/travel/sole-planning.js';
import { worldFor } from '../../../generators/travel/world/world.js';
import { scopeOf } from '../../../generators/travel/export/travelplanner.js';
import type { TravelDetails } from '../../../generators/travel/evaluate/evaluate.js';

/** The ID pools of suites/travel.yaml: the held-out values are left out. */
export const ID_POOLS = {
  cuisines: ['American', 'Chinese', 'Italian', 'Mexican'],
  houseRules: ['smoking', 'parties', 'pets'],
};

export const REGIONS: Record<string, Record<string, unknown>> = {
  id3easy: { days: 3, level: 'easy', ...ID_POOLS },
  id3medium: { days: 3, level: 'medium', ...ID_POOLS },
  ood5easy: { days: 5, level: 'easy', ...ID_POOLS },
  ood5medium: { days: 5, level: 'medium', ...ID_POOLS },
  ood7medium: { days: 7, level: 'medium', ...ID_POOLS },
  ood3hard: { days: 3, level: 'hard', ...ID_POOLS },
  ood5hard: { days: 5, level: 'hard' },
  ood7hard: { days: 7, level: 'hard' },
  heldOut: {
    days: 3,
    level: 'medium',
    constraintTypes: ['cuisine', 'house rule'],
    cuisines: ['Mediterranean', 'Indian', 'French'],
    houseRules: ['children under 10', 'visitors'],
  },
  decoys: { days: 3, level: 'medium', decoys: 5, ...ID_POOLS },
  world2: { days: 3, level: 'medium', worldSeed: 2, ...ID_POOLS },
};

export function items(region: Record<string, unknown>, n: number, seed: number | string = 7): Problem[] {
  const params = solePlanning.parseParams(region);
  return Array.from({ length: n }, (_, i) => solePlanning.generate(params, Rng.forItem(seed, i)));
}

export const truthOf = (p: Problem) => p.truth as TravelTruth;
export const detailsOf = (p: Problem, response: string) => p.verify(response).details as unknown as TravelDetails;
export const worldOf = (p: Problem) => worldFor(truthOf(p).world);
export const scopeOfItem = (p: Problem) => scopeOf(worldOf(p), truthOf(p));
