// Each check against a plan that breaks exactly its rule: the reference plan of a generated item,
// changed in one place (or judged against a query changed in one constraint). Every other check
// must still pass, so a check that fires on the wrong thing shows up here too.
import { describe, it, expect } from 'vitest';
import type { Problem } from '../../../src/core/types.js';
import { evaluatePlan, finalPass, type TravelDetails } from '../../../generators/travel/evaluate/evaluate.js';
import { COMMONSENSE_CHECKS, HARD_CHECKS, type CheckName } from '../../../generators/travel/evaluate/checks.js';
import { validCitySequence } from '../../../generators/travel/evaluate/commonsense.js';
import { driveText, entityText } from '../../../generators/travel/plan/render.js';
import type { PlanDay } from '../../../generators/travel/plan/types.js';
import { planTrip } from '../../../generators/travel/planner/planner.js';
import { buildScope } from '../../../generators/travel/query/scope.js';
import type { HouseRuleValue, TravelQuery } from '../../../generators/travel/query/types.js';
import { QUERYABLE_CUISINES } from '../../../generators/travel/world/types.js';
import { items, truthOf, worldOf } from './helpers.js';

// A generous budget keeps the commonsense mutations from tripping the budget as a side effect.
const EASY = items({ days: 3, level: 'easy', slackPercent: [200, 200] }, 30, 'evaluate');
const FIVE = items({ days: 5, level: 'easy', slackPercent: [200, 200] }, 10, 'evaluate-5');

const daysOf = (p: Problem): PlanDay[] => truthOf(p).referencePlan.map(({ days: _d, ...rest }) => ({ ...rest }));

function judge(p: Problem, days: PlanDay[], query: TravelQuery = truthOf(p).query): TravelDetails {
  return evaluatePlan(worldOf(p), query, { format: 'text', days });
}

/** Exactly the named checks fail; hard checks are only expected when the plan gets that far. */
function expectOnly(d: TravelDetails, failing: CheckName[]): void {
  for (const k of COMMONSENSE_CHECKS)
    expect(d.commonsense[k], `${k}: ${d.failures[k] ?? ''}`).toBe(failing.includes(k) ? 'fail' : 'pass');
  for (const k of HARD_CHECKS) {
    if (d.hard[k] === 'na') continue;
    expect(d.hard[k], `${k}: ${d.failures[k] ?? ''}`).toBe(failing.includes(k) || !d.hardEvaluated ? 'fail' : 'pass');
  }
}

/**
 * Runs `mutate` on every item; it applies where it returns a plan and `check` does not answer
 * false (a mutation that also broke the budget is not a clean case). At least `want` must apply.
 */
function forMutations(
  pool: Problem[],
  want: number,
  mutate: (p: Problem, days: PlanDay[]) => { days: PlanDay[]; query?: TravelQuery } | undefined,
  check: (d: TravelDetails, p: Problem) => boolean | void,
): void {
  let applied = 0;
  for (const p of pool) {
    const m = mutate(p, daysOf(p));
    if (!m) continue;
    if (check(judge(p, m.days, m.query), p) !== false) applied++;
  }
  expect(applied).toBeGreaterThanOrEqual(want);
}

const withinBudget = (d: TravelDetails) => d.cost !== null && d.cost.total <= d.budget;

describe('travel evaluator: reference plans pass', () => {
  it('every check passes on the unchanged reference plan', () => {
    for (const p of [...EASY, ...FIVE]) {
      const d = judge(p, daysOf(p));
      expectOnly(d, []);
      expect(finalPass(d)).toBe(true);
    }
  });
});

describe('travel evaluator: each commonsense check fails on exactly its own violation', () => {
  it('Within Current City: a dinner in the origin city on a day spent elsewhere', () => {
    forMutations(
      EASY,
      10,
      (p, days) => {
        const org = worldOf(p).city(truthOf(p).query.org)!;
        const r = [...org.restaurants].sort((a, b) => a.averageCost - b.averageCost)[0]!;
        days[1]!.dinner = entityText(r.name, org.name);
        return { days };
      },
      (d) => withinBudget(d) && expectOnly(d, ['withinCurrentCity']),
    );
  });

  it('Within Sandbox: a restaurant the world does not have (hard checks are then not evaluated)', () => {
    forMutations(
      EASY,
      10,
      (p, days) => {
        days[1]!.dinner = entityText('Imaginary Supper Club', truthOf(p).route[0]!);
        return { days };
      },
      (d) => {
        expectOnly(d, ['withinSandbox']);
        expect(d.hardEvaluated).toBe(false);
        expect(d.hard.budget).toBe('fail');
      },
    );
  });

  it('Within Sandbox: a real flight on another date (upstream never compared dates)', () => {
    forMutations(
      EASY,
      3,
      (p, days) => {
        const t = truthOf(p);
        const w = worldOf(p);
        if (t.transport[0] !== 'flight') return undefined;
        const day = Number(t.query.date[0]!.slice(8));
        const other = [day - 1, day + 1].flatMap((dd) =>
          w.flights(t.query.org, t.route[0]!, `2022-03-${String(dd).padStart(2, '0')}`),
        )[0];
        if (!other) return undefined;
        days[0]!.transportation = `Flight Number: ${other.number}, from ${other.origin} to ${other.dest}, Departure Time: ${other.depTime}, Arrival Time: ${other.arrTime}`;
        return { days };
      },
      (d) => expectOnly(d, ['withinSandbox']),
    );
  });

  it('Reasonable City Route: a complete, feasible 3-day plan to a decoy city instead of the destination', () => {
    forMutations(
      EASY,
      3,
      (p) => {
        const t = truthOf(p);
        const w = worldOf(p);
        const decoy = t.candidates.find((c) => c !== t.query.dest);
        if (!decoy) return undefined;
        const { budget: _b, query: _q, ...request } = t.query;
        const planned = planTrip(w, request, buildScope(t.query.org, 3, t.candidates, [decoy]));
        return planned && planned.cost.total <= t.query.budget ? { days: planned.days } : undefined;
      },
      (d) => expectOnly(d, ['reasonableCityRoute']),
    );
  });

  it('Reasonable City Route: a complete, feasible 5-day plan through a city outside the destination state', () => {
    forMutations(
      FIVE,
      3,
      (p) => {
        const t = truthOf(p);
        const w = worldOf(p);
        const outside = w.cities.find((c) => c.state !== t.query.dest && c.name !== t.query.org && !c.noRoad)!;
        const { budget: _b, query: _q, ...request } = t.query;
        const scope = buildScope(t.query.org, 5, [...t.candidates, outside.name], [t.route[0]!, outside.name]);
        const planned = planTrip(w, request, scope);
        return planned && planned.cost.total <= t.query.budget ? { days: planned.days } : undefined;
      },
      (d) => {
        expectOnly(d, ['reasonableCityRoute']);
        expect(d.failures.reasonableCityRoute).toMatch(/is not in/);
      },
    );
  });

  it('Reasonable City Route: textbook city sequences', () => {
    expect(validCitySequence(['a', 'b', 'b', 'a']).ok).toBe(true);
    expect(validCitySequence(['a', 'b', 'b', 'c', 'c', 'a']).ok).toBe(true);
    expect(validCitySequence(['a', 'b', 'a']).ok).toBe(false); // b passed through
    expect(validCitySequence(['a', 'b', 'b', 'c', 'c', 'b', 'b', 'a']).ok).toBe(false); // b revisited
    expect(validCitySequence(['a', 'b', 'b', 'a', 'a', 'c', 'c', 'a']).ok).toBe(false); // home in the middle
    expect(validCitySequence(['a', 'b']).ok).toBe(false);
  });

  it('Diverse Restaurants: the same restaurant for breakfast and lunch', () => {
    forMutations(
      EASY,
      10,
      (_p, days) => {
        days[1]!.lunch = days[1]!.breakfast!;
        return { days };
      },
      (d) => withinBudget(d) && expectOnly(d, ['diverseRestaurants']),
    );
  });

  it('Diverse Attractions: the same attraction on two days, written without the trailing ";"', () => {
    forMutations(
      EASY,
      10,
      (_p, days) => {
        days[2]!.attraction = days[1]!.attraction!.replace(/;$/, '');
        return { days };
      },
      (d) => expectOnly(d, ['diverseAttractions']),
    );
  });

  it('Minimum Nights Stay: a listing whose minimum is longer than the stay', () => {
    forMutations(
      EASY,
      5,
      (p, days) => {
        const t = truthOf(p);
        const city = worldOf(p).city(t.route[0]!)!;
        const nights = t.nights[0]!;
        const listing = city.accommodations
          .filter((a) => a.minimumNights > nights)
          .sort((a, b) => a.price - b.price)[0];
        if (!listing) return undefined;
        for (const d of days) if (d.accommodation !== '-') d.accommodation = entityText(listing.name, city.name);
        return { days };
      },
      (d) => withinBudget(d) && expectOnly(d, ['minimumNightsStay']),
    );
  });

  it('Non-conflicting Transportation: self-driving out, flying or taking a taxi back', () => {
    forMutations(
      EASY,
      5,
      (p, days) => {
        const t = truthOf(p);
        const w = worldOf(p);
        const out = w.drive(t.query.org, t.route[0]!)!;
        const back = w.drive(t.route[0]!, t.query.org)!;
        if (t.transport[1] !== 'self-driving' && out.valid) days[0]!.transportation = driveText('self-driving', out);
        else if (t.transport[1] === 'self-driving' && back.valid) days[2]!.transportation = driveText('taxi', back);
        else return undefined;
        return { days };
      },
      (d) => withinBudget(d) && expectOnly(d, ['nonConflictingTransportation']),
    );
  });

  it('Complete Information: a full day without an attraction; a plan a day short; a missing field', () => {
    forMutations(
      EASY,
      10,
      (_p, days) => {
        days[1]!.attraction = '-';
        return { days };
      },
      (d) => expectOnly(d, ['completeInformation']),
    );
    forMutations(
      FIVE,
      5,
      (_p, days) => ({ days: days.slice(0, 4) }),
      (d) => {
        expect(d.commonsense.completeInformation).toBe('fail');
        expect(d.failures.completeInformation).toMatch(/4 days/);
      },
    );
    forMutations(
      EASY,
      5,
      (_p, days) => {
        delete days[1]!.lunch;
        return { days };
      },
      (d) => {
        expect(d.commonsense.completeInformation).toBe('fail');
        expect(d.failures.completeInformation).toMatch(/no lunch field/);
      },
    );
  });
});

describe('travel evaluator: each hard check fails on exactly its own violation', () => {
  const withConstraint = (
    p: Problem,
    patch: Partial<TravelQuery['local_constraint']>,
    budget?: number,
  ): TravelQuery => {
    const q = truthOf(p).query;
    return { ...q, budget: budget ?? q.budget, local_constraint: { ...q.local_constraint, ...patch } };
  };

  it('Budget: one dollar under the plan cost fails, the exact cost passes', () => {
    forMutations(
      EASY,
      10,
      (p, days) => ({ days, query: withConstraint(p, {}, truthOf(p).referenceCost.total - 1) }),
      (d) => expectOnly(d, ['budget']),
    );
    forMutations(
      EASY,
      10,
      (p, days) => ({ days, query: withConstraint(p, {}, truthOf(p).referenceCost.total) }),
      (d) => expectOnly(d, []),
    );
  });

  it('Room Rule: a house rule the chosen listing forbids (parties included: upstream misspelt it and never failed it)', () => {
    const VALUE: Record<string, HouseRuleValue> = {
      'No parties': 'parties',
      'No smoking': 'smoking',
      'No children under 10': 'children under 10',
      'No pets': 'pets',
      'No visitors': 'visitors',
    };
    const seen = new Set<string>();
    forMutations(
      EASY,
      10,
      (p, days) => {
        const t = truthOf(p);
        const stay = worldOf(p).accommodation(
          t.route[0]!,
          days[0]!.accommodation!.split(', ').slice(0, -1).join(', '),
        )!;
        const rule = stay.houseRules[0]!;
        seen.add(rule);
        return { days, query: withConstraint(p, { 'house rule': VALUE[rule]! }) };
      },
      (d) => expectOnly(d, ['roomRule']),
    );
    expect(seen.has('No parties')).toBe(true);
  });

  it('Cuisine: a cuisine no meal outside the origin serves', () => {
    forMutations(
      EASY,
      10,
      (p, days) => {
        const w = worldOf(p);
        const t = truthOf(p);
        const served = new Set(
          days
            .flatMap((d) => [d.breakfast, d.lunch, d.dinner])
            .filter((m) => m && m !== '-')
            .flatMap((m) => w.restaurant(t.route[0]!, m!.split(', ').slice(0, -1).join(', '))!.cuisines),
        );
        const missing = QUERYABLE_CUISINES.find((c) => !served.has(c));
        return missing ? { days, query: withConstraint(p, { cuisine: [missing] }) } : undefined;
      },
      (d) => expectOnly(d, ['cuisine']),
    );
  });

  it('Cuisine: a meal in the origin city does not count, and does not hide the other meals of its day', () => {
    forMutations(
      EASY,
      5,
      (p, days) => {
        const w = worldOf(p);
        const t = truthOf(p);
        const org = w.city(t.query.org)!;
        const lunch = w.restaurant(t.route[0]!, days[1]!.lunch!.split(', ').slice(0, -1).join(', '))!;
        // Day 2's breakfast moves to the origin; the query asks for a cuisine only day 2's lunch serves.
        const others = new Set(
          days
            .flatMap((d) => [d.breakfast, d.dinner, d === days[1] ? undefined : d.lunch])
            .filter((m) => m && m !== '-')
            .flatMap((m) => w.restaurant(t.route[0]!, m!.split(', ').slice(0, -1).join(', '))?.cuisines ?? []),
        );
        const only = lunch.cuisines.find(
          (c) => !others.has(c) && (QUERYABLE_CUISINES as readonly string[]).includes(c),
        );
        const orgMeal = org.restaurants.find((r) => only && r.cuisines.includes(only as never));
        if (!only || !orgMeal) return undefined;
        days[1]!.breakfast = entityText(orgMeal.name, org.name);
        return { days, query: withConstraint(p, { cuisine: [only] }) };
      },
      (d) => {
        expect(d.hard.cuisine).toBe('pass');
        expect(d.commonsense.withinCurrentCity).toBe('fail'); // the origin meal is on a day spent elsewhere
      },
    );
  });

  it('Room Type: a room type the stays are not', () => {
    forMutations(
      EASY,
      10,
      (p, days) => {
        const t = truthOf(p);
        const stay = worldOf(p).accommodation(
          t.route[0]!,
          days[0]!.accommodation!.split(', ').slice(0, -1).join(', '),
        )!;
        const value =
          stay.roomType === 'Entire home/apt'
            ? 'private room'
            : stay.roomType === 'Private room'
              ? 'entire room'
              : 'not shared room';
        return { days, query: withConstraint(p, { 'room type': value }) };
      },
      (d) => expectOnly(d, ['roomType']),
    );
  });

  it('Transportation: "no flight" on a plan that flies, "no self-driving" on one that drives', () => {
    forMutations(
      EASY,
      5,
      (p, days) => {
        const kinds = truthOf(p).transport;
        if (kinds.includes('flight')) return { days, query: withConstraint(p, { transportation: 'no flight' }) };
        if (kinds.includes('self-driving'))
          return { days, query: withConstraint(p, { transportation: 'no self-driving' }) };
        return undefined;
      },
      (d) => expectOnly(d, ['transportation']),
    );
  });
});

describe('travel evaluator: undelivered plans', () => {
  it('fail every commonsense check and every applicable hard check, and are not hard-evaluated', () => {
    const p = EASY[0]!;
    const d = evaluatePlan(worldOf(p), truthOf(p).query, undefined);
    expect(d.delivered).toBe(false);
    for (const k of COMMONSENSE_CHECKS) expect(d.commonsense[k]).toBe('fail');
    expect(d.hard).toEqual({ budget: 'fail', roomRule: 'na', cuisine: 'na', roomType: 'na', transportation: 'na' });
    const v = p.verify('no plan here');
    expect(v.correct).toBe(false);
    expect(v.formatOk).toBe(false);
    expect(v.score).toBe(0);
  });
});
