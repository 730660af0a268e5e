// What every command that runs models shares: the two-stage Ctrl-C and the progress line.
import { formatProgress } from '../runner/format.js';
import type { Progress } from '../runner/run.js';

/** Seconds the first Ctrl-C / SIGTERM lets in-flight requests finish (under `docker stop`'s 10 s). */
export const DEFAULT_STOP_TIMEOUT_S = 5;
/** After a hard stop, what is left this long is not waited for: the process exits (130). */
const HARD_STOP_GRACE_MS = 10_000;

/**
 * First Ctrl-C (or SIGTERM): stop starting work, finish and save what is in flight, for at most
 * `stopTimeoutS` seconds. Then, or at a second signal: abort the requests in flight (they are
 * asked again on resume); finished answers are already saved. CI cancellation, `timeout` and
 * `docker stop` send one SIGTERM only, so the deadline is what makes them end.
 */
export function interruptible(opts: { stopTimeoutS?: number } = {}): {
  stopSignal: AbortSignal;
  abortSignal: AbortSignal;
  dispose: () => void;
} {
  const stop = new AbortController();
  const abort = new AbortController();
  const timers: NodeJS.Timeout[] = [];
  const stopTimeoutS = opts.stopTimeoutS ?? DEFAULT_STOP_TIMEOUT_S;
  const hardStop = (why: string) => {
    if (abort.signal.aborted) return;
    process.stderr.write(`bench: ${why}: abandoning the requests in flight (they are asked again on resume)\n`);
    abort.abort(new Error('interrupted'));
    // Whatever still holds the process after the hard stop (a provider ignoring its signal) is not waited for.
    const last = setTimeout(() => process.exit(130), HARD_STOP_GRACE_MS);
    last.unref();
    timers.push(last);
  };
  const onSignal = () => {
    if (!stop.signal.aborted) {
      process.stderr.write(
        `\nbench: stopping: finishing the requests in flight for at most ${stopTimeoutS} s (Ctrl-C again to stop now)\n`,
      );
      stop.abort();
      const deadline = setTimeout(() => hardStop(`stop deadline of ${stopTimeoutS} s reached`), stopTimeoutS * 1000);
      deadline.unref();
      timers.push(deadline);
    } else hardStop('second interrupt');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    stopSignal: stop.signal,
    abortSignal: abort.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      for (const t of timers) clearTimeout(t);
    },
  };
}

/** A throttled progress line on stderr: rewritten in place on a TTY, every 10 s otherwise. */
export function progressPrinter(silent: boolean) {
  const tty = process.stderr.isTTY === true;
  let last = 0;
  let shown = false;
  let printedFinal: Progress | undefined;
  return {
    update: (p: Progress) => {
      if (silent) return;
      const t = Date.now();
      const final = p.done >= p.total;
      if (final ? printedFinal === p : t - last < (tty ? 200 : 10_000)) return;
      if (final) printedFinal = p;
      last = t;
      shown = true;
      // On a terminal the line must not wrap, or \r would rewrite only its last row.
      process.stderr.write(
        tty ? `\r\x1b[2K${formatProgress(p, (process.stderr.columns || 80) - 1)}` : `${formatProgress(p)}\n`,
      );
    },
    done: () => {
      if (shown && tty) process.stderr.write('\n');
      shown = false;
    },
  };
}
