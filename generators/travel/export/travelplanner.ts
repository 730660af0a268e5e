// Writing a world, its queries and reference plans in TravelPlanner's own layout, so existing
// TravelPlanner tooling (its tools/*/apis.py loaders and evaluation/*.py) reads them unchanged:
//   database/background/{citySet.txt, citySet_with_states.txt, stateSet.txt}
//   database/flights/clean_Flights_2022.csv
//   database/accommodations/clean_accommodations_2022.csv
//   database/restaurants/clean_restaurant_2022.csv
//   database/attractions/attractions.csv
//   database/googleDistanceMatrix/distance.csv
// plus queries in the HF dataset's fields and plans as submission lines ({idx, query, plan}).
import { mkdirSync, writeFileSync, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import type { World } from '../world/world.js';
import { worldFor } from '../world/world.js';
import { formatDriveDuration, formatKm } from '../world/geometry.js';
import { DAYS_IN_MONTH } from '../world/flight-numbers.js';
import { buildScope, type TripScope } from '../query/scope.js';
import { FLIGHT_COLUMNS, referenceEntries } from '../reference-info.js';
import type { TravelTruth } from '../sole-planning.js';

export function csvField(v: string | number): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const csvLine = (fields: readonly (string | number)[]) => `${fields.map(csvField).join(',')}\n`;
/** pandas prints whole floats as "131.0"; the upstream tables hold these columns as floats. */
const asFloat = (n: number) => (Number.isInteger(n) ? `${n}.0` : String(n));

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  for (const line of lines) if (!out.write(line)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/** Writes `<dir>/database/...`; returns the number of flight rows. */
export async function writeWorldDatabase(world: World, dir: string): Promise<{ flights: number }> {
  const db = join(dir, 'database');
  for (const sub of ['background', 'flights', 'accommodations', 'restaurants', 'attractions', 'googleDistanceMatrix'])
    mkdirSync(join(db, sub), { recursive: true });
  // No trailing newline: commonsense_constraint.py splits this file on '\n' and unpacks every piece.
  writeFileSync(
    join(db, 'background/citySet_with_states.txt'),
    world.cities.map((c) => `${c.name}\t${c.state}`).join('\n'),
  );
  writeFileSync(join(db, 'background/citySet.txt'), world.cities.map((c) => c.name).join('\n'));
  writeFileSync(join(db, 'background/stateSet.txt'), world.states.map((s) => s.name).join('\n'));

  let flights = 0;
  const n = world.cities.length;
  function* flightRows(): Generator<string> {
    yield csvLine(FLIGHT_COLUMNS);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++)
        for (let day = 1; day <= DAYS_IN_MONTH; day++) {
          for (const f of world.flightsBetween(i, j, day)) {
            flights++;
            yield csvLine([
              f.number,
              f.price,
              f.depTime,
              f.arrTime,
              f.elapsed,
              f.date,
              f.origin,
              f.dest,
              asFloat(f.distance),
            ]);
          }
        }
  }
  await writeLines(join(db, 'flights/clean_Flights_2022.csv'), flightRows());

  let row = 0;
  await writeLines(join(db, 'accommodations/clean_accommodations_2022.csv'), [
    csvLine([
      '',
      'NAME',
      'room type',
      'price',
      'minimum nights',
      'review rate number',
      'house_rules',
      'maximum occupancy',
      'city',
    ]),
    ...world.cities.flatMap((c) =>
      c.accommodations.map((a) =>
        csvLine([
          row++,
          a.name,
          a.roomType,
          asFloat(a.price),
          asFloat(a.minimumNights),
          asFloat(a.reviewRate),
          a.houseRules.join(' & '),
          a.maximumOccupancy,
          a.city,
        ]),
      ),
    ),
  ]);
  row = 0;
  await writeLines(join(db, 'restaurants/clean_restaurant_2022.csv'), [
    csvLine(['', 'Name', 'City', 'Cuisines', 'Average Cost', 'Aggregate Rating']),
    ...world.cities.flatMap((c) =>
      c.restaurants.map((r) => csvLine([row++, r.name, r.city, r.cuisines.join(', '), r.averageCost, r.rating])),
    ),
  ]);
  await writeLines(join(db, 'attractions/attractions.csv'), [
    csvLine(['Name', 'Latitude', 'Longitude', 'Address', 'Phone', 'Website', 'City']),
    ...world.cities.flatMap((c) =>
      c.attractions.map((a) => csvLine([a.name, a.latitude, a.longitude, a.address, a.phone, a.website, a.city])),
    ),
  ]);
  function* distanceRows(): Generator<string> {
    yield csvLine(['origin', 'destination', 'cost', 'duration', 'distance']);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        const d = world.driveBetween(i, j);
        const has = d.kmTenths !== null && d.minutes !== null;
        yield csvLine([
          d.origin,
          d.dest,
          '',
          has ? formatDriveDuration(d.minutes!) : '',
          has ? formatKm(d.kmTenths!) : '',
        ]);
      }
  }
  await writeLines(join(db, 'googleDistanceMatrix/distance.csv'), distanceRows());
  return { flights };
}

/** The scope a query's reference information was built from, rebuilt from its truth. */
export function scopeOf(world: World, truth: TravelTruth): TripScope {
  const q = truth.query;
  const state = q.days > 3 ? world.state(q.dest) : undefined;
  return buildScope(
    q.org,
    q.days,
    truth.candidates,
    truth.destinations,
    state ? { state: state.name, cities: [...state.cities] } : undefined,
  );
}

/** A query line in the HF dataset's fields; `reference_information` is the entry list as a JSON string (upstream: a string too). */
export function queryRecord(truth: TravelTruth): Record<string, unknown> {
  const world = worldFor(truth.world);
  const q = truth.query;
  return {
    org: q.org,
    dest: q.dest,
    days: q.days,
    visiting_city_number: q.visiting_city_number,
    date: q.date,
    people_number: q.people_number,
    local_constraint: q.local_constraint,
    budget: q.budget,
    query: q.query,
    level: q.level,
    reference_information: JSON.stringify(referenceEntries(world, q, scopeOf(world, truth))),
  };
}

/** A submission line as TravelPlanner's postprocess/combination.py writes it (1-based idx). */
export function planRecord(
  idx: number,
  truth: TravelTruth,
  plan: unknown = truth.referencePlan,
): Record<string, unknown> {
  return { idx, query: truth.query.query, plan };
}
