// One line per failure, one exit code per kind of failure. The CLI never prints a stack trace
// for a user mistake; GENBENCH_DEBUG=1 shows it for bugs.
import { terminalSafe } from '../core/escape.js';
import { ModelError } from '../models/types.js';
import { SuiteError } from '../suite/load.js';
import { StoreError } from '../store/store.js';
import { PluginError, UnknownGeneratorError } from '../../generators/index.js';
import { RunAbortedError } from '../runner/run.js';

export const EXIT = { ok: 0, failure: 1, config: 2, harness: 3, interrupted: 130 } as const;

/** A usage or configuration mistake found by a command itself. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function exitCodeFor(err: unknown): number {
  if (
    err instanceof UsageError ||
    err instanceof SuiteError ||
    err instanceof UnknownGeneratorError ||
    err instanceof PluginError
  )
    return EXIT.config;
  if (err instanceof ModelError) return err.fatal ? EXIT.config : EXIT.harness;
  if (err instanceof RunAbortedError) return EXIT.config;
  if (err instanceof StoreError) return EXIT.harness;
  return EXIT.harness;
}

export function reportError(err: unknown): number {
  const message = (err as Error)?.message ?? String(err);
  process.stderr.write(`bench: error: ${terminalSafe(message.split('\n')[0])}\n`);
  if (process.env.GENBENCH_DEBUG && (err as Error)?.stack) process.stderr.write(`${(err as Error).stack}\n`);
  return exitCodeFor(err);
}
