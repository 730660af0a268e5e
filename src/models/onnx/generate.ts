// The batched decoding loop. Rows are left-padded into one batch; the first forward pass reads every
// prompt, and each later pass feeds one new token per row against the KV cache (or, for exports
// without a cache, the whole sequence again). A row stops at its first EOS token, at a stop string,
// or at its token budget, and is then cut out of the batch (and out of the cache) so that finished
// rows cost nothing, and nothing after their EOS reaches the text. Padding columns that no remaining
// row needs are trimmed at the same time.
import type { InferenceSession, Tensor as OrtTensor } from 'onnxruntime-node';
import type { ModelError } from '../types.js';
import { emptyCache, intTensor, lastLogits, selectCache, type DecoderLayout } from './decoder.js';
import type { TokenSampler } from './sampler.js';

type OrtModule = typeof import('onnxruntime-node');

export interface DecodeRow {
  promptIds: readonly number[];
  /** At least 1. */
  maxNewTokens: number;
  sampler: TokenSampler;
  /** Stop strings: the text ends just before the first one. */
  stop: readonly string[];
  /** Polled between forward passes; an error drops the row (timeout, cancelled run). */
  cancelled?: () => ModelError | undefined;
}

export interface RowOutcome {
  /** Generated ids; the EOS token is the last one when it ended the row. */
  tokens: number[];
  text: string;
  finishReason: 'stop' | 'length';
  /** From the start of the batch to this row's first token (the prefill pass). */
  firstTokenMs: number;
  /** Time of the later passes while the row was in the batch (one token each). */
  decodeMs: number;
  /** Rows in the batch when this row started. */
  batchSize: number;
  error?: ModelError;
}

export interface DecodeContext {
  ort: OrtModule;
  session: Pick<InferenceSession, 'run'>;
  layout: DecoderLayout;
  eos: ReadonlySet<number>;
  padId: number;
  decode(ids: readonly number[]): string;
  /** Every forward pass: rows in it, tokens fed per row, milliseconds. */
  onStep?: (rows: number, tokensPerRow: number, ms: number) => void;
}

interface RowState {
  row: DecodeRow;
  gen: number[];
  seen?: Set<number>;
  done: boolean;
  outcome?: RowOutcome;
  firstTokenMs: number;
  decodeMs: number;
  stopWindow: number;
}

/** The text of `ids`, ended before the earliest stop string. */
function finalText(
  ctx: DecodeContext,
  ids: readonly number[],
  stop: readonly string[],
): { text: string; stopped: boolean } {
  const text = ctx.decode(ids);
  let cut = -1;
  for (const s of stop) {
    const at = s ? text.indexOf(s) : -1;
    if (at >= 0 && (cut < 0 || at < cut)) cut = at;
  }
  return cut < 0 ? { text, stopped: false } : { text: text.slice(0, cut), stopped: true };
}

/** Whether a stop string has just appeared: only the last few tokens need decoding. */
function stopAppeared(ctx: DecodeContext, st: RowState): boolean {
  const tail = ctx.decode(st.gen.slice(-st.stopWindow));
  return st.row.stop.some((s) => s && tail.includes(s));
}

export async function decodeBatch(ctx: DecodeContext, rows: readonly DecodeRow[]): Promise<RowOutcome[]> {
  const { ort, layout } = ctx;
  const kvMode = layout.kv.length > 0;
  const longest = Math.max(...rows.map((r) => r.promptIds.length));
  const states: RowState[] = rows.map((row) => ({
    row,
    gen: [],
    seen: row.sampler.params.repetitionPenalty !== 1 ? new Set(row.promptIds) : undefined,
    done: false,
    firstTokenMs: 0,
    decodeMs: 0,
    stopWindow: Math.max(0, ...row.stop.map((s) => s.length)) + 8,
  }));
  let slots = states.map((_, i) => i); // batch row -> index into states
  let pads = rows.map((r) => longest - r.promptIds.length);
  let cols = longest; // width of the attention mask: every position any row has
  let cache: Record<string, OrtTensor> | undefined;
  const start = performance.now();

  const finish = (st: RowState, reason: 'stop' | 'length') => {
    const ended = st.gen.length > 0 && ctx.eos.has(st.gen[st.gen.length - 1]!);
    const { text, stopped } = finalText(ctx, ended ? st.gen.slice(0, -1) : st.gen, st.row.stop);
    st.done = true;
    st.outcome = {
      tokens: st.gen,
      text,
      finishReason: stopped || ended ? 'stop' : reason,
      firstTokenMs: st.firstTokenMs,
      decodeMs: st.decodeMs,
      batchSize: rows.length,
    };
  };

  for (let step = 0; slots.length > 0; step++) {
    const B = slots.length;
    const fullSequence = step === 0 || !kvMode;
    const S = fullSequence ? cols : 1;
    const rowsNow = slots.map((s) => states[s]!);
    // Row b's token at column j (of the S fed this pass): padding, then the prompt, then the answer.
    const tokenAt = (b: number, j: number): number => {
      const st = rowsNow[b]!;
      if (!fullSequence) return st.gen[st.gen.length - 1]!;
      const k = j - pads[b]!;
      if (k < 0) return ctx.padId;
      const p = st.row.promptIds.length;
      return k < p ? st.row.promptIds[k]! : st.gen[k - p]!;
    };
    const feeds: Record<string, OrtTensor> = {
      input_ids: intTensor(ort, layout.idsType, B * S, [B, S], (i) => tokenAt(Math.floor(i / S), i % S)),
    };
    if (layout.maskType)
      feeds.attention_mask = intTensor(ort, layout.maskType, B * cols, [B, cols], (i) =>
        i % cols < pads[Math.floor(i / cols)]! ? 0 : 1,
      );
    if (layout.positionType) {
      // transformers' convention: position = index among the row's real tokens; padding gets 1.
      feeds.position_ids = intTensor(ort, layout.positionType, B * S, [B, S], (i) => {
        const b = Math.floor(i / S);
        const j = cols - S + (i % S);
        return j < pads[b]! ? 1 : j - pads[b]!;
      });
    }
    if (layout.hasCacheBranch) feeds.use_cache_branch = new ort.Tensor('bool', [step > 0], [1]);
    if (layout.logitsToKeep) feeds[layout.logitsToKeep] = new ort.Tensor('int64', BigInt64Array.of(1n), []);
    for (const slot of layout.kv) feeds[slot.input] = cache?.[slot.input] ?? emptyCache(ort, slot, B);

    const t0 = performance.now();
    const out = await ctx.session.run(feeds);
    const ms = performance.now() - t0;
    ctx.onStep?.(B, S, ms);
    const logits = out.logits!;

    for (let b = 0; b < B; b++) {
      const st = states[slots[b]!]!;
      const tok = st.row.sampler.pick(lastLogits(logits, b), st.seen);
      st.gen.push(tok);
      st.seen?.add(tok);
      if (step === 0) st.firstTokenMs = performance.now() - start;
      else st.decodeMs += ms;
      if (ctx.eos.has(tok)) finish(st, 'stop');
      else if (st.row.stop.length && stopAppeared(ctx, st)) finish(st, 'stop');
      else if (st.gen.length >= st.row.maxNewTokens) finish(st, 'length');
      if (!st.done) {
        const error = st.row.cancelled?.();
        if (error) {
          st.done = true;
          st.outcome = {
            tokens: st.gen,
            text: '',
            finishReason: 'length',
            firstTokenMs: st.firstTokenMs,
            decodeMs: st.decodeMs,
            batchSize: rows.length,
            error,
          };
        }
      }
    }

    const keep: number[] = [];
    for (let b = 0; b < B; b++) if (!states[slots[b]!]!.done) keep.push(b);
    if (keep.length === 0) break;
    let drop = 0;
    if (keep.length < B) {
      pads = keep.map((b) => pads[b]!);
      drop = Math.min(...pads);
      pads = pads.map((p) => p - drop);
    }
    if (kvMode) {
      const next: Record<string, OrtTensor> = {};
      for (const slot of layout.kv) {
        const present = out[slot.output]!;
        next[slot.input] = keep.length < B ? selectCache(ort, present, keep, drop) : present;
      }
      cache = next;
    }
    slots = keep.map((b) => slots[b]!);
    cols = cols - drop + 1;
  }
  return states.map((st) => st.outcome!);
}
