// One place that turns whatever an HTTP provider SDK throws into a ModelError, so the runner's single
// retry layer sees the same kinds from OpenAI, Anthropic and every OpenAI-compatible server.
import { ModelError, type ModelErrorKind } from './types.js';

/** The error classes both SDKs export under the same names; passed in so this module imports no SDK. */
export interface SdkErrorClasses {
  APIError: abstract new (...args: never[]) => Error;
  APIConnectionError: abstract new (...args: never[]) => Error;
  APIConnectionTimeoutError: abstract new (...args: never[]) => Error;
  APIUserAbortError: abstract new (...args: never[]) => Error;
}

export interface ErrorContext {
  /** 'openai', 'openai-compatible', 'anthropic': the prefix of every message. */
  provider: string;
  model: string;
  baseURL: string;
  sdk: SdkErrorClasses;
  /** The request's signal: an abort we caused is a timeout or a cancel, not a server fault. */
  signal?: AbortSignal;
  /** Values that must never appear in a message (the API key). */
  secrets: readonly string[];
}

interface HeaderGetter {
  get(name: string): string | null;
}

/** Shape of an SDK APIError with a response; read structurally so both SDKs fit. */
interface HttpErrorLike extends Error {
  status?: number;
  headers?: HeaderGetter;
  code?: string | null;
  type?: string | null;
  error?: unknown;
}

// ---------------------------------------------------------------------------------------------
// Retry-After

/**
 * How long the server asks us to wait, in ms, or undefined when it does not say.
 * Order: retry-after-ms (OpenAI), retry-after (seconds or an HTTP date), then the per-limit reset
 * headers, read only for a limit whose remaining count is 0 (a reset time of a limit that is not
 * exhausted says nothing about this 429).
 */
export function retryAfterMsFromHeaders(
  headers: HeaderGetter | undefined | null,
  now = Date.now(),
): number | undefined {
  if (!headers) return undefined;
  const ms = parseNumber(headers.get('retry-after-ms'));
  if (ms !== undefined) return Math.max(0, ms);

  const ra = headers.get('retry-after')?.trim();
  if (ra) {
    const seconds = parseNumber(ra);
    if (seconds !== undefined) return Math.max(0, seconds * 1000);
    const date = Date.parse(ra);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }

  // OpenAI: x-ratelimit-remaining-requests: 0 with x-ratelimit-reset-requests: '6m0s'.
  // Anthropic: anthropic-ratelimit-requests-remaining: 0 with ...-requests-reset: an RFC 3339 time.
  const waits: number[] = [];
  for (const limit of ['requests', 'tokens']) {
    if (headers.get(`x-ratelimit-remaining-${limit}`)?.trim() === '0') {
      const d = parseGoDuration(headers.get(`x-ratelimit-reset-${limit}`));
      if (d !== undefined) waits.push(d);
    }
  }
  for (const limit of ['requests', 'tokens', 'input-tokens', 'output-tokens']) {
    if (headers.get(`anthropic-ratelimit-${limit}-remaining`)?.trim() === '0') {
      const at = Date.parse(headers.get(`anthropic-ratelimit-${limit}-reset`) ?? '');
      if (!Number.isNaN(at)) waits.push(Math.max(0, at - now));
    }
  }
  return waits.length ? Math.max(...waits) : undefined;
}

function parseNumber(s: string | null | undefined): number | undefined {
  if (s == null || !/^\s*\d+(\.\d+)?\s*$/.test(s)) return undefined;
  return Number(s);
}

/** '1h2m3.5s', '6m0s', '120ms', '2s' (OpenAI's reset format) → ms. */
export function parseGoDuration(s: string | null | undefined): number | undefined {
  if (!s) return undefined;
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/gy;
  let total = 0;
  let matched = 0;
  for (const m of s.trim().matchAll(re)) {
    const n = Number(m[1]);
    total += m[2] === 'h' ? n * 3_600_000 : m[2] === 'm' ? n * 60_000 : m[2] === 's' ? n * 1000 : n;
    matched += m[0].length;
  }
  return matched > 0 && matched === s.trim().length ? total : undefined;
}

// ---------------------------------------------------------------------------------------------
// Status → kind

// A request that is wrong for this one item (too long, refused, a bad image) is 'content': record
// it and go on. Anything else the server rejects as a bad request is 'config': every item would
// fail the same way, so stop the run and say why.
const CONTENT_PROBLEM =
  /context|too long|too many tokens|maximum.*tokens|prompt is too|content[ _-]?(policy|filter|management)|safety|invalid[ _-]?image|image.*(too large|invalid|unsupported)/i;

export function kindForStatus(status: number, detail: string): ModelErrorKind {
  if (status === 429)
    return /insufficient_quota|exceeded your current quota|billing/i.test(detail) ? 'auth' : 'rate_limit';
  if (status === 529) return 'rate_limit'; // Anthropic "overloaded": the provider asks us to slow down
  if (status === 401 || status === 403) return 'auth';
  if (status === 408 || status === 409 || status >= 500) return 'transient';
  if (status === 413) return 'content';
  if (status === 400 || status === 422) return CONTENT_PROBLEM.test(detail) ? 'content' : 'config';
  return 'config'; // 404 unknown model or path, 402 billing, other 4xx
}

// ---------------------------------------------------------------------------------------------
// SDK error → ModelError

export function toModelError(err: unknown, ctx: ErrorContext): ModelError {
  if (err instanceof ModelError) return err;
  const where = `${ctx.provider} model '${ctx.model}' at ${ctx.baseURL}`;
  const cause = safeCause(err, ctx.secrets);
  const say = (kind: ModelErrorKind, what: string, extra: { status?: number; retryAfterMs?: number } = {}) => {
    const options: { status?: number; retryAfterMs?: number; cause: unknown } = { cause };
    if (extra.status !== undefined) options.status = extra.status;
    if (extra.retryAfterMs !== undefined) options.retryAfterMs = extra.retryAfterMs;
    return new ModelError(kind, redact(`${where}: ${what}`, ctx.secrets), options);
  };

  // An abort we asked for (run cancelled, or the runner's own deadline) is not the server's fault.
  if (ctx.signal?.aborted) {
    const reason = ctx.signal.reason as { name?: string } | undefined;
    return say('timeout', reason?.name === 'TimeoutError' ? 'request timed out (runner deadline)' : 'request aborted');
  }
  const { APIError, APIConnectionError, APIConnectionTimeoutError, APIUserAbortError } = ctx.sdk;
  if (err instanceof APIConnectionTimeoutError) return say('timeout', 'request timed out');
  if (err instanceof APIUserAbortError) return say('timeout', 'request aborted');
  if (err instanceof APIConnectionError) {
    const code = errorCode(err);
    if (code === 'ECONNREFUSED')
      return say('transient', `connection refused (ECONNREFUSED): is the server running at ${ctx.baseURL}?`);
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
      return say('transient', `host not found (${code}): check the URL ${ctx.baseURL}`);
    return say('transient', `connection failed${code ? ` (${code})` : ''}: ${rootMessage(err)}`);
  }
  if (err instanceof APIError) {
    const e = err as HttpErrorLike;
    if (typeof e.status === 'number') {
      const detail = [e.code, e.type, serverMessage(e)].filter(Boolean).join(' ');
      const kind = kindForStatus(e.status, detail);
      const retryAfterMs = retryAfterMsFromHeaders(e.headers);
      const hint =
        kind === 'auth' && e.status !== 429
          ? ' (check the API key)'
          : e.status === 404
            ? ' (unknown model or wrong base URL?)'
            : '';
      const wait = retryAfterMs !== undefined ? ` (retry after ${retryAfterMs} ms)` : '';
      return say(kind, `HTTP ${e.status}${hint}${wait}: ${oneLine(serverMessage(e) || e.message)}`, {
        status: e.status,
        retryAfterMs,
      });
    }
  }
  // A 200 whose body is not JSON, or a socket cut while the body was being read.
  if (err instanceof SyntaxError) return say('transient', `malformed response body: ${oneLine(err.message)}`);
  if (err instanceof TypeError && /terminated|fetch failed|socket|other side closed/i.test(rootMessage(err))) {
    return say('transient', `connection dropped: ${rootMessage(err)}`);
  }
  // The SDK refusing a request locally (e.g. Anthropic's "streaming is required" for a huge
  // max_tokens) is a configuration problem; anything unknown is treated as transient so the
  // runner's bounded retries decide.
  const name = (err as Error | undefined)?.constructor?.name ?? '';
  if (/^(OpenAIError|AnthropicError)$/.test(name)) return say('config', oneLine((err as Error).message));
  return say('transient', oneLine(err instanceof Error ? err.message : String(err)));
}

/**
 * The SDK error, kept for debugging, unless a server echoed the key into it (its message or its
 * parsed body): then a redacted copy, so logging a ModelError's cause cannot leak the key.
 */
function safeCause(err: unknown, secrets: readonly string[]): unknown {
  const e = err as { message?: unknown; error?: unknown; stack?: unknown } | undefined;
  let seen: string;
  try {
    seen = `${String(e?.message)} ${String(e?.stack)} ${JSON.stringify(e?.error) ?? ''}`;
  } catch {
    seen = String(e?.message);
  }
  if (!secrets.some((s) => s.length >= 4 && seen.includes(s))) return err;
  const copy = new Error(redact(String(e?.message ?? err), secrets));
  copy.name = (err as Error | undefined)?.name ?? 'Error';
  copy.stack = redact(String(e?.stack ?? ''), secrets);
  return copy;
}

/** The human part of the server's error body, not the SDK's "429 {...json...}" rendering. */
function serverMessage(e: HttpErrorLike): string {
  const body = e.error as { message?: unknown; error?: { message?: unknown } } | undefined;
  const m = body?.error?.message ?? body?.message;
  return typeof m === 'string' ? m : '';
}

/** The first `code` (ECONNREFUSED, ECONNRESET, UND_ERR_SOCKET...) along the cause chain. */
export function errorCode(err: unknown): string | undefined {
  for (
    let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 8;
    e = e.cause as typeof e, depth++
  ) {
    if (typeof e.code === 'string' && /^[A-Z_]+$/.test(e.code)) return e.code;
  }
  return undefined;
}

function rootMessage(err: unknown): string {
  let e = err as { message?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e?.cause && depth < 8; depth++) e = e.cause as typeof e;
  return oneLine(typeof e?.message === 'string' ? e.message : String(err));
}

function oneLine(s: string): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 297)}...` : flat;
}

/** Replaces every secret, and anything shaped like an API key, with '***'. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('***');
  return out.replace(/\b(sk-(?:ant-|proj-)?)[A-Za-z0-9_*-]{8,}/g, '$1***');
}
