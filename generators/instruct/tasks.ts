// The instruct tasks, defined once: suites name a set (`include: instruct#core` in a suite's tasks:).
// 'all' is suites/instruct.yaml; see any suite resolved with `bench suite <name>`.
import { derive, pick, type TaskSpec } from '../../src/core/family.js';

// prettier-ignore
export const tasks: TaskSpec[] = [
  { id: 'gp-id', generator: 'instruct/general-points', split: 'id', axis: 'rule', n: 200, seed: 42, params: { rule: 'face10', sampling: 'face', cards: 4 } },
  { id: 'gp-regular', generator: 'instruct/general-points', split: 'ood', axis: 'rule', n: 200, seed: 43, params: { rule: 'regular', sampling: 'face', cards: 4 } },
  { id: 'gp-all5', generator: 'instruct/general-points', split: 'ood', axis: 'rule', n: 200, seed: 44, params: { rule: 'all5', sampling: 'face', cards: 4 } },
  { id: 'gp-all7', generator: 'instruct/general-points', split: 'ood', axis: 'rule', n: 200, seed: 45, params: { rule: 'all7', sampling: 'face', cards: 4 } },
  { id: 'gp-all12', generator: 'instruct/general-points', split: 'ood', axis: 'rule', n: 200, seed: 46, params: { rule: 'all12', sampling: 'face', cards: 4 } },
  { id: 'gp-large', generator: 'instruct/general-points', split: 'ood', axis: 'value', n: 200, seed: 47, params: { rule: 'face10', sampling: 'large', cards: 4 } },
  // upstream draws 5-card hands without the face-card guarantee
  { id: 'gp-five', generator: 'instruct/general-points', split: 'ood', axis: 'difficulty', n: 200, seed: 48, params: { rule: 'face10', sampling: 'normal', cards: 5 } },
  // prompt says 11/12/13, scored with J/Q/K = 10
  { id: 'gp-fake-regular', generator: 'instruct/general-points', split: 'ood', axis: 'control', role: 'control', n: 100, seed: 49, params: { rule: 'face10', promptRule: 'regular', sampling: 'face', cards: 4 } },
  // prompt says all 5, scored with J/Q/K = 10
  { id: 'gp-fake-all5', generator: 'instruct/general-points', split: 'ood', axis: 'control', role: 'control', n: 100, seed: 50, params: { rule: 'face10', promptRule: 'all5', sampling: 'face', cards: 4 } },
  // SFTvsRL sequential revision: up to 5 attempts with verifier feedback
  { id: 'gp-id-revision', generator: 'instruct/general-points', split: 'id', axis: 'protocol', n: 100, seed: 51, params: { rule: 'face10', sampling: 'face', cards: 4, protocol: 'revision', maxAttempts: 5 } },
  // Sokoban.
  // ID is the training distribution of the Debunk Sokoban checkpoints: 6x6 rooms, 1 box, the base
  // labels Up/Down/Left/Right, played as a closed loop (one action per turn, the current grid each
  // turn, no history, 30 turns). OOD-instruction rows change only the action vocabulary; they share
  // seed 42 with the ID row, so they show the very same rooms. OOD-difficulty rows change the room
  // size and the box count. The Fake controls show one vocabulary and score the base labels: a model
  // that follows the prompt fails them, so high Fake success means the model ignores the
  // instruction. The train rows feed `bench generate --split train` (states along optimal plans,
  // never an eval room); `--task sk-train-diverse` gives the diverse-vocabulary data. See
  // generators/instruct/README.md.
  { id: 'sk-id', generator: 'instruct/sokoban', split: 'id', axis: 'instruction', n: 200, seed: 42, params: { variant: 'base', size: 6, boxes: 1 } },
  { id: 'sk-cardinal', generator: 'instruct/sokoban', split: 'ood', axis: 'instruction', n: 100, seed: 42, params: { variant: 'cardinal', size: 6, boxes: 1 } },
  { id: 'sk-emoji', generator: 'instruct/sokoban', split: 'ood', axis: 'instruction', n: 100, seed: 42, params: { variant: 'emoji', size: 6, boxes: 1 } },
  { id: 'sk-numerical', generator: 'instruct/sokoban', split: 'ood', axis: 'instruction', n: 100, seed: 42, params: { variant: 'numerical', size: 6, boxes: 1 } },
  { id: 'sk-alphabetical', generator: 'instruct/sokoban', split: 'ood', axis: 'instruction', n: 100, seed: 42, params: { variant: 'alphabetical', size: 6, boxes: 1 } },
  { id: 'sk-random', generator: 'instruct/sokoban', split: 'ood', axis: 'instruction', n: 100, seed: 42, params: { variant: 'random', size: 6, boxes: 1 } },
  // no Answers section; scored with the base labels
  { id: 'sk-empty', generator: 'instruct/sokoban', split: 'ood', axis: 'instruction', n: 100, seed: 42, params: { variant: 'empty', size: 6, boxes: 1 } },
  // Debunk "Large"
  { id: 'sk-large', generator: 'instruct/sokoban', split: 'ood', axis: 'difficulty', n: 100, seed: 43, params: { variant: 'base', size: 10, boxes: 1 } },
  // Debunk "TwoBoxes"
  { id: 'sk-two-boxes', generator: 'instruct/sokoban', split: 'ood', axis: 'difficulty', n: 100, seed: 43, params: { variant: 'base', size: 6, boxes: 2 } },
  // Debunk "Complex"
  { id: 'sk-complex', generator: 'instruct/sokoban', split: 'ood', axis: 'difficulty', n: 100, seed: 43, params: { variant: 'base', size: 10, boxes: 2 } },
  // size ladder, 1 box (6 is ID, 10 is sk-large)
  { id: 'sk-size-5', generator: 'instruct/sokoban', split: 'ood', axis: 'scale', n: 100, seed: 44, params: { variant: 'base', size: 5, boxes: 1 } },
  { id: 'sk-size-7', generator: 'instruct/sokoban', split: 'ood', axis: 'scale', n: 100, seed: 44, params: { variant: 'base', size: 7, boxes: 1 } },
  { id: 'sk-size-8', generator: 'instruct/sokoban', split: 'ood', axis: 'scale', n: 100, seed: 44, params: { variant: 'base', size: 8, boxes: 1 } },
  { id: 'sk-size-9', generator: 'instruct/sokoban', split: 'ood', axis: 'scale', n: 100, seed: 44, params: { variant: 'base', size: 9, boxes: 1 } },
  // shows 1/2/3/4, scores Up/Down/Left/Right (Debunk's Fake)
  { id: 'sk-fake-numerical', generator: 'instruct/sokoban', split: 'ood', axis: 'control', role: 'control', n: 100, seed: 42, params: { variant: 'base', promptVariant: 'numerical', size: 6, boxes: 1 } },
  // shows North/South/West/East, scores Up/Down/Left/Right
  { id: 'sk-fake-cardinal', generator: 'instruct/sokoban', split: 'ood', axis: 'control', role: 'control', n: 100, seed: 42, params: { variant: 'base', promptVariant: 'cardinal', size: 6, boxes: 1 } },
  // shows the arrow emojis, scores Up/Down/Left/Right
  { id: 'sk-fake-emoji', generator: 'instruct/sokoban', split: 'ood', axis: 'control', role: 'control', n: 100, seed: 42, params: { variant: 'base', promptVariant: 'emoji', size: 6, boxes: 1 } },
  // the whole action sequence in one reply, checked by simulation
  { id: 'sk-id-single-shot', generator: 'instruct/sokoban', split: 'id', axis: 'protocol', n: 200, seed: 45, params: { variant: 'base', size: 6, boxes: 1, protocol: 'single-shot' } },
  // answer-only SFT data: (state, next action) along optimal plans
  { id: 'sk-train-base', generator: 'instruct/sokoban', split: 'train', axis: 'instruction', n: 50, seed: 46, params: { variant: 'base', size: 6, boxes: 1, start: 'plan' } },
  // diverse-prompt SFT data: a fresh four-word vocabulary per item
  { id: 'sk-train-diverse', generator: 'instruct/sokoban', split: 'train', axis: 'instruction', n: 50, seed: 47, params: { variant: 'diverse', size: 6, boxes: 1, start: 'plan' } },
];

// prettier-ignore
export const taskSets: Record<string, readonly TaskSpec[]> = {
  all: tasks,
  core: pick(tasks, ['gp-id', 'gp-regular', 'gp-all5', 'gp-large', 'gp-five', 'gp-fake-regular', 'sk-id', 'sk-cardinal', 'sk-numerical', 'sk-random', 'sk-complex', 'sk-fake-numerical']),
  quick: [
    derive(tasks, 'gp-id', { n: 20, seed: 7 }),
    derive(tasks, 'gp-regular', { n: 20, seed: 7 }),
    derive(tasks, 'gp-large', { n: 10, seed: 7 }),
    derive(tasks, 'gp-five', { n: 10, seed: 7 }),
    derive(tasks, 'sk-id', { n: 10, seed: 7 }),
    derive(tasks, 'sk-numerical', { n: 10, seed: 7 }),
    derive(tasks, 'sk-complex', { n: 5, seed: 7 }),
    derive(tasks, 'sk-fake-numerical', { n: 5, seed: 7 }),
  ],
};
