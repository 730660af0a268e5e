// Sole-planning reference information: TravelPlanner's list of {Description, Content} entries
// ("Flight from A to B on DATE", "Self-driving from A to B", "Attractions in X", ...), built from
// a trip's scope and rendered as text tables. The same entries are written out in the
// TravelPlanner export, so its tooling sees what the model saw.
import type { World } from './world/world.js';
import { formatDriveDuration, formatKm, selfDrivingCost, taxiCost } from './world/geometry.js';
import type { Drive } from './world/types.js';
import type { TripScope } from './query/scope.js';
import type { TravelQuery } from './query/types.js';

export interface ReferenceEntry {
  Description: string;
  Content: string;
}

const table = (header: readonly string[], rows: readonly (readonly (string | number)[])[]) =>
  [header.join(' | '), ...rows.map((r) => r.join(' | '))].join('\n');

/** The distance-matrix answer as upstream's GoogleDistanceMatrix.run phrases it. */
export function driveInfo(mode: 'self-driving' | 'taxi', d: Drive | undefined, from: string, to: string): string {
  if (!d || d.kmTenths === null || d.minutes === null) return `${mode}, from ${from} to ${to}, no valid information.`;
  if (!d.valid) return 'No valid information.';
  const cost = mode === 'self-driving' ? selfDrivingCost(d.kmTenths) : taxiCost(d.kmTenths);
  return `${mode}, from ${from} to ${to}, duration: ${formatDriveDuration(d.minutes)}, distance: ${formatKm(d.kmTenths)}, cost: ${cost}`;
}

/** TravelPlanner's flight table columns (its reference information and its flights CSV). */
export const FLIGHT_COLUMNS = [
  'Flight Number',
  'Price',
  'DepTime',
  'ArrTime',
  'ActualElapsedTime',
  'FlightDate',
  'OriginCityName',
  'DestCityName',
  'Distance',
];

export function referenceEntries(world: World, query: Pick<TravelQuery, 'date'>, scope: TripScope): ReferenceEntry[] {
  const out: ReferenceEntry[] = [];
  if (scope.stateCities)
    out.push({ Description: `Cities in ${scope.stateCities.state}`, Content: scope.stateCities.cities.join(', ') });
  const drivesDone = new Set<string>();
  for (const f of scope.flights) {
    const date = query.date[f.day]!;
    const flights = world.flights(f.from, f.to, date);
    out.push({
      Description: `Flight from ${f.from} to ${f.to} on ${date}`,
      Content: flights.length
        ? table(
            FLIGHT_COLUMNS,
            flights.map((x) => [
              x.number,
              x.price,
              x.depTime,
              x.arrTime,
              x.elapsed,
              x.date,
              x.origin,
              x.dest,
              x.distance,
            ]),
          )
        : `There is no flight from ${f.from} to ${f.to} on ${date}.`,
    });
    const pair = `${f.from}\u0000${f.to}`;
    if (drivesDone.has(pair) || !scope.drives.some((d) => d.from === f.from && d.to === f.to)) continue;
    drivesDone.add(pair);
    const d = world.drive(f.from, f.to);
    out.push({
      Description: `Self-driving from ${f.from} to ${f.to}`,
      Content: driveInfo('self-driving', d, f.from, f.to),
    });
    out.push({ Description: `Taxi from ${f.from} to ${f.to}`, Content: driveInfo('taxi', d, f.from, f.to) });
  }
  for (const name of scope.candidates) {
    const c = world.city(name)!;
    out.push({
      Description: `Attractions in ${c.name}`,
      Content: table(
        ['Name', 'Latitude', 'Longitude', 'Address', 'Phone', 'Website', 'City'],
        c.attractions.map((a) => [a.name, a.latitude, a.longitude, a.address, a.phone, a.website, a.city]),
      ),
    });
    out.push({
      Description: `Restaurants in ${c.name}`,
      Content: table(
        ['Name', 'Average Cost', 'Cuisines', 'Aggregate Rating', 'City'],
        c.restaurants.map((r) => [r.name, r.averageCost, r.cuisines.join(', '), r.rating, r.city]),
      ),
    });
    out.push({
      Description: `Accommodations in ${c.name}`,
      Content: table(
        [
          'NAME',
          'price',
          'room type',
          'house_rules',
          'minimum nights',
          'maximum occupancy',
          'review rate number',
          'city',
        ],
        c.accommodations.map((a) => [
          a.name,
          a.price,
          a.roomType,
          a.houseRules.join(' & '),
          a.minimumNights,
          a.maximumOccupancy,
          a.reviewRate,
          a.city,
        ]),
      ),
    });
  }
  return out;
}

export function renderReferenceInfo(entries: readonly ReferenceEntry[]): string {
  return entries.map((e) => `Description: ${e.Description}\nContent:\n${e.Content}`).join('\n\n');
}
