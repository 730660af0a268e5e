// The travel tasks, defined once: suites name a set (`include: travel#core` in a suite's tasks:).
// 'all' is suites/travel.yaml; see any suite resolved with `bench suite <name>`.
import { derive, pick, type TaskSpec } from '../../src/core/family.js';

// prettier-ignore
export const tasks: TaskSpec[] = [
  { id: 'travel-3d-easy', generator: 'travel/sole-planning', split: 'id', axis: 'days', n: 200, seed: 1201, params: { days: 3, level: 'easy', worldSeed: 1, decoys: 1, cuisines: ['American', 'Chinese', 'Italian', 'Mexican'], houseRules: ['smoking', 'parties', 'pets'] } },
  { id: 'travel-3d-medium', generator: 'travel/sole-planning', split: 'id', axis: 'constraints', n: 200, seed: 1202, params: { days: 3, level: 'medium', worldSeed: 1, decoys: 1, cuisines: ['American', 'Chinese', 'Italian', 'Mexican'], houseRules: ['smoking', 'parties', 'pets'] } },
  { id: 'travel-5d-easy', generator: 'travel/sole-planning', split: 'ood', axis: 'days', n: 150, seed: 1203, params: { days: 5, level: 'easy', worldSeed: 1, decoys: 1, cuisines: ['American', 'Chinese', 'Italian', 'Mexican'], houseRules: ['smoking', 'parties', 'pets'] } },
  { id: 'travel-5d-medium', generator: 'travel/sole-planning', split: 'ood', axis: 'days', n: 150, seed: 1204, params: { days: 5, level: 'medium', worldSeed: 1, decoys: 1, cuisines: ['American', 'Chinese', 'Italian', 'Mexican'], houseRules: ['smoking', 'parties', 'pets'] } },
  { id: 'travel-7d-easy', generator: 'travel/sole-planning', split: 'ood', axis: 'days', n: 100, seed: 1205, params: { days: 7, level: 'easy', worldSeed: 1, decoys: 1, cuisines: ['American', 'Chinese', 'Italian', 'Mexican'], houseRules: ['smoking', 'parties', 'pets'] } },
  { id: 'travel-7d-medium', generator: 'travel/sole-planning', split: 'ood', axis: 'days', n: 100, seed: 1206, params: { days: 7, level: 'medium', worldSeed: 1, decoys: 1, cuisines: ['American', 'Chinese', 'Italian', 'Mexican'], houseRules: ['smoking', 'parties', 'pets'] } },
  // three constraints, transportation among them (never in ID)
  { id: 'travel-3d-hard', generator: 'travel/sole-planning', split: 'ood', axis: 'constraints', n: 200, seed: 1207, params: { days: 3, level: 'hard', worldSeed: 1, decoys: 1, cuisines: ['American', 'Chinese', 'Italian', 'Mexican'], hardCuisines: [2, 3], houseRules: ['smoking', 'parties', 'pets'] } },
  { id: 'travel-5d-hard', generator: 'travel/sole-planning', split: 'ood', axis: 'compositional', n: 100, seed: 1208, params: { days: 5, level: 'hard', worldSeed: 1, decoys: 1, cuisines: ['American', 'Chinese', 'Italian', 'Mexican'], hardCuisines: [2, 3], houseRules: ['smoking', 'parties', 'pets'] } },
  // 7 days, hard, and every cuisine and house rule (held-out ones included)
  { id: 'travel-7d-hard', generator: 'travel/sole-planning', split: 'ood', axis: 'compositional', n: 100, seed: 1209, params: { days: 7, level: 'hard', worldSeed: 1, decoys: 1 } },
  // only values the ID region never asks for
  { id: 'travel-3d-heldout', generator: 'travel/sole-planning', split: 'ood', axis: 'values', n: 200, seed: 1210, params: { days: 3, level: 'medium', worldSeed: 1, decoys: 1, constraintTypes: ['cuisine', 'house rule'], cuisines: ['Mediterranean', 'Indian', 'French'], houseRules: ['children under 10', 'visitors'] } },
  // five decoy cities: about three times the reference information
  { id: 'travel-3d-decoys', generator: 'travel/sole-planning', split: 'ood', axis: 'context', n: 200, seed: 1211, params: { days: 3, level: 'medium', worldSeed: 1, decoys: 5, cuisines: ['American', 'Chinese', 'Italian', 'Mexican'], houseRules: ['smoking', 'parties', 'pets'] } },
  // the ID task in a world never seen
  { id: 'travel-3d-world2', generator: 'travel/sole-planning', split: 'ood', axis: 'world', n: 200, seed: 1212, params: { days: 3, level: 'medium', worldSeed: 2, decoys: 1, cuisines: ['American', 'Chinese', 'Italian', 'Mexican'], houseRules: ['smoking', 'parties', 'pets'] } },
];

// prettier-ignore
export const taskSets: Record<string, readonly TaskSpec[]> = {
  all: tasks,
  core: pick(tasks, ['travel-3d-easy', 'travel-3d-medium', 'travel-5d-medium', 'travel-3d-hard', 'travel-3d-heldout', 'travel-3d-world2']),
  quick: [
    derive(tasks, 'travel-3d-easy', { n: 5, seed: 7 }),
    derive(tasks, 'travel-3d-medium', { n: 5, seed: 7 }),
    derive(tasks, 'travel-5d-medium', { n: 5, seed: 7 }),
    derive(tasks, 'travel-3d-hard', { n: 5, seed: 7 }),
  ],
};
