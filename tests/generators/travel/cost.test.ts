// The cost model on hand-computed cases. The first is TravelPlanner's own worked example (§2.5):
// flights 474 + 346, meals 72+29+20+56+26+49+34, two nights at $243 with room for 3, one traveller.
import { describe, it, expect } from 'vitest';
import { planCost } from '../../../generators/travel/evaluate/cost.js';
import type { ResolvedDay } from '../../../generators/travel/evaluate/resolve.js';
import type { Accommodation, Drive, Flight, Restaurant } from '../../../generators/travel/world/types.js';
import { budgetFor } from '../../../generators/travel/sole-planning.js';
import type { TransportKind } from '../../../generators/travel/plan/entities.js';

const flight = (price: number): Flight => ({
  number: 'F0000001',
  price,
  depTime: '10:00',
  arrTime: '11:00',
  elapsed: '1 hours 0 minutes',
  date: '2022-03-01',
  origin: 'A',
  dest: 'B',
  distance: 500,
});
const drive = (kmTenths: number): Drive => ({ origin: 'A', dest: 'B', kmTenths, minutes: 600, valid: true });
const meal = (averageCost: number) => ({
  slot: 'lunch' as const,
  item: {
    text: 'x',
    identity: `x${averageCost}${Math.random()}`,
    record: { name: 'x', averageCost, cuisines: [], rating: '4.0', city: 'B' } as Restaurant,
  },
});
const stay = (price: number, maximumOccupancy: number) => ({
  text: 's',
  identity: 's',
  record: {
    name: 's',
    price,
    roomType: 'Private room',
    houseRules: ['No pets'],
    minimumNights: 1,
    maximumOccupancy,
    reviewRate: 3,
    city: 'B',
  } as Accommodation,
});

function day(parts: {
  transport?: { kind: TransportKind; flight?: Flight; drive?: Drive };
  meals?: number[];
  stay?: [number, number];
}): ResolvedDay {
  const d: ResolvedDay = { raw: {}, travel: false, meals: (parts.meals ?? []).map(meal), attractions: [] };
  if (parts.transport)
    d.transport = {
      text: 't',
      parsed: { kind: parts.transport.kind },
      ...(parts.transport.flight ? { flight: parts.transport.flight } : {}),
      ...(parts.transport.drive ? { drive: parts.transport.drive } : {}),
    };
  if (parts.stay) d.accommodation = stay(...parts.stay);
  return d;
}

describe('travel cost model: hand-computed cases', () => {
  it("TravelPlanner's worked example costs $1,592", () => {
    const days = [
      day({ transport: { kind: 'flight', flight: flight(474) }, meals: [72], stay: [243, 3] }),
      day({ meals: [29, 20, 56], stay: [243, 3] }),
      day({ transport: { kind: 'flight', flight: flight(346) }, meals: [26, 49, 34] }),
    ];
    expect(planCost(days, 1)).toEqual({ total: 1592, transportation: 820, meals: 286, accommodation: 486 });
  });

  it('scales per person, per car of 5 (self-driving), per car of 4 (taxi), and per room', () => {
    // 7 people: flight 100 × 7 = 700; self-driving ⌊1,433 km × 0.05⌋ = 71 × ⌈7/5⌉ = 142;
    // taxi ⌊98.6 km⌋ = 98 × ⌈7/4⌉ = 196; meals (20 + 30) × 7 = 350; 2 nights × 243 × ⌈7/3⌉ = 1,458.
    const days = [
      day({ transport: { kind: 'flight', flight: flight(100) }, stay: [243, 3] }),
      day({ transport: { kind: 'self-driving', drive: drive(14_330) }, meals: [20, 30], stay: [243, 3] }),
      day({ transport: { kind: 'taxi', drive: drive(986) } }),
    ];
    expect(planCost(days, 7)).toEqual({
      total: 700 + 142 + 196 + 350 + 1458,
      transportation: 1038,
      meals: 350,
      accommodation: 1458,
    });
    // Exactly 5 and 4 people still fit one car; 8 people need two taxis and two self-driven cars.
    expect(planCost([day({ transport: { kind: 'self-driving', drive: drive(14_330) } })], 5).total).toBe(71);
    expect(planCost([day({ transport: { kind: 'taxi', drive: drive(986) } })], 4).total).toBe(98);
    expect(
      planCost(
        [
          day({ transport: { kind: 'taxi', drive: drive(986) } }),
          day({ transport: { kind: 'self-driving', drive: drive(14_330) } }),
        ],
        8,
      ).total,
    ).toBe(196 + 142);
  });

  it('a listed night is charged whatever the day (the last day too), an unknown entity adds nothing', () => {
    const last = day({ stay: [300, 2] });
    expect(planCost([last], 3).accommodation).toBe(600);
    const unknown: ResolvedDay = {
      raw: {},
      travel: false,
      meals: [{ slot: 'dinner', item: { text: 'Nowhere, X', identity: 'n' } }],
      attractions: [],
      accommodation: { text: 'Nowhere, X', identity: 'n' },
    };
    expect(planCost([unknown], 2).total).toBe(0);
  });

  it('budgets round the plan cost plus slack up to the next $100', () => {
    expect(budgetFor(1592, 0)).toBe(1600);
    expect(budgetFor(1600, 0)).toBe(1600);
    expect(budgetFor(1500, 20)).toBe(1800);
    expect(budgetFor(1501, 20)).toBe(1900); // 1,801.2 → 1,900
    expect(budgetFor(999, 10)).toBe(1100); // 1,098.9 → 1,100
  });
});
