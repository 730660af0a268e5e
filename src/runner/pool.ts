// Generation and verification off the main thread. Generators and verifiers are CPU work that
// otherwise shares the one event loop with request handling; here a pool of worker threads makes
// each item (and keeps its episode: Problem closures cannot cross threads), the runner only sends
// the model's replies and gets back the next turn or the verdict. Items are started ahead, in the
// runner's order, so requests begin while later items are still being generated.
//
// Results are unchanged by construction: worker and main thread run the same code (makeItem,
// openEpisode below) on the same (task, index), and everything that crosses is plain data.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { availableParallelism } from 'node:os';
import { episodeOf, type Message, type Problem, type Turn, type Verdict } from '../core/types.js';
import { safeVerify, wrong } from '../core/verdict.js';
import type { ItemRecord } from '../store/store.js';
import type { SuiteTask } from '../suite/load.js';
import { isPlugin, registry } from '../../generators/index.js';

/** What the runner drives: the first turn, then one step per reply. */
export interface LiveEpisode {
  first: Turn;
  step(reply: string): StepResult | Promise<StepResult>;
}
export type StepResult = { done: true; verdict: Verdict } | { done: false; turn: Turn };

/** One episode of a problem, with the runner's rules: a throwing step or verifier is a wrong answer. */
export function openEpisode(problem: Problem): LiveEpisode {
  const episode = episodeOf(problem);
  return {
    first: episode.start(),
    step(text: string): StepResult {
      let step;
      try {
        step = episode.step(text);
      } catch (err) {
        step = { done: true as const, verdict: wrong(`verifier error: ${(err as Error).message}`, false) };
      }
      if (step.done) {
        const verdict = step.verdict;
        return { done: true, verdict: safeVerify(() => verdict, text) };
      }
      return { done: false, turn: step };
    },
  };
}

/** A work unit as the runner plans it. */
export interface PoolWork {
  task: SuiteTask;
  index: number;
  id: string;
  sample: number;
}

/** Threads for generation and verification: the CPUs left after the main thread (at least one). */
export const defaultPoolSize = (): number => Math.max(1, availableParallelism() - 1);

/** Only built-in generators can be rebuilt in a worker (it looks them up by name); plug-ins stay in this thread. */
export const canPool = (tasks: readonly SuiteTask[]): boolean =>
  tasks.every((t) => registry.get(t.generator.name) === t.generator && !isPlugin(t.generator.name));

// Messages between the pool and its workers. A task travels as plain data, its generator by name.
export interface WorkerTask {
  generator: string;
  params: unknown;
  seed: number | string;
  split: SuiteTask['split'];
  family: string;
  axis: string;
  role: SuiteTask['role'];
  id: string;
  n: number;
}
export type ToWorker =
  | { kind: 'open'; key: number; task: number; index: number; id: string; sample: number; record: boolean }
  | { kind: 'step'; key: number; reply: string };
export type FromWorker =
  | { kind: 'opened'; key: number; first: { messages: Message[]; reference?: string }; record?: ItemRecord }
  | { kind: 'stepped'; key: number; result: StepResult }
  | { kind: 'failed'; key: number; message: string };

/**
 * From dist the compiled worker runs as is. From source (vitest, tsx) the thread registers tsx's
 * loader first: a loader flag in the worker's execArgv is not applied on Node 20.
 */
function startWorker(workerData: unknown): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./pool-worker.js', import.meta.url), { workerData });
  // The ESM build of tsx's API (require.resolve finds the CommonJS one, which cannot register here).
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const file = new URL('./pool-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(file)}); })`;
  return new Worker(boot, { eval: true, workerData });
}

interface Pending {
  resolve: (m: FromWorker) => void;
  reject: (e: Error) => void;
}

class PoolWorker {
  readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private failure: Error | undefined;
  load = 0;

  constructor(tasks: WorkerTask[]) {
    this.worker = startWorker({ tasks });
    this.worker.unref(); // never keeps the process alive; close() ends it
    this.worker.on('message', (m: FromWorker) => {
      const p = this.pending.get(m.key);
      if (!p) return;
      this.pending.delete(m.key);
      this.load--;
      if (m.kind === 'failed') p.reject(new Error(m.message));
      else p.resolve(m);
    });
    const fail = (err: Error) => {
      this.failure ??= err;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`generation worker exited (code ${code})`)));
  }

  call(message: ToWorker): Promise<FromWorker> {
    if (this.failure) return Promise.reject(this.failure);
    this.load++;
    return new Promise((resolve, reject) => {
      this.pending.set(message.key, { resolve, reject });
      this.worker.postMessage(message);
    });
  }
}

/**
 * Starts episodes in the workers ahead of the runner, in the order `work` yields them; `next()`
 * hands them out in that order. Items are reported once each (`onItem`) for the store.
 */
export class EpisodePool {
  private readonly workers: PoolWorker[];
  private readonly taskIndex: Map<SuiteTask, number>;
  private readonly ahead: Promise<{ work: PoolWork; live: LiveEpisode }>[] = [];
  /** Per item: settles once its record went to `onItem` (a later sample's result must not be stored before it). */
  private readonly recorded = new Map<string, Promise<void>>();
  private nextKey = 0;
  private exhausted = false;

  constructor(
    tasks: readonly SuiteTask[],
    private readonly work: Iterator<PoolWork>,
    private readonly opts: { size: number; lookahead: number; onItem: (record: ItemRecord) => void },
  ) {
    const specs: WorkerTask[] = tasks.map((t) => ({
      generator: t.generator.name,
      params: t.params,
      seed: t.seed,
      split: t.split,
      family: t.family,
      axis: t.axis,
      role: t.role,
      id: t.id,
      n: t.n,
    }));
    this.taskIndex = new Map(tasks.map((t, i) => [t, i]));
    this.workers = Array.from({ length: Math.max(1, opts.size) }, () => new PoolWorker(specs));
  }

  /** The next episode in the runner's order, or done. */
  async next(): Promise<IteratorResult<PoolWork & { live: LiveEpisode }>> {
    this.fill();
    const head = this.ahead.shift();
    this.fill();
    if (!head) return { done: true, value: undefined };
    const { work, live } = await head;
    return { done: false, value: { ...work, live } };
  }

  async close(): Promise<void> {
    this.exhausted = true;
    // Episodes started ahead but never handed out are dropped with their workers.
    for (const p of this.ahead.splice(0)) p.catch(() => undefined);
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }

  private fill(): void {
    while (!this.exhausted && this.ahead.length < this.opts.lookahead) {
      const n = this.work.next();
      if (n.done) {
        this.exhausted = true;
        break;
      }
      const p = this.open(n.value);
      p.catch(() => undefined); // surfaced when handed out
      this.ahead.push(p);
    }
  }

  private async open(work: PoolWork): Promise<{ work: PoolWork; live: LiveEpisode }> {
    // The least loaded worker; a worker keeps the episode for its later steps.
    const worker = this.workers.reduce((a, b) => (b.load < a.load ? b : a));
    const earlier = this.recorded.get(work.id);
    const record = !earlier;
    let saved: () => void = () => undefined;
    if (record)
      this.recorded.set(
        work.id,
        new Promise<void>((resolve) => {
          saved = resolve;
        }),
      );
    const key = this.nextKey++;
    let opened;
    try {
      opened = await worker.call({
        kind: 'open',
        key,
        task: this.taskIndex.get(work.task)!,
        index: work.index,
        id: work.id,
        sample: work.sample,
        record,
      });
      if (opened.kind !== 'opened') throw new Error('generation worker: unexpected reply');
      if (opened.record) this.opts.onItem(opened.record);
    } finally {
      saved();
    }
    // Samples of one item open on different workers and may come back first: hand one out only
    // after the item itself is on its way to the store.
    await earlier;
    const live: LiveEpisode = {
      first: opened.first,
      step: async (reply) => {
        const r = await worker.call({ kind: 'step', key, reply });
        if (r.kind !== 'stepped') throw new Error('generation worker: unexpected reply');
        return r.result;
      },
    };
    return { work, live };
  }
}
