// The runner: the only place where tasks and models meet. For each model it opens (or resumes)
// a run, streams items through a bounded pool, drives each episode turn by turn through the
// cache and the retry layer, and hands results to the batch writer.
import { setMaxListeners } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { Message, Turn, Verdict } from '../core/types.js';
import { Rng } from '../core/rng.js';
import { stableHash } from '../core/hash.js';
import { harnessVersion } from '../core/paths.js';
import { wrong } from '../core/verdict.js';
import { modalitiesOf, unsupportedReason, type Model, type ModelOptions, type ModelResponse, type Sampling } from '../models/types.js';
import { loadModel } from '../models/spec.js';
import type { Suite, SuiteTask } from '../suite/load.js';
import { itemIdOf, makeItem, itemRecord, taskIndices, type Item } from '../suite/expand.js';
import type { CacheEntry, ResultRecord, RunStatus, Store } from '../store/store.js';
import { AdaptiveLimiter } from './limiter.js';
import { DEFAULT_RETRY, asModelError, withRetries, type RetryPolicy } from './retry.js';
import { BatchWriter } from './writer.js';
import { inShard, isPartial, shardSize, type Shard } from './shard.js';
import { EpisodePool, canPool, openEpisode, type LiveEpisode } from './pool.js';
import { recordShard } from '../store/shards.js';
import { DEFAULT_REPLY_LIMITS, capText, type ReplyLimits } from './limits.js';
import { summarize, type RunSummary } from './summary.js';

export interface RunOptions {
  suite: Suite;
  /** Spec strings ('openai:gpt-4.1-mini') or ready Model objects (tests, library use). */
  models: (string | Model)[];
  store: Store;
  /** At most this many items per task (default: each task's n). */
  n?: number;
  /** Only these task ids. */
  tasks?: string[];
  /** Samples per item (repeats), default 1. */
  samples?: number;
  /** Concurrency ceiling per model (default: the provider's). */
  concurrency?: number;
  sampling?: Sampling;
  /** Answer identical requests from the response cache (default true). */
  cache?: boolean;
  retry?: Partial<RetryPolicy>;
  /** Start a new run instead of resuming the one with the same settings. */
  fresh?: boolean;
  modelOptions?: ModelOptions;
  onProgress?: (p: Progress) => void;
  /** Graceful stop (first Ctrl-C): nothing new starts; in-flight items finish and are saved. */
  stopSignal?: AbortSignal;
  /** Hard stop (second Ctrl-C): in-flight requests are aborted and not recorded. */
  abortSignal?: AbortSignal;
  /** Size limits of stored replies and transcripts (default DEFAULT_REPLY_LIMITS). */
  limits?: Partial<ReplyLimits>;
  /** The run's lease: heartbeat interval and the silence after which another process takes it over. */
  lease?: { heartbeatMs?: number; staleMs?: number };
  /** Only this part of the items (`--shard i/N`); see shard.ts. */
  shard?: Shard;
  /** Threads generating and verifying items for cacheable models (pool.ts); 0 or unset: this thread. */
  workers?: number;
}

/** One process writes a run: its lease is refreshed every 5 s and taken over after 30 s of silence. */
export const DEFAULT_LEASE = { heartbeatMs: 5_000, staleMs: 30_000 };

export interface Progress {
  modelSpec: string;
  total: number;
  done: number;
  /** Of `done`, the items an earlier invocation had finished. */
  skipped: number;
  correct: number;
  scored: number;
  errors: number;
  requests: number;
  cacheHits: number;
  startedAt: number;
  concurrency: number;
  /** Scored and correct per split, so ID and OOD are shown apart. */
  bySplit?: Partial<Record<'id' | 'ood' | 'train', { scored: number; correct: number }>>;
  /**
   * Model turns answered in this invocation as they arrive, and the turns and number of the episodes
   * finished: a multi-turn item finishes in a lump, turns arrive steadily, so the ETA counts turns.
   */
  turns?: number;
  episodeTurns?: number;
  episodes?: number;
}

export interface ModelRunResult {
  runId: string;
  modelSpec: string;
  resumed: boolean;
  status: RunStatus;
  /** Requests sent to the model in this invocation (retries included). */
  requests: number;
  cacheHits: number;
  /** Items skipped because an earlier invocation had finished them. */
  skipped: number;
  summary: RunSummary;
}

/** A failure that stops the whole run (bad key, unknown model, unreachable server). */
export class RunAbortedError extends Error {
  constructor(message: string, readonly kind: string) { super(message); this.name = 'RunAbortedError'; }
}

interface Work { task: SuiteTask; index: number; id: string; sample: number }

export async function run(opts: RunOptions): Promise<ModelRunResult[]> {
  const out: ModelRunResult[] = [];
  // Models run one after another: a local checkpoint is loaded once, and each model gets the
  // whole concurrency budget of its provider.
  for (const m of opts.models) {
    if (opts.stopSignal?.aborted || opts.abortSignal?.aborted) break;
    const model = typeof m === 'string' ? await loadModel(m, opts.modelOptions) : m;
    try {
      out.push(await runModel(model, opts));
    } finally {
      if (typeof m === 'string') await model.close?.();
    }
  }
  return out;
}

export function runIdFor(model: Model, opts: Pick<RunOptions, 'suite' | 'n' | 'tasks' | 'samples' | 'sampling' | 'shard'>, nonce?: string): string {
  return stableHash({
    model: model.identity, spec: model.spec, suite: opts.suite.hash, n: opts.n ?? null, tasks: opts.tasks ?? null,
    samples: opts.samples ?? 1, sampling: opts.sampling ?? {}, nonce: nonce ?? null,
    // Only partial shards add a key, so unsharded runs keep the ids they always had.
    ...(isPartial(opts.shard) ? { shard: [opts.shard.index, opts.shard.count] } : {}),
  }, 16);
}

/** The tasks to run: training tasks are for `bench generate --split train`, not for scoring, unless named. */
function selectedTasks(opts: RunOptions): SuiteTask[] {
  if (!opts.tasks?.length) return opts.suite.tasks.filter((t) => t.split !== 'train');
  const known = new Set(opts.suite.tasks.map((t) => t.id));
  const missing = opts.tasks.filter((t) => !known.has(t));
  if (missing.length) throw new RunAbortedError(`suite '${opts.suite.name}' has no task ${missing.map((t) => `'${t}'`).join(', ')}; its tasks: ${[...known].join(', ')}`, 'config');
  return opts.suite.tasks.filter((t) => opts.tasks!.includes(t.id));
}

async function runModel(model: Model, opts: RunOptions): Promise<ModelRunResult> {
  const { store } = opts;
  const samples = Math.max(1, opts.samples ?? 1);
  const sampling = opts.sampling ?? {};
  const tasks = selectedTasks(opts);
  // Issue 17: a task counts its distinct problems (fewer when its region runs out).
  const countOf = (t: SuiteTask) => taskIndices(t, Math.min(t.n, opts.n ?? t.n)).length;
  // [shard] a shard plans only its part of the items.
  // [modalities] Tasks the model cannot read (image prompts for a text-only model) are recorded as
  // unsupported: not asked, not retried on resume, not planned.
  const unsupported = new Map<string, string>();
  for (const t of tasks) {
    const reason = countOf(t) > 0 ? unsupportedReason(model, modalitiesOf(makeItem(t, 0, '', itemIdOf(t, 0)).problem.messages)) : undefined;
    if (reason) unsupported.set(t.id, reason);
  }
  // [shard] a shard plans only its part of the items.
  const planned = shardSize(tasks.reduce((s, t) => s + (unsupported.has(t.id) ? 0 : countOf(t)), 0), opts.shard) * samples;
  const nonce = opts.fresh ? `${Date.now()}-${process.pid}` : undefined;
  const runId = runIdFor(model, opts, nonce);
  const limits: ReplyLimits = {
    replyChars: opts.limits?.replyChars ?? DEFAULT_REPLY_LIMITS.replyChars,
    transcriptChars: opts.limits?.transcriptChars ?? DEFAULT_REPLY_LIMITS.transcriptChars,
  };
  const lease = { heartbeatMs: opts.lease?.heartbeatMs ?? DEFAULT_LEASE.heartbeatMs, staleMs: opts.lease?.staleMs ?? DEFAULT_LEASE.staleMs };
  // One writer per run: a second process on the same run would ask every item again.
  const leaseOwner = `${process.pid}:${randomUUID()}`;
  const holder = store.acquireLease(runId, leaseOwner, lease.staleMs);
  if (holder) {
    throw new RunAbortedError(`run ${runId} of ${model.spec} is being written by process ${holder.pid} on ${holder.host} (last heartbeat ${Math.round(holder.ageMs / 1000)} s ago): `
      + `wait for it to end or stop it (a lease silent for ${Math.round(lease.staleMs / 1000)} s is taken over), or pass --fresh for a separate run`, 'busy');
  }
  try {
    return await runLeased(model, opts, { runId, nonce, planned, tasks, countOf, unsupported, samples, sampling, limits, leaseOwner, lease });
  } finally {
    try { store.releaseLease(runId, leaseOwner); } catch { /* the store failed; the lease goes stale */ }
  }
}

interface RunPlan {
  runId: string; nonce?: string; planned: number; tasks: SuiteTask[]; countOf: (t: SuiteTask) => number; unsupported: Map<string, string>; samples: number; sampling: Sampling;
  limits: ReplyLimits; leaseOwner: string; lease: typeof DEFAULT_LEASE;
}

async function runLeased(model: Model, opts: RunOptions, plan: RunPlan): Promise<ModelRunResult> {
  const { store, suite } = opts;
  const { runId, nonce, planned, tasks, countOf, unsupported, samples, sampling, limits } = plan;
  const { resumed } = store.beginRun({
    id: runId, modelSpec: model.spec, modelIdentity: model.identity, suiteName: suite.name, suiteVersion: suite.version,
    suiteHash: suite.hash, harnessVersion: harnessVersion(), sampling, samples, planned,
    generatorVersions: Object.fromEntries(tasks.map((t) => [t.generator.name, t.generator.version])),
    tasks: tasks.map((t) => ({ task: t.id, generator: t.generator.name, family: t.family, split: t.split, axis: t.axis, params: t.params, seed: t.seed, n: countOf(t), unsupported: unsupported.get(t.id) })),
  });
  if (isPartial(opts.shard)) recordShard(store, runId, opts.shard, runIdFor(model, { ...opts, shard: undefined }, nonce)); // [shard]
  const finished = store.finishedKeys(runId);
  const concurrency = Math.max(1, Math.floor(opts.concurrency ?? model.defaultConcurrency));
  const limiter = new AdaptiveLimiter({ max: concurrency });
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...opts.retry };
  const writer = new BatchWriter(store);
  const useCache = (opts.cache ?? true) && model.cacheable;
  const jitter = Rng.fromKey(`retry-jitter:${runId}`);

  const progress: Progress = {
    modelSpec: model.spec, total: planned, done: 0, skipped: 0, correct: 0, scored: 0, errors: 0, requests: 0, cacheHits: 0,
    startedAt: Date.now(), concurrency, bySplit: {}, turns: 0, episodeTurns: 0, episodes: 0,
  };
  let successes = 0;
  let fatal: RunAbortedError | undefined;
  const hardAbort = opts.abortSignal;
  let leaseLost = false;
  const heartbeat = setInterval(() => {
    try {
      if (store.renewLease(runId, plan.leaseOwner)) return;
      leaseLost = true;
      fatal ??= new RunAbortedError(`run ${runId} of ${model.spec}: another process took over its lease (this one was silent for over ${Math.round(plan.lease.staleMs / 1000)} s): stopping`, 'busy');
    } catch { /* a store failure surfaces through the writer */ }
  }, plan.lease.heartbeatMs);
  heartbeat.unref();
  // Every request in flight links to this one signal; the default cap of 10 would warn.
  if (hardAbort) setMaxListeners(0, hardAbort);

  // Lazily yields the work still to do; finished (item, sample) pairs are skipped without even
  // generating the problem, so resuming a large run is cheap.
  function* pending(): Generator<Work> {
    let position = 0; // [shard] the item's place in the run's item order
    for (const task of tasks) {
      if (unsupported.has(task.id)) continue; // [modalities]
      // Issue 17: distinct problems only; duplicate indices are skipped, ids unchanged.
      for (const index of taskIndices(task, Math.min(task.n, opts.n ?? task.n))) {
        if (!inShard(position++, opts.shard)) continue;
        const id = itemIdOf(task, index);
        for (let sample = 0; sample < samples; sample++) {
          if (finished.has(`${id}#${sample}`)) { progress.skipped++; progress.done++; continue; }
          yield { task, index, id, sample };
        }
      }
    }
  }
  const queue = pending();
  const itemCache = new Map<string, Item>(); // the problem, shared by the samples of one item
  const savedItems = new Set<string>();

  const itemFor = (w: Work): Item => {
    let item = itemCache.get(w.id);
    if (!item) {
      item = makeItem(w.task, w.index, '', w.id);
      if (samples > 1) itemCache.set(w.id, item);
    }
    if (!savedItems.has(w.id)) { savedItems.add(w.id); writer.addItem(itemRecord(item)); }
    if (w.sample === samples - 1) itemCache.delete(w.id);
    return item;
  };

  const ask = async (messages: Message[], sampleIndex: number, turnIndex: number, rng: Rng, turn: { reference?: string; randomAnswer?: (r: Rng) => string }) => {
    // The turn index is part of the key: a closed loop without history can show the same prompt
    // twice (after a blocked move), and a sampled model must get a fresh answer, not a replay.
    const key = useCache ? stableHash({ m: model.identity, s: sampling, msgs: messages, i: sampleIndex, t: turnIndex }) : '';
    if (useCache) {
      const hit = store.cacheGet(key);
      if (hit) {
        progress.cacheHits++;
        const { replyCutChars, ...usage } = (hit.usage ?? {}) as ModelResponse['usage'] & { replyCutChars?: number };
        return { response: { text: hit.text, usage }, cut: replyCutChars ?? 0, latencyMs: 0, cached: true, cacheEntry: undefined };
      }
    }
    const t0 = performance.now();
    // A signal per request, linked to the run's hard stop and unlinked afterwards: SDKs add
    // listeners to the signal they get and never remove them, which would pile up on a shared one.
    const request = new AbortController();
    const onAbort = () => request.abort(hardAbort?.reason);
    hardAbort?.addEventListener('abort', onAbort, { once: true });
    const { value } = await withRetries(() => {
      progress.requests++;
      return model.generate({ messages, sampling, sampleIndex, rng, reference: turn.reference, randomAnswer: turn.randomAnswer, signal: request.signal });
    }, {
      limiter, policy, random: () => jitter.next(), signal: hardAbort,
      // Before the first success, a refused connection means a wrong URL or a server that is
      // not up: say so within a second instead of backing off for a minute.
      // A server that accepts and never answers gets the same treatment after two timeouts.
      giveUp: (err, attempt) => successes === 0 && attempt >= 2
        && (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|connection refused/i.test(err.message) || err.kind === 'timeout'),
    }).finally(() => hardAbort?.removeEventListener('abort', onAbort));
    successes++;
    // Cut before anything else sees the reply: the verifier, the cache and the store get the same text.
    const raw = typeof value.text === 'string' ? value.text : '';
    const { text, cut } = capText(raw, limits.replyChars);
    const response: ModelResponse = { ...value, text };
    const cacheEntry: CacheEntry | undefined = useCache ? { key, text, usage: cut ? { ...value.usage, replyCutChars: cut } : value.usage } : undefined;
    return { response, cut, latencyMs: performance.now() - t0, cached: false, cacheEntry };
  };

  const runEpisode = async (w: Work & { live?: LiveEpisode }): Promise<void> => {
    // [pool] an episode opened in a worker thread, or here (the same code, see pool.ts)
    const episode = w.live ?? openEpisode(itemFor(w).problem);
    const replies: string[] = []; // the transcript, cut to limits.transcriptChars
    let transcriptLeft = limits.transcriptChars, transcriptCut = 0, replyCut = 0, last = '';
    let turn: Turn = episode.first;
    let verdict: Verdict | undefined;
    let latencyMs = 0, inputTokens = 0, outputTokens = 0, allCached = true;
    const metricSums = new Map<string, { sum: number; n: number }>();
    const result: ResultRecord = {
      runId, itemId: w.id, sample: w.sample, task: w.task.id, status: 'ok', turns: 0, cached: false, verifierVersion: w.task.generator.verifierVersion,
    };
    try {
      for (let t = 1; !verdict; t++) {
        if (t > 200) { verdict = wrong('the episode did not end within 200 turns', false); break; }
        const rng = Rng.forItem(w.id, w.sample, `turn:${t}`);
        const answer = await ask(turn.messages, w.sample, t, rng, turn);
        const text = answer.response.text;
        last = text;
        replyCut += answer.cut;
        const kept = capText(text, transcriptLeft);
        transcriptLeft -= kept.text.length;
        transcriptCut += kept.cut;
        replies.push(kept.text);
        progress.turns!++;
        latencyMs += answer.latencyMs;
        inputTokens += answer.response.usage?.inputTokens ?? 0;
        outputTokens += answer.response.usage?.outputTokens ?? 0;
        allCached &&= answer.cached;
        for (const [k, v] of Object.entries(answer.response.metrics ?? {})) {
          if (!Number.isFinite(v)) continue;
          const m = metricSums.get(k) ?? { sum: 0, n: 0 };
          m.sum += v;
          m.n++;
          metricSums.set(k, m);
        }
        // Committed with the next batch, before the episode ends: a kill mid-episode then
        // replays this turn from the cache instead of asking again.
        if (answer.cacheEntry) writer.addCache(answer.cacheEntry);
        const step = await episode.step(text);
        if (step.done) verdict = step.verdict;
        else turn = step.turn;
      }
      const cutChars = replyCut + (replies.length > 1 ? transcriptCut : 0);
      Object.assign(result, {
        cutChars: cutChars || undefined,
        output: last, verdict: replies.length > 1 ? { ...verdict, details: { ...verdict.details, transcript: replies } } : verdict,
        turns: replies.length, latencyMs, inputTokens: inputTokens || undefined, outputTokens: outputTokens || undefined, cached: allCached,
        metrics: metricSums.size ? Object.fromEntries([...metricSums].map(([k, m]) => [k, m.sum / m.n])) : undefined,
      });
      progress.scored++;
      if (verdict.correct) progress.correct++;
      const split = (progress.bySplit![w.task.split] ??= { scored: 0, correct: 0 });
      split.scored++;
      if (verdict.correct) split.correct++;
    } catch (err) {
      if (hardAbort?.aborted) return; // in flight at a hard stop: not recorded, asked again on resume
      const e = asModelError(err);
      if (e.fatal || (successes === 0 && e.retryable)) {
        // A bad key or model name fails every item the same way; an unreachable server too when
        // nothing has succeeded yet. Stop instead of filling the table with identical errors.
        fatal ??= new RunAbortedError(`${model.spec}: ${e.message}`, e.kind);
        return;
      }
      Object.assign(result, { status: 'error', errorKind: e.kind, errorMessage: e.message.slice(0, 2000), turns: replies.length });
      progress.errors++;
    }
    // Acknowledged once committed: the worker takes its next item only then.
    await writer.addResult(result);
    progress.done++;
    progress.episodeTurns! += replies.length;
    progress.episodes!++;
    opts.onProgress?.(progress);
  };

  // [pool] generation and verification in worker threads, started ahead in the runner's order
  const poolSize = model.cacheable && canPool(tasks) ? (opts.workers ?? 0) : 0;
  const pool = poolSize > 0
    ? new EpisodePool(tasks, queue, { size: poolSize, lookahead: Math.max(64, concurrency * 4), onItem: (r) => writer.addItem(r) })
    : undefined;
  const workers = Array.from({ length: Math.max(1, concurrency * 2) }, async () => {
    for (;;) {
      if (fatal || opts.stopSignal?.aborted || hardAbort?.aborted) return;
      writer.check();
      const next = pool ? await pool.next() : queue.next();
      if (next.done) return;
      await runEpisode(next.value);
    }
  });

  let status: RunStatus = 'done';
  try {
    await Promise.all(workers).finally(() => clearInterval(heartbeat));
    writer.flush();
    if (fatal) status = 'failed';
    else if (opts.stopSignal?.aborted || hardAbort?.aborted) status = 'interrupted';
  } catch (err) {
    status = 'failed';
    await pool?.close();
    try { writer.flush(); } catch { /* the store itself failed; report the first error */ }
    store.endRun(runId, status);
    throw err;
  }
  await pool?.close();
  // The run's status belongs to whoever holds its lease.
  if (!leaseLost) store.endRun(runId, status);
  opts.onProgress?.(progress);
  if (fatal) throw fatal;
  return { runId, modelSpec: model.spec, resumed, status, requests: progress.requests, cacheHits: progress.cacheHits, skipped: progress.skipped, summary: summarize(store, runId) };
}

