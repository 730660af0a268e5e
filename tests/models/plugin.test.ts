// Plug-in providers: 'module:<path>[#export]:<model>' loads a provider module from outside the
// repo; it is held to the same Model contract as built-ins, and every failure is one config line.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModel, parseModelSpec } from '../../src/models/spec.js';
import { modelShapeProblems } from '../../src/models/plugin.js';
import { ModelError } from '../../src/models/types.js';
import { Rng } from '../../src/core/rng.js';

const dir = mkdtempSync(join(tmpdir(), 'genbench-provider-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};

const echo = file(
  'echo.js',
  `
export async function createModel(spec, opts) {
  return {
    spec: spec.spec, identity: 'echo:' + spec.model, cacheable: false, defaultConcurrency: 4,
    async generate(req) { return { text: spec.model + ':' + req.messages.at(-1).content }; },
  };
}
export const shouting = { createModel: async (spec) => ({ ...(await createModel(spec)), identity: 'shout', async generate(req) { return { text: String(req.messages[0].content).toUpperCase() }; } }) };
export const notAProvider = { hello: 1 };
export const badShape = { createModel: async () => ({ spec: 'x', generate: 1 }) };
export const throws = { createModel: async () => { throw new Error('model name must be small or large'); } };
`,
);

async function configError(spec: string): Promise<string> {
  try {
    await loadModel(spec);
  } catch (err) {
    expect(err).toBeInstanceOf(ModelError);
    expect((err as ModelError).kind).toBe('config');
    expect((err as Error).message).not.toContain('\n');
    return (err as Error).message;
  }
  throw new Error(`'${spec}' loaded, expected a config error`);
}

const ask = {
  messages: [{ role: 'user' as const, content: 'hi' }],
  sampling: {},
  sampleIndex: 0,
  rng: Rng.fromKey('t'),
};

describe('plug-in providers', () => {
  it("parses 'module:<path>[#export]:<model>'", () => {
    expect(parseModelSpec('module:./p.js:my-model')).toEqual({
      spec: 'module:./p.js:my-model',
      provider: 'module',
      model: 'my-model',
      arg: './p.js',
    });
    expect(parseModelSpec('module:./p.js#echo:a:b')).toMatchObject({
      provider: 'module',
      model: 'a:b',
      arg: './p.js#echo',
    });
    expect(parseModelSpec('module:some-package')).toMatchObject({ provider: 'module', model: '', arg: 'some-package' });
    expect(() => parseModelSpec('module:')).toThrow(
      /bad model spec 'module:': name the provider module after 'module:'/,
    );
  });

  it('loads the module and its model answers', async () => {
    const m = await loadModel(`module:${echo}:small`);
    expect(m.identity).toBe('echo:small');
    expect((await m.generate(ask)).text).toBe('small:hi');
    const s = await loadModel(`module:${echo}#shouting:x`);
    expect(s.identity).toBe('shout');
    expect((await s.generate(ask)).text).toBe('HI');
  });

  it('refuses, in one line naming the file: missing module, missing export, not a provider, broken model, failing createModel', async () => {
    expect(await configError(`module:${join(dir, 'nowhere.js')}:m`)).toMatch(
      /provider module '.*nowhere\.js' not found/,
    );
    expect(await configError('module:./nowhere.js:m')).toMatch(
      /provider module '\.\/nowhere\.js' not found \(looked for .*nowhere\.js, relative to the working directory\)/,
    );
    expect(await configError(`module:${echo}#absent:m`)).toMatch(
      /echo\.js does not export 'absent' \(exports: .*createModel.*\)/,
    );
    expect(await configError(`module:${echo}#notAProvider:m`)).toMatch(
      /echo\.js export 'notAProvider' is not a provider: it must export createModel/,
    );
    expect(await configError(`module:${echo}#badShape:m`)).toMatch(
      /echo\.js: the model for '.*' breaks the Model contract: identity must be a non-empty string.*cacheable must be a boolean.*defaultConcurrency.*generate\(request\) must be a function/,
    );
    expect(await configError(`module:${echo}#throws:m`)).toMatch(
      /echo\.js: createModel failed for '.*': model name must be small or large/,
    );
    const syntax = file('syntax.js', 'export const = ;\n');
    expect(await configError(`module:${syntax}:m`)).toMatch(/provider module .*syntax\.js failed to load/);
  });

  it('the Model contract plug-ins are held to is the one every built-in keeps', async () => {
    const env = { OPENAI_API_KEY: 'k', ANTHROPIC_API_KEY: 'k', OPENAI_COMPATIBLE_API_KEY: 'k' };
    for (const spec of [
      'baseline:oracle',
      'baseline:random',
      'mock:echo',
      'mock:fixed:1',
      'openai:gpt-4.1-mini',
      'anthropic:claude-sonnet-4-5',
      'openai-compatible:q@http://127.0.0.1:9/v1',
    ]) {
      const m = await loadModel(spec, { env });
      expect(modelShapeProblems(m), spec).toEqual([]);
      await m.close?.();
    }
  });
});
