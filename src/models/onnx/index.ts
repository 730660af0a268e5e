// `onnx:<folder>`: a Hugging Face style ONNX export (Optimum or transformers.js layout) run in
// process with onnxruntime-node, on the CPU or an NVIDIA GPU. The checkpoint's own chat template and
// tokenizer build the prompt; requests from the runner's workers are gathered into batches
// (batcher.ts) and decoded together with a KV cache (generate.ts). See README.md in this folder.
import { freemem } from 'node:os';
import type { ModelSpec } from '../spec.js';
import { ModelError, type Model, type ModelOptions, type ModelRequest, type ModelResponse } from '../types.js';
import { MicroBatcher } from './batcher.js';
import { openFolder, readCheckpoint, type Checkpoint } from './checkpoint.js';
import { analyseSession, kvBytesPerToken, type DecoderLayout } from './decoder.js';
import { DEMO_NAME, demoFiles } from './demo.js';
import {
  cudaStartError,
  defaultProbe,
  executionProviders,
  isCudaProviderError,
  planDevice,
  type DeviceProbe,
} from './device.js';
import { decodeBatch, type DecodeContext, type DecodeRow, type RowOutcome } from './generate.js';
import { parseOnnxOptions, type OnnxOptions } from './options.js';
import { PromptCodec } from './prompt.js';
import { TokenSampler, type SamplingParams } from './sampler.js';
import { importOrt } from './runtime.js';

/** When neither the request nor generation_config.json sets a budget. */
export const DEFAULT_MAX_NEW_TOKENS = 2048;
/** Rows per forward pass under batch=auto, before the KV-cache memory cap. */
export const AUTO_BATCH = { cpu: 8, cuda: 32, noCache: 1 } as const;

export interface OnnxModelInfo {
  device: 'cpu' | 'cuda';
  batch: number;
  modelFile: string;
  kvCache: boolean;
  promptFormat: 'chat-template' | 'plain';
  maxContext?: number;
  eosIds: number[];
  /** What auto-selection said (device fallback), if anything. */
  notes: string[];
}

export interface OnnxModel extends Model {
  readonly info: OnnxModelInfo;
  /** Called after every forward pass (benchmarks measure the loop's own overhead with it). */
  onStep?: (rows: number, tokensPerRow: number, ms: number) => void;
}

/** Test seams: where to look for the CUDA provider, and where notes go (stderr by default). */
export interface OnnxInternals {
  probe?: DeviceProbe;
  log?: (line: string) => void;
}

export function createModel(spec: ModelSpec, opts: ModelOptions): Promise<Model> {
  return createOnnxModel(spec, opts);
}

type Json = Record<string, unknown>;

function ids(v: unknown): number[] {
  const list = Array.isArray(v) ? v : [v];
  return list.filter((x): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0);
}

function positive(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined;
}

function maxContextOf(ckpt: Checkpoint): number | undefined {
  const c = (
    ckpt.config.text_config && typeof ckpt.config.text_config === 'object' ? ckpt.config.text_config : ckpt.config
  ) as Json;
  const fromConfig = positive(c.max_position_embeddings) ?? positive(c.n_positions) ?? positive(c.max_sequence_length);
  if (fromConfig) return fromConfig;
  // transformers writes a huge sentinel when the tokenizer has no limit.
  const fromTokenizer = positive(ckpt.tokenizerConfig.model_max_length);
  return fromTokenizer && fromTokenizer < 1e7 ? fromTokenizer : undefined;
}

function chooseBatch(
  o: OnnxOptions,
  device: 'cpu' | 'cuda',
  layout: DecoderLayout,
  maxContext: number | undefined,
): number {
  if (!layout.maskType) return 1; // without an attention mask, padded rows would read their padding
  if (o.batch !== 'auto') return o.batch;
  if (layout.kv.length === 0) return AUTO_BATCH.noCache;
  // Cap the cache at a quarter of free memory on the CPU and 4 GiB on a GPU (whose size ORT does not report).
  const budget = device === 'cpu' ? Math.min(8 * 2 ** 30, freemem() / 4) : 4 * 2 ** 30;
  const perRow = kvBytesPerToken(layout) * Math.min(maxContext ?? 4096, 8192);
  return Math.max(1, Math.min(AUTO_BATCH[device], Math.floor(budget / perRow)));
}

export async function createOnnxModel(
  spec: ModelSpec,
  opts: ModelOptions,
  internals: OnnxInternals = {},
): Promise<OnnxModel> {
  const o = parseOnnxOptions(spec.spec, spec.model);
  // First: the device probe below looks for onnxruntime-node's files too.
  const ort = await importOrt();
  const log = internals.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const plan = planDevice(o.device, internals.probe ?? defaultProbe());
  const files = o.path === DEMO_NAME ? demoFiles() : openFolder(spec.spec, o.path);
  const ckpt = readCheckpoint(files, { dtype: o.dtype, file: o.file, preferFp16: plan.attempts[0] === 'cuda' });
  const codec = new PromptCodec(ckpt);

  const notes: string[] = plan.note ? [plan.note] : [];
  const source = files.pathOf(ckpt.modelFile) ?? files.read(ckpt.modelFile);
  let session: import('onnxruntime-node').InferenceSession | undefined;
  let device: 'cpu' | 'cuda' = 'cpu';
  for (const attempt of plan.attempts) {
    const options = {
      executionProviders: executionProviders(attempt, o.deviceId),
      graphOptimizationLevel: 'all' as const,
      logSeverityLevel: 3 as const,
      ...(o.threads ? { intraOpNumThreads: o.threads } : {}),
    };
    try {
      // Two calls because the overloads take a path or bytes, not their union.
      session =
        typeof source === 'string'
          ? await ort.InferenceSession.create(source, options)
          : await ort.InferenceSession.create(source, options);
      device = attempt;
      break;
    } catch (err) {
      if (attempt === 'cuda' && isCudaProviderError(err)) {
        if (plan.attempts.length === 1) throw cudaStartError(err);
        notes.push(
          `onnx: device=auto: running on the CPU because ${cudaStartError(err).message.replace(/^onnx: device=cuda: /, '')}`,
        );
        continue;
      }
      const first = String((err as Error)?.message ?? err)
        .split('\n')[0]!
        .slice(0, 300);
      throw new ModelError(
        'config',
        `onnx checkpoint '${files.label}': ${ckpt.modelFile} could not be loaded by ONNX Runtime (${first})`,
        { cause: err },
      );
    }
  }
  for (const n of notes) log(n);
  const layout = analyseSession(session!, ckpt.config, files.label);

  const gc = ckpt.generationConfig;
  const eosIds = [...new Set([...ids(gc.eos_token_id), ...ids(ckpt.config.eos_token_id)])];
  if (eosIds.length === 0) {
    const fromTokenizer = codec.tokenId(codec.eosToken);
    if (fromTokenizer !== undefined) eosIds.push(fromTokenizer);
  }
  const padId =
    ids(gc.pad_token_id)[0] ?? ids(ckpt.config.pad_token_id)[0] ?? codec.tokenId(codec.padToken) ?? eosIds[0] ?? 0;
  const maxContext = maxContextOf(ckpt);
  const batch = chooseBatch(o, device, layout, maxContext);
  const identity = `onnx:${files.name}/${ckpt.modelFile}#${ckpt.fingerprint.slice(0, 12)}`;
  const resolvedModel = `${files.name}/${ckpt.modelFile} (${device})`;

  const model: OnnxModel = {
    spec: spec.spec,
    identity,
    cacheable: true,
    // A text decoder: image tasks are unsupported for it, not errors.
    accepts: ['text'],
    // One batch decoding while the next one fills.
    defaultConcurrency: 2 * batch,
    info: {
      device,
      batch,
      modelFile: ckpt.modelFile,
      kvCache: layout.kv.length > 0,
      promptFormat: codec.format,
      maxContext,
      eosIds,
      notes,
    },
    generate: (req) => generate(req),
    close: async () => {
      // Queued requests fail; a batch already decoding finishes before its session goes away.
      await batcher.close();
      await session!.release();
    },
  };

  const context: DecodeContext = {
    ort,
    session: session!,
    layout,
    eos: new Set(eosIds),
    padId,
    decode: (t) => codec.decode(t),
    onStep: (rows, tokens, ms) => model.onStep?.(rows, tokens, ms),
  };

  interface Job {
    row: DecodeRow;
    startedAt: number;
  }
  const batcher = new MicroBatcher<Job, RowOutcome>({
    maxBatch: batch,
    windowMs: o.windowMs,
    aborted: () => new ModelError('timeout', `${spec.spec}: request aborted`),
    run: async (jobs) => {
      const t = performance.now();
      for (const j of jobs) j.startedAt = t;
      try {
        return await decodeBatch(
          context,
          jobs.map((j) => j.row),
        );
      } catch (err) {
        const first = String((err as Error)?.message ?? err)
          .split('\n')[0]!
          .slice(0, 300);
        const hint = /alloc|memory/i.test(first)
          ? `; try a smaller batch, e.g. '${o.path}?batch=${Math.max(1, Math.floor(batch / 2))}'`
          : '';
        throw new ModelError('config', `onnx: inference failed on ${ckpt.modelFile} (${first})${hint}`, { cause: err });
      }
    },
  });

  function samplingFor(req: ModelRequest): SamplingParams {
    const s = req.sampling;
    const temperature = s.temperature ?? (gc.do_sample === true ? (positive(gc.temperature) ?? 1) : 0);
    const topK = typeof gc.top_k === 'number' && gc.top_k > 0 ? Math.floor(gc.top_k) : 0;
    const topP = s.topP ?? (typeof gc.top_p === 'number' ? gc.top_p : 1);
    return {
      temperature,
      topK,
      topP: Math.min(1, Math.max(0, topP)),
      repetitionPenalty: positive(gc.repetition_penalty) ?? 1,
    };
  }

  async function generate(req: ModelRequest): Promise<ModelResponse> {
    const enqueued = performance.now();
    const promptIds = codec.encode(req.messages);
    if (maxContext !== undefined && promptIds.length >= maxContext) {
      throw new ModelError(
        'content',
        `onnx: the prompt has ${promptIds.length} tokens; the model's context is ${maxContext}`,
      );
    }
    const wanted =
      req.sampling.maxTokens ??
      (positive(gc.max_new_tokens) ? Math.floor(gc.max_new_tokens as number) : DEFAULT_MAX_NEW_TOKENS);
    const maxNewTokens = Math.max(
      1,
      Math.min(wanted, maxContext === undefined ? Infinity : maxContext - promptIds.length),
    );
    const params = samplingFor(req);
    // Each row samples from its own stream (the request's, forked by the seed), so its text is the
    // same whichever rows share its batch.
    const rng = params.temperature > 0 ? req.rng.fork(`onnx-sampling:${req.sampling.seed ?? ''}`) : undefined;
    const job: Job = {
      startedAt: 0, // set when the job's batch starts
      row: {
        promptIds,
        maxNewTokens,
        sampler: new TokenSampler(params, rng),
        stop: (req.sampling.stop ?? []).filter((s) => s.length > 0),
        cancelled: () => {
          if (req.signal?.aborted) return new ModelError('timeout', `${spec.spec}: request aborted`);
          if (opts.timeoutMs !== undefined && performance.now() - job.startedAt > opts.timeoutMs) {
            return new ModelError('timeout', `${spec.spec}: no answer within ${opts.timeoutMs} ms`);
          }
          return undefined;
        },
      },
    };
    const out = await batcher.submit(job, req.signal);
    if (out.error) throw out.error;
    const queueMs = job.startedAt - enqueued;
    const genMs = out.firstTokenMs + out.decodeMs;
    const metrics: Record<string, number> = {
      queueMs: round(queueMs),
      timeToFirstTokenMs: round(queueMs + out.firstTokenMs),
      batchSize: out.batchSize,
      tokensPerSecond: round(genMs > 0 ? (out.tokens.length * 1000) / genMs : 0),
    };
    if (out.tokens.length > 1) metrics.msPerToken = round(out.decodeMs / (out.tokens.length - 1));
    return {
      text: out.text,
      usage: { inputTokens: promptIds.length, outputTokens: out.tokens.length },
      resolvedModel,
      finishReason: out.finishReason,
      metrics,
    };
  }

  return model;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
