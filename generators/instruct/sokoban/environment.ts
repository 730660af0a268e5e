// Verification from the stored truth alone, and the closed loop of the Debunk evaluation as a pure
// step function. Each turn the model sees the full instruction with the current grid and no
// history, and answers one action. A reply that is not a label of the scoring vocabulary executes
// nothing but uses up the turn. The episode ends when every box is on a target (success) or after
// `maxTurns` turns. Each turn's reference is the oracle's move for the state the model actually
// reached, so baseline:oracle wins from anywhere that is still winnable.
import type { Environment, EnvironmentStep, Turn, Verdict } from '../../../src/core/types.js';
import { correct, wrong } from '../../../src/core/verdict.js';
import { DIRS, boxesOnTargets, isSolved, parseRows, type Dir, type State } from './board.js';
import { formatAnswer, readAction } from './answers.js';
import { step } from './dynamics.js';
import { buildPrompt } from './prompt.js';
import { Solver } from './solver.js';
import { VARIANTS, vocabularyOf, type LabelTable, type VariantName, type Vocabulary } from './variants.js';
import { moveLetters, verifyNextAction, verifySequence, type Game } from './verify.js';

/** Ground truth, enough to replay and check any answer without this code. */
export interface SokobanTruth {
  /** The state shown, as rows of symbols (# _ O X √ P S). */
  rows: string[];
  /** [row, column] from the top left, 0-based. */
  player: [number, number];
  boxes: [number, number][];
  targets: [number, number][];
  /** The oracle's optimal plan from the state shown, as directions. */
  plan: Dir[];
  planLength: number;
  /** The scoring vocabulary: direction → label. */
  labels: LabelTable;
  variant: VariantName;
  /** The vocabulary the prompt shows, only in Fake controls. */
  promptLabels?: LabelTable;
  promptVariant?: VariantName;
  protocol: 'closed-loop' | 'single-shot';
  maxTurns: number;
}

/** Everything the rules need, rebuilt from a truth. */
export interface SokobanSetup {
  game: Game;
  shown: Vocabulary;
  protocol: SokobanTruth['protocol'];
}

// Rebuilding the solver's distance table is the expensive part: keep the last rooms seen
// (a memo of a pure function, so results never depend on it).
const SETUP_CACHE_LIMIT = 128;
const setups = new Map<string, SokobanSetup>();

function setupKey(t: Partial<SokobanTruth>, variant: string, promptVariant: string): string {
  return JSON.stringify([t.rows, t.labels, t.protocol, t.maxTurns, variant, promptVariant, t.promptLabels ?? null]);
}

function remember(key: string, setup: SokobanSetup): void {
  if (setups.size >= SETUP_CACHE_LIMIT) setups.delete(setups.keys().next().value!);
  setups.set(key, setup);
}

/** The generator already has the solver of a room it just made: spare the verifier rebuilding it. */
export function primeSetup(truth: SokobanTruth, setup: SokobanSetup): void {
  remember(setupKey(truth, truth.variant, truth.promptVariant ?? truth.variant), setup);
}

function isLabelTable(x: unknown): x is LabelTable {
  return (
    Boolean(x) && typeof x === 'object' && DIRS.every((d) => typeof (x as Record<string, unknown>)[d] === 'string')
  );
}

/** The setup of a truth, or what is wrong with the truth. */
export function setupOf(truth: unknown): SokobanSetup | string {
  const t = truth as Partial<SokobanTruth> | null;
  if (!t || typeof t !== 'object') return 'truth is not an object';
  if (!Array.isArray(t.rows) || !t.rows.every((r) => typeof r === 'string') || t.rows.length > 64)
    return 'truth.rows must be a list of strings';
  if (!isLabelTable(t.labels)) return 'truth.labels must map Up, Down, Left, Right to labels';
  if (t.protocol !== 'closed-loop' && t.protocol !== 'single-shot')
    return "truth.protocol must be 'closed-loop' or 'single-shot'";
  if (!Number.isSafeInteger(t.maxTurns) || t.maxTurns! < 1 || t.maxTurns! > 10_000)
    return 'truth.maxTurns must be a positive integer';
  const variant = (VARIANTS as readonly string[]).includes(t.variant as string) ? t.variant! : 'custom';
  const promptVariant = (VARIANTS as readonly string[]).includes(t.promptVariant as string)
    ? t.promptVariant!
    : variant;
  const key = setupKey(t, variant, promptVariant);
  const hit = setups.get(key);
  if (hit) return hit;
  let parsed;
  try {
    parsed = parseRows(t.rows);
  } catch (err) {
    return `truth.rows: ${(err as Error).message}`;
  }
  const solver = Solver.of(parsed.board, parsed.state.boxes.length);
  if (!solver) return 'truth.rows: the room has no solver (box and target counts differ, or too many states)';
  const optimal = solver.distance(parsed.state);
  const game: Game = {
    board: parsed.board,
    start: parsed.state,
    solver,
    labels: t.labels,
    maxTurns: t.maxTurns!,
    optimal,
  };
  const shown = vocabularyOf(promptVariant, isLabelTable(t.promptLabels) ? t.promptLabels : t.labels);
  const setup: SokobanSetup = { game, shown, protocol: t.protocol };
  remember(key, setup);
  return setup;
}

export function verifySokoban(truth: unknown, response: string): Verdict {
  const s = setupOf(truth);
  if (typeof s === 'string') return wrong(`cannot verify: ${s}`, false);
  return s.protocol === 'closed-loop' ? verifyNextAction(response, s.game) : verifySequence(response, s.game);
}

/** The closed loop's state: plain JSON. */
export interface ClosedLoopState {
  player: number;
  boxes: number[];
  turns: number;
  validTurns: number;
  effective: number;
  /** One letter per turn (U, D, L, R), '.' for a reply without a valid action. */
  actions: string;
  lastInvalid?: string;
}

export function promptFor(s: SokobanSetup, state: State): string {
  return buildPrompt(s.game.board, state, s.shown, s.protocol, s.game.maxTurns);
}

function turnOf(s: SokobanSetup, state: State): Turn {
  const { game } = s;
  return {
    messages: [{ role: 'user', content: promptFor(s, state) }],
    // From a dead end no move wins; the oracle then answers Up, which is as good as any.
    reference: formatAnswer([game.labels[game.solver.bestMove(state) ?? 'Up']]),
    randomAnswer: (rng) => formatAnswer([game.labels[rng.pick(DIRS)]]),
  };
}

function finish(s: SokobanSetup, st: ClosedLoopState): Verdict {
  const { game } = s;
  const state: State = { player: st.player, boxes: st.boxes };
  const solved = isSolved(game.board, state);
  const details = {
    solved,
    turns: st.turns,
    validTurns: st.validTurns,
    validActionShare: st.turns ? st.validTurns / st.turns : 0,
    effectiveActions: st.effective,
    boxesOnTargets: boxesOnTargets(game.board, state),
    boxes: state.boxes.length,
    optimalLength: game.optimal,
    deadEnd: !solved && game.solver.distance(state) < 0,
    actions: st.actions,
  };
  if (solved) return { ...correct(st.actions, details), formatOk: st.validTurns === st.turns };
  const invalid =
    st.validTurns < st.turns
      ? `; ${st.turns - st.validTurns} of ${st.turns} replies had no valid action${st.lastInvalid ? ` (last: ${st.lastInvalid})` : ''}`
      : '';
  return wrong(
    `not solved in ${game.maxTurns} turns: ${details.boxesOnTargets} of ${details.boxes} boxes on targets${invalid}`,
    st.validTurns === st.turns,
    st.actions,
    0,
    details,
  );
}

function validState(s: SokobanSetup, st: ClosedLoopState): boolean {
  const cells = s.game.board.wall.length;
  const ok = (c: unknown) =>
    Number.isSafeInteger(c) && (c as number) >= 0 && (c as number) < cells && s.game.board.wall[c as number] === 0;
  return (
    Boolean(st) &&
    ok(st.player) &&
    Array.isArray(st.boxes) &&
    st.boxes.length === s.game.start.boxes.length &&
    st.boxes.every(ok) &&
    Number.isSafeInteger(st.turns) &&
    typeof st.actions === 'string'
  );
}

export const closedLoopEnvironment: Environment<ClosedLoopState> = {
  start(truth) {
    const s = setupOf(truth);
    if (typeof s === 'string' || s.protocol !== 'closed-loop') return undefined;
    const state: ClosedLoopState = {
      player: s.game.start.player,
      boxes: [...s.game.start.boxes],
      turns: 0,
      validTurns: 0,
      effective: 0,
      actions: '',
    };
    return { state, turn: turnOf(s, s.game.start) };
  },
  step(truth, st, reply): EnvironmentStep<ClosedLoopState> {
    const s = setupOf(truth);
    if (typeof s === 'string') return { done: true, state: st, verdict: wrong(`cannot verify: ${s}`, false) };
    if (!validState(s, st))
      return { done: true, state: st, verdict: wrong('the episode state is not a state of this room', false) };
    let state: State = { player: st.player, boxes: st.boxes };
    const next: ClosedLoopState = { ...st, turns: st.turns + 1 };
    const read = readAction(reply, s.game.labels);
    let feedback: string | undefined;
    if ('dir' in read) {
      next.validTurns++;
      const r = step(s.game.board, state, read.dir);
      if (r.moved) next.effective++;
      state = r.state;
      next.actions += moveLetters([read.dir]);
    } else {
      next.lastInvalid = read.failure;
      next.actions += '.';
      feedback = read.failure;
    }
    next.player = state.player;
    next.boxes = [...state.boxes];
    if (isSolved(s.game.board, state) || next.turns >= s.game.maxTurns)
      return { done: true, state: next, verdict: finish(s, next) };
    return { done: false, state: next, turn: turnOf(s, state), feedback };
  },
};
