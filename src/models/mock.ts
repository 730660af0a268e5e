// Mock models for tests: first-class providers ('mock:fixed:<text>', 'mock:echo',
// 'mock:error:<kind>') and a programmatic constructor for scripted replies, latency and injected
// failures. They report approximate token counts so the token columns are exercised too.
import { messageText, type Message } from '../core/types.js';
import type { ModelSpec } from './spec.js';
import {
  ModelError,
  type ModelErrorKind,
  type Model,
  type ModelOptions,
  type ModelRequest,
  type ModelResponse,
} from './types.js';

export interface MockModelOptions {
  /** A script (call i gets replies[i]; running past the end is a test bug and throws) or a function. */
  replies: readonly string[] | ((req: ModelRequest, callIndex: number) => string | Promise<string>);
  /** Delay before answering (or failing); an aborted request signal ends it early with a timeout. */
  latencyMs?: number | ((req: ModelRequest, callIndex: number) => number);
  /** Return a ModelError to make call `callIndex` fail with it. */
  fail?: (req: ModelRequest, callIndex: number) => ModelError | undefined;
  spec?: string;
  identity?: string;
  cacheable?: boolean;
  defaultConcurrency?: number;
}

export interface MockModel extends Model {
  /** Every request received, in call order (failed ones included). */
  readonly calls: readonly ModelRequest[];
}

/** Roughly four characters per token: enough to make token columns non-trivial. */
export function approxTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** The text of the last user message ('' when there is none). */
export function lastUserText(messages: readonly Message[]): string {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]!.role === 'user') return messageText(messages[i]!);
  return '';
}

export function mockModel(options: MockModelOptions): MockModel {
  const calls: ModelRequest[] = [];
  const { replies } = options;
  const spec = options.spec ?? 'mock:scripted';
  return {
    spec,
    identity: options.identity ?? spec,
    cacheable: options.cacheable ?? false,
    defaultConcurrency: options.defaultConcurrency ?? 64,
    calls,
    async generate(req: ModelRequest): Promise<ModelResponse> {
      // The index is taken on entry so concurrent calls get distinct, arrival-ordered indices.
      const callIndex = calls.length;
      calls.push(req);
      const latency =
        typeof options.latencyMs === 'function' ? options.latencyMs(req, callIndex) : (options.latencyMs ?? 0);
      if (latency > 0) await sleep(latency, req.signal, spec);
      else if (req.signal?.aborted) throw abortError(spec);
      const failure = options.fail?.(req, callIndex);
      if (failure) throw failure;
      let text: string;
      if (typeof replies === 'function') {
        text = await replies(req, callIndex);
      } else {
        if (callIndex >= replies.length)
          throw new Error(`${spec}: script exhausted: call ${callIndex + 1} but only ${replies.length} replies`);
        text = replies[callIndex]!;
      }
      const input = req.messages.map(messageText).join('\n');
      return {
        text,
        usage: { inputTokens: approxTokens(input), outputTokens: approxTokens(text) },
        resolvedModel: spec,
        finishReason: 'stop',
      };
    },
  };
}

export async function createModel(spec: ModelSpec, _opts: ModelOptions): Promise<Model> {
  const common = { spec: spec.spec, identity: spec.spec };
  switch (spec.model) {
    case 'fixed': {
      const text = spec.arg ?? '';
      return mockModel({ ...common, replies: () => text });
    }
    case 'echo':
      return mockModel({ ...common, replies: (req) => lastUserText(req.messages) });
    case 'error': {
      const kind = spec.arg as ModelErrorKind;
      return mockModel({
        ...common,
        replies: () => '',
        fail: () =>
          new ModelError(
            kind,
            `${spec.spec}: injected ${kind} failure`,
            kind === 'rate_limit' ? { retryAfterMs: 10 } : {},
          ),
      });
    }
    default:
      throw new ModelError('config', `unknown mock '${spec.model}' in '${spec.spec}'`);
  }
}

function abortError(spec: string): ModelError {
  return new ModelError('timeout', `${spec}: request aborted`);
}

function sleep(ms: number, signal: AbortSignal | undefined, spec: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(spec));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(spec));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
