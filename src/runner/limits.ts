// Model output is untrusted and unbounded: a runaway model (or a hostile server) can answer with
// megabytes per turn. Replies and multi-turn transcripts are cut to these limits before they are
// verified, cached or stored; what was cut is counted on the result.

export interface ReplyLimits {
  /** Characters kept of one reply; the verifier sees exactly these. */
  replyChars: number;
  /** Characters kept of a multi-turn transcript (all replies of one episode together). */
  transcriptChars: number;
}

/** About 250k tokens per reply, far above any max_tokens in use, and 4× that per episode. */
export const DEFAULT_REPLY_LIMITS: ReplyLimits = { replyChars: 1_000_000, transcriptChars: 4_000_000 };

/** The first `max` characters of `text` and how many were cut. */
export function capText(text: string, max: number): { text: string; cut: number } {
  return text.length <= max
    ? { text, cut: 0 }
    : { text: text.slice(0, Math.max(0, max)), cut: text.length - Math.max(0, max) };
}
