// One episode, turn by turn: each turn is asked through the cache and the retry layer, its reply
// cut to the limits, and the finished episode handed to the batch writer as one result.
import type { Message, Turn, Verdict } from '../core/types.js';
import { Rng } from '../core/rng.js';
import { stableHash } from '../core/hash.js';
import { wrong } from '../core/verdict.js';
import type { ModelResponse } from '../models/types.js';
import { makeItem, itemRecord, type Item } from '../suite/expand.js';
import type { CacheEntry, ResultRecord } from '../store/store.js';
import { asModelError, withRetries } from './retry.js';
import { openEpisode, type LiveEpisode } from './pool.js';
import { capText } from './limits.js';
import { RunAbortedError, type Work } from './options.js';
import type { RunState } from './state.js';

/** The problem of each item, generated once for all its samples and stored once per run invocation. */
export class ItemSource {
  private readonly cache = new Map<string, Item>(); // the problem, shared by the samples of one item
  private readonly saved = new Set<string>();

  constructor(private readonly state: RunState) {}

  itemFor(w: Work): Item {
    const { samples } = this.state.plan;
    let item = this.cache.get(w.id);
    if (!item) {
      item = makeItem(w.task, w.index, '', w.id);
      if (samples > 1) this.cache.set(w.id, item);
    }
    if (!this.saved.has(w.id)) {
      this.saved.add(w.id);
      this.state.writer.addItem(itemRecord(item));
    }
    if (w.sample === samples - 1) this.cache.delete(w.id);
    return item;
  }
}

export interface Answer {
  response: ModelResponse;
  cut: number;
  latencyMs: number;
  cached: boolean;
  cacheEntry: CacheEntry | undefined;
}

/** One turn's answer: from the cache, or from the model through the limiter and retries, cut to the reply limit. */
export async function askModel(
  state: RunState,
  messages: Message[],
  sampleIndex: number,
  turnIndex: number,
  rng: Rng,
  turn: { reference?: string; randomAnswer?: (r: Rng) => string },
): Promise<Answer> {
  const { model, store, useCache, progress, hardAbort } = state;
  const { sampling, limits } = state.plan;
  // The turn index is part of the key: a closed loop without history can show the same prompt
  // twice (after a blocked move), and a sampled model must get a fresh answer, not a replay.
  const key = useCache
    ? stableHash({ m: model.identity, s: sampling, msgs: messages, i: sampleIndex, t: turnIndex })
    : '';
  if (useCache) {
    const hit = store.cacheGet(key);
    if (hit) {
      progress.cacheHits++;
      const { replyCutChars, ...usage } = (hit.usage ?? {}) as ModelResponse['usage'] & { replyCutChars?: number };
      return {
        response: { text: hit.text, usage },
        cut: replyCutChars ?? 0,
        latencyMs: 0,
        cached: true,
        cacheEntry: undefined,
      };
    }
  }
  const t0 = performance.now();
  // A signal per request, linked to the run's hard stop and unlinked afterwards: SDKs add
  // listeners to the signal they get and never remove them, which would pile up on a shared one.
  const request = new AbortController();
  const onAbort = () => request.abort(hardAbort?.reason);
  hardAbort?.addEventListener('abort', onAbort, { once: true });
  const { value } = await withRetries(
    () => {
      progress.requests++;
      return model.generate({
        messages,
        sampling,
        sampleIndex,
        rng,
        reference: turn.reference,
        randomAnswer: turn.randomAnswer,
        signal: request.signal,
      });
    },
    {
      limiter: state.limiter,
      policy: state.policy,
      random: () => state.jitter.next(),
      signal: hardAbort,
      // Before the first success, a refused connection means a wrong URL or a server that is
      // not up: say so within a second instead of backing off for a minute.
      // A server that accepts and never answers gets the same treatment after two timeouts.
      giveUp: (err, attempt) =>
        state.successes === 0 &&
        attempt >= 2 &&
        (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|connection refused/i.test(err.message) || err.kind === 'timeout'),
    },
  ).finally(() => hardAbort?.removeEventListener('abort', onAbort));
  state.successes++;
  // Cut before anything else sees the reply: the verifier, the cache and the store get the same text.
  const raw = typeof value.text === 'string' ? value.text : '';
  const { text, cut } = capText(raw, limits.replyChars);
  const response: ModelResponse = { ...value, text };
  const cacheEntry: CacheEntry | undefined = useCache
    ? { key, text, usage: cut ? { ...value.usage, replyCutChars: cut } : value.usage }
    : undefined;
  return { response, cut, latencyMs: performance.now() - t0, cached: false, cacheEntry };
}

/**
 * What an episode's turns add up to: the transcript cut to its limit, the cut characters,
 * latency, tokens and mean metrics, turned into the result's fields once the verdict is in.
 */
class EpisodeTally {
  readonly replies: string[] = []; // the transcript, cut to limits.transcriptChars
  private transcriptLeft: number;
  private transcriptCut = 0;
  private replyCut = 0;
  private last = '';
  private latencyMs = 0;
  private inputTokens = 0;
  private outputTokens = 0;
  private allCached = true;
  private readonly metricSums = new Map<string, { sum: number; n: number }>();

  constructor(transcriptChars: number) {
    this.transcriptLeft = transcriptChars;
  }

  add(answer: Answer): void {
    const text = answer.response.text;
    this.last = text;
    this.replyCut += answer.cut;
    const kept = capText(text, this.transcriptLeft);
    this.transcriptLeft -= kept.text.length;
    this.transcriptCut += kept.cut;
    this.replies.push(kept.text);
    this.latencyMs += answer.latencyMs;
    this.inputTokens += answer.response.usage?.inputTokens ?? 0;
    this.outputTokens += answer.response.usage?.outputTokens ?? 0;
    this.allCached &&= answer.cached;
    for (const [k, v] of Object.entries(answer.response.metrics ?? {})) {
      if (!Number.isFinite(v)) continue;
      const m = this.metricSums.get(k) ?? { sum: 0, n: 0 };
      m.sum += v;
      m.n++;
      this.metricSums.set(k, m);
    }
  }

  /** The result's fields for a finished episode; a multi-turn verdict carries the transcript. */
  fields(verdict: Verdict): Partial<ResultRecord> {
    const { replies, metricSums } = this;
    const cutChars = this.replyCut + (replies.length > 1 ? this.transcriptCut : 0);
    return {
      cutChars: cutChars || undefined,
      output: this.last,
      verdict: replies.length > 1 ? { ...verdict, details: { ...verdict.details, transcript: replies } } : verdict,
      turns: replies.length,
      latencyMs: this.latencyMs,
      inputTokens: this.inputTokens || undefined,
      outputTokens: this.outputTokens || undefined,
      cached: this.allCached,
      metrics: metricSums.size ? Object.fromEntries([...metricSums].map(([k, m]) => [k, m.sum / m.n])) : undefined,
    };
  }
}

/**
 * Runs one (item, sample) to its verdict and records it; an error is recorded as the item's
 * result unless it stops the whole run (state.fatal) or came with a hard stop (not recorded).
 */
export async function runEpisode(state: RunState, items: ItemSource, w: Work & { live?: LiveEpisode }): Promise<void> {
  const { model, writer, progress, hardAbort } = state;
  const { runId, limits } = state.plan;
  // An episode opened in a worker thread, or here (the same code, see pool.ts)
  const episode = w.live ?? openEpisode(items.itemFor(w).problem);
  const tally = new EpisodeTally(limits.transcriptChars);
  let turn: Turn = episode.first;
  let verdict: Verdict | undefined;
  const result: ResultRecord = {
    runId,
    itemId: w.id,
    sample: w.sample,
    task: w.task.id,
    status: 'ok',
    turns: 0,
    cached: false,
    verifierVersion: w.task.generator.verifierVersion,
  };
  try {
    for (let t = 1; !verdict; t++) {
      if (t > 200) {
        verdict = wrong('the episode did not end within 200 turns', false);
        break;
      }
      const rng = Rng.forItem(w.id, w.sample, `turn:${t}`);
      const answer = await askModel(state, turn.messages, w.sample, t, rng, turn);
      tally.add(answer);
      progress.turns!++;
      // Committed with the next batch, before the episode ends: a kill mid-episode then
      // replays this turn from the cache instead of asking again.
      if (answer.cacheEntry) writer.addCache(answer.cacheEntry);
      const step = await episode.step(answer.response.text);
      if (step.done) verdict = step.verdict;
      else turn = step.turn;
    }
    Object.assign(result, tally.fields(verdict));
    progress.scored++;
    if (verdict.correct) progress.correct++;
    const split = (progress.bySplit![w.task.split] ??= { scored: 0, correct: 0 });
    split.scored++;
    if (verdict.correct) split.correct++;
  } catch (err) {
    if (hardAbort?.aborted) return; // in flight at a hard stop: not recorded, asked again on resume
    const e = asModelError(err);
    if (e.fatal || (state.successes === 0 && e.retryable)) {
      // A bad key or model name fails every item the same way; an unreachable server too when
      // nothing has succeeded yet. Stop instead of filling the table with identical errors.
      state.fatal ??= new RunAbortedError(`${model.spec}: ${e.message}`, e.kind);
      return;
    }
    Object.assign(result, {
      status: 'error',
      errorKind: e.kind,
      errorMessage: e.message.slice(0, 2000),
      turns: tally.replies.length,
    });
    progress.errors++;
  }
  // Acknowledged once committed: the worker takes its next item only then.
  await writer.addResult(result);
  progress.done++;
  progress.episodeTurns! += tally.replies.length;
  progress.episodes!++;
  state.opts.onProgress?.(progress);
}
