// instruct/general-points: the 24-point card game of "SFT Memorizes, RL Generalizes" (GP-L) and
// its Debunk variants. A hand is dealt from the item's seed and re-dealt until the exact solver
// finds a solution; the model writes a formula over the card values that equals the target.
// See generators/instruct/README.md for the params, the ID/OOD regions and the upstream quirks.
import type { Rng } from '../../src/core/rng.js';
import { environmentEpisode, type Generator, type Problem } from '../../src/core/types.js';
import { formatAnswer, randomFormula } from './general-points/answers.js';
import { cardName, cardValue, drawRanks, isFaceRank } from './general-points/cards.js';
import { revisionEnvironment, verifyGeneralPoints, type GeneralPointsTruth } from './general-points/environment.js';
import { generalPointsSchema, parseGeneralPointsParams, type GeneralPointsParams } from './general-points/params.js';
import { buildPrompt } from './general-points/prompt.js';
import type { FaceRule } from './general-points/rules.js';
import { solve } from './general-points/solver.js';
import { verifyAnswer } from './general-points/verify.js';

export type { GeneralPointsParams } from './general-points/params.js';
export type { GeneralPointsTruth } from './general-points/environment.js';

/** Every draw after this many is a sign of params that admit (almost) no solvable hand. */
const MAX_DRAWS = 20_000;

/**
 * Ranks of a hand that is solvable under the scoring rule and, in a Fake control, under the
 * stated rule as well (as upstream: the prompt must not describe an impossible game). Draws come
 * from the item's stream; after `resample` failures a fresh stream forked from it takes over,
 * so the outcome stays a pure function of (params, seed, index).
 */
export function drawSolvableHand(p: GeneralPointsParams, rng: Rng): number[] {
  let stream = rng;
  for (let draws = 0, round = 0; draws < MAX_DRAWS; round++) {
    for (let k = 0; k < p.resample && draws < MAX_DRAWS; k++, draws++) {
      const ranks = drawRanks(p.sampling, p.cards, stream);
      if (solvableUnder(ranks, p.rule, p.target) && (!p.promptRule || solvableUnder(ranks, p.promptRule, p.target)))
        return ranks;
    }
    stream = rng.fork(`general-points:resample:${round + 1}`);
  }
  throw new Error(
    `instruct/general-points: no solvable hand in ${MAX_DRAWS} draws for target ${p.target} with ${p.cards} cards (rule ${p.rule.name}); choose a smaller target`,
  );
}

function solvableUnder(ranks: readonly number[], rule: FaceRule, target: number): boolean {
  return (
    solve(
      ranks.map((r) => cardValue(r, rule)),
      target,
    ) !== undefined
  );
}

/** The problem for a given hand (ranks 1..19); throws if the hand has no solution. */
export function problemFromHand(p: GeneralPointsParams, ranks: readonly number[]): Problem {
  const cards = ranks.map(cardName);
  const values = ranks.map((r) => cardValue(r, p.rule));
  const stated = p.promptRule ?? p.rule;
  const solution = solve(values, p.target);
  if (solution === undefined)
    throw new Error(
      `instruct/general-points: hand [${cards.join(', ')}] has no solution for ${p.target} under ${p.rule.name}`,
    );

  const scoring = { values, target: p.target };
  const reference = formatAnswer(cards, values, solution, p.target);
  // The solver works in safe-integer fractions; the BigInt verifier has the last word.
  const check = verifyAnswer(reference, scoring);
  if (!check.correct)
    throw new Error(`instruct/general-points: solver answer '${solution}' failed verification: ${check.reason}`);

  const truth: GeneralPointsTruth = { cards, values, target: p.target, rule: p.rule, solution };
  if (p.promptRule) truth.promptRule = p.promptRule;
  if (p.protocol === 'revision') Object.assign(truth, { protocol: p.protocol, maxAttempts: p.maxAttempts });
  const problem: Problem = {
    messages: [{ role: 'user', content: buildPrompt(cards, p.target, stated) }],
    truth,
    reference,
    difficulty: {
      cards: p.cards,
      target: p.target,
      rule: p.rule.name,
      promptRule: stated.name,
      fake: p.promptRule ? 1 : 0,
      sampling: p.sampling,
      maxValue: Math.max(...values),
      faceCards: ranks.filter(isFaceRank).length,
      protocol: p.protocol,
    },
    dedupKey: dedupKey(p, values),
    verify: (response) => verifyGeneralPoints(truth, response),
    randomAnswer: (rng) => formatAnswer(cards, values, randomFormula(values, rng), p.target),
  };
  if (p.protocol === 'revision') problem.episode = () => environmentEpisode(revisionEnvironment, truth);
  return problem;
}

/**
 * Same scoring values and target ⇒ same arithmetic instance, whatever the card names or the
 * prompt say: J,3,4,7 and Q,3,4,7 under J=Q=K=10 share every solution, so training data that
 * holds one must not hold the other's eval twin.
 */
function dedupKey(p: GeneralPointsParams, values: readonly number[]): string {
  return `general-points|target=${p.target}|${[...values].sort((a, b) => a - b).join(',')}`;
}

export const generalPoints: Generator<GeneralPointsParams> = {
  name: 'instruct/general-points',
  version: '1',
  family: 'general-points',
  description:
    'General Points (24-point card game): face-card rule, value-range and hand-size variants, Fake controls, optional sequential revision.',
  parseParams: parseGeneralPointsParams,
  params: generalPointsSchema,
  generate: (params, rng) => problemFromHand(params, drawSolvableHand(params, rng)),
  verifierVersion: '1',
  verify: verifyGeneralPoints,
  environment: revisionEnvironment,
};
