// The closed loop of the Debunk evaluation: each turn the model sees the full instruction with
// the current grid and no history, and answers one action. A reply that is not a label of the
// scoring vocabulary executes nothing but uses up the turn. The episode ends when every box is on
// a target (success) or after `maxTurns` turns. Each turn's reference is the oracle's move for the
// state the model actually reached, so baseline:oracle wins from anywhere that is still winnable.
import type { Episode, EpisodeStep, Turn, Verdict } from '../../../src/core/types.js';
import { correct, wrong } from '../../../src/core/verdict.js';
import { DIRS, boxesOnTargets, isSolved, type State } from './board.js';
import { formatAnswer, readAction } from './answers.js';
import { step } from './dynamics.js';
import { moveLetters, type Game } from './verify.js';

export function closedLoopEpisode(game: Game, promptFor: (state: State) => string): Episode {
  let state = game.start;
  let turns = 0;
  let validTurns = 0;
  let effective = 0;
  let actions = '';
  let lastInvalid: string | undefined;
  let final: Verdict | undefined;

  const turn = (): Turn => ({
    messages: [{ role: 'user', content: promptFor(state) }],
    // From a dead end no move wins; the oracle then answers Up, which is as good as any.
    reference: formatAnswer([game.labels[game.solver.bestMove(state) ?? 'Up']]),
    randomAnswer: (rng) => formatAnswer([game.labels[rng.pick(DIRS)]]),
  });

  const finish = (): Verdict => {
    const solved = isSolved(game.board, state);
    const details = {
      solved,
      turns,
      validTurns,
      validActionShare: turns ? validTurns / turns : 0,
      effectiveActions: effective,
      boxesOnTargets: boxesOnTargets(game.board, state),
      boxes: state.boxes.length,
      optimalLength: game.optimal,
      deadEnd: !solved && game.solver.distance(state) < 0,
      actions,
    };
    if (solved) return { ...correct(actions, details), formatOk: validTurns === turns };
    const invalid = validTurns < turns ? `; ${turns - validTurns} of ${turns} replies had no valid action${lastInvalid ? ` (last: ${lastInvalid})` : ''}` : '';
    return wrong(`not solved in ${game.maxTurns} turns: ${details.boxesOnTargets} of ${details.boxes} boxes on targets${invalid}`, validTurns === turns, actions, 0, details);
  };

  return {
    start: turn,
    step(reply: string): EpisodeStep {
      // One instance serves one episode; a step after the end repeats the outcome.
      if (final) return { done: true, verdict: final };
      turns++;
      const read = readAction(reply, game.labels);
      if ('dir' in read) {
        validTurns++;
        const r = step(game.board, state, read.dir);
        if (r.moved) effective++;
        state = r.state;
        actions += moveLetters([read.dir]);
      } else {
        lastInvalid = read.failure;
        actions += '.';
      }
      if (isSolved(game.board, state) || turns >= game.maxTurns) {
        final = finish();
        return { done: true, verdict: final };
      }
      return { done: false, ...turn() };
    },
  };
}
