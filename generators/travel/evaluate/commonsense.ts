// The 8 commonsense checks of TravelPlanner (evaluation/commonsense_constraint.py), with the
// intended semantics where the code differs (each difference is listed in the README):
// real city lists on non-travel days, attractions counted with or without a trailing ';',
// exact entity matching, flight dates checked, 3-day trips checked to reach their destination,
// and Complete Information's fill share counted over the six fields it divides by.
import { normalizeName, type World } from '../world/world.js';
import type { TravelQuery } from '../query/types.js';
import { DAY_FIELDS, isEmptyValue, MEAL_FIELDS, type PlanDay } from '../plan/types.js';
import { fail, PASS, type CheckResult } from './checks.js';
import { isPaddingDay, sameCity, type ResolvedDay } from './resolve.js';

export interface PlanContext {
  world: World;
  query: TravelQuery;
  /** The plan's days with trailing padding removed. */
  planDays: PlanDay[];
  /** The first `days` of them, resolved against the world. */
  days: ResolvedDay[];
}

export function reasonableCityRoute(ctx: PlanContext): CheckResult {
  const { query, world, days } = ctx;
  const route: string[] = [];
  for (const [i, d] of days.entries()) {
    if (!d.cities) return fail(`day ${i + 1} has no current city`);
    route.push(...d.cities);
  }
  if (!days[0]?.travel || !sameCity(days[0].cities![0], query.org))
    return fail(`the first day must travel from ${query.org}`);
  if (route.length < 3) return fail('the route has fewer than three stops');
  if (!sameCity(route[0], route[route.length - 1])) return fail(`the trip must end back in ${query.org}`);
  const sequence = validCitySequence(route.map(normalizeName));
  if (!sequence.ok) return sequence;
  for (const [i, name] of route.entries()) {
    const city = world.city(name);
    if (!city) return fail(`${name} is not a city of this world`);
    if (i === 0 || i === route.length - 1) continue;
    if (query.days === 3 && !sameCity(name, query.dest)) return fail(`${name} is not ${query.dest}, the destination`);
    if (query.days > 3 && normalizeName(city.state) !== normalizeName(query.dest))
      return fail(`${name} is not in ${query.dest}`);
  }
  return PASS;
}

/** Every interior city in one consecutive run of length ≥ 2; only the endpoints may repeat (upstream is_valid_city_sequence). */
export function validCitySequence(route: readonly string[]): CheckResult {
  if (route.length < 3) return fail('the route has fewer than three stops');
  const seen = new Set<string>();
  let i = 0;
  while (i < route.length) {
    const city = route[i]!;
    if (seen.has(city) && i !== 0 && i !== route.length - 1) return fail(`${city} is visited twice`);
    let run = 0;
    while (i < route.length && route[i] === city) {
      run++;
      i++;
    }
    if (run === 1 && i - 1 > 0 && i - 1 < route.length - 1) return fail(`${city} is passed through without a stay`);
    seen.add(city);
  }
  return PASS;
}

export function diverseRestaurants(ctx: PlanContext): CheckResult {
  const seen = new Set<string>();
  for (const [i, d] of ctx.days.entries()) {
    for (const { slot, item } of d.meals) {
      if (seen.has(item.identity)) return fail(`day ${i + 1} ${slot} repeats ${item.text}`);
      seen.add(item.identity);
    }
  }
  return PASS;
}

export function diverseAttractions(ctx: PlanContext): CheckResult {
  const seen = new Set<string>();
  for (const [i, d] of ctx.days.entries()) {
    for (const a of d.attractions) {
      if (seen.has(a.identity)) return fail(`day ${i + 1} repeats the attraction ${a.text}`);
      seen.add(a.identity);
    }
  }
  return PASS;
}

export function minimumNightsStay(ctx: PlanContext): CheckResult {
  const runs: { identity: string; length: number; day: ResolvedDay }[] = [];
  for (const [i, d] of ctx.days.entries()) {
    if (d.raw.accommodation === undefined) return fail(`day ${i + 1} has no accommodation field`);
    const identity = d.accommodation?.identity ?? '-';
    const last = runs[runs.length - 1];
    if (last && last.identity === identity) last.length++;
    else runs.push({ identity, length: 1, day: d });
  }
  for (const run of runs) {
    const listing = run.day.accommodation?.record;
    if (listing && run.length < listing.minimumNights) {
      return fail(
        `${run.day.accommodation!.text} needs at least ${listing.minimumNights} consecutive nights; the plan stays ${run.length}`,
      );
    }
  }
  return PASS;
}

export function nonConflictingTransportation(ctx: PlanContext): CheckResult {
  if (!ctx.days[0]?.transport) return fail('day 1 has no transportation');
  const kinds = new Set(ctx.days.map((d) => d.transport?.parsed.kind).filter((k) => k !== undefined));
  if (kinds.has('self-driving') && kinds.has('flight')) return fail('the plan mixes self-driving and flights');
  if (kinds.has('self-driving') && kinds.has('taxi')) return fail('the plan mixes self-driving and taxis');
  return PASS;
}

export function withinCurrentCity(ctx: PlanContext): CheckResult {
  for (const [i, d] of ctx.days.entries()) {
    const day = i + 1;
    const cities = d.cities;
    if (!cities) return fail(`day ${day} has no current city`);
    const inDay = (city: string | undefined) => cities.some((c) => sameCity(c, city));
    if (d.transport) {
      const { parsed, text } = d.transport;
      let ok: boolean;
      if (parsed.from !== undefined && parsed.to !== undefined) {
        ok = d.travel
          ? sameCity(parsed.from, cities[0]) && sameCity(parsed.to, cities[1])
          : inDay(parsed.from) || inDay(parsed.to);
      } else {
        // No route in the line: as upstream, it must at least name the day's cities.
        ok = cities.every((c) => normalizeName(text).includes(normalizeName(c)));
      }
      if (!ok)
        return fail(
          `day ${day} transportation does not go ${d.travel ? `from ${cities[0]} to ${cities[1]}` : `from or to ${cities[0]}`}`,
        );
    }
    for (const { slot, item } of d.meals)
      if (!inDay(item.entity?.city)) return fail(`day ${day} ${slot} ${item.text} is not in ${cities.join(' or ')}`);
    for (const a of d.attractions)
      if (!inDay(a.entity?.city)) return fail(`day ${day} attraction ${a.text} is not in ${cities.join(' or ')}`);
    if (d.accommodation && !sameCity(d.accommodation.entity?.city, cities[cities.length - 1])) {
      return fail(`day ${day} accommodation ${d.accommodation.text} is not in ${cities[cities.length - 1]}`);
    }
  }
  return PASS;
}

export function withinSandbox(ctx: PlanContext): CheckResult {
  for (const [i, d] of ctx.days.entries()) {
    const day = i + 1;
    const t = d.transport;
    if (t) {
      const kind = t.parsed.kind;
      if (kind === 'unknown')
        return fail(`day ${day} transportation "${t.text}" is not a flight, self-driving or taxi`);
      if (kind === 'flight') {
        if (!t.flight) return fail(`day ${day} flight ${t.parsed.number ?? '(no number)'} does not exist`);
        if (!sameCity(t.from, t.flight.origin) || !sameCity(t.to, t.flight.dest))
          return fail(`day ${day} flight ${t.flight.number} does not fly from ${t.from ?? '?'} to ${t.to ?? '?'}`);
        // Upstream never compared dates: a flight from another day passed.
        if (t.flight.date !== ctx.query.date[i])
          return fail(`day ${day} flight ${t.flight.number} flies on ${t.flight.date}, not ${ctx.query.date[i]}`);
      } else if (!t.drive || !t.drive.valid) {
        return fail(`day ${day} has no ${kind} information from ${t.from ?? '?'} to ${t.to ?? '?'}`);
      }
    }
    for (const { slot, item } of d.meals)
      if (!item.record) return fail(`day ${day} ${slot} ${item.text} is not a known restaurant`);
    for (const a of d.attractions)
      if (!a.record) return fail(`day ${day} attraction ${a.text} is not a known attraction`);
    if (d.accommodation && !d.accommodation.record)
      return fail(`day ${day} accommodation ${d.accommodation.text} is not a known listing`);
  }
  return PASS;
}

export function completeInformation(ctx: PlanContext): CheckResult {
  const { query, planDays, days } = ctx;
  if (planDays.length !== query.days) return fail(`the plan has ${planDays.length} days; the trip has ${query.days}`);
  const visited = new Set<string>();
  let filled = 0;
  for (const [i, d] of days.entries()) {
    const day = i + 1;
    const raw = d.raw;
    if (isPaddingDay(raw)) return fail(`day ${day} is empty`);
    if (raw.current_city === undefined) return fail(`day ${day} has no current city`);
    for (const f of DAY_FIELDS) if (raw[f] === undefined) return fail(`day ${day} has no ${f} field`);
    for (const c of d.cities ?? []) if (!sameCity(c, query.org)) visited.add(normalizeName(c));
    if (d.travel && isEmptyValue(raw.transportation)) return fail(`day ${day} travels without transportation`);
    if (!d.travel && isEmptyValue(raw.attraction)) return fail(`day ${day} has no attraction`);
    if (!d.travel && MEAL_FIELDS.some((m) => isEmptyValue(raw[m]))) return fail(`day ${day} is missing a meal`);
    if (i !== query.days - 1 && isEmptyValue(raw.accommodation)) return fail(`day ${day} has no accommodation`);
    filled += DAY_FIELDS.filter((f) => !isEmptyValue(raw[f])).length;
  }
  if (visited.size !== query.visiting_city_number)
    return fail(`the plan visits ${visited.size} cities; the trip visits ${query.visiting_city_number}`);
  if (2 * filled < 6 * query.days)
    return fail(`only ${filled} of ${6 * query.days} fields are filled (at least half are needed)`);
  return PASS;
}
