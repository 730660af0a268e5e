// A generation and verification thread of EpisodePool (pool.ts): rebuilds the suite's tasks from
// the registry, makes items on request and keeps each episode until its verdict.
import { parentPort, workerData } from 'node:worker_threads';
import type { Problem } from '../core/types.js';
import { getGenerator } from '../../generators/index.js';
import { itemRecord, makeItem } from '../suite/expand.js';
import type { SuiteTask } from '../suite/load.js';
import {
  openEpisode,
  type FromWorker,
  type LiveEpisode,
  type StepResult,
  type WorkerTask,
  type ToWorker,
} from './pool.js';

const port = parentPort!;
const tasks: SuiteTask[] = (workerData as { tasks: WorkerTask[] }).tasks.map((t, i) => ({
  id: t.id,
  generator: getGenerator(t.generator),
  family: t.family,
  split: t.split,
  axis: t.axis,
  role: t.role,
  n: t.n,
  seed: t.seed,
  rawParams: {},
  params: t.params,
  line: i + 1,
}));
const episodes = new Map<number, LiveEpisode>();
// The samples of one item usually arrive one after another: generate the problem once for them.
const recent = new Map<string, Problem>();

port.on('message', (m: ToWorker) => {
  let reply: FromWorker;
  try {
    if (m.kind === 'open') {
      let problem = recent.get(m.id);
      let record;
      if (!problem || m.record) {
        const item = makeItem(tasks[m.task]!, m.index, '', m.id);
        problem = item.problem;
        if (m.record) record = itemRecord(item);
        recent.set(m.id, problem);
        if (recent.size > 64) recent.delete(recent.keys().next().value!);
      }
      const live = openEpisode(problem);
      episodes.set(m.key, live);
      reply = {
        kind: 'opened',
        key: m.key,
        first: { messages: live.first.messages, reference: live.first.reference },
        ...(record ? { record } : {}),
      };
    } else {
      const live = episodes.get(m.key);
      if (!live) throw new Error(`no open episode ${m.key}`);
      const result = live.step(m.reply) as StepResult; // openEpisode's steps are synchronous
      if (result.done) {
        episodes.delete(m.key);
        reply = { kind: 'stepped', key: m.key, result };
      } else {
        // Functions (randomAnswer) cannot cross threads; pooled runs are for models that do not use them.
        reply = {
          kind: 'stepped',
          key: m.key,
          result: { done: false, turn: { messages: result.turn.messages, reference: result.turn.reference } },
        };
      }
    }
  } catch (err) {
    reply = { kind: 'failed', key: m.key, message: (err as Error)?.message ?? String(err) };
  }
  port.postMessage(reply);
});
