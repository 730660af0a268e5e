// API keys come from the environment only (the CLI's, or the one a test passes in) and are checked
// when the model is loaded, so a missing key stops the run before the first request.
import { ModelError, type ModelOptions } from './types.js';

export type Env = Record<string, string | undefined>;

export function envOf(opts: ModelOptions | undefined): Env {
  return opts?.env ?? process.env;
}

/** The first non-empty value among `names`, or undefined. */
export function readKey(env: Env, ...names: string[]): string | undefined {
  for (const name of names) {
    const v = env[name]?.trim();
    if (v) return v;
  }
  return undefined;
}

export function requireKey(env: Env, name: string, hint: string): string {
  const key = readKey(env, name);
  if (!key) throw new ModelError('auth', `${name} is not set: export it, or ${hint}`);
  return key;
}
