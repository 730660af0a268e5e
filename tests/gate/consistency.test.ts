// A gate's verdicts must agree with the intervals it prints (issue 22): gap growth decided by
// the same interval family it shows; sample-size hints that say "cannot decide" on the threshold.
import { describe, expect, it } from 'vitest';
import { buildChecks, pFromIntervals, type Check } from '../../src/gate/checks.js';
import { mergeGates } from '../../src/gate/config.js';
import { decide } from '../../src/gate/decide.js';
import { explain } from '../../src/gate/format.js';
import { changeInterval, regressionP } from '../../src/gate/paired-score.js';
import { makePlan, outcomeKey, type OutcomeMap } from '../../src/gate/plan.js';
import { pairsToShowNonInferiority } from '../../src/gate/sample-size.js';
import { moverDifference } from '../../src/stats/macro.js';
import { Rng } from '../../src/core/rng.js';
import { toySuite } from '../helpers/toy.js';

/** Outcome maps from per-task lists of (baseline, candidate) answers. */
function outcomes(
  plan: ReturnType<typeof makePlan>,
  answers: Record<string, [boolean | null, boolean | null][]>,
): { base: OutcomeMap; cand: OutcomeMap } {
  const base: OutcomeMap = new Map(),
    cand: OutcomeMap = new Map();
  for (const pt of plan.tasks) {
    pt.itemIds.forEach((id, i) => {
      const [b, c] = answers[pt.task.id]![i]!;
      base.set(outcomeKey(id, 0), b);
      cand.set(outcomeKey(id, 0), c);
    });
  }
  return { base, cand };
}

const byId = (checks: Check[], id: string) => checks.find((c) => c.id === id)!;

describe('gap growth: the verdict comes from the interval it prints', () => {
  it('issue 22: a candidate losing 8 of 120 OOD items is not a gap regression while its 90% interval includes 0', () => {
    const suite = toySuite([
      { id: 'gp-id', split: 'id', n: 30 },
      { id: 'gp-ood', split: 'ood', n: 120, max: 99 },
    ]);
    const plan = makePlan(suite);
    // ID: both models wrong on every item (a random-level baseline); OOD: the candidate loses 8.
    const { base, cand } = outcomes(plan, {
      'gp-id': Array.from({ length: 30 }, () => [false, false] as [boolean, boolean]),
      'gp-ood': Array.from({ length: 120 }, (_, i) => [i < 10, i < 2] as [boolean, boolean]),
    });
    const config = mergeGates({ maxGapGrowth: 0.05 });
    const { checks } = decide(buildChecks(plan, base, cand, config), config.alpha);
    const gap = byId(checks, 'gap:toy');
    expect(gap.estimate).toBeCloseTo(8 / 120, 12);
    // The interval the issue printed, [−2.1, +16.2] points: MOVER of the two Tango intervals.
    expect(gap.interval.low * 100).toBeCloseTo(-2.1, 1);
    expect(gap.interval.high * 100).toBeCloseTo(16.2, 1);
    // Before: a Wald test with zero variance on the ID side called it p = 0.0017, a regression.
    expect(gap.pWorse).toBeGreaterThan(config.alpha);
    expect(gap.status).toBe('inconclusive'); // material (6.7 > 5 points) but not significant
    expect(explain(gap, config.alpha)).toMatch(
      /not significant \(p 0\.\d+\): about [\d,]+ items would decide it \(now 150\)/,
    );
    // More items than now, and a finite number: the same interval at scaled counts clears 0.
    expect(gap.itemsNeeded).toBeGreaterThan(150);
    expect(gap.itemsNeeded).toBeLessThan(5000);
  });

  it('its "items to flag" hint gives about 80% power if the observed rates are the truth (simulated)', () => {
    const suite = toySuite([
      { id: 'gp-id', split: 'id', n: 30 },
      { id: 'gp-ood', split: 'ood', n: 120, max: 99 },
    ]);
    const plan = makePlan(suite);
    const { base, cand } = outcomes(plan, {
      'gp-id': Array.from({ length: 30 }, (_, i) => [i < 15, i < 15] as [boolean, boolean]),
      'gp-ood': Array.from({ length: 120 }, (_, i) => [i < 60, i < 52] as [boolean, boolean]),
    });
    const config = mergeGates({ maxGapGrowth: 0.05 });
    const gap = byId(buildChecks(plan, base, cand, config), 'gap:toy');
    const f = gap.itemsToFlag / 150;
    expect(f).toBeGreaterThan(1);
    const nId = Math.round(30 * f),
      nOod = Math.round(120 * f);
    const rng = Rng.fromKey('gap-power');
    let flagged = 0;
    const trials = 400;
    for (let t = 0; t < trials; t++) {
      let loss = 0;
      for (let i = 0; i < nOod; i++) if (rng.next() < 8 / 120) loss++;
      const id = { n: nId, loss: 0, gain: 0 },
        ood = { n: nOod, loss, gain: 0 };
      const at = (x: number) => moverDifference(changeInterval(id, 1 - 2 * x), changeInterval(ood, 1 - 2 * x));
      if (pFromIntervals(at, at(0.05).estimate) < 0.05) flagged++;
    }
    expect(flagged / trials).toBeGreaterThan(0.7);
    expect(flagged / trials).toBeLessThan(0.92);
  });

  it('p < α exactly when the printed interval lies above 0, on random counts', () => {
    const rng = Rng.fromKey('gap-consistency');
    for (let trial = 0; trial < 150; trial++) {
      const side = () => {
        const n = rng.int(5, 200);
        const loss = rng.int(0, Math.floor(n / 4)),
          gain = rng.int(0, Math.floor(n / 4));
        return { n, loss, gain };
      };
      const a = side(),
        o = side();
      const alpha = [0.05, 0.025, 0.1][trial % 3]!;
      const at = (x: number) => moverDifference(changeInterval(a, 1 - 2 * x), changeInterval(o, 1 - 2 * x));
      const printed = at(alpha);
      const p = pFromIntervals(at, printed.estimate);
      if (Math.abs(printed.low) < 1e-9) continue; // on the edge itself either reading is fine
      expect(p < alpha, `${JSON.stringify({ a, o, alpha, printed, p })}`).toBe(printed.low > 0);
    }
  });

  it("the accuracy change's exact McNemar test never flags what its printed score interval does not exclude", () => {
    // Regression needs the one-sided exact test significant; the printed 1 − 2α interval must then lie below 0.
    for (const n of [30, 120, 400]) {
      for (let loss = 0; loss <= 30; loss++) {
        for (let gain = 0; gain + loss <= Math.min(n, 45); gain++) {
          const c = { n, loss, gain };
          if (regressionP(c) < 0.05) expect(changeInterval(c, 0.9).high, JSON.stringify(c)).toBeLessThan(0);
        }
      }
    }
  });
});

describe('sample-size hints at the boundary', () => {
  it('say "cannot decide at this margin" when the drop equals the margin up to rounding', () => {
    expect(0.03 - 0.01).toBeLessThan(0.02); // the float case: 0.019999999999999997
    expect(pairsToShowNonInferiority(0.03, 0.01, 0.02, 0.05)).toBe(Infinity);
    const suite = toySuite([{ id: 'hard', split: 'ood', n: 100, max: 999 }]);
    const plan = makePlan(suite);
    // Baseline wrong on item 0 only; the candidate gets item 0 right and items 1–3 wrong: 3 − 1 = 2 of 100.
    const { base, cand } = outcomes(plan, {
      hard: Array.from({ length: 100 }, (_, i) => [i !== 0, i === 0 || i > 3] as [boolean, boolean]),
    });
    const config = mergeGates({});
    const { checks } = decide(buildChecks(plan, base, cand, config), config.alpha);
    const ood = byId(checks, 'change:ood');
    expect(ood).toMatchObject({ loss: 3, gain: 1, status: 'inconclusive', material: false });
    expect(ood.itemsNeeded).toBe(Infinity);
    const text = explain(ood, config.alpha);
    expect(text).toContain('cannot decide at this margin');
    expect(text).not.toMatch(/e\+|\d{12}/);
  });
});
