import { execFileSync } from 'node:child_process';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadModel, parseModelSpec } from '../../src/models/spec.js';
import { ModelError } from '../../src/models/types.js';
import { ENV, OPENAI_KEY, ANTHROPIC_KEY, modelError } from './helpers.js';

function configError(spec: string): ModelError {
  try {
    parseModelSpec(spec);
  } catch (err) {
    expect(err).toBeInstanceOf(ModelError);
    expect((err as ModelError).kind).toBe('config');
    expect((err as ModelError).message).not.toContain('\n');
    return err as ModelError;
  }
  throw new Error(`'${spec}' parsed, expected a config error`);
}

describe('parseModelSpec', () => {
  it('parses every provider', () => {
    expect(parseModelSpec('openai:gpt-4.1-mini')).toEqual({
      spec: 'openai:gpt-4.1-mini',
      provider: 'openai',
      model: 'gpt-4.1-mini',
    });
    expect(parseModelSpec('openai-compatible:qwen2.5-7b@http://localhost:8000/v1')).toEqual({
      spec: 'openai-compatible:qwen2.5-7b@http://localhost:8000/v1',
      provider: 'openai-compatible',
      model: 'qwen2.5-7b',
      baseURL: 'http://localhost:8000/v1',
    });
    expect(parseModelSpec('anthropic:claude-sonnet-4-5')).toMatchObject({
      provider: 'anthropic',
      model: 'claude-sonnet-4-5',
    });
    expect(parseModelSpec('baseline:oracle')).toMatchObject({ provider: 'baseline', model: 'oracle' });
    expect(parseModelSpec('baseline:random')).toMatchObject({ provider: 'baseline', model: 'random' });
    expect(parseModelSpec('mock:echo')).toMatchObject({ provider: 'mock', model: 'echo' });
    expect(parseModelSpec('mock:fixed:a: b')).toMatchObject({ provider: 'mock', model: 'fixed', arg: 'a: b' });
    expect(parseModelSpec('mock:fixed:')).toMatchObject({ model: 'fixed', arg: '' });
    expect(parseModelSpec('mock:error:rate_limit')).toMatchObject({ model: 'error', arg: 'rate_limit' });
    expect(parseModelSpec('onnx:./checkpoints/step-1000')).toMatchObject({
      provider: 'onnx',
      model: './checkpoints/step-1000',
    });
  });

  it('normalises base URLs', () => {
    // A bare host means the usual /v1 of vLLM, SGLang, llama.cpp and Ollama.
    expect(parseModelSpec('openai-compatible:m@http://127.0.0.1:8000').baseURL).toBe('http://127.0.0.1:8000/v1');
    expect(parseModelSpec('openai-compatible:m@http://127.0.0.1:8000/').baseURL).toBe('http://127.0.0.1:8000/v1');
    expect(parseModelSpec('openai-compatible:m@https://host/api/v1/').baseURL).toBe('https://host/api/v1');
    expect(parseModelSpec('openai:gpt-4o@https://proxy.example/v1').baseURL).toBe('https://proxy.example/v1');
    // The Anthropic SDK adds /v1/messages itself.
    expect(parseModelSpec('anthropic:c@http://127.0.0.1:9000/v1').baseURL).toBe('http://127.0.0.1:9000');
    // Model names may contain '@' as long as the URL part is a URL.
    expect(parseModelSpec('openai-compatible:org/model@v2@http://h:1/v1')).toMatchObject({
      model: 'org/model@v2',
      baseURL: 'http://h:1/v1',
    });
  });

  it('suggests the provider the user meant', () => {
    expect(configError('opnai:gpt-4o').message).toBe(
      "unknown model provider 'opnai' in 'opnai:gpt-4o'. Did you mean 'openai'? Known: openai, openai-compatible, anthropic, baseline, mock, onnx, vllm, sglang, llamacpp",
    );
    expect(configError('antropic:claude').message).toContain("Did you mean 'anthropic'?");
    expect(configError('baseline:oracel').message).toContain("Did you mean 'oracle'?");
    expect(configError('mock:ecko').message).toContain("Did you mean 'echo'?");
  });

  it('rejects malformed specs with the right form', () => {
    expect(configError('').message).toMatch(/empty model spec.*openai:gpt-4.1-mini/);
    expect(configError('gpt-4o').message).toMatch(/has no provider.*'openai:gpt-4o'/);
    expect(configError('openai:').message).toMatch(/model name is empty.*e\.g\. 'openai:gpt-4.1-mini'/);
    expect(configError('openai-compatible:qwen').message).toMatch(
      /needs the server's base URL.*openai-compatible:qwen2.5-7b@http:\/\/localhost:8000\/v1/,
    );
    expect(configError('openai-compatible:@http://h:1').message).toMatch(/model name is empty/);
    expect(configError('openai-compatible:q@localhost:8000').message).toMatch(
      /has no scheme: write 'http:\/\/localhost:8000'/,
    );
    expect(configError('openai-compatible:q@http://not a url').message).toMatch(/is not a URL/);
    expect(configError('openai-compatible:q@ftp://h/v1').message).toMatch(/http:\/\/ or https:\/\//);
    expect(configError('openai-compatible:q@http://u:secret@h/v1').message).toMatch(/not in the URL/);
    expect(configError('openai-compatible:q@http://u:secret@h/v1').message).not.toContain('secret');
    expect(configError('mock:fixed').message).toMatch(/needs the reply text/);
    expect(configError('mock:echo:x').message).toMatch(/takes no argument/);
    expect(configError('mock:error:nope').message).toMatch(/rate_limit, transient/);
    expect(configError('onnx:').message).toMatch(/checkpoint path is empty/);
  });
});

describe('loadModel', () => {
  it('raises auth at load time when a key is missing, naming the way out', async () => {
    const e = await modelError(loadModel('openai:gpt-4o', { env: {} }));
    expect(e.kind).toBe('auth');
    expect(e.message).toBe(
      'OPENAI_API_KEY is not set: export it, or use baseline:oracle / openai-compatible:<model>@<url> for a local server',
    );
    const a = await modelError(loadModel('anthropic:claude-x', { env: { OPENAI_API_KEY: OPENAI_KEY } }));
    expect(a.kind).toBe('auth');
    expect(a.message).toMatch(/^ANTHROPIC_API_KEY is not set/);
    // An empty value is as good as none.
    expect((await modelError(loadModel('openai:gpt-4o', { env: { OPENAI_API_KEY: '  ' } }))).kind).toBe('auth');
  });

  it('needs no key for a local OpenAI-compatible server', async () => {
    const m = await loadModel('openai-compatible:qwen@http://127.0.0.1:1/v1', { env: {} });
    expect(m.identity).toBe('openai:qwen@http://127.0.0.1:1/v1');
    expect(m.defaultConcurrency).toBe(32);
    expect(m.cacheable).toBe(true);
  });

  it('never puts a key in spec or identity', async () => {
    const models = await Promise.all([
      loadModel('openai:gpt-4o', { env: ENV }),
      loadModel('openai-compatible:q@http://127.0.0.1:1', { env: ENV }),
      loadModel('anthropic:claude-x', { env: ENV }),
    ]);
    for (const m of models) {
      for (const field of [m.spec, m.identity, JSON.stringify(m), inspect(m, { depth: 5 })]) {
        expect(field).not.toContain(OPENAI_KEY);
        expect(field).not.toContain(ANTHROPIC_KEY);
      }
    }
    expect(models[0]!.identity).toBe('openai:gpt-4o@https://api.openai.com/v1');
    expect(models[0]!.defaultConcurrency).toBe(16);
    expect(models[2]!.identity).toBe('anthropic:claude-x@https://api.anthropic.com');
  });

  it('reads base URLs from the given env, not process.env', async () => {
    const m = await loadModel('openai:gpt-4o', { env: { ...ENV, OPENAI_BASE_URL: 'http://127.0.0.1:9/v1/' } });
    expect(m.identity).toBe('openai:gpt-4o@http://127.0.0.1:9/v1');
    const a = await loadModel('anthropic:c', { env: { ...ENV, ANTHROPIC_BASE_URL: 'http://127.0.0.1:9' } });
    expect(a.identity).toBe('anthropic:c@http://127.0.0.1:9');
  });

  it('routes onnx: to the ONNX provider, which rejects a missing checkpoint as config', async () => {
    const e = await modelError(loadModel('onnx:./no/such/checkpoint'));
    expect(e.kind).toBe('config');
  });

  it('fails on a bad spec before importing anything', async () => {
    expect((await modelError(loadModel('opnai:gpt-4o'))).kind).toBe('config');
  });

  it('imports an SDK only for the provider that needs it', () => {
    // A loader hook in a fresh process throws on any import of the SDKs or ONNX Runtime: baselines and mocks
    // must load without them, and the OpenAI provider must hit the hook (the positive control).
    const hook = `export async function resolve(s, c, next) { if (s === 'openai' || s.startsWith('@anthropic-ai/sdk') || s.startsWith('onnxruntime')) throw new Error('SDK imported: ' + s); return next(s, c); }`;
    const script = `
      import { register } from 'node:module';
      register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hook)}));
      const { loadModel } = await import(${JSON.stringify(new URL('../../src/models/spec.ts', import.meta.url).href)});
      for (const spec of ['baseline:oracle', 'baseline:random', 'mock:echo', 'mock:fixed:1']) await loadModel(spec);
      let openai = 'not imported';
      try { await loadModel('openai:gpt-4o', { env: { OPENAI_API_KEY: 'k' } }); } catch (e) { openai = e.message; }
      console.log(openai);`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(out.trim()).toBe('SDK imported: openai');
  });
});
