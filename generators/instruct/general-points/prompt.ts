// The GP-L language prompt (SFTvsRL `Q_GeneralPoint_EQN_L`, Debunk's "{num_cards}" variant) with
// the API variant's closing line. Fixed here: the output skeleton has one placeholder per card
// (upstream always shows four). The API variant's output example is left out: it is written for
// J/Q/K = 10 and target 24 and would contradict the other rules.
import { faceCardMessage, type FaceRule } from './rules.js';

const CARD_PLACEHOLDERS = ['x', 'y', 'z', 'w', 'v', 'u'];
const NUMBER_PLACEHOLDERS = ['a', 'b', 'c', 'd', 'e', 'f'];

export function buildPrompt(cards: readonly string[], target: number, promptRule: FaceRule): string {
  const n = cards.length;
  const message = faceCardMessage(promptRule);
  const xs = CARD_PLACEHOLDERS.slice(0, n);
  const as = NUMBER_PLACEHOLDERS.slice(0, n);
  return [
    '[Task Description]',
    `You are an expert ${target} points card game player. You will receive a set of ${n} cards.`,
    `Note that ${message}, and each card must be used once.`,
    `Your goal is to output a formula that evaluates to ${target} using numbers from the cards and operators such as '+', '-', '*', '/', '(', ')', and '='.`,
    '',
    '[Input]',
    `Cards: ${pythonList(cards)}`,
    '',
    '[Output]',
    '{',
    `  "cards": [${xs.join(', ')}], where ${message},`,
    `  "number": [${as.join(', ')}], where ${englishList(as)} are the numbers on the cards,`,
    `  "formula": 'an equation that equals ${target}',`,
    '}',
    '',
    'Please only output the json.',
  ].join('\n');
}

/** ['J', '3', '4', '7'], as Python prints a list of strings. */
function pythonList(items: readonly string[]): string {
  return `[${items.map((s) => `'${s}'`).join(', ')}]`;
}

/** "a, b, c, and d". */
function englishList(items: readonly string[]): string {
  return items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')}, and ${items[items.length - 1]}`;
}
