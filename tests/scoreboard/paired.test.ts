// The gate's input numbers, as the scoreboard defines them: pooled over answers (micro), a
// candidate's error counted wrong, a baseline's error leaving its pair out.
import { describe, expect, it } from 'vitest';
import { candidateAccuracy, pairedAccuracy, usablePairs } from '../../src/scoreboard/paired.js';

describe('paired accuracy', () => {
  const items = [
    { b: [true, null], c: [true, true] }, // the baseline's error drops sample 1
    { b: [false, true], c: [null, true] }, // the candidate's error is a wrong answer
    { b: [null, null], c: [true, false] }, // no pair at all: not an item of the comparison
  ];

  it('pairs only where the baseline answered; a candidate error is wrong', () => {
    expect(usablePairs(items[0]!)).toEqual([{ b: true, c: true }]);
    expect(usablePairs(items[1]!)).toEqual([
      { b: false, c: false },
      { b: true, c: true },
    ]);
    expect(usablePairs(items[2]!)).toEqual([]);
  });

  it('pools the pairs of every item (micro)', () => {
    const a = pairedAccuracy(items);
    expect(a).toEqual({
      items: 2,
      pairs: 3,
      dropped: 3,
      baseline: 2 / 3,
      candidate: 2 / 3,
      errors: { baseline: 3, candidate: 1 },
    });
    expect(pairedAccuracy([]).candidate).toBeNaN();
  });

  it('the candidate alone counts every answer it owes, errors as wrong', () => {
    expect(candidateAccuracy(items)).toEqual({
      items: 3,
      answers: 6,
      correct: 4,
      accuracy: 4 / 6,
      errors: { baseline: 3, candidate: 1 },
    });
  });
});
