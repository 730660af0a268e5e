// Open episodes of `bench serve`'s environment API: the only state the server holds. Each is the
// item's truth and the family's JSON state; the rules are the generator's pure step function.
// Bounded in number and expiring after a while without a step.
import { randomUUID } from 'node:crypto';
import type { Generator, Message } from '../core/types.js';
import { safeVerify } from '../core/verdict.js';
import { recordOf, MAX_RESPONSE_CHARS, type ScoreRecord } from '../verify/score.js';
import { HttpError } from './http.js';

interface Open {
  generator: Generator;
  truth: unknown;
  state: unknown;
  turns: number;
  lastUsed: number;
}

export interface Observation {
  messages: Message[];
}

export interface StepReply {
  episode: string;
  /** Absent when done. */
  observation?: Observation;
  /** Sparse: the final verdict's reward in [0, 1] on the last step, 0 before. */
  reward: number;
  done: boolean;
  turn: number;
  /** Why the last reply failed (the text the family feeds back, when it does). */
  feedback?: string;
  /** The final verdict, when done. */
  result?: ScoreRecord;
}

export class EpisodeTable {
  private readonly open = new Map<string, Open>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly limit: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.sweeper = setInterval(() => this.sweep(), Math.min(30_000, Math.max(1_000, ttlMs / 4)));
    this.sweeper.unref();
  }

  get size(): number {
    return this.open.size;
  }

  close(): void {
    clearInterval(this.sweeper);
    this.open.clear();
  }

  private sweep(): void {
    const t = this.now();
    for (const [id, e] of this.open) if (t - e.lastUsed > this.ttlMs) this.open.delete(id);
  }

  start(generator: Generator, truth: unknown): { episode: string; observation: Observation; done: false; turn: 0 } {
    const first = generator.environment?.start(truth);
    if (!first)
      throw new HttpError(
        400,
        'single_turn',
        `this ${generator.name} item is single-turn: score its reply with POST /score`,
      );
    if (this.open.size >= this.limit) this.sweep();
    if (this.open.size >= this.limit)
      throw new HttpError(
        503,
        'too_many_episodes',
        `${this.limit} episodes are open: finish or DELETE some, or wait ${Math.round(this.ttlMs / 1000)} s for idle ones to expire`,
      );
    const id = randomUUID();
    this.open.set(id, { generator, truth, state: first.state, turns: 0, lastUsed: this.now() });
    return { episode: id, observation: { messages: first.turn.messages }, done: false, turn: 0 };
  }

  step(id: string, response: unknown): StepReply {
    const e = this.open.get(id);
    if (!e || this.now() - e.lastUsed > this.ttlMs) {
      this.open.delete(id);
      throw new HttpError(
        404,
        'unknown_episode',
        `no open episode '${id}' (finished, expired after ${Math.round(this.ttlMs / 1000)} s idle, or never started)`,
      );
    }
    const reply = typeof response === 'string' ? response.slice(0, MAX_RESPONSE_CHARS) : '';
    e.turns++;
    e.lastUsed = this.now();
    let next;
    try {
      next = e.generator.environment!.step(e.truth, e.state, reply);
    } catch (err) {
      this.open.delete(id);
      const v = safeVerify(() => {
        throw err;
      }, '');
      return {
        episode: id,
        reward: 0,
        done: true,
        turn: e.turns,
        result: recordOf(e.generator, v, undefined, e.turns),
      };
    }
    if (next.done) {
      this.open.delete(id);
      const result = recordOf(
        e.generator,
        safeVerify(() => next.verdict, ''),
        undefined,
        e.turns,
      );
      return {
        episode: id,
        reward: result.reward,
        done: true,
        turn: e.turns,
        result,
        ...(next.feedback ? { feedback: next.feedback } : {}),
      };
    }
    e.state = next.state;
    return {
      episode: id,
      observation: { messages: next.turn.messages },
      reward: 0,
      done: false,
      turn: e.turns,
      ...(next.feedback ? { feedback: next.feedback } : {}),
    };
  }

  discard(id: string): boolean {
    return this.open.delete(id);
  }
}
