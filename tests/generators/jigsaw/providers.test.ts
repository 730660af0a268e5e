// A jigsaw item sent through the real providers to the mock server: the request carries the
// puzzle PNG in each API's image format, decodable and identical to what the truth hashes, and
// the reference answer coming back verifies.
import { afterEach, describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import { loadModel } from '../../../src/models/spec.js';
import { startMockLlmServer, type MockLlmServer, type MockRequestBody } from '../../../src/testing/mock-llm-server.js';
import type { ImageJigsawTruth } from '../../../generators/jigsaw/image.js';
import { imageJigsaw } from '../../../generators/jigsaw/image.js';
import { promptText, readRgbPng, sha256hex } from './helpers.js';

const ENV = { OPENAI_API_KEY: 'sk-test-openai', ANTHROPIC_API_KEY: 'sk-ant-test' };

const servers: MockLlmServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const problem = imageJigsaw.generate(
  imageJigsaw.parseParams({ grid: '2x2', question: 'full' }),
  Rng.forItem('providers', 0),
);
const truth = problem.truth as ImageJigsawTruth;

/** Sends the item through `spec` (with `{url}` filled in) and returns the request body and the verdict. */
async function roundTrip(spec: (url: string) => string): Promise<{ body: MockRequestBody; correct: boolean }> {
  const bodies: MockRequestBody[] = [];
  const server = await startMockLlmServer({ respond: (b) => (bodies.push(b), problem.reference!) });
  servers.push(server);
  const model = await loadModel(spec(server.url), { env: ENV });
  const res = await model.generate({
    messages: problem.messages,
    sampling: { maxTokens: 64 },
    sampleIndex: 0,
    rng: Rng.fromKey('x'),
  });
  expect(bodies).toHaveLength(1);
  return { body: bodies[0]!, correct: problem.verify(res.text).correct };
}

function checkPng(base64: string): void {
  const png = Buffer.from(base64, 'base64');
  const img = readRgbPng(png);
  expect([img.width, img.height]).toEqual([truth.image.width, truth.image.height]);
  expect(sha256hex(png)).toBe(truth.image.sha256);
  expect(sha256hex(img.rgb)).toBe(truth.image.pixelsSha256);
}

describe('jigsaw/image through the providers', () => {
  for (const [name, spec] of [
    ['openai-compatible (local VLM servers)', (url: string) => `openai-compatible:x@${url}/v1`],
    ['openai', (url: string) => `openai:gpt-test@${url}/v1`],
  ] as const) {
    it(`${name}: an image_url part with a PNG data URL, then the text`, async () => {
      const { body, correct } = await roundTrip(spec);
      const content = body.messages![0]!.content as { type: string; image_url?: { url: string }; text?: string }[];
      expect(body.messages![0]!.role).toBe('user');
      expect(content.map((c) => c.type)).toEqual(['image_url', 'text']);
      const url = content[0]!.image_url!.url;
      expect(url.startsWith('data:image/png;base64,')).toBe(true);
      checkPng(url.slice('data:image/png;base64,'.length));
      expect(content[1]!.text).toBe(promptText(problem));
      expect(correct).toBe(true);
    });
  }

  it('anthropic: a base64 image block with media_type image/png, then the text', async () => {
    const { body, correct } = await roundTrip((url) => `anthropic:x@${url}`);
    const content = body.messages![0]!.content as {
      type: string;
      source?: { type: string; media_type: string; data: string };
      text?: string;
    }[];
    expect(content.map((c) => c.type)).toEqual(['image', 'text']);
    expect(content[0]!.source).toMatchObject({ type: 'base64', media_type: 'image/png' });
    checkPng(content[0]!.source!.data);
    expect(content[1]!.text).toBe(promptText(problem));
    expect(correct).toBe(true);
  });
});
