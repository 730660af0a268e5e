// Shared fixtures for the provider tests: a request builder and a mock server that each test
// starts and that is always closed afterwards.
import { afterEach } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import type { Message } from '../../src/core/types.js';
import type { ModelRequest, Sampling } from '../../src/models/types.js';
import { ModelError } from '../../src/models/types.js';
import {
  startMockLlmServer,
  type MockLlmServer,
  type MockLlmServerOptions,
} from '../../src/testing/mock-llm-server.js';

export const OPENAI_KEY = 'sk-test-openai-key-0123456789';
export const ANTHROPIC_KEY = 'sk-ant-test-anthropic-key-0123456789';
export const ENV = { OPENAI_API_KEY: OPENAI_KEY, ANTHROPIC_API_KEY: ANTHROPIC_KEY };

export function request(
  messages: Message[] | string,
  sampling: Sampling = {},
  extra: Partial<ModelRequest> = {},
): ModelRequest {
  const msgs: Message[] = typeof messages === 'string' ? [{ role: 'user', content: messages }] : messages;
  return { messages: msgs, sampling, sampleIndex: 0, rng: Rng.fromKey('test'), ...extra };
}

const servers: MockLlmServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A mock server closed automatically after the test. */
export async function mockServer(options: MockLlmServerOptions = {}): Promise<MockLlmServer> {
  const s = await startMockLlmServer(options);
  servers.push(s);
  return s;
}

/** Runs `p`, expects a ModelError, returns it. */
export async function modelError(p: Promise<unknown>): Promise<ModelError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ModelError) return err;
    throw new Error(`expected a ModelError, got ${String(err)}`, { cause: err });
  }
  throw new Error('expected a ModelError, but the call succeeded');
}
