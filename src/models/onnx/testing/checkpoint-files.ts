// Whole checkpoint folders for tests, benchmarks and the demo: the tiny models' ONNX files plus the
// JSON files a Hugging Face export carries, in the transformers.js layout (onnx/model*.onnx) or an
// Optimum one (model.onnx, decoder_model_merged.onnx, decoder_model.onnx at the top).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  BASE_VOCAB_SIZE,
  BOS_ID,
  CHAT_TEMPLATE,
  END_ID,
  EOS_ID,
  PAD_ID,
  tokenizerConfigJson,
  tokenizerJson,
} from './char-tokenizer.js';
import { buildTinySumDecoder, tinySumSpec, type TinyDtype, type TinySumOptions } from './tiny-sum-decoder.js';
import { buildTinyTransformer, type TinyTransformerOptions } from './tiny-transformer.js';

export type CheckpointFileMap = Record<string, Uint8Array | string>;

export type TinyLayout =
  | 'transformers.js' // onnx/model.onnx, onnx/model_fp16.onnx, onnx/model_quantized.onnx
  | 'optimum' // model.onnx at the top
  | 'optimum-merged' // decoder_model_merged.onnx with use_cache_branch
  | 'optimum-no-cache'; // decoder_model.onnx: no past_key_values

export interface TinyCheckpointOptions extends Omit<TinySumOptions, 'dtype' | 'kvCache' | 'mergedBranch'> {
  layout?: TinyLayout;
  /** Weight variants to write (transformers.js layout only); the first is also the only one elsewhere. */
  dtypes?: TinyDtype[];
  /** Where the chat template lives; 'none' makes a base-model export without one. */
  chatTemplate?: 'tokenizer_config' | 'jinja' | 'none';
  generationConfig?: Record<string, unknown>;
  /** config.json's max_position_embeddings. The rule has no length limit; the default fits every shipped suite's prompts. */
  maxPositions?: number;
}

const SUFFIX: Record<TinyDtype, string> = { fp32: '', fp16: '_fp16', q8: '_quantized' };
const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

function commonFiles(
  config: Record<string, unknown>,
  vocabSize: number,
  chatTemplate: TinyCheckpointOptions['chatTemplate'],
  generation?: Record<string, unknown>,
): CheckpointFileMap {
  const files: CheckpointFileMap = {
    'config.json': json(config),
    'generation_config.json': json(
      generation ?? { bos_token_id: BOS_ID, eos_token_id: [EOS_ID, END_ID], pad_token_id: PAD_ID, do_sample: false },
    ),
    'tokenizer.json': json(tokenizerJson(vocabSize)),
    'tokenizer_config.json': json(
      tokenizerConfigJson(chatTemplate === undefined || chatTemplate === 'tokenizer_config'),
    ),
  };
  if (chatTemplate === 'jinja') files['chat_template.jinja'] = CHAT_TEMPLATE;
  return files;
}

/**
 * The demo checkpoint (`onnx:demo`, and what write-checkpoint.ts writes by default): the sum rule
 * with one small cache head and logits for the last position only, so that even the 30 K-token
 * prompts of the travel tasks take well under a second.
 */
export const DEMO_OPTIONS: TinyCheckpointOptions = { kvHeads: 1, headDim: 2, logitsToKeep: true };

/** A checkpoint of the tiny sum decoder (see tiny-sum-decoder.ts for the rule its outputs follow). */
export function tinyCheckpointFiles(opts: TinyCheckpointOptions = {}): CheckpointFileMap {
  const layout = opts.layout ?? 'transformers.js';
  const spec = tinySumSpec(opts);
  const kvCache = layout !== 'optimum-no-cache';
  const config = {
    architectures: ['LlamaForCausalLM'],
    model_type: 'llama',
    vocab_size: spec.vocabSize,
    num_hidden_layers: spec.layers,
    num_attention_heads: spec.kvHeads,
    num_key_value_heads: spec.kvHeads,
    head_dim: spec.headDim,
    hidden_size: spec.kvHeads * spec.headDim,
    max_position_embeddings: opts.maxPositions ?? 65536,
    bos_token_id: BOS_ID,
    eos_token_id: EOS_ID,
    pad_token_id: PAD_ID,
    use_cache: kvCache,
    genbench_tiny_model:
      'sum-rule: next = R[(Σ masked token weights + position) mod 29]; see src/models/onnx/testing/tiny-sum-decoder.ts',
  };
  const files = commonFiles(config, spec.vocabSize, opts.chatTemplate, opts.generationConfig);
  const dtypes = opts.dtypes ?? ['fp32'];
  const build = (dtype: TinyDtype) =>
    buildTinySumDecoder({ ...opts, dtype, kvCache, mergedBranch: layout === 'optimum-merged' });
  switch (layout) {
    case 'transformers.js':
      for (const d of dtypes) files[`onnx/model${SUFFIX[d]}.onnx`] = build(d);
      break;
    case 'optimum':
      files['model.onnx'] = build(dtypes[0]!);
      break;
    case 'optimum-merged':
      files['decoder_model_merged.onnx'] = build(dtypes[0]!);
      break;
    case 'optimum-no-cache':
      files['decoder_model.onnx'] = build(dtypes[0]!);
      break;
  }
  return files;
}

/** A checkpoint of the random-weight transformer (benchmarks): real attention cost, noise for text. */
export function transformerCheckpointFiles(o: TinyTransformerOptions): CheckpointFileMap {
  if (o.vocabSize < BASE_VOCAB_SIZE)
    throw new Error(`vocabSize must be at least ${BASE_VOCAB_SIZE}, the tokenizer's vocabulary`);
  const config = {
    architectures: ['LlamaForCausalLM'],
    model_type: 'llama',
    vocab_size: o.vocabSize,
    num_hidden_layers: o.layers,
    num_attention_heads: o.heads,
    num_key_value_heads: o.heads,
    head_dim: o.hidden / o.heads,
    hidden_size: o.hidden,
    intermediate_size: o.ffn,
    max_position_embeddings: o.maxPositions,
    bos_token_id: BOS_ID,
    eos_token_id: EOS_ID,
    pad_token_id: PAD_ID,
    use_cache: o.kvCache ?? true,
  };
  const files = commonFiles(config, Math.max(o.vocabSize, BASE_VOCAB_SIZE), 'tokenizer_config');
  files[o.kvCache === false ? 'onnx/decoder_model.onnx' : 'onnx/model.onnx'] = buildTinyTransformer(o);
  return files;
}

export function writeCheckpoint(dir: string, files: CheckpointFileMap): void {
  for (const [rel, content] of Object.entries(files)) {
    const path = join(dir, ...rel.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
}
