import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { normalCdf } from '../../src/stats/proportion.js';
import { changeInterval, designEffect, dropScoreZ, nonInferiorityP, regressionP } from '../../src/gate/paired-score.js';
import {
  pairsToDetectDrop,
  pairsToShowNonInferiority,
  smallestScale,
  trialsToClearFloor,
} from '../../src/gate/sample-size.js';

/** n pairs with true loss / gain rates: counts drawn from the multinomial. */
function drawPairs(rng: Rng, n: number, pLoss: number, pGain: number) {
  let loss = 0,
    gain = 0;
  for (let i = 0; i < n; i++) {
    const u = rng.next();
    if (u < pLoss) loss++;
    else if (u < pLoss + pGain) gain++;
  }
  return { n, loss, gain };
}

describe('normal CDF', () => {
  it('matches tabulated values, tails included', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1.644854)).toBeCloseTo(0.05, 6);
    expect(normalCdf(-5) / 2.866515718791939e-7).toBeCloseTo(1, 4);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(-Infinity)).toBe(0);
  });
});

describe("Tango's paired score test", () => {
  it("is McNemar's statistic at no change, and zero at the observed change", () => {
    expect(dropScoreZ({ n: 100, loss: 12, gain: 5 }, 0)).toBeCloseTo(7 / Math.sqrt(17), 12);
    expect(dropScoreZ({ n: 100, loss: 12, gain: 5 }, 0.07)).toBeCloseTo(0, 12);
    expect(dropScoreZ({ n: 100, loss: 5, gain: 12 }, -0.07)).toBeCloseTo(0, 12);
    // Swapping the models mirrors the statistic.
    expect(dropScoreZ({ n: 80, loss: 3, gain: 9 }, -0.04)).toBeCloseTo(
      -dropScoreZ({ n: 80, loss: 9, gain: 3 }, 0.04),
      12,
    );
  });

  it('decreases in the hypothesised drop, so the interval is where |Z| ≤ z', () => {
    for (const c of [
      { n: 30, loss: 3, gain: 7 },
      { n: 200, loss: 0, gain: 0 },
      { n: 50, loss: 50, gain: 0 },
      { n: 40, loss: 1, gain: 0 },
    ]) {
      let prev = Infinity;
      for (let d = -0.99; d < 0.99; d += 0.01) {
        const z = dropScoreZ(c, d);
        expect(z).toBeLessThanOrEqual(prev + 1e-9);
        prev = z;
      }
    }
  });

  it('gives an interval that holds the estimate, widens with the level, and stays in [-1, 1]', () => {
    const c = { n: 100, loss: 12, gain: 5 };
    const i90 = changeInterval(c, 0.9),
      i95 = changeInterval(c, 0.95);
    expect(i90.estimate).toBeCloseTo(-0.07, 12);
    expect(i95.low).toBeLessThan(i90.low);
    expect(i95.high).toBeGreaterThan(i90.high);
    expect(i90.low).toBeLessThan(-0.07);
    // The interval inverts the test: its ends are where Z = ∓z.
    expect(dropScoreZ(c, -i90.high)).toBeCloseTo(1.644854, 5);
    expect(dropScoreZ(c, -i90.low)).toBeCloseTo(-1.644854, 5);
    // McNemar's 12 vs 5 is not significant at 5% two-sided (p ≈ 0.09): the 95% interval holds 0.
    expect(i95.high).toBeGreaterThan(0);
    expect(changeInterval({ n: 50, loss: 50, gain: 0 }, 0.9)).toMatchObject({ estimate: -1, low: -1 });
    const none = changeInterval({ n: 50, loss: 0, gain: 0 }, 0.9);
    expect(none.estimate).toBe(0);
    expect(none.high).toBeCloseTo(-none.low, 9);
    expect(none.high).toBeGreaterThan(0.03); // agreement on 50 items does not make the interval [0, 0]
  });

  it('covers the true change about as often as it claims (simulated)', () => {
    const rng = Rng.fromKey('coverage');
    for (const [pLoss, pGain, n] of [
      [0.1, 0.05, 60],
      [0.02, 0.02, 200],
      [0.3, 0.1, 40],
    ] as const) {
      let covered = 0;
      const sims = 1500;
      for (let s = 0; s < sims; s++) {
        const i = changeInterval(drawPairs(rng, n, pLoss, pGain), 0.9);
        if (i.low <= pGain - pLoss && pGain - pLoss <= i.high) covered++;
      }
      expect(covered / sims).toBeGreaterThan(0.86);
      expect(covered / sims).toBeLessThan(0.95);
    }
  });

  it('shows non-inferiority from agreement only on enough items (133 at a 2-point margin)', () => {
    expect(nonInferiorityP({ n: 132, loss: 0, gain: 0 }, 0.02)).toBeGreaterThan(0.05);
    expect(nonInferiorityP({ n: 133, loss: 0, gain: 0 }, 0.02)).toBeLessThan(0.05);
    expect(pairsToShowNonInferiority(0, 0, 0.02, 0.05)).toBe(133);
    expect(nonInferiorityP({ n: 0, loss: 0, gain: 0 }, 0.02)).toBe(1);
  });

  it('uses the exact one-sided McNemar test for a drop', () => {
    expect(regressionP({ n: 100, loss: 10, gain: 1 })).toBeCloseTo(12 / 2048, 12);
    expect(regressionP({ n: 100, loss: 1, gain: 10 })).toBeGreaterThan(0.99);
    expect(regressionP({ n: 100, loss: 0, gain: 0 })).toBe(1);
  });

  it('rarely calls noise on 50 items a regression (false alarms ≤ α)', () => {
    // Two models of equal accuracy (80%) with independent errors: about 16 discordant pairs in 50.
    const rng = Rng.fromKey('false-alarms');
    let alarms = 0;
    const sims = 2000;
    for (let s = 0; s < sims; s++) {
      const c = drawPairs(rng, 50, 0.16, 0.16);
      if (regressionP(c) < 0.05 && (c.loss - c.gain) / c.n > 0.02) alarms++;
    }
    expect(alarms / sims).toBeLessThan(0.05);
  });
});

describe('item counts that would decide', () => {
  it('give about 80% power when the observed rates are the truth (simulated)', () => {
    const rng = Rng.fromKey('power');
    const ni = pairsToShowNonInferiority(0.05, 0.05, 0.05, 0.05);
    let passes = 0;
    for (let s = 0; s < 600; s++) if (nonInferiorityP(drawPairs(rng, ni, 0.05, 0.05), 0.05) < 0.05) passes++;
    expect(passes / 600).toBeGreaterThan(0.72);
    expect(passes / 600).toBeLessThan(0.88);

    const drop = pairsToDetectDrop(0.12, 0.02, 0.05);
    let flags = 0;
    for (let s = 0; s < 1000; s++) if (regressionP(drawPairs(rng, drop, 0.12, 0.02)) < 0.05) flags++;
    expect(flags / 1000).toBeGreaterThan(0.72);
    expect(flags / 1000).toBeLessThan(0.9);
  });

  it('are infinite when the truth sits on the threshold, and grow as it gets closer', () => {
    expect(pairsToShowNonInferiority(0.07, 0.05, 0.02, 0.05)).toBe(Infinity);
    expect(pairsToDetectDrop(0.05, 0.05, 0.05)).toBe(Infinity);
    expect(trialsToClearFloor(0.6, 0.6, 0.05)).toBe(Infinity);
    expect(trialsToClearFloor(0.62, 0.6, 0.05)).toBeGreaterThan(trialsToClearFloor(0.7, 0.6, 0.05));
    expect(smallestScale((f) => f >= 37)).toBeCloseTo(37, 1);
    expect(smallestScale(() => false)).toBe(Infinity);
  });
});

describe('Rao–Scott design effect', () => {
  it('is 1 for one sample per item, the sample count when samples always agree, and in between otherwise', () => {
    expect(designEffect([[1], [0], [1]])).toBe(1);
    expect(
      designEffect([
        [1, 1, 1, 1],
        [0, 0, 0, 0],
        [1, 1, 1, 1],
        [0, 0, 0, 0],
      ]),
    ).toBeCloseTo(4, 9);
    expect(
      designEffect([
        [0, 0],
        [0, 0],
      ]),
    ).toBe(2); // nothing varies: assume the worst
    expect(
      designEffect([
        [1, 0],
        [0, 1],
        [1, 0],
        [0, 1],
      ]),
    ).toBe(1); // negative correlation is clamped to 1
    const mixed = designEffect([
      [1, 1, 0],
      [0, 0, 0],
      [1, 1, 1],
      [0, 1, 0],
      [1, 0, 0],
    ]);
    expect(mixed).toBeGreaterThan(1);
    expect(mixed).toBeLessThan(3);
  });
});
