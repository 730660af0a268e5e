// A seeded, self-consistent TravelPlanner world: states, cities on a plane, per-city attractions,
// restaurants and listings (distributions of §2.2), a distance matrix derived from the geometry,
// and flights per (origin, destination, date) whose prices track distance. Records are built
// once per city; drives and flights are derived on demand from keyed streams, so the same world
// seed gives the same world on every machine without storing its flight table.
//
// Determinism note: only integer coordinates, + - * / and Math.sqrt (correctly rounded in IEEE
// 754) feed any rounded quantity, so no result depends on the platform's libm.
import { Rng } from '../../../src/core/rng.js';
import { decodeFlightNumber, encodeFlightNumber, DAYS_IN_MONTH } from './flight-numbers.js';
import { byCodePoint, clockTime, formatFlightDuration } from './geometry.js';
import * as names from './names.js';
import {
  COMMON_CUISINES,
  HOUSE_RULES,
  QUERYABLE_CUISINES,
  type Accommodation,
  type Attraction,
  type City,
  type Cuisine,
  type Drive,
  type Flight,
  type HouseRule,
  type Restaurant,
  type RoomType,
  type State,
} from './types.js';

export interface WorldSpec {
  seed: number | string;
  /** Number of states. */
  states: number;
}

/** Bump when the world drawn for a spec changes (it is part of every item's truth). */
export const WORLD_VERSION = 1;

const PLANE_W = 4800;
const PLANE_H = 2800;
const MIN_STATE_GAP = 420;
const MIN_CITY_GAP = 30;
const MONTH = '2022-03';

/** Lower-cased, whitespace-collapsed: how names are compared everywhere. */
export function normalizeName(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function dateOfDay(day: number): string {
  return `${MONTH}-${String(day).padStart(2, '0')}`;
}

/** Day of month of a date in the world's month, or undefined. */
export function dayOfDate(date: string): number | undefined {
  const m = /^2022-03-(\d\d)$/.exec(date.trim());
  const d = m ? Number(m[1]) : NaN;
  return d >= 1 && d <= DAYS_IN_MONTH ? d : undefined;
}

interface CityIndex {
  restaurants: Map<string, Restaurant>;
  attractions: Map<string, Attraction>;
  accommodations: Map<string, Accommodation>;
}

export class World {
  readonly spec: WorldSpec;
  readonly key: string;
  readonly states: State[];
  readonly cities: City[];
  private readonly cityByName = new Map<string, City>();
  private readonly stateByName = new Map<string, State>();
  private readonly index = new Map<string, CityIndex>();
  private readonly flightOffset: number;
  private readonly driveMemo = new Map<number, Drive>();
  private readonly flightMemo = new Map<number, Flight[]>();

  constructor(spec: WorldSpec) {
    this.spec = { seed: spec.seed, states: spec.states };
    this.key = `travel-world|v${WORLD_VERSION}|${spec.seed}|${spec.states}`;
    const root = Rng.fromKey(this.key);
    this.flightOffset = root.fork('flight-offset').int(0, 9_999_999);

    const layout = root.fork('layout');
    const stateNames = names.drawNames(spec.states, () => names.stateName(layout), 'state');
    const abbrevs = names.stateAbbreviations(stateNames);
    const sizes = stateNames.map(() => [3, 4, 5, 6, 7, 8][layout.weighted([0.2, 0.2, 0.2, 0.15, 0.15, 0.1])]!);
    // 5- and 7-day trips need destination states with at least 4 cities; keep at least two.
    for (let i = 0; sizes.filter((s) => s >= 4).length < 2; i++) sizes[i] = 4;

    const centers = placeStateCenters(spec.states, layout);
    const takenCityNames: string[] = [...names.EXAMPLE_CITIES];
    const positions: { x: number; y: number }[] = [];
    this.states = [];
    this.cities = [];
    for (let s = 0; s < spec.states; s++) {
      const cityNames = names.drawNames(sizes[s]!, () => names.cityName(layout), 'city', takenCityNames);
      this.states.push({ name: stateNames[s]!, cities: cityNames });
      for (const name of cityNames) {
        const pos = placeCity(centers[s]!, positions, layout);
        positions.push(pos);
        const index = this.cities.length;
        const city: City = {
          name,
          state: stateNames[s]!,
          index,
          x: pos.x,
          y: pos.y,
          noRoad: layout.bool(0.06),
          attractions: [],
          restaurants: [],
          accommodations: [],
        };
        fillCityRecords(city, abbrevs[s]!, root.fork(`city:${index}`));
        this.cities.push(city);
      }
    }
    for (const st of this.states) this.stateByName.set(normalizeName(st.name), st);
    for (const c of this.cities) {
      this.cityByName.set(normalizeName(c.name), c);
      this.index.set(c.name, {
        restaurants: new Map(c.restaurants.map((r) => [normalizeName(r.name), r])),
        attractions: new Map(c.attractions.map((a) => [normalizeName(a.name), a])),
        accommodations: new Map(c.accommodations.map((a) => [normalizeName(a.name), a])),
      });
    }
  }

  city(name: string): City | undefined {
    return this.cityByName.get(normalizeName(name));
  }

  state(name: string): State | undefined {
    return this.stateByName.get(normalizeName(name));
  }

  restaurant(city: string, name: string): Restaurant | undefined {
    const c = this.city(city);
    return c ? this.index.get(c.name)!.restaurants.get(normalizeName(name)) : undefined;
  }

  attraction(city: string, name: string): Attraction | undefined {
    const c = this.city(city);
    return c ? this.index.get(c.name)!.attractions.get(normalizeName(name)) : undefined;
  }

  accommodation(city: string, name: string): Accommodation | undefined {
    const c = this.city(city);
    return c ? this.index.get(c.name)!.accommodations.get(normalizeName(name)) : undefined;
  }

  /** The distance-matrix row for an ordered pair of cities (by index). */
  driveBetween(i: number, j: number): Drive {
    const memoKey = i * this.cities.length + j;
    const hit = this.driveMemo.get(memoKey);
    if (hit) return hit;
    const a = this.cities[i]!;
    const b = this.cities[j]!;
    let drive: Drive;
    if (a.noRoad || b.noRoad || i === j) {
      drive = { origin: a.name, dest: b.name, kmTenths: null, minutes: null, valid: false };
    } else {
      const [lo, hi] = i < j ? [i, j] : [j, i];
      const pair = Rng.fromKey(`${this.key}|road|${lo}|${hi}`);
      const detour = 1.15 + 0.2 * pair.next();
      const speed = 78 + 20 * pair.next();
      const asym = 0.99 + 0.02 * Rng.fromKey(`${this.key}|road-dir|${i}|${j}`).next();
      const km = Math.sqrt((a.x - b.x) ** 2 + (a.y - b.y) ** 2) * detour * asym;
      let kmTenths = Math.max(5, Math.round(km * 10));
      if (kmTenths >= 1000) kmTenths = Math.round(kmTenths / 10) * 10; // whole km from 100 km on, as printed
      const minutes = Math.max(1, Math.round((kmTenths / 10 / speed) * 60));
      drive = { origin: a.name, dest: b.name, kmTenths, minutes, valid: minutes < 1440 };
    }
    this.driveMemo.set(memoKey, drive);
    return drive;
  }

  drive(origin: string, dest: string): Drive | undefined {
    const a = this.city(origin);
    const b = this.city(dest);
    return a && b ? this.driveBetween(a.index, b.index) : undefined;
  }

  /** Whether any flight ever serves the unordered pair (routes are fixed for the month). */
  hasRoute(i: number, j: number): boolean {
    if (i === j) return false;
    const [lo, hi] = i < j ? [i, j] : [j, i];
    const a = this.cities[lo]!;
    const b = this.cities[hi]!;
    const km = Math.sqrt((a.x - b.x) ** 2 + (a.y - b.y) ** 2);
    return Rng.fromKey(`${this.key}|route|${lo}|${hi}`).bool(km < 250 ? 0.25 : 0.8);
  }

  /** Flights from city i to city j on a day of the month, in departure order. */
  flightsBetween(i: number, j: number, day: number): Flight[] {
    if (day < 1 || day > DAYS_IN_MONTH) return [];
    const memoKey = (i * this.cities.length + j) * 32 + day;
    const hit = this.flightMemo.get(memoKey);
    if (hit) return hit;
    const out: Flight[] = [];
    if (this.hasRoute(i, j)) {
      const rng = Rng.fromKey(`${this.key}|flights|${i}|${j}|${day}`);
      const count = rng.weighted([0.25, 0.4, 0.25, 0.1]);
      const a = this.cities[i]!;
      const b = this.cities[j]!;
      const miles = Math.max(20, Math.round(Math.sqrt((a.x - b.x) ** 2 + (a.y - b.y) ** 2) / 1.609344));
      for (let k = 0; k < count; k++) {
        const dep = rng.int(300, 1320);
        const elapsed = Math.max(25, Math.round(35 + (miles * 60) / 480) + rng.int(-10, 25));
        const price = Math.min(995, Math.max(21, Math.round(45 + 0.11 * miles * rng.float(0.6, 1.5))));
        out.push({
          number: encodeFlightNumber({ origin: i, dest: j, day, k }, this.cities.length, this.flightOffset),
          price,
          depTime: clockTime(dep),
          arrTime: clockTime(dep + elapsed),
          elapsed: formatFlightDuration(elapsed),
          date: dateOfDay(day),
          origin: a.name,
          dest: b.name,
          distance: miles,
        });
      }
      out.sort((x, y) => byCodePoint(x.depTime, y.depTime) || byCodePoint(x.number, y.number));
    }
    this.flightMemo.set(memoKey, out);
    return out;
  }

  flights(origin: string, dest: string, date: string): Flight[] {
    const a = this.city(origin);
    const b = this.city(dest);
    const day = dayOfDate(date);
    return a && b && day ? this.flightsBetween(a.index, b.index, day) : [];
  }

  flightByNumber(number: string): Flight | undefined {
    const slot = decodeFlightNumber(number.trim().toUpperCase(), this.cities.length, this.flightOffset);
    if (!slot || slot.origin >= this.cities.length || slot.dest >= this.cities.length) return undefined;
    return this.flightsBetween(slot.origin, slot.dest, slot.day).find((f) => f.number === number.trim().toUpperCase());
  }
}

function placeStateCenters(count: number, rng: Rng): { x: number; y: number }[] {
  const centers: { x: number; y: number }[] = [];
  let gap = MIN_STATE_GAP;
  for (let tries = 0; centers.length < count; tries++) {
    if (tries > 0 && tries % 500 === 0) gap *= 0.9; // a crowded plane: relax rather than loop forever
    const c = { x: rng.int(250, PLANE_W - 250), y: rng.int(250, PLANE_H - 250) };
    if (centers.every((o) => (o.x - c.x) ** 2 + (o.y - c.y) ** 2 >= gap * gap)) centers.push(c);
  }
  return centers;
}

function placeCity(
  center: { x: number; y: number },
  taken: readonly { x: number; y: number }[],
  rng: Rng,
): { x: number; y: number } {
  let gap = MIN_CITY_GAP;
  for (let tries = 1; ; tries++) {
    if (tries % 200 === 0) gap *= 0.8;
    const dx = rng.int(-320, 320);
    const dy = rng.int(-320, 320);
    if (dx * dx + dy * dy > 320 * 320) continue; // a disc, drawn without trigonometry
    const p = { x: center.x + dx, y: center.y + dy };
    if (taken.every((o) => (o.x - p.x) ** 2 + (o.y - p.y) ** 2 >= gap * gap)) return p;
  }
}

const CUISINE_LABELS: readonly Cuisine[] = [...COMMON_CUISINES, ...QUERYABLE_CUISINES];
/** Common labels are about 2.6 times as frequent as the queryable ones (§2.2: ~1,000 vs ~400). */
const CUISINE_WEIGHTS = CUISINE_LABELS.map((c) => ((COMMON_CUISINES as readonly string[]).includes(c) ? 2.6 : 1));

function fillCityRecords(city: City, stateAbbrev: string, rng: Rng): void {
  const attractionNames = names.drawNames(rng.int(12, 20), () => names.attractionName(rng), 'attraction');
  city.attractions = attractionNames.map((name) => {
    const lat = 24.5 + (PLANE_H - city.y) / 111 + rng.int(-3000, 3000) / 100_000;
    const lon = -124 + city.x / 85 + rng.int(-3000, 3000) / 100_000;
    return {
      name,
      latitude: lat.toFixed(7),
      longitude: lon.toFixed(7),
      address: names.streetAddress(rng, city.name, stateAbbrev),
      phone: rng.bool(0.15)
        ? 'Unknown'
        : `(${rng.int(201, 989)}) ${rng.int(200, 999)}-${String(rng.int(0, 9999)).padStart(4, '0')}`,
      website: rng.bool(0.2) ? 'Unknown' : `https://www.${name.toLowerCase().replace(/[^a-z]+/g, '')}.org/`,
      city: city.name,
    };
  });

  const restaurantNames = names.drawNames(rng.int(20, 50), () => names.restaurantName(rng), 'restaurant');
  city.restaurants = restaurantNames.map((name) => ({
    name,
    averageCost: rng.int(10, 110),
    cuisines: drawCuisines(rng),
    rating: rng.bool(0.05) ? '0.0' : (rng.int(30, 50) / 10).toFixed(1),
    city: city.name,
  }));

  const count = rng.int(6, 18);
  const taken: string[] = [];
  city.accommodations = [];
  for (let i = 0; i < count; i++) {
    const roomType: RoomType = (['Entire home/apt', 'Private room', 'Shared room'] as const)[
      rng.weighted([0.52, 0.464, 0.016])
    ]!;
    const kind = roomType === 'Entire home/apt' ? 'entire' : roomType === 'Private room' ? 'private' : 'shared';
    const [name] = names.drawNames(1, () => names.listingName(rng, kind), 'listing', taken);
    city.accommodations.push({
      name: name!,
      price: rng.int(51, 1195),
      roomType,
      houseRules: drawHouseRules(rng),
      minimumNights: [1, 2, 3, 4, 5, 6, 7, 10, 14, 20, 30][
        rng.weighted([0.35, 0.25, 0.15, 0.03, 0.03, 0.03, 0.03, 0.04, 0.04, 0.025, 0.025])
      ]!,
      maximumOccupancy: occupancy(roomType, rng),
      reviewRate: rng.int(1, 5),
      city: city.name,
    });
  }
}

/** 2–5 distinct labels, the common ones more likely. */
function drawCuisines(rng: Rng): Cuisine[] {
  const k = rng.int(2, 5);
  const labels = [...CUISINE_LABELS];
  const weights = [...CUISINE_WEIGHTS];
  const out: Cuisine[] = [];
  while (out.length < k) {
    const i = rng.weighted(weights);
    out.push(labels[i]!);
    labels.splice(i, 1);
    weights.splice(i, 1);
  }
  return out;
}

/** Each rule with probability 0.25, at least one (then each appears on about a third of listings). */
function drawHouseRules(rng: Rng): HouseRule[] {
  for (;;) {
    const rules = HOUSE_RULES.filter(() => rng.bool(0.25));
    if (rules.length) return rng.shuffle(rules);
  }
}

function occupancy(roomType: RoomType, rng: Rng): number {
  if (roomType === 'Shared room') return 1;
  if (roomType === 'Private room') return rng.bool(0.45) ? 1 : 2;
  return 2 + rng.weighted([0.3, 0.2, 0.15, 0.1, 0.08, 0.06, 0.05, 0.03, 0.02, 0.01]);
}

const cache = new Map<string, World>();
const CACHE_LIMIT = 16;

/** The world for a spec, built once per process (worlds are pure functions of their spec). */
export function worldFor(spec: WorldSpec): World {
  const key = `${spec.seed}|${spec.states}`;
  let w = cache.get(key);
  if (!w) {
    w = new World(spec);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, w);
  }
  return w;
}
