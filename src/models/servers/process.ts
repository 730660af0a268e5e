// A server process in a process group of its own, its output appended to a log file, and a
// watchdog that takes the group down if genbench dies without stopping it (even by SIGKILL).
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, closeSync, mkdirSync, openSync, readSync, fstatSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { processAlive } from '../../core/atomic-file.js';

export interface ServerProcess {
  pid: number;
  logPath: string;
  /** Settles when the server exits (code or signal). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  hasExited(): boolean;
  /** SIGTERM to the whole group, SIGKILL after `graceMs`; resolves when the group is gone. */
  stop(graceMs?: number): Promise<void>;
}

// Runs as `node -e WATCHDOG <parent pid> <server pgid>`. Its stdin is a pipe from genbench: the
// pipe closes when genbench dies however it dies, and the parent-pid poll covers a lost pipe.
const WATCHDOG = `
const [ppid, pgid] = process.argv.slice(1).map(Number);
const alive = () => { try { process.kill(-pgid, 0); return true; } catch (e) { return e.code === 'EPERM'; } };
let firing = false;
const fire = () => {
  if (firing) return; firing = true;
  try { process.kill(-pgid, 'SIGTERM'); } catch {}
  const t0 = Date.now();
  setInterval(() => {
    if (!alive()) process.exit(0);
    if (Date.now() - t0 > 3000) { try { process.kill(-pgid, 'SIGKILL'); } catch {} process.exit(0); }
  }, 100);
};
process.on('SIGINT', () => {}); process.on('SIGHUP', () => {});
process.stdin.on('end', fire); process.stdin.on('error', fire); process.stdin.on('close', fire); process.stdin.resume();
setInterval(() => { if (!firing && !alive()) process.exit(0); try { process.kill(ppid, 0); } catch { fire(); } }, 500);
`;

export function startProcess(
  command: string[],
  logPath: string,
  opts: { watchdog: boolean; env?: NodeJS.ProcessEnv },
): ServerProcess {
  mkdirSync(dirname(logPath), { recursive: true });
  const fd = openSync(logPath, 'a');
  writeSync(fd, `\n# genbench ${new Date().toISOString()}: ${command.join(' ')}\n`);
  let child: ChildProcess;
  try {
    child = spawn(command[0]!, command.slice(1), {
      detached: true,
      stdio: ['ignore', fd, fd],
      env: opts.env ?? process.env,
    });
  } finally {
    closeSync(fd);
  }
  let exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('error', (err) => {
      exitInfo = { code: 127, signal: null };
      try {
        appendFileSync(logPath, `genbench: cannot start ${command[0]}: ${err.message}\n`);
      } catch {
        /* the log is best effort */
      }
      resolve(exitInfo);
    });
    child.once('exit', (code, signal) => {
      exitInfo = { code, signal };
      resolve(exitInfo);
    });
  });
  const pid = child.pid ?? -1;
  let watchdog: ChildProcess | undefined;
  if (opts.watchdog && pid > 0) {
    watchdog = spawn(process.execPath, ['-e', WATCHDOG, String(process.pid), String(pid)], {
      detached: true,
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    watchdog.unref();
    (watchdog.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  }
  if (!opts.watchdog) child.unref();

  const groupAlive = () => processAlive(-pid); // a negative id asks after the whole process group
  const stop = async (graceMs = 10_000): Promise<void> => {
    if (pid > 0) {
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      const deadline = Date.now() + graceMs;
      while (groupAlive() && Date.now() < deadline) await sleep(100);
      if (groupAlive()) {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          /* gone meanwhile */
        }
        const hard = Date.now() + 5000;
        while (groupAlive() && Date.now() < hard) await sleep(50);
      }
    }
    if (watchdog?.pid) {
      try {
        process.kill(watchdog.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  };
  return { pid, logPath, exited, hasExited: () => exitInfo !== undefined, stop };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The last `lines` lines of a log (reads at most the last 64 KiB). */
export function logTail(path: string, lines = 15): string[] {
  try {
    const fd = openSync(path, 'r');
    try {
      const size = fstatSync(fd).size;
      const len = Math.min(size, 64 * 1024);
      const buf = Buffer.alloc(len);
      readSync(fd, buf, 0, len, size - len);
      const all = buf
        .toString('utf8')
        .split('\n')
        .map((l) => l.trimEnd());
      // Only this start's lines: the log is appended to by every start.
      let from = 0;
      for (let i = all.length - 1; i >= 0; i--)
        if (all[i]!.startsWith('# genbench ')) {
          from = i + 1;
          break;
        }
      return all
        .slice(from)
        .filter((l) => l)
        .slice(-lines);
    } finally {
      closeSync(fd);
    }
  } catch {
    return [];
  }
}
