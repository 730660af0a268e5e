// Sequential revision (SFTvsRL, evaluation and RL): after a failed attempt the model's reply and
// "You failed this trial because {reason}." are appended, up to `maxAttempts` attempts; the
// episode succeeds if any attempt is correct.
import type { Episode, EpisodeStep, Message, Problem, Turn, Verdict } from '../../../src/core/types.js';

export function revisionEpisode(problem: Problem, maxAttempts: number): Episode {
  let history: Message[] = [...problem.messages];
  const rewards: unknown[] = [];
  let final: Verdict | undefined;

  const turn = (): Turn => ({
    messages: history,
    reference: problem.reference,
    randomAnswer: problem.randomAnswer?.bind(problem),
  });

  return {
    start: turn,
    step(reply: string): EpisodeStep {
      // One instance serves one episode; a step after the end repeats the outcome.
      if (final) return { done: true, verdict: final };
      const verdict = problem.verify(reply);
      rewards.push(verdict.details?.reward);
      const attempts = rewards.length;
      if (verdict.correct || attempts >= maxAttempts) {
        final = { ...verdict, details: { ...verdict.details, attempts, rewards: [...rewards], truncated: !verdict.correct } };
        return { done: true, verdict: final };
      }
      history = [
        ...history,
        { role: 'assistant', content: reply },
        { role: 'user', content: `You failed this trial because ${verdict.reason ?? 'your formula is incorrect'}.` },
      ];
      return { done: false, ...turn() };
    },
  };
}
