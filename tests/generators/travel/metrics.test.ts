import { describe, it, expect } from 'vitest';
import { travelRates, ratesBy } from '../../../generators/travel/metrics.js';
import { items, REGIONS } from './helpers.js';

const PASS8 = {
  withinCurrentCity: 'pass',
  withinSandbox: 'pass',
  reasonableCityRoute: 'pass',
  diverseRestaurants: 'pass',
  nonConflictingTransportation: 'pass',
  diverseAttractions: 'pass',
  minimumNightsStay: 'pass',
  completeInformation: 'pass',
};

describe('travel metrics: the six TravelPlanner rates', () => {
  it('a hand-checkable split of four plans', () => {
    const details = [
      // 1: passes everything; easy (budget only)
      {
        delivered: true,
        commonsense: PASS8,
        hard: { budget: 'pass', roomRule: 'na', cuisine: 'na', roomType: 'na', transportation: 'na' },
      },
      // 2: commonsense all pass, over budget; medium with a room rule that passes
      {
        delivered: true,
        commonsense: PASS8,
        hard: { budget: 'fail', roomRule: 'pass', cuisine: 'na', roomType: 'na', transportation: 'na' },
      },
      // 3: one commonsense failure, hard all pass; hard level (budget + 3)
      {
        delivered: true,
        commonsense: { ...PASS8, diverseRestaurants: 'fail' },
        hard: { budget: 'pass', roomRule: 'pass', cuisine: 'na', roomType: 'pass', transportation: 'pass' },
      },
      // 4: not delivered; medium with a cuisine
      {
        delivered: false,
        commonsense: {},
        hard: { budget: 'fail', roomRule: 'na', cuisine: 'fail', roomType: 'na', transportation: 'na' },
      },
    ];
    const r = travelRates(details);
    expect(r.n).toBe(4);
    expect(r.delivery).toBe(3 / 4);
    expect(r.commonsenseMicro).toBe((8 + 8 + 7 + 0) / 32);
    expect(r.commonsenseMacro).toBe(2 / 4);
    expect(r.hardMicro).toBe((1 + 1 + 4 + 0) / (1 + 2 + 4 + 2));
    expect(r.hardMacro).toBe(2 / 4);
    expect(r.finalPass).toBe(1 / 4);
    expect(r.perCheck.diverseRestaurants).toEqual({ pass: 2, applicable: 4 });
    expect(r.perCheck.cuisine).toEqual({ pass: 0, applicable: 1 });
  });

  it('missing or malformed details count as undelivered plans; an empty split is NaN, not 0', () => {
    const r = travelRates([undefined, 'oops', { delivered: true, commonsense: PASS8, hard: { budget: 'pass' } }]);
    expect(r.delivery).toBe(1 / 3);
    expect(r.finalPass).toBe(1 / 3);
    expect(r.hardMicro).toBe(1 / 3);
    expect(Number.isNaN(travelRates([]).finalPass)).toBe(true);
  });

  it('the oracle scores 1 on every rate; a split grouping keeps the splits apart', () => {
    const ps = [...items(REGIONS.id3medium!, 5), ...items(REGIONS.ood3hard!, 5)];
    const rows = ps.map((p, i) => ({ split: i < 5 ? 'id' : 'ood', details: p.verify(p.reference!).details }));
    const by = ratesBy(
      rows,
      (r) => r.split,
      (r) => r.details,
    );
    for (const split of ['id', 'ood']) {
      const r = by[split]!;
      expect(r.n).toBe(5);
      for (const k of [
        'delivery',
        'commonsenseMicro',
        'commonsenseMacro',
        'hardMicro',
        'hardMacro',
        'finalPass',
      ] as const)
        expect(r[k]).toBe(1);
    }
    expect(by.ood!.perCheck.budget.applicable).toBe(5);
  });
});
