// What a query's reference information shows: the candidate cities (those a plan may visit plus
// decoys), and which flight and distance entries are listed. The planner plans with exactly
// this, so the reference plan never uses a record the model was not shown.

export interface FlightEntry {
  from: string;
  to: string;
  /** 0-based day of the trip. */ day: number;
}
export interface PairEntry {
  from: string;
  to: string;
}

export interface TripScope {
  /** Every city whose records are listed, in display order. */
  candidates: string[];
  /** The candidates a valid plan may visit: the destination city, or the listed cities of the destination state. */
  destinations: string[];
  flights: FlightEntry[];
  drives: PairEntry[];
  /** For 5- and 7-day trips, the destination state's cities (TravelPlanner's CitySearch). */
  stateCities?: { state: string; cities: string[] };
}

/**
 * The trip days on which travel between two visited cities is listed with flights: day 3 of a
 * 5-day trip, days 3 and 5 of a 7-day trip (every city two nights). Self-driving and taxis are
 * date-free, so other schedules stay open to a planner that drives.
 */
export function interCityFlightDays(days: number): number[] {
  return days === 5 ? [2] : days === 7 ? [2, 4] : [];
}

export function buildScope(
  org: string,
  days: number,
  candidates: string[],
  destinations: string[],
  stateCities?: TripScope['stateCities'],
): TripScope {
  const flights: FlightEntry[] = [];
  for (const c of candidates) flights.push({ from: org, to: c, day: 0 });
  for (const day of interCityFlightDays(days)) {
    for (const a of destinations) for (const b of destinations) if (a !== b) flights.push({ from: a, to: b, day });
  }
  for (const c of candidates) flights.push({ from: c, to: org, day: days - 1 });
  const seen = new Set<string>();
  const drives: PairEntry[] = [];
  for (const f of flights) {
    const key = `${f.from}\u0000${f.to}`;
    if (!seen.has(key)) {
      seen.add(key);
      drives.push({ from: f.from, to: f.to });
    }
  }
  const scope: TripScope = { candidates, destinations, flights, drives };
  if (stateCities) scope.stateCities = stateCities;
  return scope;
}

export class ScopeIndex {
  private readonly flightKeys: Set<string>;
  private readonly driveKeys: Set<string>;
  constructor(readonly scope: TripScope) {
    this.flightKeys = new Set(scope.flights.map((f) => `${f.from}\u0000${f.to}\u0000${f.day}`));
    this.driveKeys = new Set(scope.drives.map((d) => `${d.from}\u0000${d.to}`));
  }
  hasFlights(from: string, to: string, day: number): boolean {
    return this.flightKeys.has(`${from}\u0000${to}\u0000${day}`);
  }
  hasDrive(from: string, to: string): boolean {
    return this.driveKeys.has(`${from}\u0000${to}`);
  }
}
