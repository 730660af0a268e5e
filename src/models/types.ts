// The model side of the contract. A model turns messages into text and knows nothing of tasks;
// the runner owns retries, concurrency, caching and persistence, so providers stay thin.
import type { Message } from '../core/types.js';
import type { Rng } from '../core/rng.js';
import type { CheckpointInfo } from './checkpoint.js';

export interface Sampling {
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  /** Provider-side seed where supported; the runner also derives one per (item, sample). */
  seed?: number;
  stop?: string[];
}

export interface ModelRequest {
  messages: Message[];
  sampling: Sampling;
  /** 0-based repeat index when `--samples` > 1. */
  sampleIndex: number;
  /** Aborted when the run is cancelled (second Ctrl-C) or the per-request timeout fires. */
  signal?: AbortSignal;
  /** Read only by baseline providers: the oracle answer and a chance-level answer for this turn. */
  reference?: string;
  randomAnswer?: (rng: Rng) => string;
  /** A stream of randomness unique to this (item, sample, turn), for baseline:random and mock:*. */
  rng: Rng;
}

export interface Usage {
  inputTokens?: number;
  outputTokens?: number;
}

export interface ModelResponse {
  text: string;
  usage?: Usage;
  /** The model id the server says it used (may differ from the requested alias). */
  resolvedModel?: string;
  finishReason?: string;
  /** Extra metrics a provider measures itself (e.g. ONNX per-token latency), JSON only. */
  metrics?: Record<string, number>;
}

export type Modality = 'text' | 'image';

/** The modalities a prompt needs. */
export function modalitiesOf(messages: readonly Message[]): Modality[] {
  const images = messages.some((m) => typeof m.content !== 'string' && m.content.some((p) => p.type === 'image'));
  return images ? ['text', 'image'] : ['text'];
}

/** Why `model` cannot take a prompt needing `needs`, or undefined when it can. */
export function unsupportedReason(model: Pick<Model, 'accepts'>, needs: readonly Modality[]): string | undefined {
  const missing = needs.filter((m) => !(model.accepts ?? ['text', 'image']).includes(m));
  return missing.length ? `needs ${missing.map((m) => `${m} input`).join(' and ')}` : undefined;
}

export interface Model {
  /** The spec string as the user wrote it, e.g. 'openai:gpt-4.1-mini'. */
  readonly spec: string;
  /** What makes responses comparable: provider, model and base URL. Part of the cache key; never a key. */
  readonly identity: string;
  /** Baselines and mocks are cheap and deterministic: the runner does not cache them. */
  readonly cacheable: boolean;
  /**
   * What the model can read (default: text and images). Tasks whose prompts need anything else are
   * recorded as unsupported for it: never asked, never retried, never averaged.
   */
  readonly accepts?: readonly Modality[];
  /** A sensible default concurrency for this provider (the user's --concurrency wins). */
  readonly defaultConcurrency: number;
  generate(req: ModelRequest): Promise<ModelResponse>;
  /** The local checkpoint behind this model (managed servers, ONNX), recorded with its runs. */
  readonly checkpoint?: CheckpointInfo;
  /** Release sessions, sockets, native memory. */
  close?(): Promise<void>;
}

export type ModelErrorKind =
  | 'rate_limit' // 429 or provider overload: retry after the server's delay, and slow down
  | 'transient' // 5xx, dropped connection, malformed body: retry with back-off
  | 'timeout' // no answer in time: retry
  | 'auth' // missing or rejected key: stop the run
  | 'config' // bad model name, unreachable server after retries, bad request: stop the run
  | 'content'; // the provider refused this one request (e.g. context too long): record, do not retry

/** Providers map every failure to one of these, so the runner's one retry layer can decide. */
export class ModelError extends Error {
  constructor(
    readonly kind: ModelErrorKind,
    message: string,
    readonly options: { status?: number; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message);
    this.name = 'ModelError';
  }
  get retryable(): boolean {
    return this.kind === 'rate_limit' || this.kind === 'transient' || this.kind === 'timeout';
  }
  get fatal(): boolean {
    return this.kind === 'auth' || this.kind === 'config';
  }
}

/**
 * Per-request timeout of the HTTP providers when none is given (`--timeout`): long enough for a
 * long non-streamed generation, short enough that a server that accepts and never answers cannot
 * hold a run for the SDKs' own 10 minutes per attempt.
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 300_000;

/** Options common to all providers, from the CLI or the library call. */
export interface ModelOptions {
  /** Per-request timeout in ms (default DEFAULT_REQUEST_TIMEOUT_MS). */
  timeoutMs?: number;
  /** Environment to read keys from (tests pass their own). */
  env?: Record<string, string | undefined>;
  /** Managed servers (vllm:, sglang:, llamacpp:). */
  servers?: ManagedServerOptions;
}

export interface ManagedServerOptions {
  /** Folder for server logs (the CLI uses <database folder>/servers). */
  logDir?: string;
  /** Server options for every managed spec ('tp=2&dtype=bfloat16'); a spec's own query wins. */
  defaults?: Record<string, string>;
  /** Keep servers running between invocations (--reuse-server). */
  reuse?: boolean;
  /** Cancels a server start (the first Ctrl-C). */
  signal?: AbortSignal;
}
