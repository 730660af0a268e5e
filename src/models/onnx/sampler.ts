// Next-token choice for one row: greedy, or temperature / top-k / top-p sampling from the row's own
// seeded stream (so a row's text does not depend on which other rows share its batch), with the
// Hugging Face repetition penalty. Processor order follows transformers: penalty, temperature,
// top-k, top-p.
import type { Rng } from '../../core/rng.js';

export interface SamplingParams {
  /** 0 means greedy. */
  temperature: number;
  /** 0 means no top-k cut. */
  topK: number;
  /** 1 means no nucleus cut. */
  topP: number;
  /** 1 means none. */
  repetitionPenalty: number;
}

export const GREEDY: SamplingParams = { temperature: 0, topK: 0, topP: 1, repetitionPenalty: 1 };

/**
 * Tokens more than this many nats below the best one (after temperature) are left out of the
 * candidate sort: each has probability below e^-30 ≈ 1e-13 of the best, so even a 200 K vocabulary
 * loses less than 1e-7 of the mass, and sampling stays O(V) instead of O(V log V) per token.
 */
const CANDIDATE_SPAN = 30;

export class TokenSampler {
  constructor(
    readonly params: SamplingParams,
    private readonly rng?: Rng,
  ) {
    if (params.temperature > 0 && !rng) throw new Error('TokenSampler: sampling needs a random stream');
  }

  get greedy(): boolean {
    return !(this.params.temperature > 0) || this.params.topK === 1;
  }

  /** Picks the next token. `logits` may be modified (the penalty is applied in place). */
  pick(logits: Float32Array, seen?: ReadonlySet<number>): number {
    const { repetitionPenalty: rp } = this.params;
    if (rp !== 1 && seen) {
      for (const t of seen) {
        if (t < 0 || t >= logits.length) continue;
        const v = logits[t]!;
        logits[t] = v < 0 ? v * rp : v / rp;
      }
    }
    if (this.greedy) return argmax(logits);
    return this.sample(logits);
  }

  private sample(logits: Float32Array): number {
    const { temperature: temp, topK, topP } = this.params;
    let max = -Infinity;
    for (let i = 0; i < logits.length; i++) if (logits[i]! > max) max = logits[i]!;
    if (!Number.isFinite(max)) return argmax(logits);
    const cutoff = max - CANDIDATE_SPAN * temp;
    const cands: number[] = [];
    for (let i = 0; i < logits.length; i++) if (logits[i]! >= cutoff) cands.push(i);
    cands.sort((a, b) => logits[b]! - logits[a]! || a - b);
    if (topK > 0 && cands.length > topK) cands.length = topK;
    const weights = cands.map((i) => Math.exp((logits[i]! - max) / temp));
    let total = weights.reduce((s, w) => s + w, 0);
    if (topP < 1) {
      let cum = 0;
      let keep = 0;
      while (keep < weights.length) {
        cum += weights[keep]!;
        keep++;
        if (cum >= topP * total) break;
      }
      weights.length = keep;
      total = cum;
    }
    let u = this.rng!.next() * total;
    for (let j = 0; j < weights.length; j++) {
      u -= weights[j]!;
      if (u < 0) return cands[j]!;
    }
    return cands[weights.length - 1]!;
  }
}

/** Index of the largest value; the lowest index wins ties (as torch.argmax). */
export function argmax(v: Float32Array): number {
  let best = 0;
  let bv = v[0]!;
  for (let i = 1; i < v.length; i++) {
    if (v[i]! > bv) {
      bv = v[i]!;
      best = i;
    }
  }
  return best;
}
