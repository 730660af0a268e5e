// Scoring as a library: a stored truth and a reply (or a whole transcript of a multi-turn episode)
// in, a reward record out. `bench score`, `bench rescore` and `bench serve` are thin layers over
// this file; nothing here knows about files, SQL or HTTP.
import type { Generator, Verdict } from '../core/types.js';
import { safeVerify, wrong } from '../core/verdict.js';
import { getGenerator, registry, UnknownGeneratorError } from '../../generators/index.js';

/** Longest reply scored as given; verifiers clamp again, this keeps what we hold bounded. */
export const MAX_RESPONSE_CHARS = 1_000_000;
/** Most replies in one transcript (the runner stops an episode at 200 turns). */
export const MAX_TRANSCRIPT_TURNS = 200;

/** One scored answer, as `bench score` writes it and `POST /score` returns it. */
export interface ScoreRecord {
  /** The request's id, when it named one. */
  id?: string;
  generator: string;
  verdict: 'correct' | 'wrong';
  correct: boolean;
  /** In [0, 1]: the verdict's score (1/0, or the family's partial credit, e.g. TravelPlanner's share of checks). */
  reward: number;
  formatOk: boolean;
  reason?: string;
  parsed?: unknown;
  details?: Record<string, unknown>;
  verifierVersion: string;
  /** Multi-turn: the number of replies the episode used. */
  turns?: number;
}

export interface ScoreFailure {
  id?: string;
  error: string;
}

/** Thrown for a request that cannot be scored at all (unknown generator, missing truth); the reason is for the caller. */
export class ScoreInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScoreInputError';
  }
}

/** Wrong types are a wrong answer, not an error: a trainer's batch must not fail on one bad sample. */
function asText(x: unknown): string {
  if (typeof x !== 'string') return '';
  return x.length > MAX_RESPONSE_CHARS ? x.slice(0, MAX_RESPONSE_CHARS) : x;
}

/**
 * Replays a transcript through a multi-turn item's pure step function: the verdict the episode
 * would end with. Replies after the end are ignored (and counted); a transcript that stops before
 * the end is scored wrong.
 */
export function replayTranscript(g: Generator, truth: unknown, replies: readonly string[]): Verdict {
  const env = g.environment;
  const first = env?.start(truth);
  if (!env || !first) return safeVerify((r) => g.verify(truth, r), replies[replies.length - 1] ?? '');
  let state = first.state;
  for (let i = 0; i < replies.length; i++) {
    let next;
    try {
      next = env.step(truth, state, replies[i]!);
    } catch (err) {
      return wrong(`verifier error: ${(err as Error).message}`, false);
    }
    if (next.done) {
      const v = safeVerify(() => next.verdict, '');
      return i < replies.length - 1 ? { ...v, details: { ...v.details, ignoredReplies: replies.length - 1 - i } } : v;
    }
    state = next.state;
  }
  return wrong(
    `the transcript ends after ${replies.length} repl${replies.length === 1 ? 'y' : 'ies'}, before the episode does`,
    false,
    undefined,
    0,
    { incomplete: true, turns: replies.length },
  );
}

/** True when items of this generator with this truth are multi-turn episodes. */
export function isEpisodic(g: Generator, truth: unknown): boolean {
  try {
    return Boolean(g.environment?.start(truth));
  } catch {
    return false;
  }
}

/**
 * Scores one reply (`response`) or one transcript (`responses`, multi-turn items) against a truth.
 * A single reply to a multi-turn item is scored on its own, as the answer to the first turn.
 */
export function scoreAgainst(
  g: Generator,
  truth: unknown,
  request: { response?: unknown; responses?: unknown },
  id?: string,
): ScoreRecord {
  let verdict: Verdict;
  let turns: number | undefined;
  if (request.responses !== undefined) {
    if (!Array.isArray(request.responses))
      throw new ScoreInputError('responses must be a list of strings (a transcript)');
    if (request.responses.length > MAX_TRANSCRIPT_TURNS)
      throw new ScoreInputError(`responses has ${request.responses.length} replies; at most ${MAX_TRANSCRIPT_TURNS}`);
    const replies = request.responses.map((r) => asText(r));
    verdict = replayTranscript(g, truth, replies);
    turns = replies.length;
  } else {
    verdict = safeVerify((r) => g.verify(truth, r), asText(request.response));
  }
  return recordOf(g, verdict, id, turns);
}

export function recordOf(g: Generator, v: Verdict, id?: string, turns?: number): ScoreRecord {
  const out: ScoreRecord = {
    generator: g.name,
    verdict: v.correct ? 'correct' : 'wrong',
    correct: v.correct,
    reward: Number.isFinite(v.score) ? Math.min(1, Math.max(0, v.score)) : 0,
    formatOk: v.formatOk,
    verifierVersion: g.verifierVersion,
  };
  if (id !== undefined) out.id = id;
  if (v.reason !== undefined) out.reason = v.reason;
  if (v.parsed !== undefined) out.parsed = v.parsed;
  if (v.details !== undefined) out.details = v.details;
  if (turns !== undefined) out.turns = turns;
  return out;
}

/** Where `{id, response}` requests find their item: the database, a suite, or both. */
export type ItemLookup = (id: string) => { generator: string; truth: unknown } | undefined;

/**
 * One request line of `bench score` / `POST /score`: `{id, response}` for an item the lookup
 * knows, or `{generator, truth, response}`; `responses` instead of `response` for a transcript.
 * Never throws: a request that cannot be scored gets `{error}` with the reason.
 */
export function scoreRequest(raw: unknown, lookup?: ItemLookup): ScoreRecord | ScoreFailure {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    return { error: 'expected a JSON object {id, response} or {generator, truth, response}' };
  const req = raw as Record<string, unknown>;
  const id = typeof req.id === 'string' ? req.id : undefined;
  if (req.id !== undefined && id === undefined) return { error: 'id must be a string' };
  try {
    if (req.response === undefined && req.responses === undefined)
      throw new ScoreInputError("missing 'response' (or 'responses' for a transcript)");
    let generatorName = req.generator;
    let truth = req.truth;
    if (truth === undefined) {
      if (id === undefined)
        throw new ScoreInputError("give 'truth' and 'generator', or the 'id' of an item genbench knows");
      const found = lookup?.(id);
      if (!found)
        throw new ScoreInputError(
          `unknown item id '${id}': ${lookup ? 'not among the items genbench knows here (a --db or --suite holding it)' : 'no item source configured'}; or send generator and truth`,
        );
      if (generatorName !== undefined && generatorName !== found.generator)
        throw new ScoreInputError(
          `item '${id}' belongs to generator '${found.generator}', not '${String(generatorName)}'`,
        );
      generatorName = found.generator;
      truth = found.truth;
    }
    if (typeof generatorName !== 'string')
      throw new ScoreInputError("missing 'generator' (a name from 'bench list generators')");
    if (typeof truth === 'string') {
      // Trainer exports carry truth as a JSON string (one type in every row): accept it back.
      try {
        truth = JSON.parse(truth);
      } catch {
        throw new ScoreInputError('truth is a string but not JSON');
      }
    }
    const g = getGenerator(generatorName);
    return scoreAgainst(g, truth, req, id);
  } catch (err) {
    const message =
      err instanceof ScoreInputError || err instanceof UnknownGeneratorError
        ? err.message
        : `internal error: ${(err as Error)?.message ?? String(err)}`;
    return id === undefined ? { error: message } : { id, error: message };
  }
}

export function knownGenerator(name: string): boolean {
  return registry.has(name);
}
