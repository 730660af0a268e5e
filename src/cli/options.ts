// Option parsers shared by commands: each rejects bad input with a message that says what would
// be accepted.
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import type { ModelOptions, Sampling } from '../models/types.js';
import { UsageError } from './errors.js';

export const DEFAULT_DB = 'results/genbench.sqlite';

/** A --db that must already exist; `hint` says how to get one. */
export function requireDb(db: string, hint = "run 'bench run' first or pass --db"): void {
  if (!existsSync(db)) throw new UsageError(`no database at ${db}: ${hint}`);
}

export function positiveInt(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a whole number ≥ 1 (got '${value}')`);
    return n;
  };
}

export function nonNegativeNumber(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0) throw new UsageError(`${flag} must be a number ≥ 0 (got '${value}')`);
    return n;
  };
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** The sampling and request flags shared by every command that asks models (run, gate). */
export interface SamplingFlags {
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  seed?: number;
  stop?: string[];
  timeout?: number;
  cache: boolean;
  stopTimeout?: number;
}

export function addSamplingOptions(command: Command): Command {
  return command
    .option('--temperature <t>', 'sampling temperature', nonNegativeNumber('--temperature'))
    .option('--top-p <p>', 'nucleus sampling', nonNegativeNumber('--top-p'))
    .option('--max-tokens <count>', 'maximum tokens per answer', positiveInt('--max-tokens'))
    .option('--seed <n>', 'sampling seed passed to the provider', positiveInt('--seed'))
    .option('--stop <text>', 'stop sequence, repeatable', collect)
    .option('--timeout <seconds>', 'per-request timeout (default 300)', positiveInt('--timeout'))
    .option(
      '--stop-timeout <seconds>',
      'after the first Ctrl-C or SIGTERM, finish requests in flight for at most this long, then stop (default 5)',
      nonNegativeNumber('--stop-timeout'),
    )
    .option('--no-cache', 'always ask the model, even for a request answered before');
}

/** The Sampling the flags ask for, without unset fields (they would change run ids). */
export function samplingFrom(f: SamplingFlags): Sampling {
  const s: Sampling = { temperature: f.temperature, topP: f.topP, maxTokens: f.maxTokens, seed: f.seed, stop: f.stop };
  for (const k of Object.keys(s) as (keyof Sampling)[]) if (s[k] === undefined) delete s[k];
  return s;
}

export function modelOptionsFrom(f: SamplingFlags): ModelOptions {
  return { timeoutMs: f.timeout ? f.timeout * 1000 : undefined };
}
