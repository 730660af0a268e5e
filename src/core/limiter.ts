// Adaptive concurrency and pacing per model, driven by 429s.
// - Concurrency window (AIMD): a rate-limit signal cuts it (once per cooldown), a full window of
//   clean answers grows it back by one.
// - Start-rate cap: when 429s are a large share of recent answers (a quota, not noise), the cap
//   is set just under the success rate the server actually allowed, then grows 10% per clean
//   half second. This is what settles a fast model under a requests-per-second quota, where
//   concurrency alone cannot (one connection at 5 ms latency already asks 200 times a second).
//   Sporadic 429s (a busy server) leave the pace alone: cutting on noise would spiral down.
// - 429s that look like a quota also pause every start until their retry-after.

export interface LimiterOptions {
  /** The ceiling (the user's --concurrency). */
  max: number;
  min?: number;
  /** Multiplicative cut of the window on a rate-limit signal. */
  cutFactor?: number;
  /** Minimum time between two cuts. */
  cooldownMs?: number;
  now?: () => number;
}

const RATE_WINDOW_MS = 2000;

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
  /** Starts per second allowed; Infinity until the server first says "too many". */
  private rate = Infinity;
  private nextStart = 0;
  private lastRateStep = 0;
  /** Timestamps of the last RATE_WINDOW_MS, oldest first, from `head` on. */
  private successTimes: number[] = [];
  private head = 0;
  private limitedTimes: number[] = [];
  private lastPaceCut = -Infinity;
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

  get limit(): number {
    return this.window;
  }
  get active(): number {
    return this.inFlight;
  }
  /** The current start-rate cap (requests per second), Infinity when unpaced. */
  get pace(): number {
    return this.rate;
  }

  /** Resolves when a slot is free, no pause is in force, and the pace allows a start. */
  acquire(): Promise<void> {
    if (this.waiters.length === 0 && this.canStart()) {
      this.start();
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.waiters.push(() => {
        this.start();
        resolve();
      });
      // drain, not just schedule: others may be queued while a start is already allowed, and a
      // queue with no timer and nothing in flight would never move again.
      this.drain();
    });
  }

  release(): void {
    this.inFlight--;
    this.drain();
  }

  onSuccess(): void {
    const t = this.now();
    this.successTimes.push(t);
    if (this.successTimes.length > 4096) this.trim(t);
    // Probe upward: +10% per clean half second.
    if (Number.isFinite(this.rate) && t - this.lastRateStep >= 500 && t - this.lastPaceCut >= 500) {
      this.rate *= 1.1;
      this.lastRateStep = t;
    }
    if (this.window < this.max && ++this.cleanSinceChange >= this.window) {
      this.window++;
      this.cleanSinceChange = 0;
    }
    this.drain();
  }

  /**
   * A 429 or overload answer. The failing request waits its own retry-after (the retry layer
   * does that); when 429s look like a quota, every start also pauses until then and the pace is
   * cut. The window is cut once per cooldown either way.
   */
  onRateLimit(retryAfterMs?: number): void {
    const t = this.now();
    this.limitedTimes.push(t);
    if (this.limitedTimes.length > 4096) this.limitedTimes = this.limitedTimes.filter((x) => x >= t - RATE_WINDOW_MS);
    if (t - this.lastCut >= this.cooldownMs) {
      this.window = Math.max(this.min, Math.floor(this.window * this.cutFactor));
      this.lastCut = t;
      this.cleanSinceChange = 0;
    }
    const ok = this.recentSuccessRate(t);
    const limited = this.limitedTimes.filter((x) => x >= t - RATE_WINDOW_MS).length;
    const okCount = this.successTimes.length - this.head;
    // A quota shows as many 429s and a large share of them; a few, or a small share, is noise
    // (pausing everyone for noise throws throughput away, and at low rates a handful of events
    // would otherwise spiral the pace down).
    if (limited < 5 || limited < 0.3 * (limited + okCount)) return;
    if (retryAfterMs && retryAfterMs > 0)
      this.pausedUntil = Math.max(this.pausedUntil, t + Math.min(retryAfterMs, 120_000));
    if (t - this.lastPaceCut < 250) return;
    this.lastPaceCut = t;
    // Pace just under what the server let through; with no measurement yet (the very first
    // answers were 429s), start from one start per second per slot of the window.
    const target = ok > 0 ? 0.9 * ok : this.window;
    this.rate = Math.max(
      1,
      Number.isFinite(this.rate) ? Math.min(this.rate * 0.9, Math.max(target, this.rate * 0.5)) : target,
    );
  }

  private trim(t: number): void {
    while (this.head < this.successTimes.length && this.successTimes[this.head]! < t - RATE_WINDOW_MS) this.head++;
    if (this.head > 1024) {
      this.successTimes = this.successTimes.slice(this.head);
      this.head = 0;
    }
  }

  /** Successes per second over the last RATE_WINDOW_MS (0 when too few to tell). */
  private recentSuccessRate(t: number): number {
    this.trim(t);
    const count = this.successTimes.length - this.head;
    if (count < 2) return 0;
    const span = Math.max(250, Math.min(RATE_WINDOW_MS, t - this.successTimes[this.head]!));
    return (count * 1000) / span;
  }

  private start(): void {
    this.inFlight++;
    if (Number.isFinite(this.rate)) this.nextStart = Math.max(this.now(), this.nextStart) + 1000 / this.rate;
  }

  private canStart(): boolean {
    const t = this.now();
    return this.inFlight < this.window && t >= this.pausedUntil && t >= this.nextStart;
  }

  private drain(): void {
    while (this.waiters.length > 0 && this.canStart()) this.waiters.shift()!();
    this.schedule();
  }

  /**
   * Wakes waiters when a pause or a pacing gap ends (nothing else would). Always at least 1 ms
   * ahead: the clock can tick between drain's check and this one, and a wait computed as ≤ 0
   * must not leave a queue with no timer and nothing in flight.
   */
  private schedule(): void {
    if (this.timer || this.waiters.length === 0 || this.inFlight >= this.window) return;
    const wait = Math.max(1, Math.ceil(Math.max(this.pausedUntil, this.nextStart) - this.now()));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.drain();
    }, wait);
  }
}
