// The reference planner: the cheapest plan that satisfies every commonsense and hard constraint
// except the budget (which is then set from its cost), using only what the reference
// information lists. Exhaustive over routes and schedules; each part of the cost is minimised
// in closed form for a given route and schedule:
//   - transport: all self-driving, or per leg the cheaper of flight and taxi (the two mode
//     families the Non-conflicting Transportation check allows);
//   - lodging: one listing per city, the cheapest per night among those whose minimum nights fit
//     the stay (switching listings inside a city never helps: a longer stay admits more listings);
//   - meals: three distinct restaurants per full day, plus at most |cuisines| extra meals on
//     travel days when the requested cuisines need them (an optimal plan never needs more: any
//     extra beyond one witness per cuisine could be dropped).
// Attractions are free; one per full day and one per travel day keep the plan complete.
import type { World } from '../world/world.js';
import type { Accommodation, Drive, Flight, Restaurant } from '../world/types.js';
import { byCodePoint, selfDrivingCost, taxiCost } from '../world/geometry.js';
import { allowsHouseRule, matchesRoomType } from '../query/constraints.js';
import { ScopeIndex, type TripScope } from '../query/scope.js';
import type { TripRequest } from '../query/sample.js';
import { attractionsText, driveText, entityText, flightText } from '../plan/render.js';
import type { MealField, PlanDay } from '../plan/types.js';
import { carsFor, type CostBreakdown } from '../evaluate/cost.js';
import { mealTable, type MealTable } from './meals.js';

export type LegKind = 'flight' | 'self-driving' | 'taxi';
interface Leg {
  kind: LegKind;
  cost: number;
  flight?: Flight;
  drive?: Drive;
}
interface LegOptions {
  flight?: Leg;
  selfDriving?: Leg;
  taxi?: Leg;
}
interface Stay {
  listing: Accommodation;
  nightly: number;
}

export interface PlannedTrip {
  days: PlanDay[];
  cost: CostBreakdown;
  route: string[];
  nights: number[];
  transport: LegKind[];
}

/** Ways to split `total` full days over `parts` cities (each may get none), in lexicographic order. */
export function compositions(total: number, parts: number): number[][] {
  if (parts === 1) return [[total]];
  const out: number[][] = [];
  for (let first = 0; first <= total; first++)
    for (const rest of compositions(total - first, parts - 1)) out.push([first, ...rest]);
  return out;
}

export function permutations<T>(items: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  const out: T[][] = [];
  items.forEach((x, i) => {
    for (const rest of permutations([...items.slice(0, i), ...items.slice(i + 1)], k - 1)) out.push([x, ...rest]);
  });
  return out;
}

interface MealPick {
  k: number;
  mask: number;
}

/** Cheapest meals over the route's cities: per city k ≥ mandatory restaurants, extras ≤ maxExtras in all, cuisines covered. */
function combineMeals(
  tables: readonly MealTable[],
  mandatory: readonly number[],
  maxExtras: number,
  fullMask: number,
): { cost: number; picks: MealPick[] } | undefined {
  const masks = fullMask + 1;
  type Cell = { cost: number; picks: MealPick[] };
  let layer: (Cell | undefined)[] = new Array((maxExtras + 1) * masks);
  layer[0] = { cost: 0, picks: [] };
  tables.forEach((table, j) => {
    const next: (Cell | undefined)[] = new Array((maxExtras + 1) * masks);
    for (let e = 0; e <= maxExtras; e++) {
      for (let m = 0; m < masks; m++) {
        const cell = layer[e * masks + m];
        if (!cell) continue;
        for (let add = 0; e + add <= maxExtras; add++) {
          const k = mandatory[j]! + add;
          for (let cm = 0; cm < masks; cm++) {
            const c = table.cost(k, cm);
            if (c === Infinity) continue;
            const idx = (e + add) * masks + (m | cm);
            const total = cell.cost + c;
            if (!next[idx] || total < next[idx]!.cost)
              next[idx] = { cost: total, picks: [...cell.picks, { k, mask: cm }] };
          }
        }
      }
    }
    layer = next;
  });
  let best: Cell | undefined;
  for (let e = 0; e <= maxExtras; e++) {
    const cell = layer[e * masks + fullMask];
    if (cell && (!best || cell.cost < best.cost)) best = cell;
  }
  return best;
}

export function planTrip(world: World, q: TripRequest, scope: TripScope): PlannedTrip | undefined {
  const people = q.people_number;
  const D = q.days;
  const k = q.visiting_city_number;
  const lc = q.local_constraint;
  const wanted = lc.cuisine ?? [];
  const fullMask = (1 << wanted.length) - 1;
  const index = new ScopeIndex(scope);

  const legMemo = new Map<string, LegOptions>();
  const legOptions = (from: string, to: string, day: number): LegOptions => {
    const key = `${from}\u0000${to}\u0000${day}`;
    let o = legMemo.get(key);
    if (o) return o;
    o = {};
    if (lc.transportation !== 'no flight' && index.hasFlights(from, to, day)) {
      const cheapest = [...world.flights(from, to, q.date[day]!)].sort(
        (a, b) => a.price - b.price || byCodePoint(a.number, b.number),
      )[0];
      if (cheapest) o.flight = { kind: 'flight', cost: cheapest.price * people, flight: cheapest };
    }
    const drive = index.hasDrive(from, to) ? world.drive(from, to) : undefined;
    if (drive?.valid && drive.kmTenths !== null) {
      if (lc.transportation !== 'no self-driving')
        o.selfDriving = { kind: 'self-driving', cost: selfDrivingCost(drive.kmTenths) * carsFor(people, 5), drive };
      o.taxi = { kind: 'taxi', cost: taxiCost(drive.kmTenths) * carsFor(people, 4), drive };
    }
    legMemo.set(key, o);
    return o;
  };

  const stayMemo = new Map<string, Stay | null>();
  const stayFor = (city: string, nights: number): Stay | null => {
    const key = `${city}\u0000${nights}`;
    const hit = stayMemo.get(key);
    if (hit !== undefined) return hit;
    let best: Stay | null = null;
    for (const a of world.city(city)!.accommodations) {
      if (
        a.minimumNights > nights ||
        !matchesRoomType(a.roomType, lc['room type']) ||
        !allowsHouseRule(a, lc['house rule'])
      )
        continue;
      const nightly = a.price * carsFor(people, a.maximumOccupancy);
      if (!best || nightly < best.nightly || (nightly === best.nightly && a.name < best.listing.name))
        best = { listing: a, nightly };
    }
    stayMemo.set(key, best);
    return best;
  };

  const fullDays = D - 1 - k;
  const tables = new Map<string, MealTable>();
  const tableFor = (city: string) => {
    let t = tables.get(city);
    if (!t) {
      t = mealTable(world.city(city)!.restaurants, wanted, 3 * fullDays + wanted.length);
      tables.set(city, t);
    }
    return t;
  };

  let best:
    | {
        total: number;
        route: string[];
        full: number[];
        legs: Leg[];
        stays: Stay[];
        meals: MealPick[];
        mealCost: number;
      }
    | undefined;
  for (const route of permutations(scope.destinations, k)) {
    for (const full of compositions(fullDays, k)) {
      const legs = legsOf(q.org, route, full, D);
      const transport = chooseTransport(legs.map((l) => legOptions(l.from, l.to, l.day)));
      if (!transport) continue;
      const stays: Stay[] = [];
      let lodging = 0;
      for (const [j, city] of route.entries()) {
        const stay = stayFor(city, 1 + full[j]!);
        if (!stay) break;
        stays.push(stay);
        lodging += stay.nightly * (1 + full[j]!);
      }
      if (stays.length < k) continue;
      const partial = transport.cost + lodging;
      if (best && partial >= best.total) continue;
      const meals = combineMeals(
        route.map(tableFor),
        full.map((n) => 3 * n),
        wanted.length,
        fullMask,
      );
      if (!meals) continue;
      const total = partial + meals.cost * people;
      if (!best || total < best.total)
        best = { total, route, full, legs: transport.legs, stays, meals: meals.picks, mealCost: meals.cost };
    }
  }
  if (!best) return undefined;

  const chosen = best.route.map((city, j) => tableFor(city).choose(best!.meals[j]!.k, best!.meals[j]!.mask));
  const days = writeDays(world, q, best.route, best.full, best.legs, best.stays, chosen);
  const transportation = best.legs.reduce((s, l) => s + l.cost, 0);
  const accommodation = best.stays.reduce((s, st, j) => s + st.nightly * (1 + best!.full[j]!), 0);
  const meals = best.mealCost * people;
  return {
    days,
    cost: { total: transportation + accommodation + meals, transportation, meals, accommodation },
    route: best.route,
    nights: best.full.map((n) => n + 1),
    transport: best.legs.map((l) => l.kind),
  };
}

interface LegSpec {
  from: string;
  to: string;
  day: number;
}

/** Day 1 out, one leg after each city's full days, the last day home. */
function legsOf(org: string, route: readonly string[], full: readonly number[], D: number): LegSpec[] {
  const legs: LegSpec[] = [{ from: org, to: route[0]!, day: 0 }];
  let day = 0;
  for (let j = 0; j < route.length; j++) {
    day += 1 + full[j]!;
    legs.push({ from: route[j]!, to: j + 1 < route.length ? route[j + 1]! : org, day });
  }
  if (day !== D - 1) throw new Error('planner: schedule does not end on the last day');
  return legs;
}

function chooseTransport(options: readonly LegOptions[]): { cost: number; legs: Leg[] } | undefined {
  let mixed: Leg[] | undefined = [];
  for (const o of options) {
    const pick = [o.flight, o.taxi].filter((l): l is Leg => !!l).sort((a, b) => a.cost - b.cost)[0];
    if (!pick) {
      mixed = undefined;
      break;
    }
    mixed.push(pick);
  }
  const driving = options.every((o) => o.selfDriving) ? options.map((o) => o.selfDriving!) : undefined;
  const cost = (legs: Leg[] | undefined) => (legs ? legs.reduce((s, l) => s + l.cost, 0) : Infinity);
  if (!mixed && !driving) return undefined;
  const legs = cost(driving) < cost(mixed) ? driving! : mixed!;
  return { cost: cost(legs), legs };
}

function legText(leg: Leg): string {
  return leg.kind === 'flight' ? flightText(leg.flight!) : driveText(leg.kind, leg.drive!);
}

const ARRIVAL_SLOTS: readonly MealField[] = ['dinner', 'lunch', 'breakfast'];
const DEPARTURE_SLOTS: readonly MealField[] = ['breakfast', 'lunch', 'dinner'];

function writeDays(
  world: World,
  q: TripRequest,
  route: readonly string[],
  full: readonly number[],
  legs: readonly Leg[],
  stays: readonly Stay[],
  chosen: readonly Restaurant[][],
): PlanDay[] {
  const D = q.days;
  const days: PlanDay[] = Array.from({ length: D }, () => ({}));
  const nextAttraction = new Map(route.map((c) => [c, 0]));
  const attraction = (city: string) => {
    const i = nextAttraction.get(city)!;
    nextAttraction.set(city, i + 1);
    const a = world.city(city)!.attractions[i];
    if (!a) throw new Error(`planner: ${city} has too few attractions`);
    return attractionsText([a]);
  };
  const arrivalDay: number[] = [];
  let day = 0;
  for (let j = 0; j < route.length; j++) {
    const city = route[j]!;
    const stay = entityText(stays[j]!.listing.name, city);
    const from = j === 0 ? q.org : route[j - 1]!;
    arrivalDay.push(day);
    days[day] = {
      current_city: `from ${from} to ${city}`,
      transportation: legText(legs[j]!),
      attraction: attraction(city),
      accommodation: stay,
    };
    const mandatory = chosen[j]!.slice(0, 3 * full[j]!);
    for (let f = 1; f <= full[j]!; f++) {
      const [b, l, d] = mandatory.slice(3 * (f - 1), 3 * f).map((r) => entityText(r.name, city));
      days[day + f] = {
        current_city: city,
        transportation: '-',
        breakfast: b!,
        attraction: attraction(city),
        lunch: l!,
        dinner: d!,
        accommodation: stay,
      };
    }
    day += 1 + full[j]!;
  }
  const lastCity = route[route.length - 1]!;
  days[D - 1] = {
    current_city: `from ${lastCity} to ${q.org}`,
    transportation: legText(legs[legs.length - 1]!),
    attraction: attraction(lastCity),
    accommodation: '-',
  };

  // Extra meals (for cuisines) go on travel days touching their city, exclusive days first.
  route.forEach((city, j) => {
    const departure = j + 1 < route.length ? arrivalDay[j + 1]! : D - 1;
    const order =
      j === route.length - 1 && j > 0
        ? ([
            [departure, DEPARTURE_SLOTS],
            [arrivalDay[j]!, ARRIVAL_SLOTS],
          ] as const)
        : ([
            [arrivalDay[j]!, ARRIVAL_SLOTS],
            [departure, DEPARTURE_SLOTS],
          ] as const);
    for (const r of chosen[j]!.slice(3 * full[j]!)) {
      const free = order
        .flatMap(([d, slots]) => slots.map((s) => [d, s] as const))
        .find(([d, s]) => days[d]![s] === undefined);
      if (!free) throw new Error('planner: no free meal slot for an extra restaurant');
      days[free[0]]![free[1]] = entityText(r.name, city);
    }
  });
  for (const d of days)
    for (const f of ['transportation', 'breakfast', 'attraction', 'lunch', 'dinner', 'accommodation'] as const)
      d[f] ??= '-';
  return days;
}
