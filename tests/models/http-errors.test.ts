import { describe, expect, it } from 'vitest';
import { kindForStatus, parseGoDuration, redact, retryAfterMsFromHeaders } from '../../src/models/http-errors.js';

const h = (o: Record<string, string>) => new Headers(o);

describe('retryAfterMsFromHeaders', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('reads retry-after-ms first, then retry-after seconds or date', () => {
    expect(retryAfterMsFromHeaders(h({ 'retry-after-ms': '1500', 'retry-after': '9' }), now)).toBe(1500);
    expect(retryAfterMsFromHeaders(h({ 'retry-after-ms': '12.5' }), now)).toBe(12.5);
    expect(retryAfterMsFromHeaders(h({ 'retry-after': '3' }), now)).toBe(3000);
    expect(retryAfterMsFromHeaders(h({ 'retry-after': '0.5' }), now)).toBe(500);
    expect(retryAfterMsFromHeaders(h({ 'retry-after': 'Thu, 01 Jan 2026 00:00:07 GMT' }), now)).toBe(7000);
    expect(retryAfterMsFromHeaders(h({ 'retry-after': 'Wed, 31 Dec 2025 23:59:00 GMT' }), now)).toBe(0);
    expect(retryAfterMsFromHeaders(h({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(retryAfterMsFromHeaders(h({}), now)).toBeUndefined();
    expect(retryAfterMsFromHeaders(undefined, now)).toBeUndefined();
  });

  it('reads reset headers only for an exhausted limit', () => {
    expect(
      retryAfterMsFromHeaders(h({ 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '1m30s' }), now),
    ).toBe(90_000);
    expect(
      retryAfterMsFromHeaders(h({ 'x-ratelimit-remaining-requests': '5', 'x-ratelimit-reset-requests': '1m30s' }), now),
    ).toBeUndefined();
    expect(
      retryAfterMsFromHeaders(
        h({
          'x-ratelimit-remaining-requests': '0',
          'x-ratelimit-reset-requests': '200ms',
          'x-ratelimit-remaining-tokens': '0',
          'x-ratelimit-reset-tokens': '6s',
        }),
        now,
      ),
    ).toBe(6000);
    expect(
      retryAfterMsFromHeaders(
        h({ 'anthropic-ratelimit-tokens-remaining': '0', 'anthropic-ratelimit-tokens-reset': '2026-01-01T00:00:05Z' }),
        now,
      ),
    ).toBe(5000);
  });

  it('parses Go-style durations', () => {
    expect(parseGoDuration('6m0s')).toBe(360_000);
    expect(parseGoDuration('1h2m3.5s')).toBe(3_723_500);
    expect(parseGoDuration('20ms')).toBe(20);
    expect(parseGoDuration('soon')).toBeUndefined();
    expect(parseGoDuration('5x')).toBeUndefined();
  });
});

describe('kindForStatus', () => {
  it('classifies statuses', () => {
    expect(kindForStatus(429, 'rate_limit_exceeded')).toBe('rate_limit');
    expect(kindForStatus(429, 'insufficient_quota')).toBe('auth');
    expect(kindForStatus(529, '')).toBe('rate_limit');
    for (const s of [408, 409, 500, 502, 503, 504]) expect(kindForStatus(s, '')).toBe('transient');
    expect(kindForStatus(401, '')).toBe('auth');
    expect(kindForStatus(403, '')).toBe('auth');
    expect(kindForStatus(404, '')).toBe('config');
    expect(kindForStatus(400, 'context_length_exceeded')).toBe('content');
    expect(kindForStatus(400, "This model's maximum context length is 4096 tokens")).toBe('content');
    expect(kindForStatus(400, 'content_policy_violation')).toBe('content');
    expect(kindForStatus(400, 'Unsupported parameter: temperature')).toBe('config');
    expect(kindForStatus(413, '')).toBe('content');
    expect(kindForStatus(422, 'prompt is too long')).toBe('content');
  });
});

describe('redact', () => {
  it('removes secrets and anything shaped like a key', () => {
    expect(redact('key abc123secret here', ['abc123secret'])).toBe('key *** here');
    expect(redact('Incorrect API key provided: sk-proj-abcdefghijklmnop', [])).toBe(
      'Incorrect API key provided: sk-proj-***',
    );
    expect(redact('sk-ant-api03-abcdefghij', [])).toBe('sk-ant-***');
  });
});
