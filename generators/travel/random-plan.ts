// baseline:random for this family: a plan of random records from the reference information, in
// the right format. Random cities (decoys included), a random schedule, a random listed way to
// travel each leg, random listings, restaurants and attractions: delivered, and almost never
// feasible.
import type { Rng } from '../../src/core/rng.js';
import type { World } from './world/world.js';
import type { TripScope } from './query/scope.js';
import type { TripRequest } from './query/sample.js';
import { attractionsText, driveText, entityText, flightText, renderTextPlan } from './plan/render.js';
import type { PlanDay } from './plan/types.js';
import { compositions } from './planner/planner.js';

export function randomPlan(world: World, q: TripRequest, scope: TripScope, rng: Rng): string {
  const k = Math.min(q.visiting_city_number, scope.candidates.length);
  const route = rng.sample(scope.candidates, k);
  const full = rng.pick(compositions(q.days - 1 - k, k));
  const days: PlanDay[] = [];
  const city = (name: string) => world.city(name)!;
  const leg = (from: string, to: string, day: number) => {
    const flights = world.flights(from, to, q.date[day]!);
    const drive = world.drive(from, to);
    const options: string[] = flights.map(flightText);
    if (drive?.valid) options.push(driveText('self-driving', drive), driveText('taxi', drive));
    return options.length ? rng.pick(options) : `Taxi, from ${from} to ${to}`;
  };
  const restaurant = (c: string) => {
    const r = rng.pick(city(c).restaurants);
    return entityText(r.name, c);
  };
  const sight = (c: string) => attractionsText(rng.sample(city(c).attractions, rng.int(1, 2)));
  let from = q.org;
  let day = 0;
  route.forEach((c, j) => {
    const stay = entityText(rng.pick(city(c).accommodations).name, c);
    days.push({
      current_city: `from ${from} to ${c}`,
      transportation: leg(from, c, day),
      breakfast: '-',
      attraction: sight(c),
      lunch: '-',
      dinner: restaurant(c),
      accommodation: stay,
    });
    for (let f = 0; f < full[j]!; f++) {
      days.push({
        current_city: c,
        transportation: '-',
        breakfast: restaurant(c),
        attraction: sight(c),
        lunch: restaurant(c),
        dinner: restaurant(c),
        accommodation: stay,
      });
    }
    day += 1 + full[j]!;
    from = c;
  });
  days.push({
    current_city: `from ${from} to ${q.org}`,
    transportation: leg(from, q.org, q.days - 1),
    breakfast: restaurant(from),
    attraction: sight(from),
    lunch: '-',
    dinner: '-',
    accommodation: '-',
  });
  return renderTextPlan(days);
}
