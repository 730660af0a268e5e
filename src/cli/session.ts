// What every command that runs models shares: the two-stage Ctrl-C and the progress line.
import { formatProgress } from '../runner/format.js';
import type { Progress } from '../runner/run.js';

/**
 * First Ctrl-C (or SIGTERM): stop starting work, finish and save what is in flight. Second:
 * abort the requests in flight (they are asked again on resume).
 */
export function interruptible(): { stopSignal: AbortSignal; abortSignal: AbortSignal; dispose: () => void } {
  const stop = new AbortController();
  const abort = new AbortController();
  const onSignal = () => {
    if (!stop.signal.aborted) {
      process.stderr.write('\nbench: stopping: finishing the requests in flight (Ctrl-C again to stop now)\n');
      stop.abort();
    } else abort.abort(new Error('interrupted'));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    stopSignal: stop.signal,
    abortSignal: abort.signal,
    dispose: () => { process.off('SIGINT', onSignal); process.off('SIGTERM', onSignal); },
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
      process.stderr.write(tty ? `\r\x1b[2K${formatProgress(p, (process.stderr.columns || 80) - 1)}` : `${formatProgress(p)}\n`);
    },
    done: () => {
      if (shown && tty) process.stderr.write('\n');
      shown = false;
    },
  };
}
