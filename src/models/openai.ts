// OpenAI chat completions, for api.openai.com and for any OpenAI-compatible server (vLLM, SGLang,
// llama.cpp, Ollama). The SDK is imported on first load, and told never to retry: the runner owns
// the one retry layer, and SDK retries would multiply with it.
import type OpenAI from 'openai';
import type {
  ChatCompletion,
  ChatCompletionContentPart,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import { messageText, type Message } from '../core/types.js';
import { toModelError, type SdkErrorClasses } from './http-errors.js';
import { envOf, readKey, requireKey } from './keys.js';
import type { ModelSpec } from './spec.js';
import { ReplicatedModel } from './endpoints.js';
import {
  DEFAULT_REQUEST_TIMEOUT_MS,
  ModelError,
  type Model,
  type ModelOptions,
  type ModelRequest,
  type ModelResponse,
} from './types.js';

const OPENAI_BASE_URL = 'https://api.openai.com/v1';

let sdkPromise: Promise<typeof import('openai')> | undefined;
const loadSdk = () => (sdkPromise ??= import('openai'));

export async function createModel(spec: ModelSpec, opts: ModelOptions): Promise<Model> {
  // '<model>@<url1>,<url2>,…': one client per replica behind a ReplicatedModel (endpoints.ts).
  if (spec.baseURLs && spec.baseURLs.length > 1) {
    const members = await Promise.all(
      spec.baseURLs.map(async (url) => ({
        url,
        model: await createModel({ ...spec, baseURL: url, baseURLs: undefined }, opts),
      })),
    );
    return new ReplicatedModel(spec.spec, `openai:${spec.model}@${[...spec.baseURLs].sort().join(',')}`, members);
  }
  const env = envOf(opts);
  const compatible = spec.provider === 'openai-compatible';
  // Local servers usually take any key. A dedicated variable comes first so a real OpenAI key need
  // not be sent to a third-party server.
  const apiKey = compatible
    ? (readKey(env, 'OPENAI_COMPATIBLE_API_KEY', 'OPENAI_API_KEY') ?? 'EMPTY')
    : requireKey(env, 'OPENAI_API_KEY', 'use baseline:oracle / openai-compatible:<model>@<url> for a local server');
  const baseURL = spec.baseURL ?? env.OPENAI_BASE_URL?.trim().replace(/\/+$/, '') ?? OPENAI_BASE_URL;

  const sdk = await loadSdk();
  const client = new sdk.OpenAI({
    apiKey,
    baseURL,
    maxRetries: 0,
    // The SDK wants a positive integer; its own default (10 minutes) is too long for a stalled server.
    timeout: Math.max(1, Math.round(opts.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS)),
    // Read from our env, not the SDK's process.env lookup; never sent to a compatible server.
    organization: compatible ? null : (env.OPENAI_ORG_ID ?? null),
    project: compatible ? null : (env.OPENAI_PROJECT_ID ?? null),
  });
  return new OpenAIChatModel(spec, client, baseURL, apiKey, sdk);
}

class OpenAIChatModel implements Model {
  readonly spec: string;
  readonly identity: string;
  readonly cacheable = true;
  readonly defaultConcurrency: number;
  private readonly model: string;
  private readonly baseURL: string;
  private readonly compatible: boolean;
  // ES-private, so neither the key nor the client holding it shows in JSON.stringify or console.log.
  readonly #client: OpenAI;
  readonly #apiKey: string;
  readonly #sdkErrors: SdkErrorClasses;

  constructor(parsed: ModelSpec, client: OpenAI, baseURL: string, apiKey: string, sdkErrors: SdkErrorClasses) {
    this.#client = client;
    this.#apiKey = apiKey;
    this.#sdkErrors = sdkErrors;
    this.baseURL = baseURL;
    this.spec = parsed.spec;
    this.compatible = parsed.provider === 'openai-compatible';
    this.identity = `openai:${parsed.model}@${baseURL}`;
    // Hosted APIs throttle per key; a local server batches, so more requests in flight help it.
    this.defaultConcurrency = this.compatible ? 32 : 16;
    this.model = parsed.model;
  }

  async generate(req: ModelRequest): Promise<ModelResponse> {
    const body = buildChatRequest(this.model, req, this.compatible);
    let completion: ChatCompletion;
    try {
      completion = await this.#client.chat.completions.create(body, { signal: req.signal });
    } catch (err) {
      throw toModelError(err, {
        provider: this.compatible ? 'openai-compatible' : 'openai',
        model: this.model,
        baseURL: this.baseURL,
        sdk: this.#sdkErrors,
        signal: req.signal,
        secrets: [this.#apiKey],
      });
    }
    return this.readCompletion(completion);
  }

  private readCompletion(completion: ChatCompletion): ModelResponse {
    // A server that answers 200 with HTML or a JSON error object gets past the SDK as a string or
    // a wrong shape; that is a bad response to retry, not an empty answer to score.
    const choice =
      typeof completion === 'object' && completion && Array.isArray(completion.choices)
        ? completion.choices[0]
        : undefined;
    if (!choice) {
      throw new ModelError(
        'transient',
        `openai model '${this.model}' at ${this.baseURL}: malformed response body (no choices)`,
      );
    }
    const content = choice.message?.content;
    const refused = typeof choice.message?.refusal === 'string' && !content;
    const out: ModelResponse = { text: typeof content === 'string' ? content : '' };
    const finish = refused ? 'refusal' : choice.finish_reason;
    if (finish) out.finishReason = finish;
    if (completion.model) out.resolvedModel = completion.model;
    if (completion.usage)
      out.usage = { inputTokens: completion.usage.prompt_tokens, outputTokens: completion.usage.completion_tokens };
    return out;
  }
}

/** The request body; exported for tests. */
export function buildChatRequest(
  model: string,
  req: ModelRequest,
  compatible: boolean,
): ChatCompletionCreateParamsNonStreaming {
  const s = req.sampling;
  const body: ChatCompletionCreateParamsNonStreaming = { model, messages: req.messages.map(toOpenAIMessage) };
  if (s.temperature !== undefined) body.temperature = s.temperature;
  if (s.topP !== undefined) body.top_p = s.topP;
  // OpenAI deprecated max_tokens (reasoning models reject it); most local servers know only max_tokens.
  if (s.maxTokens !== undefined) {
    if (compatible) body.max_tokens = s.maxTokens;
    else body.max_completion_tokens = s.maxTokens;
  }
  if (s.seed !== undefined) body.seed = s.seed;
  if (s.stop?.length) body.stop = s.stop;
  return body;
}

export function toOpenAIMessage(m: Message): ChatCompletionMessageParam {
  if (m.role === 'system') return { role: 'system', content: messageText(m) };
  if (m.role === 'assistant') return { role: 'assistant', content: messageText(m) };
  if (typeof m.content === 'string') return { role: 'user', content: m.content };
  const parts: ChatCompletionContentPart[] = m.content.map((p) =>
    p.type === 'text'
      ? { type: 'text', text: p.text }
      : { type: 'image_url', image_url: { url: `data:${p.mediaType};base64,${p.data}` } },
  );
  return { role: 'user', content: parts };
}
