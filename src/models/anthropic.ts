// Anthropic Messages API. The SDK (the slowest import of all, ~240 ms) is loaded on first use and
// never retries: the runner owns the one retry layer.
import type Anthropic from '@anthropic-ai/sdk';
import type {
  ContentBlockParam,
  Message as AnthropicMessage,
  MessageCreateParamsNonStreaming,
  MessageParam,
} from '@anthropic-ai/sdk/resources/messages/messages';
import { messageText, type Message } from '../core/types.js';
import { toModelError, type SdkErrorClasses } from './http-errors.js';
import { envOf, readKey } from './keys.js';
import type { ModelSpec } from './spec.js';
import {
  DEFAULT_REQUEST_TIMEOUT_MS,
  ModelError,
  type Model,
  type ModelOptions,
  type ModelRequest,
  type ModelResponse,
} from './types.js';

const ANTHROPIC_BASE_URL = 'https://api.anthropic.com';
/** The API requires max_tokens; this is what we send when the suite does not say. */
export const DEFAULT_MAX_TOKENS = 1024;
// Without an explicit timeout the SDK refuses non-streaming requests whose max_tokens suggests
// more than 10 minutes of generation; an explicit one switches that check off.

let sdkPromise: Promise<typeof import('@anthropic-ai/sdk')> | undefined;
const loadSdk = () => (sdkPromise ??= import('@anthropic-ai/sdk'));

export async function createModel(spec: ModelSpec, opts: ModelOptions): Promise<Model> {
  const env = envOf(opts);
  const apiKey = readKey(env, 'ANTHROPIC_API_KEY');
  const authToken = apiKey ? undefined : readKey(env, 'ANTHROPIC_AUTH_TOKEN');
  if (!apiKey && !authToken) {
    throw new ModelError(
      'auth',
      'ANTHROPIC_API_KEY is not set: export it, or use baseline:oracle / openai-compatible:<model>@<url> for a local server',
    );
  }
  const baseURL = spec.baseURL ?? env.ANTHROPIC_BASE_URL?.trim().replace(/\/+$/, '') ?? ANTHROPIC_BASE_URL;

  const sdk = await loadSdk();
  // Passing the credential explicitly also stops the SDK from searching profiles and process.env.
  const client = new sdk.Anthropic({
    ...(apiKey ? { apiKey } : { authToken: authToken! }),
    baseURL,
    maxRetries: 0,
    timeout: Math.max(1, Math.round(opts.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS)),
  });
  return new AnthropicModel(spec, client, baseURL, (apiKey ?? authToken)!, sdk);
}

class AnthropicModel implements Model {
  readonly spec: string;
  readonly identity: string;
  readonly cacheable = true;
  readonly defaultConcurrency = 16;
  private readonly model: string;
  private readonly baseURL: string;
  // ES-private, so neither the key nor the client holding it shows in JSON.stringify or console.log.
  readonly #client: Anthropic;
  readonly #secret: string;
  readonly #sdkErrors: SdkErrorClasses;

  constructor(parsed: ModelSpec, client: Anthropic, baseURL: string, secret: string, sdkErrors: SdkErrorClasses) {
    this.#client = client;
    this.#secret = secret;
    this.#sdkErrors = sdkErrors;
    this.baseURL = baseURL;
    this.spec = parsed.spec;
    this.model = parsed.model;
    this.identity = `anthropic:${parsed.model}@${baseURL}`;
  }

  async generate(req: ModelRequest): Promise<ModelResponse> {
    const body = buildMessagesRequest(this.model, req);
    let message: AnthropicMessage;
    try {
      message = await this.#client.messages.create(body, { signal: req.signal });
    } catch (err) {
      throw toModelError(err, {
        provider: 'anthropic',
        model: this.model,
        baseURL: this.baseURL,
        sdk: this.#sdkErrors,
        signal: req.signal,
        secrets: [this.#secret],
      });
    }
    if (typeof message !== 'object' || !message || !Array.isArray(message.content)) {
      throw new ModelError(
        'transient',
        `anthropic model '${this.model}' at ${this.baseURL}: malformed response body (no content)`,
      );
    }
    // Thinking and tool blocks are not the answer; the text blocks are.
    const text = message.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
    const out: ModelResponse = { text };
    if (message.stop_reason) out.finishReason = message.stop_reason;
    if (message.model) out.resolvedModel = message.model;
    if (message.usage)
      out.usage = { inputTokens: message.usage.input_tokens, outputTokens: message.usage.output_tokens };
    return out;
  }
}

/**
 * The request body; exported for tests. System messages go to the top-level `system` param.
 * SDK 1.14's Messages API has no temperature/top_p (and no seed), so those sampling fields are
 * not sent; max_tokens and stop sequences are.
 */
export function buildMessagesRequest(model: string, req: ModelRequest): MessageCreateParamsNonStreaming {
  const system = req.messages
    .filter((m) => m.role === 'system')
    .map(messageText)
    .join('\n\n');
  const body: MessageCreateParamsNonStreaming = {
    model,
    max_tokens: req.sampling.maxTokens ?? DEFAULT_MAX_TOKENS,
    messages: req.messages.filter((m) => m.role !== 'system').map(toAnthropicMessage),
  };
  if (system) body.system = system;
  if (req.sampling.stop?.length) body.stop_sequences = req.sampling.stop;
  return body;
}

export function toAnthropicMessage(m: Message): MessageParam {
  const role = m.role === 'assistant' ? 'assistant' : 'user';
  if (typeof m.content === 'string') return { role, content: m.content };
  const blocks: ContentBlockParam[] = m.content.map((p) =>
    p.type === 'text'
      ? { type: 'text', text: p.text }
      : { type: 'image', source: { type: 'base64', media_type: p.mediaType, data: p.data } },
  );
  return { role, content: blocks };
}
