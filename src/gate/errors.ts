// The gate's exit codes and its two kinds of failure. Codes 0–3 and 130 mean what they mean for
// every bench command (src/cli/errors.ts); the gate adds two of its own, well clear of them, so
// a CI script can tell "the checkpoint got worse" from "the tool could not tell" from "the tool
// broke".
// The shared codes are repeated, not imported, so the library does not depend on the CLI; a test
// keeps them equal.

export const GATE_EXIT = {
  /** Every gating check passed: the candidate is shown to be no worse than the margin allows. */
  pass: 0,
  /** A configuration mistake: bad flags, bad gates YAML, a baseline of other items. */
  config: 2,
  /** The harness failed: a model or server that errs, a database that cannot be written. */
  harness: 3,
  /** At least one gating check found a significant drop larger than its threshold. */
  regression: 10,
  /** No regression found, but too few items to show the candidate is within its thresholds. */
  inconclusive: 11,
  /** Ctrl-C: run the same command again to resume. */
  interrupted: 130,
} as const;

export type Verdict = 'pass' | 'regression' | 'inconclusive';

export function exitCodeForVerdict(v: Verdict): number {
  return GATE_EXIT[v];
}

/** A gate that cannot be evaluated as asked: fix the flags, the YAML or the baseline. Exit 2. */
export class GateConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GateConfigError';
  }
}

/** The answers needed to decide are not there because the harness or a model failed. Exit 3. */
export class GateHarnessError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GateHarnessError';
  }
}

/** Ctrl-C stopped a run the gate needed; what finished is saved. Exit 130. */
export class GateInterruptedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GateInterruptedError';
  }
}
