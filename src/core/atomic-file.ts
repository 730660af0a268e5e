// Outputs appear whole or not at all: written to a temporary sibling, flushed to disk, renamed
// into place. A kill or a full disk leaves the previous file (or none), never a shorter file
// that looks complete; the temporary sibling is removed on error and by the next writer when a
// killed process left it behind. Errors name the path.
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** `.<name>.tmp-<pid>`: next to the target (same filesystem, so the rename is atomic). */
export function tempSibling(path: string, pid = process.pid): string {
  return join(dirname(path), `.${basename(path)}.tmp-${pid}`);
}

export class OutputError extends Error {
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    super(`cannot write ${path}: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'OutputError';
  }
}

/** A file being written: `write` chunks, then `commit` (fsync + rename) or `abort` (remove). */
export interface AtomicFile {
  readonly path: string;
  readonly tempPath: string;
  write(chunk: string | Uint8Array): void;
  commit(): void;
  abort(): void;
}

export function openAtomicFile(path: string): AtomicFile {
  removeStaleTemps(path);
  const tempPath = tempSibling(path);
  let fd: number | undefined;
  const fail = (err: unknown): never => {
    abort();
    throw err instanceof OutputError ? err : new OutputError(path, err);
  };
  const abort = () => {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        /* already failing */
      }
      fd = undefined;
    }
    rmSync(tempPath, { force: true });
  };
  try {
    fd = openSync(tempPath, 'w');
  } catch (err) {
    fail(err);
  }
  return {
    path,
    tempPath,
    write(chunk) {
      if (fd === undefined) throw new OutputError(path, new Error('already committed or aborted'));
      try {
        const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        for (let off = 0; off < buf.length;) off += writeSync(fd, buf, off, buf.length - off);
      } catch (err) {
        fail(err);
      }
    },
    commit() {
      if (fd === undefined) throw new OutputError(path, new Error('already committed or aborted'));
      try {
        fsyncSync(fd);
        closeSync(fd);
        fd = undefined;
        renameSync(tempPath, path);
      } catch (err) {
        fail(err);
      }
      syncFolder(dirname(path));
    },
    abort,
  };
}

/** Writes a whole file atomically. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const f = openAtomicFile(path);
  f.write(data);
  f.commit();
}

/**
 * Removes temporary siblings of `path` (files or folders, `.<name>.tmp-<pid>` and anything
 * after it, e.g. `.tmp-<pid>.old`) left by processes of this host that no longer run.
 */
export function removeStaleTemps(path: string): string[] {
  const dir = dirname(path);
  const prefix = `.${basename(path)}.tmp-`;
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^\d+/.exec(name.slice(prefix.length))?.[0]);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || processAlive(pid)) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
    removed.push(join(dir, name));
  }
  return removed;
}

/** Whether a process of this host with this id exists. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Makes a rename durable (best effort: not every platform can fsync a folder). */
function syncFolder(dir: string): void {
  if (!existsSync(dir)) return;
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    /* not supported here */
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
