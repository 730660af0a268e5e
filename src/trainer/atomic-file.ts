// A file that appears only when complete: written to a temporary sibling and renamed into place
// on commit, so a crash or kill -9 never leaves a file under the final name that looks finished.
import { createWriteStream, renameSync, rmSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';

export interface AtomicFile {
  stream: WriteStream;
  /** Flushes, closes and renames into place. */
  commit(): Promise<void>;
  /** Closes and removes the temporary file; the final name is untouched. */
  abort(): Promise<void>;
}

export function temporarySibling(path: string): string {
  return join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
}

export async function openAtomic(path: string): Promise<AtomicFile> {
  const tmp = temporarySibling(path);
  const stream = createWriteStream(tmp, { flags: 'wx' });
  await Promise.race([once(stream, 'open'), once(stream, 'error').then(([err]) => { throw err; })]);
  let done = false;
  return {
    stream,
    async commit() {
      if (done) return;
      done = true;
      stream.end();
      await once(stream, 'close');
      renameSync(tmp, path);
    },
    async abort() {
      if (done) return;
      done = true;
      if (!stream.closed) { stream.destroy(); await once(stream, 'close').catch(() => undefined); }
      rmSync(tmp, { force: true });
    },
  };
}

/** Writes bytes atomically (for formats built in memory, such as Parquet). */
export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const f = await openAtomic(path);
  try {
    if (!f.stream.write(bytes)) await once(f.stream, 'drain');
    await f.commit();
  } catch (err) {
    await f.abort();
    throw err;
  }
}
