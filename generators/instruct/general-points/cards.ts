// Cards: a rank 1..19 (1 = ace, 11..13 = J/Q/K, 14..19 only in the 'large' sampling), the name
// shown in the prompt, and the value a rule gives it.
import type { Rng } from '../../../src/core/rng.js';
import type { FaceRule } from './rules.js';

export type Sampling = 'normal' | 'face' | 'large';
export const SAMPLINGS: readonly Sampling[] = ['normal', 'face', 'large'];

/** Highest rank each sampling can draw; 'large' adds numeral cards 14..19. */
export function maxRank(sampling: Sampling): number {
  return sampling === 'large' ? 19 : 13;
}

const FACE_NAMES: Record<number, string> = { 1: 'A', 11: 'J', 12: 'Q', 13: 'K' };

/** 'A', '2'..'10', 'J', 'Q', 'K', and numerals '14'..'19' for large cards. */
export function cardName(rank: number): string {
  return FACE_NAMES[rank] ?? String(rank);
}

export function rankOfName(name: string): number | undefined {
  const face = Object.entries(FACE_NAMES).find(([, n]) => n === name);
  if (face) return Number(face[0]);
  return /^(?:[2-9]|1\d)$/.test(name) ? Number(name) : undefined;
}

export function isFaceRank(rank: number): boolean {
  return rank >= 11 && rank <= 13;
}

/** The value a card is worth under a rule: faces follow the rule, every other card its rank. */
export function cardValue(rank: number, rule: FaceRule): number {
  if (rank === 11) return rule.J;
  if (rank === 12) return rule.Q;
  if (rank === 13) return rule.K;
  return rank;
}

/**
 * One hand of `n` ranks. 'normal': each uniform in 1..13 (independent draws, duplicates allowed,
 * as in the upstream code rather than the paper's 52-card deck). 'face': n-1 from 1..13 plus one
 * from 11..13, shuffled. 'large': n-1 from 1..19 plus one from 14..19, shuffled (Debunk's Large).
 */
export function drawRanks(sampling: Sampling, n: number, rng: Rng): number[] {
  if (sampling === 'normal') return Array.from({ length: n }, () => rng.int(1, 13));
  const top = maxRank(sampling);
  const forced = sampling === 'face' ? rng.int(11, 13) : rng.int(14, 19);
  const rest = Array.from({ length: n - 1 }, () => rng.int(1, top));
  return rng.shuffle([...rest, forced]);
}
