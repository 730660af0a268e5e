// A tiny causal "language model" whose next token is a known function of the whole context, so
// tests can check the decoding loop token for token. It has the interface of an Optimum /
// transformers.js decoder export (input_ids, attention_mask, position_ids, past_key_values.N.key/value
// in, logits and present.N.key/value out), and its output depends on exactly the things a decoding
// loop can get wrong:
//
//   every token t contributes Σ_{layer l, k∈{key,value}} w_lk · T_lk[t]    (w_lk = 2l + k + 1)
//   s = Σ of those contributions over the context, masked by attention_mask
//       + position_ids of the current token                                (if the model takes them)
//   next = R[s mod M] (logit -96); the runner-up R[(s+1) mod M] gets -98, every other token -200
//
// R maps residues to </s>, <|end|> and the letters a..z, {; the tables are chosen so that each
// answer token lowers s by one, so greedy answers count down the alphabet and always end.
//
// Each layer's key and value cache holds that layer's T_lk values, so a cache that is dropped,
// reordered, mixed up between rows, or fed back without its attention mask changes the answer; so
// do position ids that count padding. `tinySumNext` computes the same rule in plain TypeScript.
import { GraphBuilder, int, ints } from './graph-builder.js';
import type { ElemType } from './onnx-proto.js';
import { BASE_VOCAB_SIZE, END_ID, EOS_ID, charId } from './char-tokenizer.js';

export type TinyDtype = 'fp32' | 'fp16' | 'q8';

export interface TinySumOptions {
  /** Optimum's with-past export (true) or the plain decoder that re-reads the whole sequence. */
  kvCache?: boolean;
  /** Take position_ids as an input (llama-style exports) or not (the rule then has no position term). */
  positionIds?: boolean;
  /** fp16: cache and logits in float16; q8: int8 tables behind DequantizeLinear (weight-only quantization). */
  dtype?: TinyDtype;
  /** Add the `use_cache_branch` input of Optimum's merged decoders; false with a non-empty cache breaks the output. */
  mergedBranch?: boolean;
  /** Add a `logits_to_keep` input: only the last k positions get logits. */
  logitsToKeep?: boolean;
  /** Write the cache's head count and head size as symbolic dims, so loaders must read them from config.json. */
  symbolicCacheDims?: boolean;
  layers?: number;
  kvHeads?: number;
  headDim?: number;
}

export interface TinySumSpec {
  layers: number;
  kvHeads: number;
  headDim: number;
  vocabSize: number;
  modulus: number;
  positionIds: boolean;
  /** tables[l][k][token] */
  tables: number[][][];
  /** Residue -> token id. */
  residues: number[];
}

const MODULUS = 29;

/** The fixed rule behind every tiny model with these structural options. */
export function tinySumSpec(
  opts: Pick<TinySumOptions, 'layers' | 'kvHeads' | 'headDim' | 'positionIds'> = {},
): TinySumSpec {
  const layers = opts.layers ?? 2;
  const positionIds = opts.positionIds ?? true;
  const tables = Array.from({ length: layers }, (_, l) =>
    [0, 1].map((k) => Array.from({ length: BASE_VOCAB_SIZE }, (_, t) => (t * (3 + 2 * (2 * l + k)) + l + k) % 7)),
  );
  // Residue 0 ends the answer with </s>, residue 1 with the chat end token; the rest are letters.
  const residues = Array.from({ length: MODULUS }, (_, r) =>
    r === 0 ? EOS_ID : r === 1 ? END_ID : charId(String.fromCharCode(97 + r - 2)),
  );
  // Every answer token moves s by -1 (mod M), counting the position step: the model counts down the
  // alphabet from a letter fixed by the prompt and then ends, so every answer terminates. Only the
  // layer-0 key entry is solved for; the other entries keep their varied values.
  const step = positionIds ? MODULUS - 2 : MODULUS - 1;
  for (const t of residues) {
    let rest = 0;
    for (let l = 0; l < layers; l++)
      for (let k = 0; k < 2; k++) if (l || k) rest += (2 * l + k + 1) * tables[l]![k]![t]!;
    tables[0]![0]![t] = (((step - rest) % MODULUS) + MODULUS) % MODULUS;
  }
  return {
    layers,
    kvHeads: opts.kvHeads ?? 2,
    headDim: opts.headDim ?? 4,
    vocabSize: BASE_VOCAB_SIZE,
    modulus: MODULUS,
    positionIds,
    tables,
    residues,
  };
}

/** The rule in plain TypeScript: the greedy next token after `context` (unpadded ids), and the runner-up. */
export function tinySumNext(spec: TinySumSpec, context: readonly number[]): { next: number; second: number } {
  let s = 0;
  for (const t of context)
    for (let l = 0; l < spec.layers; l++) for (let k = 0; k < 2; k++) s += (2 * l + k + 1) * spec.tables[l]![k]![t]!;
  if (spec.positionIds) s += context.length - 1;
  const r = s % spec.modulus;
  return { next: spec.residues[r]!, second: spec.residues[(r + 1) % spec.modulus]! };
}

/** Greedy continuation by the rule: stops after an EOS id (included) or `maxNew` tokens. */
export function tinySumGreedy(
  spec: TinySumSpec,
  prompt: readonly number[],
  maxNew: number,
  eos: readonly number[] = [EOS_ID, END_ID],
): number[] {
  const ctx = [...prompt];
  const out: number[] = [];
  while (out.length < maxNew) {
    const { next } = tinySumNext(spec, ctx);
    out.push(next);
    ctx.push(next);
    if (eos.includes(next)) break;
  }
  return out;
}

/** The ONNX model bytes. */
export function buildTinySumDecoder(opts: TinySumOptions = {}): Uint8Array {
  const spec = tinySumSpec(opts);
  const { layers, kvHeads: H, headDim: D, vocabSize: V, modulus: M } = spec;
  const kv = opts.kvCache ?? true;
  const dtype = opts.dtype ?? 'fp32';
  const kvType: ElemType = dtype === 'fp16' ? 'float16' : 'float';
  const g = new GraphBuilder(`tiny-sum-${kv ? 'kv' : 'nokv'}-${dtype}`);

  const inputIds = g.input('input_ids', 'int64', ['batch_size', 'sequence_length']);
  const mask = g.input('attention_mask', 'int64', ['batch_size', kv ? 'past_sequence_length + 1' : 'sequence_length']);
  const positions = spec.positionIds ? g.input('position_ids', 'int64', ['batch_size', 'sequence_length']) : undefined;
  const branch = opts.mergedBranch ? g.input('use_cache_branch', 'bool', [1]) : undefined;

  const axes13 = g.const('int64', [2], [1, 3]);
  const expandTo = g.const('int64', [4], [1, H, 1, D]);
  let total: string | undefined;
  for (let l = 0; l < layers; l++) {
    for (const [k, kind] of (['key', 'value'] as const).entries()) {
      const values = spec.tables[l]![k]!;
      let table: string;
      if (dtype === 'q8') {
        const q = g.init(`table.${l}.${kind}.int8`, 'int8', [V], values);
        table = g.op('DequantizeLinear', [q, g.const('float', [], [1]), g.const('int8', [], [0])]);
      } else {
        table = g.init(`table.${l}.${kind}`, dtype === 'fp16' ? 'float16' : 'float', [V], values);
      }
      let fresh = g.op('Gather', [table, inputIds], { axis: int(0) }); // [B, S]
      if (dtype === 'q8') fresh = g.op('Cast', [fresh], { to: int(kvType === 'float' ? 1 : 10) });
      fresh = g.op('Expand', [g.op('Unsqueeze', [fresh, axes13]), expandTo]); // [B, H, S, D]
      let all = fresh;
      if (kv) {
        const heads = opts.symbolicCacheDims ? 'num_key_value_heads' : H;
        const size = opts.symbolicCacheDims ? 'head_dim' : D;
        let past = g.input(`past_key_values.${l}.${kind}`, kvType, ['batch_size', heads, 'past_sequence_length', size]);
        if (branch) past = g.op('Mul', [past, g.op('Cast', [branch], { to: int(kvType === 'float' ? 1 : 10) })]);
        all = g.op('Concat', [past, fresh], { axis: int(2) }, `present.${l}.${kind}`);
        g.output(all, kvType, ['batch_size', heads, 'past_sequence_length + 1', size]);
      }
      const perToken = g.op('ReduceMax', [g.op('Cast', [all], { to: int(1) })], {
        axes: ints([1, 3]),
        keepdims: int(0),
      }); // [B, T]
      const weighted = g.op('Mul', [perToken, g.const('float', [], [2 * l + k + 1])]);
      total = total ? g.op('Add', [total, weighted]) : weighted;
    }
  }
  const masked = g.op('Mul', [total!, g.op('Cast', [mask], { to: int(1) })]);
  const prefix = g.op('CumSum', [masked, g.const('int64', [], [1])]); // [B, T]
  // Keep the last S positions: the ones this call was given tokens for.
  const seqLen = g.op('Gather', [g.op('Shape', [inputIds]), g.const('int64', [], [1])]);
  const start = g.op('Unsqueeze', [g.op('Neg', [seqLen]), g.const('int64', [1], [0])]);
  const tail = (t: string, from: string) =>
    g.op('Slice', [t, from, g.const('int64', [1], [2 ** 62]), g.const('int64', [1], [1])]);
  let s = tail(prefix, start);
  if (positions) s = g.op('Add', [s, g.op('Cast', [positions], { to: int(1) })]);
  if (opts.logitsToKeep) {
    // Only the last k positions get logits: cut before the one-hot, which is the costly part.
    const keep = g.input('logits_to_keep', 'int64', []);
    s = tail(s, g.op('Unsqueeze', [g.op('Neg', [keep]), g.const('int64', [1], [0])]));
  }
  const modulus = g.const('int64', [], [M]);
  const r = g.op('Mod', [g.op('Cast', [s], { to: int(7) }), modulus]);
  const residues = g.const('int64', [M], spec.residues);
  const first = g.op('Gather', [residues, r], { axis: int(0) });
  const second = g.op('Gather', [residues, g.op('Mod', [g.op('Add', [r, g.const('int64', [], [1])]), modulus])], {
    axis: int(0),
  });
  const depth = g.const('int64', [], [V]);
  const logits = g.op('Add', [
    g.op('OneHot', [first, depth, g.const('float', [2], [-100, 4])], { axis: int(-1) }),
    g.op('OneHot', [second, depth, g.const('float', [2], [-100, 2])], { axis: int(-1) }),
  ]);
  const logitsType: ElemType = dtype === 'fp16' ? 'float16' : 'float';
  g.op(
    logitsType === 'float16' ? 'Cast' : 'Identity',
    [logits],
    logitsType === 'float16' ? { to: int(10) } : undefined,
    'logits',
  );
  g.output('logits', logitsType, ['batch_size', 'sequence_length', V]);
  return g.encode();
}
