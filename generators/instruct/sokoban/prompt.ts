// The Debunk study's Sokoban instruction (`SokobanEnvReil` base template) with the current grid,
// followed by the line its qwen-instruct chat template adds. Fixed: the stray backslash after
// "Decide the next action:" (an escaping slip upstream), and the blank lines an empty Answers
// section left behind. The single-shot protocol asks for the whole sequence instead.
import { renderRows, type Board, type State } from './board.js';
import { answersSection, type Vocabulary } from './variants.js';

export type Protocol = 'closed-loop' | 'single-shot';

/** The grid as upstream shows it: each cell as " c " and a tab, rows on their own lines. */
export function renderGrid(board: Board, state: State): string {
  return renderRows(board, state)
    .map((row) => [...row].map((ch) => ` ${ch} \t`).join(''))
    .join('\n');
}

export function buildPrompt(
  board: Board,
  state: State,
  shown: Vocabulary,
  protocol: Protocol,
  maxTurns: number,
): string {
  const answers = answersSection(shown);
  const ask =
    protocol === 'closed-loop'
      ? 'Decide the next action:'
      : `Decide the whole sequence of actions that puts all boxes on targets, at most ${maxTurns} actions, separated by spaces:`;
  return [
    'You are a Sokoban solver.',
    '',
    'Sokoban Quick Guide',
    'Goal: Push all boxes (X) onto targets (O).',
    '',
    'Symbols:',
    '# Wall | _ Floor | O Target | X Box | P You | √ = Box on Target | S = You on Target',
    '',
    'Rules:',
    "1. Push boxes (can't pull).",
    '2. Avoid walls (#).',
    '',
    ...(answers ? [answers] : []),
    'Rewards:',
    'Move: -0.1',
    'Box on target: +1.0',
    'All boxes placed: +10.0',
    '',
    '',
    '[Current Observation]:',
    renderGrid(board, state),
    ask,
    'Always output: <think> [Your thoughts] </think> <answer> [your answer] </answer> with no extra text. Strictly follow this format.',
  ].join('\n');
}
