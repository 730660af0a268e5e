// Batched persistence: results accumulate in memory and commit in one transaction every
// `maxRows` results or `maxDelayMs`, whichever comes first. One transaction per result is what
// holds other harnesses to ~50 items/s; batching keeps the store off the critical path.
import type { CacheEntry, ItemRecord, ResultRecord, Store } from '../store/store.js';

export class BatchWriter {
  private items: ItemRecord[] = [];
  private results: ResultRecord[] = [];
  private cache: CacheEntry[] = [];
  private timer: NodeJS.Timeout | undefined;
  private failure: Error | undefined;
  written = 0;

  constructor(private readonly store: Store, private readonly opts: { maxRows?: number; maxDelayMs?: number } = {}) {}

  addItem(item: ItemRecord): void {
    this.items.push(item);
  }

  addResult(result: ResultRecord, cache?: CacheEntry[]): void {
    this.results.push(result);
    if (cache) this.cache.push(...cache);
    if (this.results.length >= (this.opts.maxRows ?? 256)) this.flush();
    else if (!this.timer) {
      // A failure on the timer path is kept in `failure` and re-thrown by check() or flush().
      this.timer = setTimeout(() => { try { this.flush(); } catch { /* kept in this.failure */ } }, this.opts.maxDelayMs ?? 100);
    }
  }

  /** Commits everything buffered. A failed commit is remembered and re-thrown to the run loop. */
  flush(): void {
    if (this.timer) { clearTimeout(this.timer); this.timer = undefined; }
    if (this.failure) throw this.failure;
    if (this.results.length === 0 && this.items.length === 0) return;
    const batch = { items: this.items, results: this.results, cache: this.cache };
    this.items = []; this.results = []; this.cache = [];
    try {
      this.store.writeBatch(batch);
      this.written += batch.results.length;
    } catch (err) {
      this.failure = err as Error;
      throw err;
    }
  }

  /** A write error raised on the timer path surfaces here. */
  check(): void {
    if (this.failure) throw this.failure;
  }
}
