// Batched persistence: results accumulate in memory and commit in one transaction at the end of
// the current event-loop turn (or at once past `maxRows`). One transaction per result is what
// holds other harnesses to ~50 items/s; a batch per loop turn keeps the store off the critical
// path. A result is acknowledged (its worker moves on) only once its batch has committed, so a
// kill -9 can cost only items still in flight, never one a worker had finished.
import type { CacheEntry, ItemRecord, ResultRecord, Store } from '../store/store.js';

export class BatchWriter {
  private items: ItemRecord[] = [];
  private results: ResultRecord[] = [];
  private cache: CacheEntry[] = [];
  private scheduled: NodeJS.Immediate | undefined;
  private failure: Error | undefined;
  private waiting: (() => void)[] = [];
  written = 0;

  constructor(
    private readonly store: Store,
    private readonly opts: { maxRows?: number } = {},
  ) {}

  addItem(item: ItemRecord): void {
    this.items.push(item);
  }

  /**
   * Buffers a result; the promise settles once its batch has committed (or failed: the failure
   * itself surfaces through check() and flush(), so the promise never rejects).
   */
  addResult(result: ResultRecord, cache?: CacheEntry[]): Promise<void> {
    this.results.push(result);
    if (cache) this.cache.push(...cache);
    const done = new Promise<void>((resolve) => this.waiting.push(resolve));
    this.schedule();
    return done;
  }

  /**
   * The answer to one turn of an episode still running: committed with the next batch, so a
   * resumed run replays the episode's finished turns from the cache instead of asking again.
   */
  addCache(entry: CacheEntry): void {
    this.cache.push(entry);
    this.schedule();
  }

  private schedule(): void {
    if (this.results.length + this.cache.length >= (this.opts.maxRows ?? 256)) this.flush();
    else if (!this.scheduled) {
      // A failure on this path is kept in `failure` and re-thrown by check() or flush().
      this.scheduled = setImmediate(() => {
        this.scheduled = undefined;
        try {
          this.flush();
        } catch {
          /* kept in this.failure */
        }
      });
    }
  }

  /** Commits everything buffered. A failed commit is remembered and re-thrown to the run loop. */
  flush(): void {
    if (this.scheduled) {
      clearImmediate(this.scheduled);
      this.scheduled = undefined;
    }
    const waiting = this.waiting;
    this.waiting = [];
    try {
      if (this.failure) throw this.failure;
      if (this.results.length === 0 && this.items.length === 0 && this.cache.length === 0) return;
      const batch = { items: this.items, results: this.results, cache: this.cache };
      this.items = [];
      this.results = [];
      this.cache = [];
      try {
        this.store.writeBatch(batch);
        this.written += batch.results.length;
      } catch (err) {
        this.failure = err as Error;
        throw err;
      }
    } finally {
      for (const resolve of waiting) resolve();
    }
  }

  /** A write error raised on the scheduled path surfaces here. */
  check(): void {
    if (this.failure) throw this.failure;
  }
}
