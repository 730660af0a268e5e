// The reference planner against two independent judges that know nothing of its decomposition:
// (1) on small worlds, a brute force over every 3-day plan (every listed way to travel each leg,
//     any listing each night, every set of restaurants), each scored by the evaluator;
// (2) on full items of every length, every single substitution of the reference plan (a meal, a
//     listing, a leg) that still passes every check costs at least as much.
import { describe, it, expect } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import { World } from '../../../generators/travel/world/world.js';
import { parseTravelParams } from '../../../generators/travel/params.js';
import { sampleTrip, type TripRequest } from '../../../generators/travel/query/sample.js';
import { planTrip, compositions, permutations } from '../../../generators/travel/planner/planner.js';
import { evaluatePlan, finalPass } from '../../../generators/travel/evaluate/evaluate.js';
import { attractionsText, driveText, entityText, flightText } from '../../../generators/travel/plan/render.js';
import type { PlanDay } from '../../../generators/travel/plan/types.js';
import type { TravelQuery } from '../../../generators/travel/query/types.js';
import type { TripScope } from '../../../generators/travel/query/scope.js';
import { items, truthOf, worldOf, scopeOfItem } from './helpers.js';

const NO_LIMIT = Number.MAX_SAFE_INTEGER;
const asQuery = (r: TripRequest, budget = NO_LIMIT): TravelQuery => ({ ...r, budget, query: '' });

/** A world whose cities keep only a handful of restaurants and listings, so every plan can be tried. */
const smallWorlds = new Map<string, World>();
function smallWorld(seed: string): World {
  const hit = smallWorlds.get(seed);
  if (hit) return hit;
  const w = new World({ seed, states: 6 });
  smallWorlds.set(seed, w);
  for (const c of w.cities) {
    c.restaurants = c.restaurants.slice(0, 5);
    c.accommodations = c.accommodations.slice(0, 4);
  }
  return w;
}

function bruteForce3Day(w: World, r: TripRequest, scope: TripScope): number | undefined {
  const city = w.city(r.dest)!;
  const legs = [
    [r.org, city.name, 0],
    [city.name, r.org, 2],
  ] as const;
  const options = legs.map(([from, to, day]) => {
    const out = scope.flights.some((f) => f.from === from && f.to === to && f.day === day)
      ? w.flights(from, to, r.date[day]).map(flightText)
      : [];
    const d = w.drive(from, to)!;
    if (d.valid) out.push(driveText('self-driving', d), driveText('taxi', d));
    return out;
  });
  const sets: (typeof city.restaurants)[] = [];
  for (let mask = 0; mask < 1 << city.restaurants.length; mask++) {
    const set = city.restaurants.filter((_, i) => mask & (1 << i));
    if (set.length >= 3) sets.push(set);
  }
  const sights = city.attractions.slice(0, 3).map((a) => attractionsText([a]));
  const q = asQuery(r);
  let best: number | undefined;
  for (const out of options[0]!)
    for (const back of options[1]!)
      for (const h1 of city.accommodations)
        for (const h2 of city.accommodations)
          for (const set of sets) {
            const m = set.map((x) => entityText(x.name, city.name));
            const days: PlanDay[] = [
              {
                current_city: `from ${r.org} to ${city.name}`,
                transportation: out,
                breakfast: '-',
                attraction: sights[0]!,
                lunch: '-',
                dinner: m[3] ?? '-',
                accommodation: entityText(h1.name, city.name),
              },
              {
                current_city: city.name,
                transportation: '-',
                breakfast: m[0]!,
                attraction: sights[1]!,
                lunch: m[1]!,
                dinner: m[2]!,
                accommodation: entityText(h2.name, city.name),
              },
              {
                current_city: `from ${city.name} to ${r.org}`,
                transportation: back,
                breakfast: m[4] ?? '-',
                attraction: sights[2]!,
                lunch: '-',
                dinner: '-',
                accommodation: '-',
              },
            ];
            const d = evaluatePlan(w, q, { format: 'text', days });
            if (finalPass(d) && (best === undefined || d.cost!.total < best)) best = d.cost!.total;
          }
  return best;
}

describe('travel planner: brute force on small worlds', () => {
  for (const level of ['easy', 'medium', 'hard'] as const) {
    it(`3-day ${level}: the planner's cost is the cheapest feasible plan, and it finds one exactly when one exists`, () => {
      const params = parseTravelParams({ days: 3, level, decoys: 0 });
      // Hard queries on five restaurants and four listings a city are often infeasible: both sides must agree on that too.
      const want = level === 'hard' ? 2 : 3;
      let compared = 0,
        infeasible = 0;
      for (let i = 0; compared < want && i < 200; i++) {
        const w = smallWorld(`bf-${level}-${i % 3}`);
        const trip = sampleTrip(w, params, Rng.forItem('bf', i));
        if (!trip) continue;
        const planned = planTrip(w, trip.request, trip.scope);
        const brute = bruteForce3Day(w, trip.request, trip.scope);
        expect(planned?.cost.total).toBe(brute);
        if (planned) {
          compared++;
          expect(finalPass(evaluatePlan(w, asQuery(trip.request), { format: 'text', days: planned.days }))).toBe(true);
        } else infeasible++;
      }
      expect(compared).toBe(want);
      if (level === 'hard') expect(infeasible).toBeGreaterThan(0);
    });
  }
});

describe('travel planner: no single substitution makes a feasible plan cheaper', () => {
  const REGIONS = {
    '3-day medium': { days: 3, level: 'medium' },
    '3-day hard': { days: 3, level: 'hard' },
    '5-day medium': { days: 5, level: 'medium' },
    '5-day hard': { days: 5, level: 'hard' },
    '7-day hard': { days: 7, level: 'hard' },
  };
  for (const [name, region] of Object.entries(REGIONS)) {
    it(name, () => {
      let feasibleVariants = 0;
      for (const p of items(region, 3, `subst-${name}`)) {
        const t = truthOf(p);
        const w = worldOf(p);
        const scope = scopeOfItem(p);
        const q = { ...t.query, budget: NO_LIMIT };
        const base: PlanDay[] = t.referencePlan.map(({ days: _d, ...rest }) => rest);
        const cost = t.referenceCost.total;
        const variants: PlanDay[][] = [];
        const used = new Set(base.flatMap((d) => [d.breakfast, d.lunch, d.dinner]));
        base.forEach((d, i) => {
          for (const slot of ['breakfast', 'lunch', 'dinner'] as const) {
            const current = d[slot]!;
            const city = current === '-' ? undefined : current.split(', ').at(-1)!;
            const cities = city
              ? [city]
              : (d.current_city!.startsWith('from') ? d.current_city!.slice(5).split(' to ') : []).filter(
                  (c) => c !== t.query.org,
                );
            for (const c of cities)
              for (const r of w.city(c)!.restaurants) {
                const text = entityText(r.name, c);
                if (!used.has(text)) variants.push(base.map((x, j) => (j === i ? { ...x, [slot]: text } : x)));
              }
          }
          if (d.accommodation !== '-' && (i === 0 || base[i - 1]!.accommodation !== d.accommodation)) {
            const city = d.accommodation!.split(', ').at(-1)!;
            for (const a of w.city(city)!.accommodations) {
              const text = entityText(a.name, city);
              variants.push(base.map((x) => (x.accommodation === d.accommodation ? { ...x, accommodation: text } : x)));
            }
          }
          if (d.transportation !== '-') {
            const [from, to] = d.current_city!.slice(5).split(' to ') as [string, string];
            const options = scope.flights.some((f) => f.from === from && f.to === to && f.day === i)
              ? w.flights(from, to, t.query.date[i]!).map(flightText)
              : [];
            const dr = w.drive(from, to)!;
            if (dr.valid) options.push(driveText('self-driving', dr), driveText('taxi', dr));
            for (const o of options) variants.push(base.map((x, j) => (j === i ? { ...x, transportation: o } : x)));
            // Switching every leg at once to self-driving keeps the transport consistent.
            const all = base.map((x) => {
              if (x.transportation === '-') return x;
              const [f2, t2] = x.current_city!.slice(5).split(' to ') as [string, string];
              const d2 = w.drive(f2, t2)!;
              return d2.valid ? { ...x, transportation: driveText('self-driving', d2) } : x;
            });
            variants.push(all);
          }
        });
        for (const v of variants) {
          const d = evaluatePlan(w, q, { format: 'text', days: v });
          if (!finalPass(d)) continue;
          feasibleVariants++;
          expect(d.cost!.total, JSON.stringify(v)).toBeGreaterThanOrEqual(cost);
        }
      }
      expect(feasibleVariants).toBeGreaterThan(10);
    });
  }
});

describe('travel planner: enumeration helpers', () => {
  it('compositions and permutations', () => {
    expect(compositions(2, 2)).toEqual([
      [0, 2],
      [1, 1],
      [2, 0],
    ]);
    expect(compositions(3, 3)).toHaveLength(10);
    expect(permutations(['a', 'b', 'c'], 2)).toEqual([
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'a'],
      ['b', 'c'],
      ['c', 'a'],
      ['c', 'b'],
    ]);
  });
});
