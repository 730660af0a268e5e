// Micro-batching: the runner sends one request at a time from many workers; this queue gathers
// them into batches for the decoding loop. The first request of a batch waits at most `windowMs`
// for company (less if the batch fills), and while a batch runs the next one fills up, so with the
// runner's concurrency at twice the batch size the model always has a full batch waiting.
import { ModelError } from '../types.js';

interface Pending<T, R> {
  value: T;
  resolve: (r: R) => void;
  reject: (e: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

export interface BatcherOptions<T, R> {
  maxBatch: number;
  windowMs: number;
  /** Runs one batch; returns one result per item, in order. A throw fails the whole batch. */
  run(batch: T[]): Promise<R[]>;
  /** The error a request aborted while still queued gets. */
  aborted(): ModelError;
}

export class MicroBatcher<T, R> {
  private readonly queue: Pending<T, R>[] = [];
  private pumping = false;
  private drained: Promise<void> = Promise.resolve();
  private wake?: () => void;
  private closed = false;

  constructor(private readonly opts: BatcherOptions<T, R>) {}

  /** Requests waiting for a batch (for tests and progress). */
  get waiting(): number {
    return this.queue.length;
  }

  submit(value: T, signal?: AbortSignal): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      if (this.closed) return reject(new ModelError('config', 'onnx: the model was closed'));
      if (signal?.aborted) return reject(this.opts.aborted());
      const p: Pending<T, R> = { value, resolve, reject, signal };
      if (signal) {
        p.onAbort = () => {
          const i = this.queue.indexOf(p);
          if (i >= 0) {
            this.queue.splice(i, 1);
            reject(this.opts.aborted());
          }
        };
        signal.addEventListener('abort', p.onAbort, { once: true });
      }
      this.queue.push(p);
      if (this.queue.length >= this.opts.maxBatch) this.wake?.();
      this.pump();
    });
  }

  /** Rejects what is still queued; resolves when a batch already running has finished. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new ModelError('config', 'onnx: the model was closed'));
    this.wake?.();
    await this.drained;
  }

  private waitForCompany(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.opts.windowMs);
      const self = this;
      function done() {
        clearTimeout(timer);
        self.wake = undefined;
        resolve();
      }
      this.wake = done;
    });
  }

  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    this.drained = this.drain();
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        if (this.queue.length < this.opts.maxBatch && this.opts.windowMs > 0) await this.waitForCompany();
        const batch = this.queue.splice(0, this.opts.maxBatch);
        if (batch.length === 0) continue;
        for (const p of batch) if (p.onAbort) p.signal!.removeEventListener('abort', p.onAbort);
        try {
          const results = await this.opts.run(batch.map((p) => p.value));
          batch.forEach((p, i) => p.resolve(results[i]!));
        } catch (err) {
          for (const p of batch) p.reject(err);
        }
      }
    } finally {
      // Cleared in the same tick the queue is seen empty, so a request submitted by a continuation
      // of the last batch starts a new drain instead of waiting behind a finished one.
      this.pumping = false;
    }
  }
}
