// Answers in the requested JSON shape: the oracle's (from the solver) and the chance-level one.
import type { Rng } from '../../../src/core/rng.js';
import { formatExpr, type Expr, type Op } from './solver.js';

/** {"cards": [...], "number": [...], "formula": "<formula>=<target>"}. */
export function formatAnswer(
  cards: readonly string[],
  numbers: readonly number[],
  formula: string,
  target: number,
): string {
  const cardList = `[${cards.map((c) => JSON.stringify(c)).join(', ')}]`;
  return `{"cards": ${cardList}, "number": [${numbers.join(', ')}], "formula": ${JSON.stringify(`${formula}=${target}`)}}`;
}

const OPS: readonly Op[] = ['+', '-', '*', '/'];

/**
 * A formula that uses every value once, in a random expression tree with random operators: what
 * a player who knows the format and the card values, but not how to search, would write.
 */
export function randomFormula(values: readonly number[], rng: Rng): string {
  const pool: Expr[] = rng.shuffle(values);
  while (pool.length > 1) {
    const i = rng.int(0, pool.length - 1);
    const [left] = pool.splice(i, 1);
    const j = rng.int(0, pool.length - 1);
    const [right] = pool.splice(j, 1);
    pool.push({ op: rng.pick(OPS), left: left!, right: right! });
  }
  return formatExpr(pool[0]!).text;
}
