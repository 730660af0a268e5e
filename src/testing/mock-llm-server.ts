// A deterministic stand-in for OpenAI-compatible and Anthropic servers, for tests and benchmarks.
// It listens on 127.0.0.1 only, answers from a `respond` function, and injects faults (429, 5xx,
// malformed bodies, dropped sockets, latency, a requests-per-second budget) reproducibly: whether a
// request fails is a function of (seed, body, how often that body arrived before), so the same
// workload sees the same faults whatever the concurrency or arrival order.
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type MockApi = 'openai' | 'anthropic';

/** A chat-completions or messages request body, loosely typed: tests read whatever they sent. */
export interface MockRequestBody {
  model?: string;
  messages?: Array<{ role: string; content: unknown }>;
  system?: unknown;
  stream?: boolean;
  max_tokens?: number;
  max_completion_tokens?: number;
  stop?: string | string[];
  stop_sequences?: string[];
  stream_options?: { include_usage?: boolean };
  [key: string]: unknown;
}

export interface RespondContext {
  api: MockApi;
  /** 0-based arrival index of this completion request (since start or resetStats). */
  index: number;
  /** Hash of the raw request body: the duplicate-detection key. */
  bodyHash: string;
  /** How many times this exact body arrived before this request (0 the first time). */
  attempt: number;
  headers: IncomingHttpHeaders;
  /** Text of the last user message (image parts left out). */
  lastUserText: string;
}

export type MockFault =
  /** Answer with this status and an API-shaped error body (plus headers, e.g. retry-after). */
  | { kind: 'status'; status: number; message?: string; type?: string; code?: string; headers?: Record<string, string> }
  /** 200 with a truncated JSON body (counted in `malformed`, as is a raw 200). */
  | { kind: 'malformed' }
  /** Destroy the socket without answering. */
  | { kind: 'drop' }
  /** Any status, content type and body verbatim (an HTML page from a proxy, an empty 200). */
  | { kind: 'raw'; status: number; contentType?: string; body: string; headers?: Record<string, string> };

export interface MockLlmServerOptions {
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** The reply text. Default: the last user message, echoed. A throw becomes a 500. */
  respond?: (body: MockRequestBody, ctx: RespondContext) => string | Promise<string>;
  /** Delay before answering (not applied to 429s, which a real server sends at once). */
  latencyMs?: number | ((body: MockRequestBody, ctx: RespondContext) => number);
  /** Fractions of completion requests answered with an injected fault; their sum must be ≤ 1. */
  rate429?: number;
  rate5xx?: number;
  rateMalformed?: number;
  rateDrop?: number;
  /** retry-after-ms on injected 429s (default 100); null leaves the header out. */
  retryAfterMs?: number | null;
  /** retry-after on injected 429s: seconds or an HTTP date (default ceil(retryAfterMs / 1000)); null leaves it out. */
  retryAfter?: number | string | null;
  /** Status of injected 5xx (default 500). */
  status5xx?: number;
  /** Requests per second the server accepts (token bucket); over budget → 429 with the wait. */
  rps?: number;
  /** Bucket size: how many requests may arrive at once after a quiet spell (default max(1, rps)). */
  burst?: number;
  /** Seed of the fault draws. */
  seed?: number | string;
  /** The `model` the server reports; default: the requested one. */
  resolvedModel?: string;
  /** Ids listed by GET /v1/models. */
  models?: string[];
  /** Per-request fault hook, consulted before the random rates (after failNext's queue). */
  fault?: (body: MockRequestBody, ctx: RespondContext) => MockFault | undefined;
}

export interface MockServerStats {
  /** Completion requests received (POST /v1/chat/completions and /v1/messages). */
  requests: number;
  /** Every HTTP request, including GET /v1/models and unknown paths. */
  httpRequests: number;
  /** Completion requests answered 200 with a well-formed body. */
  ok: number;
  /** 429s served, injected and over-budget alike. */
  served429: number;
  /** 429s served because the rps budget was spent. */
  rpsRejected: number;
  served5xx: number;
  /** Other error statuses (injected 4xx, unparsable request bodies). */
  servedOtherErrors: number;
  malformed: number;
  dropped: number;
  /** 200 answers for a body that had already been answered 200: real duplicates, not retries. */
  duplicates: number;
  /** Completion requests per body hash. */
  bodyCounts: Map<string, number>;
  inFlight: number;
  peakInFlight: number;
  lastRequest?: { path: string; headers: IncomingHttpHeaders; body: MockRequestBody };
}

export interface MockLlmServer {
  /** 'http://127.0.0.1:<port>': give OpenAI clients url + '/v1', Anthropic clients url. */
  readonly url: string;
  readonly port: number;
  /** Live counters (the same object across resetStats). */
  readonly stats: MockServerStats;
  setOptions(partial: Partial<MockLlmServerOptions>): void;
  /** The next completion requests get these faults, in order, before any other fault rule. */
  failNext(...faults: MockFault[]): void;
  resetStats(): void;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024 * 1024;

export async function startMockLlmServer(initial: MockLlmServerOptions = {}): Promise<MockLlmServer> {
  const options: MockLlmServerOptions = { ...initial };
  validateRates(options);
  const stats = emptyStats();
  const answeredOk = new Set<string>();
  const queuedFaults: MockFault[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let nextIndex = 0;
  let bucket = makeBucket(options);
  let closed = false;

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // A bug here must not hang the client: answer 500 if we still can.
      if (!res.headersSent && !res.destroyed)
        sendJson(res, 500, { error: { message: `mock server error: ${String(err)}` } });
    });
  });
  server.keepAliveTimeout = 30_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    stats.httpRequests++;
    stats.inFlight++;
    stats.peakInFlight = Math.max(stats.peakInFlight, stats.inFlight);
    res.on('close', () => stats.inFlight--);

    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/v1/models') {
      const ids = options.models ?? ['mock-model'];
      return sendJson(res, 200, {
        object: 'list',
        data: ids.map((id) => ({ id, object: 'model', created: 0, owned_by: 'mock' })),
      });
    }
    if (req.method === 'GET' && path === '/health') return sendJson(res, 200, { status: 'ok' });
    const api: MockApi | undefined =
      req.method === 'POST' && path === '/v1/chat/completions'
        ? 'openai'
        : req.method === 'POST' && path === '/v1/messages'
          ? 'anthropic'
          : undefined;
    if (!api) return sendJson(res, 404, { error: { message: `no route for ${req.method} ${path}` } });

    const raw = await readBody(req);
    let body: MockRequestBody;
    try {
      if (raw === undefined) throw new Error('request body too large');
      body = JSON.parse(raw.toString('utf8')) as MockRequestBody;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('not a JSON object');
    } catch (err) {
      stats.servedOtherErrors++;
      return sendError(res, api, {
        kind: 'status',
        status: 400,
        type: 'invalid_request_error',
        message: `bad request body: ${(err as Error).message}`,
      });
    }

    const bodyHash = createHash('sha256').update(raw!).digest('hex').slice(0, 32);
    const attempt = stats.bodyCounts.get(bodyHash) ?? 0;
    stats.bodyCounts.set(bodyHash, attempt + 1);
    stats.requests++;
    stats.lastRequest = { path: path!, headers: req.headers, body };
    const ctx: RespondContext = {
      api,
      index: nextIndex++,
      bodyHash,
      attempt,
      headers: req.headers,
      lastUserText: lastUserText(body),
    };

    const waitMs = bucket?.take(performance.now()) ?? 0;
    if (waitMs > 0) {
      stats.served429++;
      stats.rpsRejected++;
      return sendError(res, api, {
        kind: 'status',
        status: 429,
        message: `rate limit: ${options.rps} requests per second`,
        headers: { 'retry-after-ms': String(waitMs), 'retry-after': String(Math.ceil(waitMs / 1000)) },
      });
    }

    const fault = queuedFaults.shift() ?? options.fault?.(body, ctx) ?? randomFault(options, bodyHash, attempt);
    if ((fault?.kind === 'status' || fault?.kind === 'raw') && fault.status === 429) return serveFault(res, api, fault);

    const latency = typeof options.latencyMs === 'function' ? options.latencyMs(body, ctx) : (options.latencyMs ?? 0);
    if (latency > 0 && !(await delay(latency, res))) return; // the client gave up meanwhile
    if (fault) return serveFault(res, api, fault);

    let text: string;
    try {
      text = await (options.respond ?? defaultRespond)(body, ctx);
    } catch (err) {
      return serveFault(res, api, {
        kind: 'status',
        status: 500,
        message: `respond() threw: ${(err as Error).message}`,
      });
    }
    if (res.destroyed) return;
    if (answeredOk.has(bodyHash)) stats.duplicates++;
    answeredOk.add(bodyHash);
    stats.ok++;
    const reply = shapeReply(body, text);
    const model = options.resolvedModel ?? body.model ?? 'mock-model';
    const id = `${api === 'openai' ? 'chatcmpl' : 'msg'}-mock-${ctx.index}`;
    if (api === 'openai') {
      if (body.stream) return streamOpenAI(res, id, model, reply, body.stream_options?.include_usage === true);
      return sendJson(res, 200, openAICompletion(id, model, reply));
    }
    if (body.stream) return streamAnthropic(res, id, model, reply);
    return sendJson(res, 200, anthropicMessage(id, model, reply));
  }

  function serveFault(res: ServerResponse, api: MockApi, fault: MockFault): void {
    if (fault.kind === 'drop') {
      stats.dropped++;
      res.socket?.destroy();
      return;
    }
    if (fault.kind === 'malformed') {
      stats.malformed++;
      const broken =
        api === 'openai'
          ? '{"id":"chatcmpl-broken","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"'
          : '{"id":"msg-broken","type":"message","content":[{"type":"text","text":"';
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(broken) });
      res.end(broken);
      return;
    }
    if (fault.kind === 'raw') {
      if (fault.status === 200) stats.malformed++;
      else countStatus(fault.status);
      res.writeHead(fault.status, {
        'content-type': fault.contentType ?? 'text/html',
        'content-length': Buffer.byteLength(fault.body),
        ...fault.headers,
      });
      res.end(fault.body);
      return;
    }
    countStatus(fault.status);
    sendError(res, api, fault);
  }

  function countStatus(status: number): void {
    if (status === 429) stats.served429++;
    else if (status >= 500) stats.served5xx++;
    else stats.servedOtherErrors++;
  }

  function randomFault(o: MockLlmServerOptions, bodyHash: string, attempt: number): MockFault | undefined {
    const r429 = o.rate429 ?? 0,
      r5xx = o.rate5xx ?? 0,
      rMal = o.rateMalformed ?? 0,
      rDrop = o.rateDrop ?? 0;
    if (r429 + r5xx + rMal + rDrop <= 0) return undefined;
    const u = uniform(`${o.seed ?? 0}\u0000${bodyHash}\u0000${attempt}`);
    if (u < r429) return injected429(o);
    if (u < r429 + r5xx) return { kind: 'status', status: o.status5xx ?? 500, message: 'injected server error' };
    if (u < r429 + r5xx + rMal) return { kind: 'malformed' };
    if (u < r429 + r5xx + rMal + rDrop) return { kind: 'drop' };
    return undefined;
  }

  function delay(ms: number, res: ServerResponse): Promise<boolean> {
    return new Promise((resolve) => {
      const done = (completed: boolean) => {
        clearTimeout(timer);
        timers.delete(timer);
        res.off('close', onClose);
        resolve(completed);
      };
      const onClose = () => done(false);
      const timer = setTimeout(() => done(!res.destroyed), ms);
      timers.add(timer);
      res.on('close', onClose);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(initial.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stats,
    setOptions(partial) {
      validateRates({ ...options, ...partial });
      Object.assign(options, partial);
      if ('rps' in partial || 'burst' in partial) bucket = makeBucket(options);
    },
    failNext(...faults) {
      queuedFaults.push(...faults);
    },
    resetStats() {
      const inFlight = stats.inFlight;
      Object.assign(stats, emptyStats(), { inFlight, peakInFlight: inFlight });
      delete stats.lastRequest;
      answeredOk.clear();
      nextIndex = 0;
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await done;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Request reading and fault helpers

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function validateRates(o: MockLlmServerOptions): void {
  const rates = [o.rate429, o.rate5xx, o.rateMalformed, o.rateDrop].map((r) => r ?? 0);
  if (rates.some((r) => !(r >= 0 && r <= 1)) || rates.reduce((a, b) => a + b, 0) > 1 + 1e-9) {
    throw new RangeError(`mock server: fault rates must be in [0, 1] and sum to at most 1, got ${rates.join(', ')}`);
  }
  if (o.rps !== undefined && !(o.rps > 0)) throw new RangeError(`mock server: rps must be > 0, got ${o.rps}`);
}

function injected429(o: MockLlmServerOptions): MockFault {
  const ms = o.retryAfterMs === undefined ? 100 : o.retryAfterMs;
  const after = o.retryAfter === undefined ? (ms === null ? null : Math.ceil(ms / 1000)) : o.retryAfter;
  const headers: Record<string, string> = {};
  if (ms !== null) headers['retry-after-ms'] = String(ms);
  if (after !== null) headers['retry-after'] = String(after);
  return { kind: 'status', status: 429, message: 'injected rate limit', headers };
}

/** Uniform in [0, 1) from a key: a hash, not a stream, so the order of arrival does not matter. */
function uniform(key: string): number {
  return createHash('sha256').update(key).digest().readUIntBE(0, 6) / 2 ** 48;
}

interface TokenBucket {
  take(now: number): number;
}

/** take() → 0 when a token was available, else the ms until the next one. */
function makeBucket(o: MockLlmServerOptions): TokenBucket | undefined {
  if (!o.rps) return undefined;
  const rate = o.rps;
  const capacity = o.burst ?? Math.max(1, rate);
  let tokens = capacity;
  let last = performance.now();
  return {
    take(now) {
      tokens = Math.min(capacity, tokens + ((now - last) / 1000) * rate);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil(((1 - tokens) / rate) * 1000));
    },
  };
}

function emptyStats(): MockServerStats {
  return {
    requests: 0,
    httpRequests: 0,
    ok: 0,
    served429: 0,
    rpsRejected: 0,
    served5xx: 0,
    servedOtherErrors: 0,
    malformed: 0,
    dropped: 0,
    duplicates: 0,
    bodyCounts: new Map(),
    inFlight: 0,
    peakInFlight: 0,
  };
}

// ---------------------------------------------------------------------------------------------
// Reading the request

function partsText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((p: { type?: string; text?: unknown }) => (p?.type === 'text' && typeof p.text === 'string' ? p.text : ''))
    .join('');
}

function countImages(content: unknown): number {
  return Array.isArray(content)
    ? content.filter((p: { type?: string }) => p?.type === 'image' || p?.type === 'image_url').length
    : 0;
}

export function lastUserText(body: MockRequestBody): string {
  const msgs = Array.isArray(body.messages) ? body.messages : [];
  for (let i = msgs.length - 1; i >= 0; i--) if (msgs[i]?.role === 'user') return partsText(msgs[i]!.content);
  return '';
}

/** The default reply: the last user message, echoed. */
export function defaultRespond(body: MockRequestBody): string {
  return lastUserText(body);
}

// ---------------------------------------------------------------------------------------------
// Shaping replies

interface Reply {
  text: string;
  inputTokens: number;
  outputTokens: number;
  /** 'stop' | 'length' | 'stop_sequence', mapped per API below. */
  finish: 'stop' | 'length' | 'stop_sequence';
  stopSequence: string | null;
}

const tokens = (s: string) => Math.ceil(s.length / 4);

/** Applies stop sequences and max_tokens (at ~4 characters a token) as a real server would. */
function shapeReply(body: MockRequestBody, full: string): Reply {
  const msgs = Array.isArray(body.messages) ? body.messages : [];
  const inputText = partsText(body.system) + msgs.map((m) => partsText(m?.content)).join('\n');
  const inputTokens = tokens(inputText) + 85 * msgs.reduce((n, m) => n + countImages(m?.content), 0);
  let text = full;
  let finish: Reply['finish'] = 'stop';
  let stopSequence: string | null = null;
  const stops = body.stop_sequences ?? (typeof body.stop === 'string' ? [body.stop] : body.stop) ?? [];
  let cut = -1;
  for (const s of stops) {
    const at = s ? text.indexOf(s) : -1;
    if (at >= 0 && (cut < 0 || at < cut)) {
      cut = at;
      stopSequence = s;
    }
  }
  if (cut >= 0) {
    text = text.slice(0, cut);
    finish = 'stop_sequence';
  }
  const max = body.max_completion_tokens ?? body.max_tokens;
  if (typeof max === 'number' && tokens(text) > max) {
    text = text.slice(0, max * 4);
    finish = 'length';
    stopSequence = null;
  }
  return { text, inputTokens, outputTokens: tokens(text), finish, stopSequence };
}

function openAIFinish(r: Reply): string {
  return r.finish === 'length' ? 'length' : 'stop';
}

function anthropicStop(r: Reply): string {
  return r.finish === 'length' ? 'max_tokens' : r.finish === 'stop_sequence' ? 'stop_sequence' : 'end_turn';
}

function openAICompletion(id: string, model: string, r: Reply) {
  return {
    id,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    system_fingerprint: 'mock',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: r.text, refusal: null },
        finish_reason: openAIFinish(r),
        logprobs: null,
      },
    ],
    usage: {
      prompt_tokens: r.inputTokens,
      completion_tokens: r.outputTokens,
      total_tokens: r.inputTokens + r.outputTokens,
    },
  };
}

function anthropicMessage(id: string, model: string, r: Reply) {
  return {
    id,
    type: 'message',
    role: 'assistant',
    model,
    content: [{ type: 'text', text: r.text, citations: null }],
    stop_reason: anthropicStop(r),
    stop_sequence: r.stopSequence,
    usage: {
      input_tokens: r.inputTokens,
      output_tokens: r.outputTokens,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
    },
  };
}

function pieces(text: string, size = 16): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

function startSse(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
}

function streamOpenAI(res: ServerResponse, id: string, model: string, r: Reply, includeUsage: boolean): void {
  startSse(res);
  const created = Math.floor(Date.now() / 1000);
  const chunk = (delta: object, finish: string | null, extra: object = {}) =>
    `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }], ...extra })}\n\n`;
  let out = chunk({ role: 'assistant', content: '' }, null);
  for (const p of pieces(r.text)) out += chunk({ content: p }, null);
  out += chunk({}, openAIFinish(r));
  if (includeUsage) {
    const usage = {
      prompt_tokens: r.inputTokens,
      completion_tokens: r.outputTokens,
      total_tokens: r.inputTokens + r.outputTokens,
    };
    out += `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [], usage })}\n\n`;
  }
  res.end(`${out}data: [DONE]\n\n`);
}

function streamAnthropic(res: ServerResponse, id: string, model: string, r: Reply): void {
  startSse(res);
  const ev = (type: string, data: object) => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
  let out = ev('message_start', {
    message: {
      id,
      type: 'message',
      role: 'assistant',
      model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: r.inputTokens, output_tokens: 0 },
    },
  });
  out += ev('content_block_start', { index: 0, content_block: { type: 'text', text: '', citations: null } });
  for (const p of pieces(r.text))
    out += ev('content_block_delta', { index: 0, delta: { type: 'text_delta', text: p } });
  out += ev('content_block_stop', { index: 0 });
  out += ev('message_delta', {
    delta: { stop_reason: anthropicStop(r), stop_sequence: r.stopSequence },
    usage: { output_tokens: r.outputTokens },
  });
  out += ev('message_stop', {});
  res.end(out);
}

// ---------------------------------------------------------------------------------------------
// Errors in each API's own shape

const ANTHROPIC_ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

function sendError(res: ServerResponse, api: MockApi, fault: Extract<MockFault, { kind: 'status' }>): void {
  const message = fault.message ?? `injected HTTP ${fault.status}`;
  const body =
    api === 'openai'
      ? {
          error: {
            message,
            type:
              fault.type ??
              (fault.status === 429 ? 'requests' : fault.status >= 500 ? 'server_error' : 'invalid_request_error'),
            param: null,
            code: fault.code ?? null,
          },
        }
      : {
          type: 'error',
          error: {
            type:
              fault.type ??
              ANTHROPIC_ERROR_TYPES[fault.status] ??
              (fault.status >= 500 ? 'api_error' : 'invalid_request_error'),
            message,
          },
        };
  sendJson(res, fault.status, body, fault.headers);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed) return;
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json), ...headers });
  res.end(json);
}
