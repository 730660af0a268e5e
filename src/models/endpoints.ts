// One model served by several replicas ('openai-compatible:<model>@<url1>,<url2>,…', e.g. one vLLM
// per GPU node). Each replica has its own adaptive limiter; a request goes to the replica with the
// shortest expected wait ((in flight + 1) × its recent latency), so a slow replica gets less work.
// A replica that fails (5xx, dropped connection, timeout, 429) is taken out for a cooldown that
// doubles while it keeps failing, and the request moves at once to another replica: only requests
// that were in flight on the failing replica are asked again. After the cooldown one probe request
// at a time goes there until it answers.
import { AdaptiveLimiter } from '../core/limiter.js';
import { ModelError, type Model, type ModelRequest, type ModelResponse } from './types.js';

export interface ReplicaOptions {
  /** Concurrency ceiling of each replica (default: the replica model's own default). */
  perReplicaConcurrency?: number;
  /** First cooldown after a failure; doubles per consecutive failure up to maxCooldownMs. */
  cooldownMs?: number;
  maxCooldownMs?: number;
  now?: () => number;
}

export interface ReplicaStats {
  url: string;
  requests: number;
  failures: number;
  inFlight: number;
  latencyMs: number;
  down: boolean;
}

interface Replica {
  url: string;
  model: Model;
  limiter: AdaptiveLimiter;
  requests: number;
  failures: number;
  consecutiveFailures: number;
  downUntil: number;
  /** Exponentially weighted latency of successful answers (ms); 0 until the first one. */
  latencyMs: number;
  /** Start times of the requests in flight: a replica that hangs shows here before any answer does. */
  started: Set<number>;
}

export class ReplicatedModel implements Model {
  readonly spec: string;
  readonly identity: string;
  readonly cacheable: boolean;
  readonly defaultConcurrency: number;
  private readonly replicas: Replica[];
  private readonly cooldownMs: number;
  private readonly maxCooldownMs: number;
  private readonly now: () => number;
  private waiters: (() => void)[] = [];
  private turn = 0;
  private nextToken = 0;
  private readonly startTimes = new Map<number, number>();

  constructor(spec: string, identity: string, members: { url: string; model: Model }[], opts: ReplicaOptions = {}) {
    if (members.length < 2) throw new ModelError('config', `${spec}: a replicated model needs at least two base URLs`);
    this.spec = spec;
    // Which replica answered does not change what the answer means: the identity names them all.
    this.identity = identity;
    this.cacheable = members.every((m) => m.model.cacheable);
    this.now = opts.now ?? Date.now;
    this.cooldownMs = opts.cooldownMs ?? 1000;
    this.maxCooldownMs = opts.maxCooldownMs ?? 30_000;
    this.replicas = members.map(({ url, model }) => ({
      url,
      model,
      limiter: new AdaptiveLimiter({ max: opts.perReplicaConcurrency ?? model.defaultConcurrency, now: this.now }),
      requests: 0,
      failures: 0,
      consecutiveFailures: 0,
      downUntil: 0,
      latencyMs: 0,
      started: new Set<number>(),
    }));
    this.defaultConcurrency = this.replicas.reduce((s, r) => s + r.limiter.max, 0);
  }

  stats(): ReplicaStats[] {
    const t = this.now();
    return this.replicas.map((r) => ({
      url: r.url,
      requests: r.requests,
      failures: r.failures,
      inFlight: r.limiter.active,
      latencyMs: r.latencyMs,
      down: r.downUntil > t,
    }));
  }

  async generate(req: ModelRequest): Promise<ModelResponse> {
    let last: ModelError | undefined;
    const tried = new Set<Replica>();
    // Each replica at most once per call; when all failed, the runner's retry layer backs off.
    while (tried.size < this.replicas.length) {
      const r = await this.pick(tried, req.signal);
      tried.add(r);
      r.requests++;
      const t0 = this.now();
      const token = this.nextToken++;
      r.started.add(token);
      this.startTimes.set(token, t0);
      try {
        const out = await r.model.generate(req);
        r.limiter.onSuccess();
        const ms = Math.max(1, this.now() - t0);
        r.latencyMs = r.latencyMs ? 0.8 * r.latencyMs + 0.2 * ms : ms;
        r.consecutiveFailures = 0;
        r.downUntil = 0;
        return out;
      } catch (err) {
        const e =
          err instanceof ModelError
            ? err
            : new ModelError('transient', (err as Error)?.message ?? String(err), { cause: err });
        if (req.signal?.aborted || !e.retryable) throw e;
        r.failures++;
        if (e.kind === 'rate_limit') r.limiter.onRateLimit(e.options.retryAfterMs);
        r.consecutiveFailures++;
        const cooldown =
          e.kind === 'rate_limit' && e.options.retryAfterMs !== undefined
            ? e.options.retryAfterMs
            : Math.min(this.maxCooldownMs, this.cooldownMs * 2 ** (r.consecutiveFailures - 1));
        r.downUntil = Math.max(r.downUntil, this.now() + cooldown);
        last = new ModelError(e.kind, `${e.message} [replica ${r.url}]`, e.options);
      } finally {
        r.started.delete(token);
        this.startTimes.delete(token);
        r.limiter.release();
        this.wake();
      }
    }
    throw last ?? new ModelError('transient', `${this.spec}: no replica answered`);
  }

  async close(): Promise<void> {
    await Promise.all(this.replicas.map((r) => r.model.close?.()));
  }

  /** The replica with the shortest expected wait among those up, not yet tried, with a free slot. */
  private async pick(tried: Set<Replica>, signal?: AbortSignal): Promise<Replica> {
    for (;;) {
      if (signal?.aborted) throw signal.reason ?? new ModelError('timeout', 'request aborted');
      const t = this.now();
      const open = this.replicas.filter((r) => !tried.has(r));
      const up = open.filter((r) => r.downUntil <= t);
      // All down: the one back soonest is the best bet rather than failing the item.
      const pool = up.length ? up : [open.reduce((a, b) => (a.downUntil <= b.downUntil ? a : b))];
      // A replica back from a failure gets one probe at a time until it answers.
      const free = pool.filter(
        (r) =>
          r.limiter.active < (r.consecutiveFailures ? 1 : r.limiter.limit) && (up.length || r.limiter.active === 0),
      );
      if (free.length) {
        const typical = median(this.replicas.map((r) => r.latencyMs).filter((x) => x > 0)) || 1;
        // Expected wait: queue length × latency, where a request stuck longer than the usual
        // latency counts as the latency now (a replica that slows or hangs is left early).
        const latency = (r: Replica) => {
          let oldest = t;
          for (const k of r.started) oldest = Math.min(oldest, this.startTimes.get(k) ?? t);
          return Math.max(r.latencyMs || typical, t - oldest);
        };
        const cost = (r: Replica) => (r.limiter.active + 1) * latency(r);
        // Rotating the scan start spreads ties (equal replicas, the first requests) evenly.
        this.turn = (this.turn + 1) % free.length;
        let best = free[this.turn]!;
        for (const r of free) if (cost(r) < cost(best)) best = r;
        await best.limiter.acquire();
        return best;
      }
      const wakeAt = up.length ? Infinity : Math.min(...open.map((r) => r.downUntil));
      await this.waitForChange(Math.max(5, Math.min(1000, wakeAt - t)));
    }
  }

  private waitForChange(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.waiters.push(done);
    });
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
}

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
