// instruct/sokoban: Sokoban as in the "Debunk the Myth of SFT Generalization" study, with its
// action-vocabulary (instruction) variants, room-size and box-count (difficulty) variants, Fake
// controls, the closed-loop protocol and a single-shot one. Rooms come from reverse play (solvable
// by construction); an exact backward search gives optimal plans and the oracle's move anywhere.
// See generators/instruct/README.md for the params, the ID/OOD regions and the upstream quirks.
import type { Rng } from '../../src/core/rng.js';
import { environmentEpisode, type Generator, type Problem } from '../../src/core/types.js';
import { DIRS, renderRows, rowCol, type Board, type Dir, type State } from './sokoban/board.js';
import { formatAnswer } from './sokoban/answers.js';
import { play } from './sokoban/dynamics.js';
import { closedLoopEnvironment, primeSetup, verifySokoban, type SokobanTruth } from './sokoban/environment.js';
import { parseSokobanParams, sokobanSchema, type SokobanParams } from './sokoban/params.js';
import { buildPrompt } from './sokoban/prompt.js';
import { tryRoom, type RoomFailure } from './sokoban/room.js';
import { Solver } from './sokoban/solver.js';
import { sameLabels, vocabulary, type Vocabulary } from './sokoban/variants.js';
import type { Game } from './sokoban/verify.js';

export type { SokobanParams } from './sokoban/params.js';
export type { SokobanTruth } from './sokoban/environment.js';

/** Attempts per item before the params are declared unable to produce a room. */
const MAX_ATTEMPTS = 2_000;

export interface DrawnRoom {
  board: Board;
  state: State;
  solver: Solver;
  plan: Dir[];
}

/**
 * A room whose optimal plan fits the turn budget. Attempts continue on the item's stream, so the
 * outcome is a pure function of (params, seed, index).
 */
export function drawRoom(p: SokobanParams, rng: Rng): DrawnRoom {
  const failures: Partial<Record<RoomFailure | 'plan-too-long', number>> = {};
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const room = tryRoom(p, rng);
    if (typeof room === 'string') {
      failures[room] = (failures[room] ?? 0) + 1;
      continue;
    }
    const solver = Solver.of(room.board, p.boxes);
    const plan = solver?.plan(room.state);
    if (!solver || !plan || plan.length === 0)
      throw new Error('instruct/sokoban: reverse play produced a room the solver cannot solve (a bug)');
    if (plan.length > p.maxTurns) {
      failures['plan-too-long'] = (failures['plan-too-long'] ?? 0) + 1;
      continue;
    }
    return { board: room.board, state: room.state, solver, plan };
  }
  const why = Object.entries(failures)
    .map(([k, v]) => `${k} ×${v}`)
    .join(', ');
  throw new Error(
    `instruct/sokoban: no room for size ${p.size} with ${p.boxes} boxes in ${MAX_ATTEMPTS} attempts (${why}); raise maxTurns or lower boxes`,
  );
}

/** The problem for a drawn room; `dedupRoom` is the room's own start (the key, whatever is shown). */
export function problemFromRoom(
  p: SokobanParams,
  room: DrawnRoom,
  scored: Vocabulary,
  shown: Vocabulary,
  dedupRoom: State = room.state,
): Problem {
  const { board, state, solver } = room;
  const plan = solver.plan(state);
  if (!plan || plan.length === 0) throw new Error('instruct/sokoban: the state shown must be unsolved and solvable');
  const labels = scored.labels;
  const game: Game = { board, start: state, solver, labels, maxTurns: p.maxTurns, optimal: plan.length };
  const closedLoop = p.protocol === 'closed-loop';

  const reference = formatAnswer(closedLoop ? [labels[plan[0]!]] : plan.map((d) => labels[d]));
  const fake = shown.section !== 'none' && !sameLabels(shown.labels, labels);
  const truth: SokobanTruth = {
    rows: renderRows(board, state),
    player: rowCol(board, state.player),
    boxes: state.boxes.map((b) => rowCol(board, b)),
    targets: board.targets.map((t) => rowCol(board, t)),
    plan,
    planLength: plan.length,
    labels,
    variant: scored.variant,
    protocol: p.protocol,
    maxTurns: p.maxTurns,
  };
  if (shown !== scored) Object.assign(truth, { promptLabels: shown.labels, promptVariant: shown.variant });
  primeSetup(truth, { game, shown, protocol: p.protocol });
  const verify = (r: string) => verifySokoban(truth, r);
  const check = verify(reference);
  if (!check.correct) throw new Error(`instruct/sokoban: the oracle's answer failed verification: ${check.reason}`);

  const problem: Problem = {
    messages: [{ role: 'user', content: buildPrompt(board, state, shown, p.protocol, p.maxTurns) }],
    truth,
    reference,
    difficulty: {
      size: p.size,
      boxes: p.boxes,
      variant: scored.variant,
      promptVariant: shown.variant,
      fake: fake ? 1 : 0,
      protocol: p.protocol,
      maxTurns: p.maxTurns,
      planLength: plan.length,
      pushes: pushCount(board, state, plan),
      floor: solver.space.floorCount,
      start: p.start,
    },
    dedupKey: `sokoban|size=${p.size}|boxes=${p.boxes}|${renderRows(board, dedupRoom).join('/')}`,
    verify,
    randomAnswer: closedLoop
      ? (rng) => formatAnswer([labels[rng.pick(DIRS)]])
      : (rng) => formatAnswer(Array.from({ length: p.maxTurns }, () => labels[rng.pick(DIRS)])),
  };
  if (closedLoop) problem.episode = () => environmentEpisode(closedLoopEnvironment, truth);
  return problem;
}

function pushCount(board: Board, state: State, plan: readonly Dir[]): number {
  let pushes = 0;
  let s = state;
  for (const d of plan) {
    const next = play(board, s, [d]);
    if (next.boxes.some((b, i) => b !== s.boxes[i])) pushes++;
    s = next;
  }
  return pushes;
}

export function generateSokoban(p: SokobanParams, rng: Rng): Problem {
  // The vocabularies have streams of their own, so a variant never changes the room: tasks with
  // the same seed, size and boxes show the same rooms and can be compared item by item.
  const scored = vocabulary(p.variant, rng.fork('sokoban:vocabulary'), p.labels);
  const shown = p.promptVariant ? vocabulary(p.promptVariant, rng.fork('sokoban:prompt-vocabulary')) : scored;
  const room = drawRoom(p, rng);
  if (p.start === 'initial') return problemFromRoom(p, room, scored, shown);
  const k = rng.fork('sokoban:start').int(0, room.plan.length - 1);
  const state = play(room.board, room.state, room.plan.slice(0, k));
  return problemFromRoom(p, { ...room, state, plan: room.plan.slice(k) }, scored, shown, room.state);
}

export const sokoban: Generator<SokobanParams> = {
  name: 'instruct/sokoban',
  version: '1',
  family: 'sokoban',
  description:
    'Sokoban (Debunk study): action-vocabulary and room-size/box-count variants, Fake controls, closed-loop or single-shot play.',
  parseParams: parseSokobanParams,
  params: sokobanSchema,
  generate: generateSokoban,
  verifierVersion: '1',
  verify: verifySokoban,
  environment: closedLoopEnvironment,
};
