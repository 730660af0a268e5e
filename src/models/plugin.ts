// Plug-in providers: 'module:<path or package>[#<export>]:<model>' loads a provider module from
// outside the repo (relative paths from the working directory). It exports the same
// `createModel(spec, opts)` as a built-in provider, and the model it returns is shape-checked.
import { PluginLoadError, requirePlugin, splitExport } from '../core/plugin-module.js';
import type { ModelSpec, ProviderModule } from './spec.js';
import { ModelError, type Model, type ModelOptions } from './types.js';

export const MODULE_PREFIX = 'module:';
const EXAMPLE = "'module:./my-provider.js:my-model' or 'module:./providers.js#echo:my-model'";

export function isProviderModuleSpec(spec: string): boolean {
  return spec.trim().toLowerCase().startsWith(MODULE_PREFIX);
}

/** 'module:./p.js#name:rest' → model 'rest', arg './p.js#name' (the module reference). */
export function parseProviderModuleSpec(input: string): ModelSpec {
  const spec = input.trim();
  const body = spec.slice(MODULE_PREFIX.length);
  const colon = body.indexOf(':');
  const ref = colon < 0 ? body : body.slice(0, colon);
  const model = colon < 0 ? '' : body.slice(colon + 1);
  if (!ref || ref.startsWith('#'))
    throw new ModelError(
      'config',
      `bad model spec '${spec}': name the provider module after 'module:', e.g. ${EXAMPLE}`,
    );
  return { spec, provider: 'module', model, arg: ref };
}

/** Model fields the runner relies on; anything else the module adds is left alone. */
export function modelShapeProblems(m: unknown): string[] {
  if (!m || typeof m !== 'object') return ['createModel did not return an object'];
  const o = m as Record<string, unknown>;
  const out: string[] = [];
  if (typeof o.spec !== 'string') out.push('spec must be a string');
  if (typeof o.identity !== 'string' || !o.identity)
    out.push('identity must be a non-empty string (provider, model, base URL; never a key)');
  if (typeof o.cacheable !== 'boolean') out.push('cacheable must be a boolean');
  if (!Number.isInteger(o.defaultConcurrency) || (o.defaultConcurrency as number) < 1)
    out.push('defaultConcurrency must be a whole number ≥ 1');
  if (typeof o.generate !== 'function') out.push('generate(request) must be a function');
  if (o.close !== undefined && typeof o.close !== 'function') out.push('close, when given, must be a function');
  return out;
}

function loadProvider(ref: string): { provider: ProviderModule; file: string } {
  const { path, exportName } = splitExport(ref);
  let module: Record<string, unknown>, file: string;
  try {
    ({ module, file } = requirePlugin(path, process.cwd(), 'provider', 'the working directory'));
  } catch (err) {
    throw err instanceof PluginLoadError ? new ModelError('config', err.message) : err;
  }
  const provider = (exportName ? module[exportName] : module.createModel ? module : module.default) as
    Partial<ProviderModule> | undefined;
  if (exportName && !(exportName in module))
    throw new ModelError(
      'config',
      `${file} does not export '${exportName}' (exports: ${Object.keys(module).join(', ') || 'none'})`,
    );
  if (!provider || typeof provider.createModel !== 'function') {
    throw new ModelError(
      'config',
      `${file}${exportName ? ` export '${exportName}'` : ''} is not a provider: it must export createModel(spec, options) returning a Model`,
    );
  }
  return { provider: provider as ProviderModule, file };
}

export async function loadProviderModel(spec: ModelSpec, opts: ModelOptions): Promise<Model> {
  const { provider, file } = loadProvider(spec.arg ?? '');
  let model: Model;
  try {
    model = await provider.createModel(spec, opts);
  } catch (err) {
    if (err instanceof ModelError) throw err;
    throw new ModelError(
      'config',
      `${file}: createModel failed for '${spec.spec}': ${((err as Error).message ?? String(err)).split('\n')[0]}`,
    );
  }
  const problems = modelShapeProblems(model);
  if (problems.length > 0)
    throw new ModelError(
      'config',
      `${file}: the model for '${spec.spec}' breaks the Model contract: ${problems.join('; ')}`,
    );
  return model;
}
