// Verification from the stored truth alone, and sequential revision (SFTvsRL, evaluation and RL)
// as a pure step function: after a failed attempt the model's reply and "You failed this trial
// because {reason}." are appended, up to `maxAttempts` attempts; the episode succeeds if any
// attempt is correct. The state is plain JSON, so a server can hold it and a transcript replays.
import type { Environment, EnvironmentStep, Message, Turn, Verdict } from '../../../src/core/types.js';
import { wrong } from '../../../src/core/verdict.js';
import { formatAnswer, randomFormula } from './answers.js';
import { buildPrompt } from './prompt.js';
import type { FaceRule } from './rules.js';
import { verifyAnswer } from './verify.js';

/** Ground truth, enough to check a label and to run the revision protocol without this code. */
export interface GeneralPointsTruth {
  /** Card names as shown in the prompt ('A', '2'..'10', 'J', 'Q', 'K', '14'..'19'). */
  cards: string[];
  /** The cards' values under the scoring rule, in the same order. */
  values: number[];
  target: number;
  /** The scoring rule. */
  rule: FaceRule;
  /** The rule stated in the prompt, present only in the Fake controls. */
  promptRule?: FaceRule;
  /** One formula over `values` equal to `target` (the solver's), without "=target". */
  solution: string;
  /** Present only for the revision protocol: attempts allowed. */
  protocol?: 'revision';
  maxAttempts?: number;
}

export interface RevisionState {
  /** The conversation so far: the prompt, then each failed reply and its feedback. */
  history: Message[];
  /** Upstream reward of each attempt (details.reward). */
  rewards: unknown[];
}

/** The truth if it has the fields verification reads, else what is wrong with it. */
export function readTruth(truth: unknown): GeneralPointsTruth | string {
  const t = truth as Partial<GeneralPointsTruth> | null;
  if (!t || typeof t !== 'object') return 'truth is not an object';
  if (!Array.isArray(t.values) || !t.values.every((v) => Number.isSafeInteger(v)))
    return 'truth.values must be a list of integers';
  if (!Number.isSafeInteger(t.target)) return 'truth.target must be an integer';
  return t as GeneralPointsTruth;
}

export function verifyGeneralPoints(truth: unknown, response: string): Verdict {
  const t = readTruth(truth);
  if (typeof t === 'string') return wrong(`cannot verify: ${t}`, false);
  return verifyAnswer(response, { values: t.values, target: t.target });
}

function turnOf(t: GeneralPointsTruth, history: Message[]): Turn {
  return {
    messages: history,
    reference: formatAnswer(t.cards, t.values, t.solution, t.target),
    randomAnswer: (rng) => formatAnswer(t.cards, t.values, randomFormula(t.values, rng), t.target),
  };
}

export const revisionEnvironment: Environment<RevisionState> = {
  start(truth) {
    const t = readTruth(truth);
    if (typeof t === 'string' || t.protocol !== 'revision') return undefined;
    const history: Message[] = [{ role: 'user', content: buildPrompt(t.cards, t.target, t.promptRule ?? t.rule) }];
    return { state: { history, rewards: [] }, turn: turnOf(t, history) };
  },
  step(truth, state, reply): EnvironmentStep<RevisionState> {
    const t = readTruth(truth);
    if (typeof t === 'string') return { done: true, state, verdict: wrong(`cannot verify: ${t}`, false) };
    const verdict = verifyAnswer(reply, { values: t.values, target: t.target });
    const rewards = [...state.rewards, verdict.details?.reward];
    const attempts = rewards.length;
    if (verdict.correct || attempts >= (t.maxAttempts ?? 1)) {
      const final = { ...verdict, details: { ...verdict.details, attempts, rewards, truncated: !verdict.correct } };
      return { done: true, state: { history: state.history, rewards }, verdict: final };
    }
    const feedback = `You failed this trial because ${verdict.reason ?? 'your formula is incorrect'}.`;
    const history: Message[] = [
      ...state.history,
      { role: 'assistant', content: reply },
      { role: 'user', content: feedback },
    ];
    return { done: false, state: { history, rewards }, turn: turnOf(t, history), feedback };
  },
};
