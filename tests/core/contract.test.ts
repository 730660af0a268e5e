// The contract check itself: each rule it claims to enforce fails a generator that breaks it.
import { describe, expect, it } from 'vitest';
import { checkGenerator, generatorShapeProblems } from '../../src/core/contract.js';
import type { Generator, Problem } from '../../src/core/types.js';
import { addGenerator as toyAdd } from '../helpers/toy.js';

// The toy's verifier reads '' as 0 (Number('') === 0), which this very check catches; a strict twin.
const strict = (truth: unknown, r: string) =>
  /^\s*\d+\s*$/.test(r) ? toyAdd.verify(truth, r) : { correct: false, score: 0, formatOk: false };
const addGenerator: Generator<any> = {
  ...toyAdd,
  verify: strict,
  generate(params, rng) {
    const p = toyAdd.generate(params, rng);
    return { ...p, verify: (r) => strict(p.truth, r) };
  },
};

/** The toy generator with one part of its problems replaced. */
function broken(
  patch: (p: Problem, index: number) => Partial<Problem>,
  extra: Partial<Generator<any>> = {},
): Generator<any> {
  let calls = 0;
  return {
    ...addGenerator,
    ...extra,
    generate(params, rng) {
      const p = addGenerator.generate(params, rng);
      return { ...p, ...patch(p, Math.floor(calls++ / 2)) };
    },
  };
}

describe('checkGenerator', () => {
  it('passes a generator that keeps the contract', () => {
    expect(checkGenerator(addGenerator, { items: 5 })).toEqual([]);
  });

  it("catches a verifier that reads '' as the number 0", () => {
    expect(checkGenerator(toyAdd, { items: 5, params: { max: 0 } }).join('\n')).toMatch(
      /garbage "" verified as correct/,
    );
  });

  it('catches non-determinism', () => {
    let n = 0;
    const g = broken(() => ({ truth: { n: n++ } }));
    expect(checkGenerator(g).join('\n')).toMatch(/not deterministic/);
  });

  it('catches a reference that does not verify', () => {
    expect(checkGenerator(broken(() => ({ reference: 'nope' }))).join('\n')).toMatch(
      /reference answer does not verify/,
    );
  });

  it('catches a verifier that throws on garbage or accepts it', () => {
    const throws = broken((p) => ({ verify: (r) => (r === p.reference ? p.verify(r) : JSON.parse(r)) }));
    expect(checkGenerator(throws).join('\n')).toMatch(/verify\(.*\) threw/);
    const accepts = broken(() => ({ verify: () => ({ correct: true, score: 1, formatOk: true }) }));
    expect(checkGenerator(accepts).join('\n')).toMatch(/garbage "garbage" verified as correct/);
  });

  it('catches truth that does not survive JSON', () => {
    expect(checkGenerator(broken(() => ({ truth: { when: new Date(0) } }))).join('\n')).toMatch(
      /truth does not survive JSON/,
    );
    expect(checkGenerator(broken(() => ({ truth: { big: 10n } }))).join('\n')).toMatch(/truth is not JSON/);
  });

  it('catches difficulty keys that change between items', () => {
    expect(
      checkGenerator(broken((p, i) => ({ difficulty: i === 0 ? p.difficulty : { other: 1 } }))).join('\n'),
    ).toMatch(/difficulty keys \[other\] differ from item 0's \[max\]/);
  });

  it("re-verifies from JSON truth with the generator's pure verify", () => {
    const pureWrong = { verify: () => ({ correct: false, score: 0, formatOk: true }) };
    expect(checkGenerator({ ...addGenerator, ...pureWrong }).join('\n')).toMatch(
      /reference does not verify against JSON truth/,
    );
    const pureLax = { verify: () => ({ correct: true, score: 1, formatOk: true }) };
    expect(checkGenerator({ ...addGenerator, ...pureLax }).join('\n')).toMatch(
      /garbage "" verified as correct against JSON truth/,
    );
  });
});

describe('generatorShapeProblems', () => {
  it('lists every missing or mistyped field, and tolerates unknown ones', () => {
    expect(generatorShapeProblems(addGenerator)).toEqual([]);
    expect(generatorShapeProblems({ ...addGenerator, tomorrow: true, environment2: 1 })).toEqual([]);
    expect(generatorShapeProblems({ name: 'bad name!', version: '', generate: 1 })).toEqual([
      "name must be a string such as 'my-family/task' (letters, digits, - _ . and /)",
      "version must be a non-empty string such as '1'",
      'description must be a string (one line for bench list)',
      'parseParams(raw) must be a function',
      'generate(params, rng) must be a function',
      "verifierVersion must be a non-empty string such as '1' (bumped when verdicts change)",
      'verify(truth, response) must be a function',
    ]);
    expect(generatorShapeProblems(null)).toEqual(['is null, not a generator object']);
    expect(generatorShapeProblems({ ...addGenerator, family: 3, environment: { start() {} } })).toEqual([
      'family, when given, must be a string',
      'environment, when given, must have start(truth) and step(truth, state, reply)',
    ]);
  });
});
