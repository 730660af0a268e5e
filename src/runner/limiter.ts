// Adaptive concurrency per model: AIMD with header-driven pauses. A 429 cuts the window and
// pauses new requests until the server's retry-after; a full window of clean answers grows it
// back by one. Cuts are spaced by a cooldown so one burst of 429s counts as one signal.

export interface LimiterOptions {
  /** The ceiling (the user's --concurrency). */
  max: number;
  /** Never go below this. */
  min?: number;
  /** Multiplicative cut on a rate-limit signal. */
  cutFactor?: number;
  /** Minimum time between two cuts. */
  cooldownMs?: number;
  now?: () => number;
}

export class AdaptiveLimiter {
  readonly max: number;
  private readonly min: number;
  private readonly cutFactor: number;
  private readonly cooldownMs: number;
  private readonly now: () => number;
  private window: number;
  private inFlight = 0;
  private pausedUntil = 0;
  private lastCut = -Infinity;
  private cleanSinceChange = 0;
  private waiters: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(opts: LimiterOptions) {
    this.max = Math.max(1, Math.floor(opts.max));
    this.min = Math.max(1, Math.min(this.max, opts.min ?? 1));
    this.cutFactor = opts.cutFactor ?? 0.75;
    this.cooldownMs = opts.cooldownMs ?? 1000;
    this.now = opts.now ?? Date.now;
    this.window = this.max;
  }

  get limit(): number { return this.window; }
  get active(): number { return this.inFlight; }

  /** Resolves when a slot is free and no rate-limit pause is in force. */
  acquire(): Promise<void> {
    if (this.canStart()) {
      this.inFlight++;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.waiters.push(() => { this.inFlight++; resolve(); });
      this.schedule();
    });
  }

  release(): void {
    this.inFlight--;
    this.drain();
  }

  onSuccess(): void {
    if (this.window < this.max && ++this.cleanSinceChange >= this.window) {
      this.window++;
      this.cleanSinceChange = 0;
      this.drain();
    }
  }

  /** A 429 or overload answer: pause until `retryAfterMs` and (once per cooldown) cut the window. */
  onRateLimit(retryAfterMs?: number): void {
    const t = this.now();
    if (retryAfterMs && retryAfterMs > 0) this.pausedUntil = Math.max(this.pausedUntil, t + Math.min(retryAfterMs, 120_000));
    if (t - this.lastCut >= Math.max(this.cooldownMs, retryAfterMs ?? 0)) {
      this.window = Math.max(this.min, Math.floor(this.window * this.cutFactor));
      this.lastCut = t;
      this.cleanSinceChange = 0;
    }
  }

  private canStart(): boolean {
    return this.inFlight < this.window && this.now() >= this.pausedUntil && this.waiters.length === 0;
  }

  private drain(): void {
    while (this.waiters.length > 0 && this.inFlight < this.window && this.now() >= this.pausedUntil) this.waiters.shift()!();
    this.schedule();
  }

  /** Wakes waiters when a pause ends (nothing else would). */
  private schedule(): void {
    if (this.timer || this.waiters.length === 0) return;
    const wait = this.pausedUntil - this.now();
    if (wait <= 0) return;
    this.timer = setTimeout(() => { this.timer = undefined; this.drain(); }, wait);
  }
}
