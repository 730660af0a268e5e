// Re-verifies stored answers with the current verifiers. An answer's new verdict comes from the
// item's stored truth and the stored reply (multi-turn: the stored transcript, replayed through
// the family's pure step function); when it differs, the old verdict moves to verdict_history and
// the new one becomes current, so report, leaderboard and gate read the newest verdicts. Item ids,
// run ids and results' keys never change, so resume and frozen baselines are untouched.
import { randomUUID } from 'node:crypto';
import type { Generator, Verdict } from '../core/types.js';
import { safeVerify } from '../core/verdict.js';
import { registry } from '../../generators/index.js';
import type { Store } from '../store/store.js';
import {
  replaceVerdicts,
  storedAnswers,
  verdictJson,
  type StoredAnswer,
  type VerdictUpdate,
} from '../store/verdict-queries.js';
import { isEpisodic, replayTranscript } from './score.js';

export interface RescoreOptions {
  /** Only these runs (ids); all runs when absent. */
  runIds?: readonly string[];
  /** Compute and report, write nothing. */
  dryRun?: boolean;
  /** Generator by name (default: the registry); tests and plug-ins pass their own. */
  resolve?: (name: string) => Generator | undefined;
}

export interface TaskRescore {
  runId: string;
  task: string;
  generator: string;
  verifierVersion: string;
  rescored: number;
  changed: number;
  /** Of `changed`: wrong → correct, correct → wrong; the rest changed score, format or details only. */
  nowCorrect: number;
  nowWrong: number;
  /** Item ids (with sample) whose verdict changed, first few. */
  examples: string[];
}

export interface RescoreResult {
  id: string;
  rescored: number;
  changed: number;
  /** Answers of generators this genbench does not have (left as they are). */
  skipped: number;
  /**
   * Multi-turn answers whose item truth predates the step function (e.g. 24-game revision items
   * stored before the truth carried the protocol): left as they are.
   */
  notReplayable: number;
  tasks: TaskRescore[];
  dryRun: boolean;
}

/** The stored replies of an answer: the transcript of a multi-turn episode, or the one output. */
function repliesOf(a: StoredAnswer): string[] {
  if (a.verdict) {
    const t = (JSON.parse(a.verdict) as { details?: { transcript?: unknown } }).details?.transcript;
    if (Array.isArray(t) && t.every((x) => typeof x === 'string')) return t;
  }
  return [a.output ?? ''];
}

/** Was the stored answer a multi-turn episode (several turns, or an episode's verdict details)? */
function wasEpisode(a: StoredAnswer): boolean {
  if (a.turns > 1) return true;
  const details = a.verdict ? (JSON.parse(a.verdict) as { details?: Record<string, unknown> }).details : undefined;
  return Boolean(details && ('attempts' in details || 'transcript' in details || 'validTurns' in details));
}

/** The verdict the current verifier gives a stored answer, shaped as the runner stores it. */
export function reverify(g: Generator, truth: unknown, replies: string[]): Verdict {
  if (isEpisodic(g, truth)) {
    const v = replayTranscript(g, truth, replies);
    return replies.length > 1 ? { ...v, details: { ...v.details, transcript: replies } } : v;
  }
  return safeVerify((r) => g.verify(truth, r), replies[replies.length - 1] ?? '');
}

export function rescore(store: Store, opts: RescoreOptions = {}): RescoreResult {
  const id = randomUUID();
  const tasks = new Map<string, TaskRescore>();
  const updates: VerdictUpdate[] = [];
  let rescored = 0,
    changed = 0,
    skipped = 0,
    notReplayable = 0;
  for (const a of storedAnswers(store, opts.runIds)) {
    const g = (opts.resolve ?? ((n: string) => registry.get(n)))(a.generator);
    if (!g) {
      skipped++;
      continue;
    }
    const truth = JSON.parse(a.truth);
    if (wasEpisode(a) && !isEpisodic(g, truth)) {
      notReplayable++;
      continue;
    }
    const verdict = reverify(g, truth, repliesOf(a));
    const key = `${a.runId}\u0000${a.task}`;
    let t = tasks.get(key);
    if (!t)
      tasks.set(
        key,
        (t = {
          runId: a.runId,
          task: a.task,
          generator: g.name,
          verifierVersion: g.verifierVersion,
          rescored: 0,
          changed: 0,
          nowCorrect: 0,
          nowWrong: 0,
          examples: [],
        }),
      );
    t.rescored++;
    rescored++;
    const was = a.correct === 1;
    const differs =
      was !== verdict.correct ||
      a.score !== verdict.score ||
      (a.formatOk === 1) !== verdict.formatOk ||
      a.verdict !== verdictJson(verdict);
    if (differs) {
      changed++;
      t.changed++;
      if (!was && verdict.correct) t.nowCorrect++;
      if (was && !verdict.correct) t.nowWrong++;
      if (t.examples.length < 5) t.examples.push(`${a.itemId}#${a.sample}`);
    }
    if (differs || a.verifierVersion !== g.verifierVersion) {
      updates.push({
        runId: a.runId,
        itemId: a.itemId,
        sample: a.sample,
        verdict,
        verifierVersion: g.verifierVersion,
        changed: differs,
      });
    }
  }
  if (!opts.dryRun && updates.length) replaceVerdicts(store, updates, id);
  return { id, rescored, changed, skipped, notReplayable, tasks: [...tasks.values()], dryRun: Boolean(opts.dryRun) };
}
