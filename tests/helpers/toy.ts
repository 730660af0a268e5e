// A toy generator and suite builder for harness tests: small, exact, independent of any family.
import type { Generator, Problem, Split } from '../../src/core/types.js';
import { ParamError } from '../../src/core/types.js';
import { correct, wrong } from '../../src/core/verdict.js';
import type { Suite, SuiteTask } from '../../src/suite/load.js';
import { undeclaredRole } from '../../src/core/role.js';

export interface AddParams {
  max: number;
}

/** "What is a + b?" with a, b in [0, max]; the answer is the integer alone. */
export const addGenerator: Generator<AddParams> = {
  name: 'toy/add',
  version: '1',
  description: 'a + b',
  parseParams(raw) {
    const max = (raw as { max?: unknown })?.max ?? 9;
    if (!Number.isInteger(max) || (max as number) < 1) throw new ParamError('max', 'must be a whole number ≥ 1');
    return { max: max as number };
  },
  verifierVersion: '1',
  verify: (truth, response) => verifyAdd(truth, response),
  generate({ max }, rng): Problem {
    const a = rng.int(0, max);
    const b = rng.int(0, max);
    const sum = a + b;
    return {
      messages: [{ role: 'user', content: `What is ${a} + ${b}?` }],
      truth: { a, b, sum },
      reference: String(sum),
      difficulty: { max },
      verify: (response) => verifyAdd({ a, b, sum }, response),
      randomAnswer: (r) => String(r.int(0, 2 * max)),
    };
  },
};

/** The toy's pure verifier: the integer alone, equal to truth.sum. */
export function verifyAdd(truth: unknown, response: string) {
  const sum = (truth as { sum?: unknown } | null)?.sum;
  if (typeof sum !== 'number') return wrong('cannot verify: truth.sum is missing', false);
  const n = Number(String(response).trim());
  if (!Number.isInteger(n)) return wrong('not an integer', false);
  return n === sum ? correct(n) : wrong(`expected ${sum}`, true, n);
}

/** Answers "What is a + b?" correctly: a stand-in for a perfect model, computing from the prompt. */
export function solveAdd(prompt: string): string {
  const m = /What is (\d+) \+ (\d+)\?/.exec(prompt);
  return m ? String(Number(m[1]) + Number(m[2])) : '';
}

export function toySuite(
  tasks: { id: string; split: Split; n: number; max?: number; axis?: string; seed?: number }[],
  name = 'toy',
): Suite {
  const built: SuiteTask[] = tasks.map((t, i) => ({
    id: t.id,
    generator: addGenerator,
    family: 'toy',
    split: t.split,
    axis: t.axis ?? t.split,
    role: undeclaredRole(t.axis ?? t.split),
    n: t.n,
    seed: t.seed ?? 1,
    rawParams: { max: t.max ?? 9 },
    params: { max: t.max ?? 9 },
    line: i + 1,
  }));
  return {
    name,
    version: '1',
    description: '',
    path: '(test)',
    hash: `toy-${name}-${JSON.stringify(tasks)}`.slice(0, 64),
    tasks: built,
    extra: {},
  };
}
