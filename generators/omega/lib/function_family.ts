// What the seven algebra_func_* families share: the level table (composition depth = level + 1,
// upstream's score and area filters), drawing a chain that the analysis accepts, and prompt text.
import type { Rng } from '../../../src/core/rng.js';
import { ChainAnalysis } from './function_analysis.js';
import { Unstable, chainScore, chainText, randomChain, type Chain } from './functions.js';

export interface FuncLevel extends Record<string, unknown> {
  /** Components in f (g has one fewer). */
  components: number;
  /** Upstream's minimum difficulty score (sum of component scores) for the area and *_coords families. */
  minScore: number;
  /** Upstream's largest area for algebra_func_area. */
  maxArea: number;
}

export const FUNC_LEVELS: Record<number, FuncLevel> = {
  1: { components: 2, minScore: 5, maxArea: 50 },
  2: { components: 3, minScore: 8, maxArea: 100 },
  3: { components: 4, minScore: 10, maxArea: 150 },
  4: { components: 5, minScore: 12, maxArea: 250 },
  5: { components: 6, minScore: 15, maxArea: 500 },
};

/** Count answers are kept in (3, 200]: upstream keeps > 3; very large counts are not countable by hand. */
export const countOk = (n: number) => n > 3 && n <= 200;

/** A chain of `n` components with its analysis on [lo, hi], or undefined if it is unstable. */
export function analysedChain(rng: Rng, n: number, lo = -10, hi = 10): { f: Chain; a: ChainAnalysis } | undefined {
  const f = randomChain(rng, n);
  try {
    return { f, a: new ChainAnalysis(f, lo, hi) };
  } catch (err) {
    if (err instanceof Unstable) return undefined;
    throw err;
  }
}

/** Runs a step of the analysis; an Unstable instance becomes undefined (the draw is rejected). */
export function stable<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (err) {
    if (err instanceof Unstable) return undefined;
    throw err;
  }
}

export const fText = (f: Chain) => chainText(f);
export const scoreOf = (f: Chain, g?: Chain) => chainScore(f) + (g ? chainScore(g) : 0);

/** The chain as plain JSON for the truth record. */
export const chainJson = (f: Chain) => f.map((c) => ({ ...c }));

/** round(x) if x is at least 1e-3 from a half-integer. */
export function roundStable(x: number): number | undefined {
  const frac = x - Math.floor(x);
  return Math.abs(frac - 0.5) < 1e-3 ? undefined : Math.round(x);
}
