// Training items on demand for `POST /items`: from a generator and params, or from a suite task
// (its training stream, never overlapping the suite's eval items, or its eval items), over a seed
// and index range, optionally filtered by difficulty ranges (a curriculum knob).
import { itemId } from '../core/hash.js';
import { Rng } from '../core/rng.js';
import type { Generator, Problem } from '../core/types.js';
import { getGenerator, UnknownGeneratorError } from '../../generators/index.js';
import { dedupKeyOf, makeItem, taskItems } from '../suite/expand.js';
import type { Suite, SuiteTask } from '../suite/load.js';
import { asObject, HttpError, intField } from './http.js';

export const MAX_ITEMS_PER_REQUEST = 1000;
/** Draws per requested item before a difficulty filter gives up. */
const DRAWS_PER_ITEM = 50;

export interface ServedItem {
  id: string;
  generator: string;
  generatorVersion: string;
  verifierVersion: string;
  task?: string;
  seed: number | string;
  index: number;
  difficulty: Record<string, number | string>;
  messages: Problem['messages'];
  /** Plain JSON: send it back to POST /score or POST /episodes. */
  truth: unknown;
  reference?: string;
  multiTurn: boolean;
}

/** field → exact value, list of values, or [min, max] for numbers. */
type Where = Record<string, unknown>;

function matches(difficulty: Record<string, number | string>, where: Where | undefined): boolean {
  if (!where) return true;
  for (const [k, want] of Object.entries(where)) {
    const got = difficulty[k];
    if (Array.isArray(want) && want.length === 2 && typeof want[0] === 'number' && typeof want[1] === 'number') {
      if (typeof got !== 'number' || got < want[0] || got > want[1]) return false;
    } else if (Array.isArray(want)) {
      if (!want.includes(got)) return false;
    } else if (got !== want) return false;
  }
  return true;
}

export class ItemSource {
  /** Per suite: dedup keys of each generator's eval items, computed on first use. */
  private readonly evalKeys = new Map<string, Map<string, Set<string>>>();

  constructor(private readonly suites: readonly Suite[]) {}

  private suiteNamed(name: string): Suite {
    const s = this.suites.find((x) => x.name === name);
    if (!s)
      throw new HttpError(
        400,
        'unknown_suite',
        `suite '${name}' is not served; start the server with --suite ${name} (served: ${this.suites.map((x) => x.name).join(', ') || 'none'})`,
      );
    return s;
  }

  private blocked(suite: Suite, generator: string): Set<string> {
    let bySuite = this.evalKeys.get(suite.name);
    if (!bySuite) this.evalKeys.set(suite.name, (bySuite = new Map()));
    let keys = bySuite.get(generator);
    if (!keys) {
      keys = new Set();
      for (const t of suite.tasks)
        if (t.split !== 'train' && t.generator.name === generator)
          for (const it of taskItems(t)) keys.add(dedupKeyOf(it.problem));
      bySuite.set(generator, keys);
    }
    return keys;
  }

  /** Items for one request body. */
  items(body: unknown): { items: ServedItem[]; nextIndex: number; exhausted: boolean } {
    const o = asObject(
      body,
      '{generator, params, seed, start, count, where} or {suite, task, split, start, count, where}',
    );
    const start = intField(o, 'start', 0, 0, 1e12);
    const count = intField(o, 'count', 1, 1, MAX_ITEMS_PER_REQUEST);
    const where =
      o.where === undefined
        ? undefined
        : (asObject(o.where, 'where: {difficulty field: value | [min, max] | [values…]}') as Where);
    const withReference = o.reference === true;
    const out: ServedItem[] = [];
    const maxDraws = count * (where ? DRAWS_PER_ITEM : 1);
    let index = start;

    if (o.suite !== undefined || o.task !== undefined) {
      if (typeof o.suite !== 'string' || typeof o.task !== 'string')
        throw new HttpError(400, 'bad_request', 'give both suite and task (names)');
      const suite = this.suiteNamed(o.suite);
      const base = suite.tasks.find((t) => t.id === o.task);
      if (!base)
        throw new HttpError(
          400,
          'unknown_task',
          `suite '${suite.name}' has no task '${o.task}'; its tasks: ${suite.tasks.map((t) => t.id).join(', ')}`,
        );
      const split = o.split ?? 'train';
      if (split !== 'train' && split !== 'eval')
        throw new HttpError(
          400,
          'bad_request',
          "split must be 'train' (fresh items that never repeat an eval item) or 'eval' (the task's own items)",
        );
      const task: SuiteTask =
        o.params === undefined
          ? base
          : {
              ...base,
              params: parseParams(base.generator, { ...(base.rawParams as object), ...asObject(o.params, 'params') }),
            };
      const blocked = split === 'train' ? this.blocked(suite, task.generator.name) : undefined;
      // Training draws skip eval twins, as `bench generate --split train` does (up to 20 draws an item).
      const draws = blocked ? Math.max(maxDraws, count * 20) : maxDraws;
      for (let d = 0; out.length < count && d < draws; d++, index++) {
        const item = makeItem(task, index, split === 'train' ? 'train' : '');
        if (blocked?.has(dedupKeyOf(item.problem)) || !matches(item.problem.difficulty, where)) continue;
        out.push(served(task.generator, item.id, item.seed, index, item.problem, withReference, task.id));
      }
      return { items: out, nextIndex: index, exhausted: out.length < count };
    }

    if (typeof o.generator !== 'string')
      throw new HttpError(400, 'bad_request', 'give a generator (and params, seed) or a suite and task');
    let g: Generator;
    try {
      g = getGenerator(o.generator);
    } catch (err) {
      throw new HttpError(400, 'unknown_generator', (err as UnknownGeneratorError).message);
    }
    const params = parseParams(g, o.params ?? {});
    const seed = o.seed ?? 0;
    if (typeof seed !== 'number' && typeof seed !== 'string')
      throw new HttpError(400, 'bad_request', 'seed must be a number or a string');
    for (let draws = 0; out.length < count && draws < maxDraws; draws++, index++) {
      let problem: Problem;
      try {
        problem = g.generate(params, Rng.forItem(seed, index));
      } catch (err) {
        throw new HttpError(422, 'generation_failed', (err as Error).message);
      }
      if (!matches(problem.difficulty, where)) continue;
      out.push(served(g, itemId(g.name, g.version, params, seed, index), seed, index, problem, withReference));
    }
    return { items: out, nextIndex: index, exhausted: out.length < count };
  }
}

function parseParams(g: Generator, raw: unknown): unknown {
  try {
    return g.parseParams(raw);
  } catch (err) {
    throw new HttpError(400, 'bad_params', `${g.name} params: ${(err as Error).message}`);
  }
}

function served(
  g: Generator,
  id: string,
  seed: number | string,
  index: number,
  p: Problem,
  withReference: boolean,
  task?: string,
): ServedItem {
  const item: ServedItem = {
    id,
    generator: g.name,
    generatorVersion: g.version,
    verifierVersion: g.verifierVersion,
    seed,
    index,
    difficulty: p.difficulty,
    messages: p.messages,
    truth: p.truth,
    multiTurn: Boolean(p.episode),
  };
  if (task) item.task = task;
  if (withReference && p.reference !== undefined) item.reference = p.reference;
  return item;
}
