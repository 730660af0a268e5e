// The contracts every part of genbench agrees on. Generators produce Problems, the runner drives
// Episodes through a Model, and verifiers return Verdicts. Nothing here knows about SQL or HTTP.
import type { Rng } from './rng.js';
import type { ParamSchema } from './params.js';

export type Split = 'train' | 'id' | 'ood';
export const SPLITS: readonly Split[] = ['train', 'id', 'ood'];

export interface TextPart {
  type: 'text';
  text: string;
}
/** An image travels as base64 bytes; providers turn it into their own image block. */
export interface ImagePart {
  type: 'image';
  mediaType: 'image/png' | 'image/jpeg';
  data: string;
}
export type ContentPart = TextPart | ImagePart;

export interface Message {
  role: 'system' | 'user' | 'assistant';
  /** A plain string is shorthand for one text part. */
  content: string | ContentPart[];
}

export interface Verdict {
  correct: boolean;
  /** 0..1; partial credit where the task defines it, otherwise 1 for correct and 0 for wrong. */
  score: number;
  /** Did the answer parse in the requested format at all? */
  formatOk: boolean;
  /** What the verifier read out of the response (the formula, the assignment, the plan). */
  parsed?: unknown;
  /** Human-readable reason, shown in reports and fed back in revision protocols. */
  reason?: string;
  /** Task-specific metrics (per-constraint results, valid-action share, ...). JSON only. */
  details?: Record<string, unknown>;
}

/**
 * What the model is asked at one turn. `reference` and `randomAnswer` are read only by the
 * baseline providers (oracle and chance level); real models never see them.
 */
export interface Turn {
  messages: Message[];
  reference?: string;
  randomAnswer?: (rng: Rng) => string;
}

export type EpisodeStep = { done: true; verdict: Verdict } | ({ done: false } & Turn);

/**
 * A stateful dialogue with a model about one problem. Single-turn problems use the default
 * episode (ask once, verify the reply); multi-turn protocols (Sokoban's closed loop, the 24-game
 * revision loop) supply their own. One instance serves one (item, sample) and is then dropped.
 */
export interface Episode {
  start(): Turn;
  step(reply: string): EpisodeStep;
}

export interface Problem {
  /** The first user turn (text and image parts). */
  messages: Message[];
  /** Machine-readable ground truth (plain JSON), enough to verify without this code. */
  truth: unknown;
  /** One correct answer in the requested format: what baseline:oracle replies. */
  reference?: string;
  /** The knobs that place the problem on the ID/OOD map. */
  difficulty: Record<string, number | string>;
  /** Total and pure: any string in, a Verdict out, never an exception. */
  verify(response: string): Verdict;
  /** A chance-level answer in the right format, for baseline:random. */
  randomAnswer?(rng: Rng): string;
  /** Multi-turn protocol; absent means one turn: ask `messages`, verify the reply. */
  episode?(): Episode;
  /**
   * Identity of the underlying instance for de-duplication (e.g. the sorted card multiset and
   * rule). Training data never contains an instance whose key appears in an eval split.
   * Defaults to a hash of the messages.
   */
  dedupKey?: string;
}

export interface Generator<P = unknown> {
  /** 'instruct/general-points', 'satquest/decision', 'omega/arithmetic-gcd' */
  name: string;
  /** Bump whenever the Problem for the same (params, seed, index) changes. */
  version: string;
  /** One line for `bench list`. */
  description: string;
  /**
   * The family the ID − OOD gap is reported for ('general-points', 'sokoban', 'omega', ...).
   * Defaults to the part of `name` before the first '/'.
   */
  family?: string;
  /** Validate and fill defaults. Throws a ParamError naming the bad field and the accepted values. */
  parseParams(raw: unknown): P;
  /**
   * The declared parameters (src/core/params.ts), for discovery: `bench list <generator>` prints
   * them. `parseParams` stays the contract; built-ins parse through this schema.
   */
  params?: ParamSchema<unknown>;
  /** Pure: the same (params, rng state) gives the same Problem. */
  generate(params: P, rng: Rng): Problem;
  /**
   * Version of `verify` and `environment`: bump when the verdict for the same truth and reply
   * changes. Kept apart from `version`, so item ids (which hash `version`) survive verifier fixes.
   */
  verifierVersion: string;
  /**
   * Pure and total: the stored `truth` (plain JSON, as `generate` made it) and one reply in, a
   * Verdict out. Needs no other state; `Problem.verify` is a thin wrapper around it. For a
   * multi-turn item it scores one reply to the first turn on its own.
   */
  verify(truth: unknown, response: string): Verdict;
  /** Multi-turn protocols (Sokoban closed loop, 24-game revision) as a pure step function. */
  environment?: Environment;
  /**
   * Family metrics over the verdict `details` of a set of items (e.g. TravelPlanner's delivery,
   * micro and macro rates). Reports show them per task and split, next to accuracy; keys with a
   * dot ('<group>.<check>', '<group>.<check>.applicable') are per-check rates for the site's check
   * tables only (scoreboard's isPerCheckMetric).
   */
  summarizeDetails?(details: readonly unknown[]): Record<string, number>;
  /** Extra formats for `bench generate --format <name> --out <dir>` (e.g. TravelPlanner's own layout). */
  exporters?: Record<string, (outDir: string) => Exporter>;
}

/**
 * A multi-turn protocol as pure functions over an explicit, JSON-serialisable state: what the
 * runner's Episode, `bench rescore` (replaying a stored transcript) and `bench serve`'s
 * environment API all drive. `start` is undefined for items of the family that are single-turn.
 */
export interface Environment<S = any> {
  start(truth: unknown): { state: S; turn: Turn } | undefined;
  step(truth: unknown, state: S, reply: string): EnvironmentStep<S>;
}

export type EnvironmentStep<S = any> =
  | { done: true; state: S; verdict: Verdict; feedback?: string }
  | { done: false; state: S; turn: Turn; feedback?: string };

/** Receives the items of a `bench generate --format` call, one task after another. */
export interface Exporter {
  add(taskId: string, problem: Problem): void | Promise<void>;
  /** Writes what is left and returns a one-line summary of what was written. */
  finish(): string | Promise<string>;
}

/** Thrown by parseParams; the suite loader adds file and line. */
export class ParamError extends Error {
  /** The message without the field. */
  readonly reason: string;
  /**
   * `field` is the path as text ('rule.K', 'tasks[2]'); `path` its parts, where the thrower knows
   * them (src/core/params.ts always does).
   */
  constructor(
    public readonly field: string,
    message: string,
    public readonly path?: readonly (string | number)[],
  ) {
    super(`${field}: ${message}`);
    this.name = 'ParamError';
    this.reason = message;
  }
}

/** The single-turn episode: ask once, verify the reply. */
export function singleTurnEpisode(problem: Problem): Episode {
  return {
    start: () => ({
      messages: problem.messages,
      reference: problem.reference,
      randomAnswer: problem.randomAnswer?.bind(problem),
    }),
    step: (reply) => ({ done: true, verdict: problem.verify(reply) }),
  };
}

/** The runner's Episode over an Environment: the state lives here, the rules in pure functions. */
export function environmentEpisode(env: Environment, truth: unknown): Episode {
  const first = env.start(truth);
  if (!first) throw new Error('environmentEpisode: this item is single-turn');
  let state = first.state;
  let final: Verdict | undefined;
  return {
    start: () => first.turn,
    step(reply: string): EpisodeStep {
      // One instance serves one episode; a step after the end repeats the outcome.
      if (final) return { done: true, verdict: final };
      const next = env.step(truth, state, reply);
      state = next.state;
      if (next.done) return { done: true, verdict: (final = next.verdict) };
      return { done: false, ...next.turn };
    },
  };
}

export function episodeOf(problem: Problem): Episode {
  return problem.episode ? problem.episode() : singleTurnEpisode(problem);
}

/** Text of a message, image parts left out. */
export function messageText(m: Message): string {
  return typeof m.content === 'string'
    ? m.content
    : m.content
        .filter((p): p is TextPart => p.type === 'text')
        .map((p) => p.text)
        .join('');
}
