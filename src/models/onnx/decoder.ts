// The ONNX decoder as the decoding loop sees it: which inputs the export takes, the KV-cache slots
// and their shapes, and the tensor plumbing (empty caches, picking the last logits of a row, dropping
// finished rows from the cache). The layout is read from the session's own metadata, with config.json
// filling in symbolic head counts, so Optimum and transformers.js exports of any decoder-only
// architecture work without a per-architecture table.
import type { InferenceSession, Tensor as OrtTensor } from 'onnxruntime-node';
import { ModelError } from '../types.js';
import { halfTable } from './fp16.js';

type OrtModule = typeof import('onnxruntime-node');

export interface KvSlot {
  input: string;
  output: string;
  type: 'float32' | 'float16';
  heads: number;
  headDim: number;
}

export interface DecoderLayout {
  idsType: 'int64' | 'int32';
  maskType?: 'int64' | 'int32';
  positionType?: 'int64' | 'int32';
  /** Optimum's merged decoder: a bool telling the graph whether the cache is real. */
  hasCacheBranch: boolean;
  /** 'logits_to_keep' / 'num_logits_to_keep': ask for the last position's logits only. */
  logitsToKeep?: string;
  kv: KvSlot[];
  logitsType: 'float32' | 'float16';
}

const ID_TYPES = ['int64', 'int32'];

function meta(session: InferenceSession, name: string, which: 'input' | 'output') {
  const list = which === 'input' ? session.inputMetadata : session.outputMetadata;
  const m = list.find((x) => x.name === name);
  return m && m.isTensor ? m : undefined;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined;
}

/** KV heads and head size from config.json, for exports whose cache shapes are symbolic. */
function kvDimsFromConfig(config: Record<string, unknown>): { heads?: number; headDim?: number } {
  const text = (config.text_config && typeof config.text_config === 'object' ? config.text_config : config) as Record<
    string,
    unknown
  >;
  const attnHeads = num(text.num_attention_heads) ?? num(text.n_head);
  const heads = num(text.num_key_value_heads) ?? attnHeads;
  const hidden = num(text.hidden_size) ?? num(text.n_embd);
  const headDim = num(text.head_dim) ?? (hidden && attnHeads ? hidden / attnHeads : undefined);
  return { heads, headDim: num(headDim) };
}

export function analyseSession(
  session: InferenceSession,
  config: Record<string, unknown>,
  label: string,
): DecoderLayout {
  const fail = (what: string) => new ModelError('config', `onnx checkpoint '${label}': ${what}`);
  const ids = meta(session, 'input_ids', 'input');
  if (!ids || !ID_TYPES.includes(ids.type))
    throw fail(
      `the ONNX model has no int64 'input_ids' input (inputs: ${session.inputNames.join(', ')}); a decoder-only language-model export is needed`,
    );
  if (!session.outputNames.includes('logits'))
    throw fail(`the ONNX model has no 'logits' output (outputs: ${session.outputNames.join(', ')})`);
  const logits = meta(session, 'logits', 'output')!;
  if (logits.type !== 'float32' && logits.type !== 'float16')
    throw fail(`logits of type ${logits.type} are not supported`);

  const layout: DecoderLayout = {
    idsType: ids.type as 'int64',
    hasCacheBranch: false,
    kv: [],
    logitsType: logits.type,
  };
  const fromConfig = kvDimsFromConfig(config);
  for (const name of session.inputNames) {
    if (name === 'input_ids') continue;
    const m = meta(session, name, 'input');
    if (name === 'attention_mask' && m && ID_TYPES.includes(m.type)) {
      layout.maskType = m.type as 'int64';
      continue;
    }
    if (name === 'position_ids' && m && ID_TYPES.includes(m.type)) {
      layout.positionType = m.type as 'int64';
      continue;
    }
    if (name === 'use_cache_branch' && m?.type === 'bool') {
      layout.hasCacheBranch = true;
      continue;
    }
    if ((name === 'logits_to_keep' || name === 'num_logits_to_keep') && m?.type === 'int64') {
      layout.logitsToKeep = name;
      continue;
    }
    const kv = /^past_key_values\.(\d+)\.(key|value)$/.exec(name);
    if (kv && m) {
      const output = [`present.${kv[1]}.${kv[2]}`, `present_key_values.${kv[1]}.${kv[2]}`].find((o) =>
        session.outputNames.includes(o),
      );
      if (!output) throw fail(`input '${name}' has no matching 'present.${kv[1]}.${kv[2]}' output`);
      if (m.type !== 'float32' && m.type !== 'float16')
        throw fail(`cache input '${name}' has type ${m.type}; float32 and float16 are supported`);
      if (m.shape.length !== 4)
        throw fail(`cache input '${name}' has rank ${m.shape.length}; [batch, heads, past, head_dim] is supported`);
      const heads = num(m.shape[1]) ?? fromConfig.heads;
      const headDim = num(m.shape[3]) ?? fromConfig.headDim;
      if (!heads || !headDim)
        throw fail(
          `cannot tell the shape of '${name}': config.json needs num_key_value_heads (or num_attention_heads) and head_dim (or hidden_size)`,
        );
      layout.kv.push({ input: name, output, type: m.type, heads, headDim });
      continue;
    }
    throw fail(
      `the ONNX model input '${name}' is not supported (supported: input_ids, attention_mask, position_ids, past_key_values.N.key/value, use_cache_branch, logits_to_keep)`,
    );
  }
  return layout;
}

/** Bytes of KV cache one token of one row occupies. */
export function kvBytesPerToken(layout: DecoderLayout): number {
  return layout.kv.reduce((s, k) => s + k.heads * k.headDim * (k.type === 'float16' ? 2 : 4), 0);
}

/**
 * An integer tensor filled by `value(i)` for i in [0, n). Writes straight into the typed array; for
 * int64, 0 and 1 (all of a mask) reuse two BigInt constants instead of allocating one per element.
 */
export function intTensor(
  ort: OrtModule,
  type: 'int64' | 'int32',
  n: number,
  dims: number[],
  value: (i: number) => number,
): OrtTensor {
  if (type === 'int32') {
    const data = new Int32Array(n);
    for (let i = 0; i < n; i++) data[i] = value(i);
    return new ort.Tensor('int32', data, dims);
  }
  const data = new BigInt64Array(n);
  for (let i = 0; i < n; i++) {
    const v = value(i);
    data[i] = v === 0 ? 0n : v === 1 ? 1n : BigInt(v);
  }
  return new ort.Tensor('int64', data, dims);
}

export function emptyCache(ort: OrtModule, slot: KvSlot, batch: number): OrtTensor {
  const data = slot.type === 'float16' ? new Uint16Array(0) : new Float32Array(0);
  return new ort.Tensor(slot.type, data, [batch, slot.heads, 0, slot.headDim]);
}

/**
 * The logits of the last position of batch row `row` as float32. Float32 logits are a view into
 * the output (no copy); float16 ones are converted.
 */
export function lastLogits(logits: OrtTensor, row: number): Float32Array {
  const [, seq, vocab] = logits.dims as number[];
  const at = (row * seq! + seq! - 1) * vocab!;
  if (logits.type === 'float16') {
    const half = halfTable();
    const src = logits.data as Uint16Array;
    const out = new Float32Array(vocab!);
    for (let i = 0; i < vocab!; i++) out[i] = half[src[at + i]!]!;
    return out;
  }
  return (logits.data as Float32Array).subarray(at, at + vocab!);
}

/**
 * A cache tensor [B, H, T, D] keeping only batch rows `keep` and dropping the first `dropCols`
 * positions (padding no kept row needs). Rows are contiguous, so this is a few block copies.
 */
export function selectCache(ort: OrtModule, t: OrtTensor, keep: readonly number[], dropCols: number): OrtTensor {
  const [, H, T, D] = t.dims as number[];
  const src = t.data as Float32Array | Uint16Array;
  const cols = T! - dropCols;
  const out = new (src.constructor as Float32ArrayConstructor | Uint16ArrayConstructor)(keep.length * H! * cols * D!);
  let at = 0;
  for (const b of keep) {
    for (let h = 0; h < H!; h++) {
      const from = ((b * H! + h) * T! + dropCols) * D!;
      out.set(src.subarray(from, from + cols * D!), at);
      at += cols * D!;
    }
  }
  return new ort.Tensor(t.type as 'float32', out as Float32Array, [keep.length, H!, cols, D!]);
}
