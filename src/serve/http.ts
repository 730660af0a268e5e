// Small HTTP helpers for `bench serve`: bounded JSON bodies, JSON replies, errors with a reason.
import type { IncomingMessage, ServerResponse } from 'node:http';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Reads a JSON body of at most `limit` bytes; a larger one is refused as soon as it is seen. */
export function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      return reject(
        new HttpError(
          413,
          'body_too_large',
          `request body is ${declared} bytes; at most ${limit} (start the server with a larger --max-body-mb)`,
        ),
      );
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (c: Buffer) => {
      if (failed) return;
      size += c.length;
      if (size > limit) {
        failed = true;
        reject(
          new HttpError(
            413,
            'body_too_large',
            `request body is over ${limit} bytes (start the server with a larger --max-body-mb)`,
          ),
        );
        return;
      }
      chunks.push(c);
    });
    req.on('error', (err) => {
      if (!failed) {
        failed = true;
        reject(new HttpError(400, 'bad_request', `reading the body failed: ${err.message}`));
      }
    });
    req.on('end', () => {
      if (failed) return;
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return reject(new HttpError(400, 'empty_body', 'expected a JSON body'));
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new HttpError(400, 'bad_json', 'the body is not valid JSON'));
      }
    });
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

export function sendError(res: ServerResponse, err: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const e =
    err instanceof HttpError
      ? err
      : new HttpError(500, 'internal', `internal error: ${(err as Error)?.message ?? String(err)}`);
  sendJson(res, e.status, { error: e.code, reason: e.message });
}

/** An object body, or a 400 that says what was expected. */
export function asObject(body: unknown, what: string): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new HttpError(400, 'bad_request', `expected a JSON object: ${what}`);
  return body as Record<string, unknown>;
}

export function intField(o: Record<string, unknown>, field: string, dflt: number, min: number, max: number): number {
  const v = o[field] ?? dflt;
  if (!Number.isSafeInteger(v) || (v as number) < min || (v as number) > max)
    throw new HttpError(400, 'bad_request', `${field} must be an integer from ${min} to ${max}`);
  return v as number;
}
