// The satquest tasks, defined once: suites name a set (`include: satquest#core` in a suite's tasks:).
// 'all' is suites/satquest.yaml; see any suite resolved with `bench suite <name>`.
import { derive, pick, type TaskSpec } from '../../src/core/family.js';

// prettier-ignore
export const tasks: TaskSpec[] = [
  // the RFT region
  { id: 'sq-id-satsp', generator: 'satquest', split: 'id', axis: 'id', n: 200, seed: 30, params: { label: 'SATSP', format: 'math', n: [3, 8], ratio: [2.1, 4] } },
  { id: 'sq-id-sat', generator: 'satquest', split: 'id', axis: 'id', n: 200, seed: 30, params: { label: 'SATDP_SAT', format: 'math', n: [3, 8], ratio: [2.1, 4] } },
  { id: 'sq-id-unsat', generator: 'satquest', split: 'id', axis: 'id', n: 200, seed: 30, params: { label: 'SATDP_UNSAT', format: 'math', n: [3, 8], ratio: [2.1, 4] } },
  // same UNSAT formulas as sq-id-unsat
  { id: 'sq-type-maxsat', generator: 'satquest', split: 'ood', axis: 'type', n: 200, seed: 30, params: { label: 'MaxSAT', format: 'math', n: [3, 8], ratio: [2.1, 4] } },
  { id: 'sq-type-mcs', generator: 'satquest', split: 'ood', axis: 'type', n: 200, seed: 30, params: { label: 'MCS', format: 'math', n: [3, 8], ratio: [2.1, 4] } },
  { id: 'sq-type-mus', generator: 'satquest', split: 'ood', axis: 'type', n: 200, seed: 30, params: { label: 'MUS', format: 'math', n: [3, 8], ratio: [2.1, 4] } },
  // same CNFs as the ID rows
  { id: 'sq-dimacs-satsp', generator: 'satquest', split: 'ood', axis: 'format', n: 200, seed: 30, params: { label: 'SATSP', format: 'dimacs', n: [3, 8], ratio: [2.1, 4] } },
  { id: 'sq-dimacs-sat', generator: 'satquest', split: 'ood', axis: 'format', n: 200, seed: 30, params: { label: 'SATDP_SAT', format: 'dimacs', n: [3, 8], ratio: [2.1, 4] } },
  { id: 'sq-dimacs-unsat', generator: 'satquest', split: 'ood', axis: 'format', n: 200, seed: 30, params: { label: 'SATDP_UNSAT', format: 'dimacs', n: [3, 8], ratio: [2.1, 4] } },
  { id: 'sq-story-satsp', generator: 'satquest', split: 'ood', axis: 'format', n: 200, seed: 30, params: { label: 'SATSP', format: 'story', n: [3, 8], ratio: [2.1, 4] } },
  { id: 'sq-story-sat', generator: 'satquest', split: 'ood', axis: 'format', n: 200, seed: 30, params: { label: 'SATDP_SAT', format: 'story', n: [3, 8], ratio: [2.1, 4] } },
  { id: 'sq-story-unsat', generator: 'satquest', split: 'ood', axis: 'format', n: 200, seed: 30, params: { label: 'SATDP_UNSAT', format: 'story', n: [3, 8], ratio: [2.1, 4] } },
  { id: 'sq-dualstory-satsp', generator: 'satquest', split: 'ood', axis: 'format', n: 200, seed: 30, params: { label: 'SATSP', format: 'dualstory', n: [3, 8], ratio: [2.1, 4] } },
  { id: 'sq-dualstory-sat', generator: 'satquest', split: 'ood', axis: 'format', n: 200, seed: 30, params: { label: 'SATDP_SAT', format: 'dualstory', n: [3, 8], ratio: [2.1, 4] } },
  { id: 'sq-dualstory-unsat', generator: 'satquest', split: 'ood', axis: 'format', n: 200, seed: 30, params: { label: 'SATDP_UNSAT', format: 'dualstory', n: [3, 8], ratio: [2.1, 4] } },
  // SATQuest's test range of n
  { id: 'sq-n9-16-satsp', generator: 'satquest', split: 'ood', axis: 'scale', n: 200, seed: 31, params: { label: 'SATSP', format: 'math', n: [9, 16], ratio: [2.1, 4] } },
  { id: 'sq-n9-16-sat', generator: 'satquest', split: 'ood', axis: 'scale', n: 200, seed: 31, params: { label: 'SATDP_SAT', format: 'math', n: [9, 16], ratio: [2.1, 4] } },
  { id: 'sq-n9-16-unsat', generator: 'satquest', split: 'ood', axis: 'scale', n: 200, seed: 31, params: { label: 'SATDP_UNSAT', format: 'math', n: [9, 16], ratio: [2.1, 4] } },
  { id: 'sq-n17-24-satsp', generator: 'satquest', split: 'ood', axis: 'scale', n: 200, seed: 32, params: { label: 'SATSP', format: 'math', n: [17, 24], ratio: [2.1, 4] } },
  { id: 'sq-n17-24-sat', generator: 'satquest', split: 'ood', axis: 'scale', n: 200, seed: 32, params: { label: 'SATDP_SAT', format: 'math', n: [17, 24], ratio: [2.1, 4] } },
  { id: 'sq-n17-24-unsat', generator: 'satquest', split: 'ood', axis: 'scale', n: 200, seed: 32, params: { label: 'SATDP_UNSAT', format: 'math', n: [17, 24], ratio: [2.1, 4] } },
  { id: 'sq-n25-32-satsp', generator: 'satquest', split: 'ood', axis: 'scale', n: 150, seed: 33, params: { label: 'SATSP', format: 'math', n: [25, 32], ratio: [2.1, 4] } },
  { id: 'sq-n25-32-sat', generator: 'satquest', split: 'ood', axis: 'scale', n: 150, seed: 33, params: { label: 'SATDP_SAT', format: 'math', n: [25, 32], ratio: [2.1, 4] } },
  { id: 'sq-n25-32-unsat', generator: 'satquest', split: 'ood', axis: 'scale', n: 150, seed: 33, params: { label: 'SATDP_UNSAT', format: 'math', n: [25, 32], ratio: [2.1, 4] } },
  // the far end of the ladder
  { id: 'sq-n33-40-satsp', generator: 'satquest', split: 'ood', axis: 'scale', n: 150, seed: 34, params: { label: 'SATSP', format: 'math', n: [33, 40], ratio: [2.1, 4] } },
  { id: 'sq-n33-40-sat', generator: 'satquest', split: 'ood', axis: 'scale', n: 150, seed: 34, params: { label: 'SATDP_SAT', format: 'math', n: [33, 40], ratio: [2.1, 4] } },
  { id: 'sq-n33-40-unsat', generator: 'satquest', split: 'ood', axis: 'scale', n: 150, seed: 34, params: { label: 'SATDP_UNSAT', format: 'math', n: [33, 40], ratio: [2.1, 4] } },
];

// prettier-ignore
export const taskSets: Record<string, readonly TaskSpec[]> = {
  all: tasks,
  core: pick(tasks, ['sq-id-satsp', 'sq-id-sat', 'sq-id-unsat', 'sq-type-maxsat', 'sq-type-mus', 'sq-dimacs-satsp', 'sq-story-satsp', 'sq-n9-16-satsp', 'sq-n17-24-satsp', 'sq-n33-40-satsp']),
  quick: [
    derive(tasks, 'sq-id-satsp', { id: 'sq-id', n: 10, seed: 7 }),
    derive(tasks, 'sq-n9-16-satsp', { id: 'sq-n9-16', n: 5, seed: 7 }),
    derive(tasks, 'sq-type-mus', { id: 'sq-mus', n: 5, seed: 7 }),
    derive(tasks, 'sq-story-satsp', { id: 'sq-story', n: 5, seed: 7 }),
  ],
};
