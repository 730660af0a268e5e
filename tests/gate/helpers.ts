// Scripted models for gate tests: right on every toy item except the ones a rule marks wrong.
// Items are told apart by their prompt, which is all a model sees.
import { createHash } from 'node:crypto';
import { mockModel, type MockModel } from '../../src/models/mock.js';
import { ModelError } from '../../src/models/types.js';
import { messageText } from '../../src/core/types.js';
import { solveAdd } from '../helpers/toy.js';

export const promptOf = (req: { messages: { role: string; content: unknown }[] }) =>
  messageText(req.messages.filter((m) => m.role === 'user').at(-1) as never);

/** A stable number in [0, 100) per prompt, to pick "the 10% of items this model gets wrong". */
export function bucket(prompt: string, salt = ''): number {
  return (
    createHash('sha256')
      .update(salt + prompt)
      .digest()
      .readUInt32LE(0) % 100
  );
}

/** Toy OOD items use numbers up to 999; ID items stay below 10. */
// ID tasks use max 99 (10,000 distinct sums: items are distinct problems since issue 17, and a
// region of 100 would cap an ID task of 300); OOD tasks use max 999. About 1% of OOD sums have both
// terms ≤ 99 and count as ID here, which the tests' bounds allow.
export const isOod = (prompt: string) =>
  /What is (\d+) \+ (\d+)/
    .exec(prompt)!
    .slice(1)
    .some((x) => Number(x) > 99);

export function scripted(
  spec: string,
  wrong: (prompt: string, sample: number) => boolean,
  opts: { errorIf?: (prompt: string) => boolean } = {},
): MockModel {
  return mockModel({
    spec,
    replies: (req) => {
      const p = promptOf(req);
      return wrong(p, req.sampleIndex) ? '-1' : solveAdd(p);
    },
    fail: opts.errorIf
      ? (req) => (opts.errorIf!(promptOf(req)) ? new ModelError('content', 'refused') : undefined)
      : undefined,
  });
}
