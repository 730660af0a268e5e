// Model spec strings ('openai:gpt-4.1-mini', 'openai-compatible:qwen@http://localhost:8000/v1',
// 'baseline:oracle', 'mock:fixed:42') → a loaded Model. Each built-in provider is one entry of the
// PROVIDERS table (loader, example, spec grammar); plug-ins come in through 'module:'.
import { didYouMean } from '../core/suggest.js';
import { ModelError, type Model, type ModelOptions } from './types.js';
import { isProviderModuleSpec, loadProviderModel, parseProviderModuleSpec } from './plugin.js';

export const PROVIDER_NAMES = [
  'openai',
  'openai-compatible',
  'anthropic',
  'baseline',
  'mock',
  'onnx',
  'vllm',
  'sglang',
  'llamacpp',
] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

export interface ModelSpec {
  /** The spec as the user wrote it (trimmed). */
  spec: string;
  /** 'module' for a plug-in provider ('module:<path>[#export]:<model>', see plugin.ts). */
  provider: ProviderName | 'module';
  /** The model id; for baseline and mock the kind ('oracle', 'fixed'); for onnx the path. */
  model: string;
  /** What follows the kind in 'mock:<kind>:<arg>'. */
  arg?: string;
  /** From '<model>@<url>', normalised (no trailing slash; '/v1' added for bare OpenAI-style hosts). */
  baseURL?: string;
  /** Managed servers (vllm, sglang, llamacpp): the options after '?' in '<checkpoint>?tp=2&dtype=bfloat16'. */
  options?: Record<string, string>;
  /** openai-compatible with '<model>@<url1>,<url2>,…': every replica's base URL (baseURL is the first). */
  baseURLs?: string[];
}

/** What every provider module exports. */
export interface ProviderModule {
  createModel(spec: ModelSpec, opts: ModelOptions): Promise<Model>;
}

export const BASELINE_KINDS = ['oracle', 'random'] as const;
export const MOCK_KINDS = ['fixed', 'echo', 'error'] as const;
const MODEL_ERROR_KINDS: readonly string[] = ['rate_limit', 'transient', 'timeout', 'auth', 'config', 'content'];

/** What follows '<provider>:' in a spec → the parsed spec; throws ModelError('config') with a fix. */
type SpecGrammar = (spec: string, provider: ProviderName, rest: string) => ModelSpec;

function bad(spec: string, what: string, provider?: ProviderName): ModelError {
  const example = provider ? `, e.g. '${PROVIDERS[provider].example}'` : '';
  return new ModelError('config', `bad model spec '${spec}': ${what}${example}`);
}

/** Parses and validates a spec; throws ModelError('config') with a one-line fix on bad input. */
export function parseModelSpec(input: string): ModelSpec {
  const spec = input.trim();
  if (isProviderModuleSpec(spec)) return parseProviderModuleSpec(spec);
  const known = `Known: ${PROVIDER_NAMES.join(', ')}`;
  if (!spec)
    throw new ModelError(
      'config',
      `empty model spec: write '<provider>:<model>', e.g. '${PROVIDERS.openai.example}'. ${known}`,
    );
  const colon = spec.indexOf(':');
  if (colon < 0) {
    const guess = (BASELINE_KINDS as readonly string[]).includes(spec)
      ? 'baseline'
      : /^claude/i.test(spec)
        ? 'anthropic'
        : 'openai';
    throw new ModelError(
      'config',
      `model spec '${spec}' has no provider: write '<provider>:<model>', e.g. '${guess}:${spec}'. ${known}`,
    );
  }
  const name = spec.slice(0, colon).toLowerCase();
  const rest = spec.slice(colon + 1);
  if (!(PROVIDER_NAMES as readonly string[]).includes(name)) {
    throw new ModelError(
      'config',
      `unknown model provider '${spec.slice(0, colon)}' in '${spec}'.${didYouMean(name, PROVIDER_NAMES)} ${known}`,
    );
  }
  const provider = name as ProviderName;

  return PROVIDERS[provider].parse(spec, provider, rest);
}

/** '<model>[@<url>]' for hosted APIs and OpenAI-compatible servers. */
function parseHostedSpec(spec: string, provider: ProviderName, rest: string): ModelSpec {
  const { model, url } = splitAtURL(rest);
  if (!model) throw bad(spec, 'the model name is empty', provider);
  if (provider === 'openai-compatible' && url === undefined) {
    throw bad(spec, "openai-compatible needs the server's base URL after '@'", provider);
  }
  // One model behind several replicas: a comma-separated list of base URLs (see endpoints.ts).
  if (provider === 'openai-compatible' && url !== undefined && url.includes(',')) {
    const baseURLs = url.split(',').map((u) => normaliseBaseURL(spec, u.trim(), provider));
    if (new Set(baseURLs).size !== baseURLs.length) throw bad(spec, 'a base URL is listed twice', provider);
    return { spec, provider, model, baseURL: baseURLs[0], baseURLs };
  }
  const baseURL = url === undefined ? undefined : normaliseBaseURL(spec, url, provider);
  return baseURL === undefined ? { spec, provider, model } : { spec, provider, model, baseURL };
}

function parseBaselineSpec(spec: string, provider: ProviderName, rest: string): ModelSpec {
  if (!(BASELINE_KINDS as readonly string[]).includes(rest)) {
    throw bad(
      spec,
      `unknown baseline '${rest}'.${didYouMean(rest, BASELINE_KINDS)} Known: ${BASELINE_KINDS.join(', ')}`,
    );
  }
  return { spec, provider, model: rest };
}

/** 'mock:<kind>[:<arg>]'. */
function parseMockSpec(spec: string, provider: ProviderName, rest: string): ModelSpec {
  const sep = rest.indexOf(':');
  const kind = sep < 0 ? rest : rest.slice(0, sep);
  const arg = sep < 0 ? undefined : rest.slice(sep + 1);
  if (!(MOCK_KINDS as readonly string[]).includes(kind)) {
    throw bad(spec, `unknown mock '${kind}'.${didYouMean(kind, MOCK_KINDS)} Known: ${MOCK_KINDS.join(', ')}`);
  }
  if (kind === 'fixed' && arg === undefined) throw bad(spec, "mock:fixed needs the reply text after ':'", provider);
  if (kind === 'echo' && arg !== undefined) throw bad(spec, 'mock:echo takes no argument', provider);
  if (kind === 'error' && !MODEL_ERROR_KINDS.includes(arg ?? '')) {
    throw bad(
      spec,
      `mock:error needs an error kind, one of ${MODEL_ERROR_KINDS.join(', ')} (e.g. 'mock:error:rate_limit')`,
    );
  }
  return arg === undefined ? { spec, provider, model: kind } : { spec, provider, model: kind, arg };
}

/** '<path>' (a local checkpoint). */
function parsePathSpec(spec: string, provider: ProviderName, rest: string): ModelSpec {
  if (!rest) throw bad(spec, 'the checkpoint path is empty', provider);
  return { spec, provider, model: rest };
}

/** '<checkpoint>?key=value&…': the options are checked here so a typo fails before any server starts. */
function parseManagedSpec(spec: string, provider: ProviderName, rest: string): ModelSpec {
  const q = rest.indexOf('?');
  const model = (q < 0 ? rest : rest.slice(0, q)).trim();
  if (!model) throw bad(spec, 'the checkpoint path is empty', provider);
  if (q < 0) return { spec, provider, model };
  let options: Record<string, string>;
  try {
    options = parseServerOptions(rest.slice(q + 1), provider);
  } catch (err) {
    throw bad(spec, (err as Error).message, provider);
  }
  return { spec, provider, model, options };
}

/**
 * The built-in providers: how to load each (lazily, so a run that never names Anthropic never
 * imports its SDK), an example for error messages, and its spec grammar after '<provider>:'.
 */
const PROVIDERS: Record<ProviderName, { load: () => Promise<ProviderModule>; example: string; parse: SpecGrammar }> = {
  openai: { load: () => import('./openai.js'), example: 'openai:gpt-4.1-mini', parse: parseHostedSpec },
  'openai-compatible': {
    load: () => import('./openai.js'),
    example: 'openai-compatible:qwen2.5-7b@http://localhost:8000/v1',
    parse: parseHostedSpec,
  },
  anthropic: { load: () => import('./anthropic.js'), example: 'anthropic:claude-sonnet-4-5', parse: parseHostedSpec },
  baseline: { load: () => import('./baseline.js'), example: 'baseline:oracle', parse: parseBaselineSpec },
  mock: { load: () => import('./mock.js'), example: 'mock:fixed:42', parse: parseMockSpec },
  onnx: { load: () => import('./onnx/index.js'), example: 'onnx:./checkpoints/step-1000', parse: parsePathSpec },
  vllm: { load: () => import('./managed.js'), example: 'vllm:./checkpoints/step-1000?tp=2', parse: parseManagedSpec },
  sglang: {
    load: () => import('./managed.js'),
    example: 'sglang:./checkpoints/step-1000?tp=2',
    parse: parseManagedSpec,
  },
  llamacpp: { load: () => import('./managed.js'), example: 'llamacpp:./model-q4_k_m.gguf', parse: parseManagedSpec },
};

/** Options a managed server takes, in a spec's query string or in --model-options. */
export const SERVER_OPTION_KEYS = [
  'tp',
  'dp',
  'replicas',
  'gpus',
  'max-model-len',
  'gpu-memory-utilization',
  'dtype',
  'args',
  'reuse',
  'ready-timeout',
] as const;

/** Parses 'tp=2&dtype=bfloat16' and checks keys and values; throws an Error naming the bad one. */
export function parseServerOptions(query: string, provider?: ProviderName): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(query)) {
    if (!(SERVER_OPTION_KEYS as readonly string[]).includes(key)) {
      throw new Error(
        `unknown server option '${key}'.${didYouMean(key, SERVER_OPTION_KEYS)} Known: ${SERVER_OPTION_KEYS.join(', ')}`,
      );
    }
    const int =
      key === 'tp' || key === 'dp' || key === 'replicas' || key === 'max-model-len' || key === 'ready-timeout';
    if (int && !/^[1-9]\d*$/.test(value)) throw new Error(`${key} must be a whole number ≥ 1 (got '${value}')`);
    if (key === 'gpu-memory-utilization' && !(Number(value) > 0 && Number(value) <= 1))
      throw new Error(`gpu-memory-utilization must be a number in (0, 1] (got '${value}')`);
    if (key === 'gpus') {
      const ids = value.trim().split(/[\s,]+/);
      if (!ids.every((d) => /^[A-Za-z0-9-]+$/.test(d)))
        throw new Error(`gpus must be a comma-separated list of device ids like 0,1,2,3 (got '${value}')`);
      if (new Set(ids).size !== ids.length) throw new Error(`gpus lists a device twice (got '${value}')`);
    }
    if (key === 'reuse' && !['0', '1', 'true', 'false'].includes(value))
      throw new Error(`reuse must be 1 or 0 (got '${value}')`);
    if (key === 'dtype' && !/^[a-z0-9_]+$/i.test(value))
      throw new Error(`dtype must be a name like bfloat16 (got '${value}')`);
    if (
      provider === 'llamacpp' &&
      (key === 'tp' || key === 'dp' || key === 'gpu-memory-utilization' || key === 'dtype')
    ) {
      throw new Error(`llama-server has no '${key}' option: pass its own flags with args=…, e.g. 'args=-ngl 99'`);
    }
    out[key] = value;
  }
  return out;
}

/** Loads the provider for `spec` (importing its SDK only now) and builds the model. */
export async function loadModel(spec: string, opts: ModelOptions = {}): Promise<Model> {
  const parsed = parseModelSpec(spec);
  if (parsed.provider === 'module') return loadProviderModel(parsed, opts);
  const provider = await PROVIDERS[parsed.provider].load();
  return provider.createModel(parsed, opts);
}

/** '<model>@<url>': the '@' that starts a URL wins, so userinfo-free URLs with '@' in the path work. */
function splitAtURL(rest: string): { model: string; url?: string } {
  const m = /^(.*?)@([a-z][a-z0-9+.-]*:\/\/.*)$/i.exec(rest) ?? /^(.*?)@(.*)$/.exec(rest);
  return m ? { model: m[1]!.trim(), url: m[2]!.trim() } : { model: rest.trim() };
}

function normaliseBaseURL(spec: string, raw: string, provider: ProviderName): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) {
    throw bad(spec, `the base URL '${raw}' has no scheme: write 'http://${raw}'`, provider);
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw bad(spec, `'${raw}' is not a URL (expected http(s)://host:port/path)`, provider);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw bad(spec, `the base URL must start with http:// or https://, not '${url.protocol}'`, provider);
  }
  // Credentials in the URL would end up in the model identity, the database and the site.
  if (url.username || url.password) {
    const shown = spec.replace(raw, `${url.protocol}//***@${url.host}${url.pathname}`);
    throw bad(
      shown,
      'put credentials in the environment (OPENAI_API_KEY / ANTHROPIC_API_KEY), not in the URL',
      provider,
    );
  }
  if (url.search || url.hash) throw bad(spec, 'the base URL must not have a query or fragment', provider);
  // 'http://host:/v1' parses as the default port; a ':' with nothing after it is a typo (issue 21).
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*:(?:[/?#]|$)/i.test(raw)) {
    throw bad(
      spec,
      `the base URL '${raw}' has an empty port: write the port after ':' (e.g. http://localhost:8000/v1) or leave out the ':'`,
      provider,
    );
  }
  let path = url.pathname.replace(/\/+$/, '');
  // vLLM, SGLang, llama.cpp and Ollama all serve the OpenAI API under /v1; a bare host means that.
  if (provider !== 'anthropic' && path === '') path = '/v1';
  // The Anthropic SDK appends /v1/messages itself.
  if (provider === 'anthropic') path = path.replace(/\/v1$/, '');
  return url.origin + path;
}
